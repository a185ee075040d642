import { RateLimitedError } from '@shiplink/errors';
import type { Logger } from '@shiplink/logger';
import type { Pool } from 'pg';
import { createPgPool } from './pg-pool';

const LOCK =
  'SELECT true AS held FROM (SELECT pg_advisory_lock(hashtextextended($1, 0))) AS locked';
const TRY_LOCK = 'SELECT pg_try_advisory_lock(hashtextextended($1, 0)) AS held';
const UNLOCK = 'SELECT pg_advisory_unlock(hashtextextended($1, 0))';
/** How long a job waits before it asks again for a lock connection this process has none of. */
const BUSY_RETRY_MS = 1_000;

/**
 * Session-level PostgreSQL advisory locks on a pool of their own, so that a worker holding a
 * lock across a provider call never competes with its own queries for a connection. A lock dies
 * with its connection, so a crashed worker cannot leave one behind.
 */
export class LockPool {
  private readonly pool: Pool;
  /** Connections checked out by this process's locks right now. */
  private inUse = 0;

  constructor(
    databaseUrl: string,
    private readonly size = 10,
    logger?: Logger,
  ) {
    this.pool = createPgPool(databaseUrl, { size, logger, purpose: 'locks' });
  }

  /** Runs `fn` while holding the lock named `key`; callers with the same key wait their turn. */
  async withLock<T>(key: string, fn: () => Promise<T>): Promise<T> {
    return (await this.hold(LOCK, key, fn)).value as T;
  }

  /** Runs `fn` only if the lock named `key` is free now; undefined when someone holds it. */
  async tryWithLock<T>(key: string, fn: () => Promise<T>): Promise<T | undefined> {
    const outcome = await this.hold(TRY_LOCK, key, fn);
    return outcome.held ? outcome.value : undefined;
  }

  private async hold<T>(
    acquire: string,
    key: string,
    fn: () => Promise<T>,
  ): Promise<{ held: boolean; value?: T }> {
    const client = await this.connect();
    this.inUse += 1;
    // A checked-out client has no pool listener: if the server drops it while `fn` runs, the
    // error must land here rather than crash the process. The lock went with the connection.
    let broken: Error | undefined;
    const onError = (error: Error) => {
      broken = error;
    };
    client.on('error', onError);
    const session = <R>(run: () => Promise<R>) =>
      run().catch((error: unknown) => {
        broken ??= error instanceof Error ? error : new Error(String(error));
        throw error;
      });
    try {
      const { rows } = await session(() => client.query<{ held: boolean }>(acquire, [key]));
      if (!rows[0]?.held) return { held: false };
      try {
        return { held: true, value: await fn() };
      } finally {
        if (!broken) await session(() => client.query(UNLOCK, [key]));
      }
    } finally {
      this.inUse -= 1;
      client.removeListener('error', onError);
      // A session that failed is destroyed, never handed to the next caller with a lock held.
      client.release(broken);
    }
  }

  /**
   * A connection for one lock. When every connection is held by this process's own locks (jobs
   * waiting on a slow provider while holding theirs), the wait is not an outage and not the job's
   * fault: the job is delayed, without spending an attempt, instead of failing.
   */
  private async connect() {
    try {
      return await this.pool.connect();
    } catch (error) {
      // A server that cannot be reached is an outage; every connection held by our own locks is not.
      if (this.inUse < this.size) throw error;
      throw new RateLimitedError('every advisory-lock connection is in use', BUSY_RETRY_MS, {
        reason: 'locks.busy',
      });
    }
  }

  close(): Promise<void> {
    return this.pool.end();
  }
}
