import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { Client } from 'pg';

const DB_PACKAGE = path.resolve(__dirname, '../../../../packages/db');

/** A fresh demo database with every migration applied through Prisma's own `migrate deploy`. */
export async function prepareDemoDatabase(url: string): Promise<void> {
  const target = new URL(url);
  const name = target.pathname.slice(1);
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
  execFileSync('pnpm', ['exec', 'prisma', 'migrate', 'deploy'], {
    cwd: DB_PACKAGE,
    env: { ...process.env, DATABASE_URL: url },
    stdio: 'ignore',
  });
}
