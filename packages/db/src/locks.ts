import type { Logger } from '@shiplink/logger';
import type { Pool } from 'pg';
import { createPgPool } from './pg-pool';

const LOCK = 'SELECT pg_advisory_lock(hashtextextended($1, 0))';
const UNLOCK = 'SELECT pg_advisory_unlock(hashtextextended($1, 0))';

/**
 * Session-level PostgreSQL advisory locks on a pool of their own, so that a worker holding a
 * lock across a provider call never competes with its own queries for a connection. A lock dies
 * with its connection, so a crashed worker cannot leave one behind.
 */
export class LockPool {
  private readonly pool: Pool;

  constructor(databaseUrl: string, size = 10, logger?: Logger) {
    this.pool = createPgPool(databaseUrl, { size, logger, purpose: 'locks' });
  }

  /** Runs `fn` while holding the lock named `key`; callers with the same key wait their turn. */
  async withLock<T>(key: string, fn: () => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
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
      await session(() => client.query(LOCK, [key]));
      try {
        return await fn();
      } finally {
        if (!broken) await session(() => client.query(UNLOCK, [key]));
      }
    } finally {
      client.removeListener('error', onError);
      // A session that failed is destroyed, never handed to the next caller with a lock held.
      client.release(broken);
    }
  }

  close(): Promise<void> {
    return this.pool.end();
  }
}
