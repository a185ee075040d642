import { createPgPool } from '../../packages/db/src/pg-pool';
import { createRedis } from '../../packages/jobs/src/redis';

/** Drops and creates the smoke test's own database (the migrations run from the image). */
export async function freshDatabase(databaseUrl: string): Promise<void> {
  const url = new URL(databaseUrl);
  const name = url.pathname.slice(1).replace(/"/g, '""');
  url.pathname = '/postgres';
  const admin = createPgPool(url.toString(), { size: 1, purpose: 'smoke' });
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
}

/** Deletes every key under the smoke test's queue prefix, so no earlier job comes back. */
export async function freshQueues(redisUrl: string, prefix: string): Promise<void> {
  const redis = createRedis(redisUrl, 'worker');
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      if (keys.length) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}
