import type { Db } from './client';

/**
 * The newest migration this build's queries are written against (a test keeps it equal to the
 * newest folder in prisma/migrations). A process is not ready until the database has it, so a
 * rollout waits for its migration job instead of querying tables that do not exist yet.
 */
export const EXPECTED_MIGRATION = '20261220100000_order_email_search';

export type SchemaState = 'current' | 'behind' | 'failed';

/** Where the database stands against this build, from Prisma's own migration table. */
export async function schemaState(db: Db): Promise<SchemaState> {
  const rows = await db.$queryRaw<{ migration_name: string; finished: boolean }[]>`
    SELECT migration_name, finished_at IS NOT NULL AS finished
    FROM _prisma_migrations
    WHERE rolled_back_at IS NULL`;
  // A migration that started and never finished needs a person (`prisma migrate resolve`).
  if (rows.some((row) => !row.finished)) return 'failed';
  return rows.some((row) => row.migration_name === EXPECTED_MIGRATION) ? 'current' : 'behind';
}
