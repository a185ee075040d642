import { RateLimitedError } from '@shiplink/errors';
import { createTestDatabase, type TestDatabase } from '@shiplink/testing';
import { LockPool } from './locks';

describe('LockPool on the real PostgreSQL', () => {
  let database: TestDatabase;
  let locks: LockPool;

  beforeAll(async () => {
    database = await createTestDatabase();
    locks = new LockPool(database.url, 1);
  });

  afterAll(async () => {
    await locks?.close();
    await database?.drop();
  });

  it('serialises holders of one key', async () => {
    const order: string[] = [];
    const hold = (name: string) =>
      locks.withLock('order-import:c:1', async () => {
        order.push(`${name} in`);
        await new Promise((resolve) => setTimeout(resolve, 50));
        order.push(`${name} out`);
      });
    await Promise.all([hold('a'), locks.withLock('other', async () => undefined), hold('b')]);
    expect(order).toEqual(['a in', 'a out', 'b in', 'b out']);
  });

  it('runs a try-lock holder only while nobody else holds the key, and frees it after', async () => {
    const other = new LockPool(database.url, 1);
    try {
      let release!: () => void;
      const held = locks.withLock('retention', () => new Promise<void>((r) => (release = r)));
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(await other.tryWithLock('retention', async () => 'ran')).toBeUndefined();
      release();
      await held;
      expect(await other.tryWithLock('retention', async () => 'ran')).toBe('ran');
      expect(await locks.tryWithLock('retention', async () => 'again')).toBe('again');
    } finally {
      await other.close();
    }
  });

  it('delays a job whose process has every lock connection in use, without calling it an outage', async () => {
    let release!: () => void;
    const held = locks.withLock('slow-provider', () => new Promise<void>((r) => (release = r)));
    const refused = await locks
      .withLock('another-order', async () => 'ran')
      .catch((error: unknown) => error);
    release();
    await held;
    expect(refused).toBeInstanceOf(RateLimitedError);
    expect(refused).toMatchObject({ waitMs: 1_000, reason: 'locks.busy' });
    await expect(locks.withLock('another-order', async () => 'ran')).resolves.toBe('ran');
  }, 15_000);
});
