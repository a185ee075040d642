import { Pool } from 'pg';

/** A node-postgres pool on the same database and schema as the Prisma client. */
export function createPgPool(databaseUrl: string, size: number): Pool {
  const url = new URL(databaseUrl);
  const schema = url.searchParams.get('schema');
  url.searchParams.delete('schema');
  return new Pool({
    connectionString: url.toString(),
    max: size,
    ...(schema ? { options: `-c search_path="${schema.replace(/"/g, '""')}"` } : {}),
  });
}
