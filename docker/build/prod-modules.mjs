// The node_modules an app's bundle needs at run time, and nothing else:
//   node docker/build/prod-modules.mjs <out> <app>/dist/externals.json
//   node docker/build/prod-modules.mjs <out> <dir>:<package> ...     (found from <dir>)
// Copies each package named (and its dependencies, optional dependencies and required peers)
// from the frozen-lockfile install into <out>/node_modules, in pnpm's own layout:
// node_modules/.pnpm/<key>/node_modules/<name>, its dependencies linked beside it, the named
// packages linked at the top. Dev-only tools (TypeScript, tsx, the Prisma CLI) are never reached.
// Type declarations, sources, source maps and docs are left behind. Adds to an existing <out>.
import fs from 'node:fs';
import path from 'node:path';
import { findPackage } from './find-package.mjs';

const [out, ...lists] = process.argv.slice(2);
if (!out || lists.length === 0)
  throw new Error('usage: prod-modules.mjs <out> <list.json | dir:pkg>...');
const top = {};
for (const arg of lists) {
  if (arg.endsWith('.json')) {
    Object.assign(top, JSON.parse(fs.readFileSync(arg, 'utf8')));
    continue;
  }
  const [from, name] = arg.split(':');
  top[name] = findPackage(name, path.resolve(from));
  if (!top[name]) throw new Error(`${name} is not installed in ${from}`);
}

const modules = path.join(out, 'node_modules');
const SKIP_FILE = /\.([cm]?ts|map|md|markdown)$/i;
const KEEP_FILE = /^(licen[cs]e|notice|copying)/i;
const SKIP_DIR = new Set(['node_modules', '.github', '__tests__']);
/** Per package, files that are never loaded here. */
const DROP = {
  // The generated client (PostgreSQL) loads runtime/client.js and the fast PostgreSQL query
  // compiler; the other databases' compilers and the edge runtime are 60 MB.
  '@prisma/client': (rel) =>
    rel.startsWith('runtime/') &&
    !/^runtime\/(client|query_compiler_fast_bg\.postgresql(\.wasm-base64)?)\.js$/.test(rel),
};

function storeEntry(dir) {
  const match = /\/node_modules\/\.pnpm\/([^/]+)\/node_modules\/(.+)$/.exec(dir);
  if (!match) throw new Error(`${dir} is not in pnpm's store; workspace code must be bundled`);
  const siblings = path.join(modules, '.pnpm', match[1], 'node_modules');
  return { name: match[2], siblings, at: path.join(siblings, match[2]) };
}

function runtimeDependencies(manifest) {
  const optionalPeer = (name) => manifest.peerDependenciesMeta?.[name]?.optional;
  return [
    ...Object.keys(manifest.dependencies ?? {}).map((name) => ({ name, optional: false })),
    ...Object.keys(manifest.optionalDependencies ?? {}).map((name) => ({ name, optional: true })),
    ...Object.keys(manifest.peerDependencies ?? {})
      .filter((name) => !optionalPeer(name))
      .map((name) => ({ name, optional: true })),
  ];
}

function link(from, to) {
  fs.mkdirSync(path.dirname(from), { recursive: true });
  if (!fs.existsSync(from)) fs.symlinkSync(path.relative(path.dirname(from), to), from);
}

function copy(dir) {
  const entry = storeEntry(dir);
  if (fs.existsSync(entry.at)) return entry;
  const drop = DROP[entry.name];
  fs.cpSync(dir, entry.at, {
    recursive: true,
    filter(src) {
      const rel = path.relative(dir, src);
      const base = path.basename(src);
      if (rel === '') return true;
      if (fs.statSync(src).isDirectory()) return !SKIP_DIR.has(base);
      return (KEEP_FILE.test(base) || !SKIP_FILE.test(base)) && !drop?.(rel);
    },
  });
  const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
  for (const dependency of runtimeDependencies(manifest)) {
    const found = findPackage(dependency.name, dir);
    if (!found && dependency.optional) continue;
    if (!found) throw new Error(`${entry.name} needs ${dependency.name}, which is not installed`);
    const target = copy(found);
    link(path.join(entry.siblings, dependency.name), target.at);
  }
  return entry;
}

for (const [name, dir] of Object.entries(top)) link(path.join(modules, name), copy(dir).at);
