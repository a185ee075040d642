import { PrismaPg } from '@prisma/adapter-pg';
import type { Logger } from '@shiplink/logger';
import { PrismaClient } from './generated/prisma/client';
import { createPgPool } from './pg-pool';

export type Db = PrismaClient;

export interface DbOptions {
  /** Prisma's connection pool size. */
  poolSize?: number;
  logger?: Logger | undefined;
}

/**
 * One Prisma client over node-postgres. `?schema=` in the URL scopes the session's search_path,
 * which is how tests get a schema each. The pool is ours, so it survives a server restart the
 * same way the other pools do.
 */
export function createDb(databaseUrl: string, options: DbOptions = {}): Db {
  const schema = new URL(databaseUrl).searchParams.get('schema');
  const pool = createPgPool(databaseUrl, {
    size: options.poolSize ?? 10,
    logger: options.logger,
    purpose: 'orm',
  });
  const adapter = new PrismaPg(pool, {
    ...(schema ? { schema } : {}),
    disposeExternalPool: true,
    onConnectionError: (error) =>
      options.logger?.warn('database connection lost', { pool: 'orm', error: error.message }),
  });
  return new PrismaClient({ adapter });
}
