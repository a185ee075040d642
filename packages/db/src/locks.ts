import type { Pool } from 'pg';
import { createPgPool } from './pg-pool';

/**
 * Session-level PostgreSQL advisory locks on a pool of their own, so that a worker holding a
 * lock across a provider call never competes with its own queries for a connection. A lock dies
 * with its connection, so a crashed worker cannot leave one behind.
 */
export class LockPool {
  private readonly pool: Pool;

  constructor(databaseUrl: string, size = 10) {
    this.pool = createPgPool(databaseUrl, size);
  }

  /** Runs `fn` while holding the lock named `key`; callers with the same key wait their turn. */
  async withLock<T>(key: string, fn: () => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('SELECT pg_advisory_lock(hashtextextended($1, 0))', [key]);
      try {
        return await fn();
      } finally {
        await client.query('SELECT pg_advisory_unlock(hashtextextended($1, 0))', [key]);
      }
    } finally {
      client.release();
    }
  }

  close(): Promise<void> {
    return this.pool.end();
  }
}
