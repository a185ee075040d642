import type { Db } from './client';

/**
 * Runs `fn` while holding a PostgreSQL advisory lock on `key`, so two workers never perform the
 * same side effect at once (e.g. creating the store shipment for one fulfilment shipment).
 * The lock is transaction-scoped: it is released even if the process dies.
 */
export async function withAdvisoryLock<T>(
  db: Db,
  key: string,
  fn: () => Promise<T>,
  timeoutMs = 60_000,
): Promise<T> {
  return db.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${key}, 0))`;
      return fn();
    },
    { timeout: timeoutMs, maxWait: timeoutMs },
  );
}
