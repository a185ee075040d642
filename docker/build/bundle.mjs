// An app's production build, run from the app's folder by its `build` script:
//   node ../../docker/build/bundle.mjs src/main.ts cli=src/cli/main.ts 'x/*/y=../pkg/src/*/y.ts'
// Each argument is an entry point, `[name=]file` (name defaults to the file's base name); a `*`
// in the file matches one folder name, substituted into the name. The workspace's own TypeScript
// (@shiplink/*) is bundled into dist/<name>.js as CommonJS. Every other package stays an external
// require(), loaded from node_modules at run time, so OpenTelemetry's require hooks still patch
// http, express, pg and ioredis. dist/externals.json names those packages and the folder each
// resolved to, for prod-modules.mjs to copy.
import fs from 'node:fs';
import { createRequire, isBuiltin } from 'node:module';
import path from 'node:path';
import { findPackage } from './find-package.mjs';

const appDir = process.cwd();
const esbuild = createRequire(path.join(appDir, 'package.json'))('esbuild');
const outdir = path.join(appDir, 'dist');
const WORKSPACE = /^@shiplink\//;
const BARE = /^[^./<]/;

function entryPoints(args) {
  return args.flatMap((arg) => {
    const [name, file] = arg.includes('=') ? arg.split('=') : [null, arg];
    const out = name ?? path.basename(file).replace(/\.[cm]?ts$/, '');
    if (!file.includes('*')) return [{ in: file, out }];
    const [before, after] = file.split('*');
    return fs
      .readdirSync(before)
      .filter((dir) => fs.existsSync(`${before}${dir}${after}`))
      .map((dir) => ({ in: `${before}${dir}${after}`, out: out.replace('*', dir) }));
  });
}

const packageName = (specifier) =>
  specifier
    .split('/')
    .slice(0, specifier.startsWith('@') ? 2 : 1)
    .join('/');

const keepExternal = {
  name: 'third-party-external',
  setup(build) {
    build.onResolve({ filter: BARE }, ({ path: specifier }) =>
      WORKSPACE.test(specifier) ? undefined : { path: specifier, external: true },
    );
  },
};

const entries = entryPoints(process.argv.slice(2));
if (entries.length === 0) throw new Error('usage: bundle.mjs [name=]entry.ts ...');
fs.rmSync(outdir, { recursive: true, force: true });
const result = await esbuild.build({
  entryPoints: entries,
  outdir,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  keepNames: true,
  sourcemap: 'linked',
  sourcesContent: false,
  metafile: true,
  logLevel: 'warning',
  plugins: [keepExternal],
});

// Which folder each external package resolves to from the files that import it; one each,
// since the bundle's require() finds a single copy next to dist/.
const externals = {};
for (const [file, input] of Object.entries(result.metafile.inputs)) {
  for (const { path: specifier, external } of input.imports) {
    // Type-only imports are listed unresolved, as external; `<runtime>` is esbuild's helpers.
    if (!external || !BARE.test(specifier) || isBuiltin(specifier)) continue;
    const name = packageName(specifier);
    const dir = findPackage(name, path.dirname(path.resolve(file)));
    if (!dir) throw new Error(`${file} imports ${name}, which is not installed for it`);
    if (externals[name] && externals[name] !== dir) {
      throw new Error(`${name} resolves to two copies (${externals[name]}, ${dir}); align them`);
    }
    externals[name] = dir;
  }
}
fs.writeFileSync(path.join(outdir, 'externals.json'), `${JSON.stringify(externals, null, 2)}\n`);
