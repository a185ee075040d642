import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from './generated/prisma/client';

export type Db = PrismaClient;

export interface DbOptions {
  /** Prisma's connection pool size. */
  poolSize?: number;
}

/**
 * One Prisma client over node-postgres. `?schema=` in the URL scopes the session's search_path,
 * which is how tests get a schema each.
 */
export function createDb(databaseUrl: string, options: DbOptions = {}): Db {
  const url = new URL(databaseUrl);
  const schema = url.searchParams.get('schema');
  url.searchParams.delete('schema');
  const adapter = new PrismaPg(
    {
      connectionString: url.toString(),
      max: options.poolSize ?? 10,
      ...(schema ? { options: `-c search_path="${schema.replace(/"/g, '""')}"` } : {}),
    },
    schema ? { schema } : undefined,
  );
  return new PrismaClient({ adapter });
}
