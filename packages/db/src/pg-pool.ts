import type { Logger } from '@shiplink/logger';
import { Pool } from 'pg';

export interface PgPoolOptions {
  size: number;
  /** Told about connections the server dropped; without a listener they would crash the process. */
  logger?: Logger | undefined;
  /** Which pool the log line names. */
  purpose: string;
}

/** How long a caller waits for a connection before failing; an outage must answer, not hang. */
const CONNECT_TIMEOUT_MS = 5_000;

/**
 * A node-postgres pool on the same database and schema as the Prisma client. A server restart
 * terminates every connection: idle ones are reported here and replaced on the next checkout,
 * busy ones fail their query, which the caller sees as an outage (503 or a job retry).
 */
export function createPgPool(databaseUrl: string, options: PgPoolOptions): Pool {
  const url = new URL(databaseUrl);
  const schema = url.searchParams.get('schema');
  url.searchParams.delete('schema');
  const pool = new Pool({
    connectionString: url.toString(),
    max: options.size,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    idleTimeoutMillis: 30_000,
    keepAlive: true,
    ...(schema ? { options: `-c search_path="${schema.replace(/"/g, '""')}"` } : {}),
  });
  pool.on('error', (error) => {
    options.logger?.warn('database connection lost', {
      pool: options.purpose,
      error: error.message,
    });
  });
  return pool;
}
