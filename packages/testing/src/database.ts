import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { Client } from 'pg';

const REPO_ROOT = path.resolve(__dirname, '../../..');
const MIGRATIONS = path.join(REPO_ROOT, 'prisma/migrations');

/** The server tests use; each test file gets its own schema in this database. */
export const TEST_DATABASE_URL =
  process.env.TEST_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/shiplink_test';

async function ensureDatabase(url: URL): Promise<void> {
  const name = url.pathname.slice(1);
  const admin = new Client({ connectionString: withDatabase(url, 'postgres') });
  await admin.connect();
  try {
    // Test processes start together; one at a time checks and creates, so none races another.
    await admin.query("SELECT pg_advisory_lock(hashtext('shiplink.test-database'))");
    const found = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount === 0) await admin.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
  } finally {
    await admin.end();
  }
}

function withDatabase(url: URL, database: string): string {
  const copy = new URL(url.toString());
  copy.pathname = `/${database}`;
  copy.search = '';
  return copy.toString();
}

/** Prisma's own bookkeeping table, as `migrate deploy` creates it. */
const MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum" VARCHAR(64) NOT NULL,
  "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL,
  "logs" TEXT,
  "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

/**
 * Runs every migration in order, the way `prisma migrate deploy` would, and records each in
 * `_prisma_migrations` as it does (readiness reads that table): into `schema` (created here)
 * when one is given, otherwise into the database's default schema.
 */
export async function applyMigrations(connectionString: string, schema?: string): Promise<void> {
  const client = new Client({ connectionString });
  await client.connect();
  try {
    if (schema) {
      await client.query(`CREATE SCHEMA "${schema}"`);
      await client.query(`SET search_path TO "${schema}"`);
    }
    for (const dir of readdirSync(MIGRATIONS)
      .filter((d) => /^\d/.test(d))
      .sort()) {
      const script = readFileSync(path.join(MIGRATIONS, dir, 'migration.sql'), 'utf8');
      // Statement by statement, split where Prisma's PostgreSQL adapter splits a migration (at
      // every ';', comments included), so a migration `migrate deploy` would choke on fails here.
      for (const statement of script.split(';').filter((part) => part.trim())) {
        await client.query(statement);
      }
      await client.query(MIGRATIONS_TABLE);
      await client.query(
        `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, applied_steps_count)
         VALUES ($1, $2, now(), $3, 1)`,
        [randomUUID(), createHash('sha256').update(script).digest('hex'), dir],
      );
    }
  } finally {
    await client.end();
  }
}

export interface TestDatabase {
  /** A URL with `?schema=` that the db package scopes its sessions to. */
  url: string;
  schema: string;
  drop(): Promise<void>;
}

/** A fresh schema with every migration applied, the way `prisma migrate deploy` would. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const base = new URL(TEST_DATABASE_URL);
  await ensureDatabase(base);
  const schema = `t_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  await applyMigrations(withDatabase(base, base.pathname.slice(1)), schema);
  const url = new URL(base.toString());
  url.searchParams.set('schema', schema);
  return {
    url: url.toString(),
    schema,
    async drop() {
      const admin = new Client({ connectionString: withDatabase(base, base.pathname.slice(1)) });
      await admin.connect();
      try {
        await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      } finally {
        await admin.end();
      }
    },
  };
}
