/**
 * `node dist/migrate.js` in the ingress image: `prisma migrate deploy` without the Prisma CLI
 * (over 100 MB with its dependencies). It drives Prisma's schema engine as the CLI does: the
 * native binary named by PRISMA_SCHEMA_ENGINE_BINARY when that is set, else the WebAssembly build
 * of the same engine through packages/db/tools/schema-engine-wasm-shim.mjs. The database is
 * created if missing; the engine applies the pending migrations of prisma/migrations in order,
 * records each in _prisma_migrations, and stops at a failed one (P3009) as the CLI does.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';

// The image's layout: /app/dist/migrate.js, /app/prisma/{schema.prisma,migrations}.
const ROOT = path.resolve(__dirname, '..');
const SCHEMA = path.join(ROOT, 'prisma', 'schema.prisma');
const MIGRATIONS = path.join(ROOT, 'prisma', 'migrations');
const ENGINE =
  process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? path.join(__dirname, 'schema-engine-wasm-shim.mjs');

interface EngineLog {
  level?: string;
  fields?: { message?: string; error_code?: string };
}

/** The engine as a child process; the shim is a script, so node runs it. */
function startEngine(args: string[]) {
  const [command, argv] = /\.[cm]?js$/.test(ENGINE)
    ? [process.execPath, [ENGINE, ...args]]
    : [ENGINE, args];
  return spawn(command, argv, { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
}

function errorOf(stderr: string): EngineLog['fields'] {
  const lines = stderr.split('\n').flatMap((line): EngineLog[] => {
    try {
      return [JSON.parse(line) as EngineLog];
    } catch {
      return [];
    }
  });
  return lines.find((line) => line.level === 'ERROR')?.fields ?? { message: stderr.trim() };
}

/** `schema-engine cli <command>`: exits 0, or non-zero with an ERROR log line on stderr. */
function engineCli(url: string, command: string): Promise<EngineLog['fields'] | null> {
  const child = startEngine(['--datasource', JSON.stringify({ url }), 'cli', command]);
  child.stdin.end();
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve(code === 0 ? null : errorOf(stderr)));
  });
}

async function ensureDatabase(url: string): Promise<void> {
  const unreachable = await engineCli(url, 'can-connect-to-database');
  if (!unreachable) return;
  if (unreachable.error_code !== 'P1003') {
    throw new Error(`${unreachable.error_code ?? 'error'}: ${unreachable.message}`);
  }
  const failed = await engineCli(url, 'create-database');
  if (failed) throw new Error(`${failed.error_code ?? 'error'}: ${failed.message}`);
  process.stdout.write(`PostgreSQL database ${new URL(url).pathname.slice(1)} created\n`);
}

/** The migrations folder as the CLI hands it to the engine. */
function migrationsList() {
  const read = (file: string) => fs.readFileSync(path.join(MIGRATIONS, file), 'utf8');
  const lockfile = 'migration_lock.toml';
  const directories = fs
    .readdirSync(MIGRATIONS, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort((a, b) => a.localeCompare(b));
  return {
    baseDir: MIGRATIONS,
    lockfile: {
      path: lockfile,
      content: fs.existsSync(path.join(MIGRATIONS, lockfile)) ? read(lockfile) : null,
    },
    migrationDirectories: directories.map((name) => ({
      path: name,
      migrationFile: {
        path: 'migration.sql',
        content: { tag: 'ok', value: read(path.join(name, 'migration.sql')) },
      },
    })),
    shadowDbInitScript: '',
  };
}

interface RpcAnswer {
  id?: number;
  result?: { appliedMigrationNames: string[] };
  error?: { message: string; data?: { message?: string; error_code?: string } };
}

/** One JSON-RPC call over the engine's stdin/stdout, then the engine is let go. */
function applyMigrations(url: string, params: object): Promise<string[]> {
  const child = startEngine(['--datamodels', SCHEMA, '--datasource', JSON.stringify({ url })]);
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdin.write(
    `${JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'applyMigrations', params })}\n`,
  );
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', () =>
      reject(new Error(`the schema engine stopped: ${errorOf(stderr)?.message}`)),
    );
    readline.createInterface({ input: child.stdout }).on('line', (line) => {
      const answer = JSON.parse(line) as RpcAnswer;
      if (answer.id !== 1) return;
      child.removeAllListeners('close');
      child.stdin.end();
      if (answer.result) return resolve(answer.result.appliedMigrationNames);
      const detail = answer.error?.data;
      reject(
        new Error(`${detail?.error_code ?? 'error'}: ${detail?.message ?? answer.error?.message}`),
      );
    });
  });
}

async function main(): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is not set');
  await ensureDatabase(url);
  const list = migrationsList();
  process.stdout.write(
    `${list.migrationDirectories.length} migrations found in prisma/migrations\n`,
  );
  const applied = await applyMigrations(url, {
    migrationsList: list,
    filters: { externalTables: [], externalEnums: [] },
  });
  process.stdout.write(
    applied.length === 0
      ? 'No pending migrations to apply.\n'
      : `Applied:\n${applied.map((name) => `  ${name}\n`).join('')}All migrations have been successfully applied.\n`,
  );
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(
      `migrate failed: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    process.exit(1);
  },
);
