import { readFileSync } from 'node:fs';
import { RateLimiter, type CreditBudgetSpec } from '@shiplink/connectors';
import {
  createRedis,
  deleteKeys,
  jobs,
  mastersOf,
  QUEUES,
  type RedisConnection,
} from '@shiplink/jobs';
import { testLogFile, waitFor } from '@shiplink/testing';
import { multiLineOrder, startWorld, type TestWorld } from '@shiplink/test-world';
import { startRedisCluster, type RedisCluster } from './redis-cluster';

/**
 * The keys the hub writes, by what touches them together. A family's keys are used by one Lua
 * script or transaction, so they must share a slot; a single key is only ever used alone.
 * A key of no known kind fails the test: whoever adds one decides which it is.
 */
const KEY_KINDS: { pattern: RegExp; family?: (match: RegExpExecArray) => string }[] = [
  // BullMQ: every key of a queue and of its dead-letter queue, under the queue's hash tag.
  { pattern: /^[\w-]+:\{([\w-]+)\}:\1(-dlq)?(:|$)/, family: (m) => `queue ${m[1]}` },
  { pattern: /^[\w-]+:credits:\{(.+)\}(:requests)?$/, family: (m) => `credits ${m[1]}` },
  { pattern: /^[\w-]+:ratelimit:\{.+\}$/ },
  { pattern: /^[\w-]+:credit-costs:\{.+\}$/ },
  { pattern: /^[\w-]+:tracking-page:lookup:(client|order):/ },
  { pattern: /^checkout:pickup:/ },
];

/** Every key on every master of the cluster. */
async function allKeys(connection: RedisConnection, pattern = '*'): Promise<string[]> {
  const keys: string[] = [];
  for (const master of await mastersOf(connection)) {
    let cursor = '0';
    do {
      const [next, batch] = await master.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
      keys.push(...batch);
      cursor = next;
    } while (cursor !== '0');
  }
  return keys;
}

describe('the hub on a Redis Cluster of three masters', () => {
  let cluster: RedisCluster;
  let world: TestWorld;
  /** Errors of the platform's own connection; the workers' land in the log (`worker error`). */
  const redisErrors: string[] = [];
  const burstPrefix = () => `${world.prefix}-burst`;

  beforeAll(async () => {
    cluster = await startRedisCluster(3);
    world = await startWorld({ redisUrl: cluster.url });
    world.hub.platform.redis.on('error', (error: Error) => redisErrors.push(error.message));
  }, 120_000);

  afterAll(async () => {
    await world?.close();
    await cluster?.stop();
  }, 60_000);

  it('runs ingress, workers and queues on the cluster: an order reaches ShipStation and its shipment the store', async () => {
    const orderId = await world.placeOrder(multiLineOrder());
    const exported = await world.shipStationOrder(orderId);
    expect(exported.items.map((item) => item.sku)).toEqual([
      'TENT-2P',
      'STOVE-MINI',
      'SOCK-WOOL-M',
    ]);
    await world.shipstation.post(`/orders/${exported.orderId}/ship`, {
      carrierCode: 'ups_walleted',
      serviceCode: 'ups_ground',
    });
    const view = await world.bigCommerceShipments(orderId, 1);
    expect(view.shipments[0]?.tracking_carrier).toBe('ups');
  });

  it('runs a delta poll from its job scheduler, and removes the schedule again', async () => {
    const { producer } = world.hub.platform;
    const payload = { connectionId: world.setup.connections.bigcommerce.id };
    await producer.schedule(jobs.ordersPoll, payload, 300);
    expect(await producer.isScheduled(jobs.ordersPoll, payload)).toBe(true);
    const polls = async () =>
      (await producer.queue('orders').getCompleted()).filter(
        (job) => job.name === jobs.ordersPoll.name,
      ).length;
    await waitFor(async () => (await polls()) >= 2, { what: 'two scheduled polls to complete' });
    await producer.unschedule(jobs.ordersPoll, payload);
    expect(await producer.isScheduled(jobs.ordersPoll, payload)).toBe(false);
  });

  it('keeps a burst of orders inside the ShipStation quota it learnt', async () => {
    const windowMs = 2_000;
    await world.shipstation.post('/quota', { limit: 4, windowMs });
    await world.shipstation.clearRequests();
    try {
      const ids = await Promise.all(
        Array.from({ length: 10 }, () => world.placeOrder(multiLineOrder())),
      );
      for (const id of ids) await world.shipStationOrder(id, 30_000);
      const calls = await world.shipstation.requests({ path: '/orders/createorder' });
      const first = Date.parse(calls[0]!.at);
      // Before the first answer nobody knows the quota; after it, no process trips it again.
      const late = calls.filter((c) => c.status === 429 && Date.parse(c.at) >= first + windowMs);
      expect(late).toEqual([]);
    } finally {
      await world.shipstation.post('/quota', { limit: 10_000, windowMs: 60_000 });
    }
  }, 60_000);

  it('holds every shared budget under a burst from three processes, on every master', async () => {
    const processes = [1, 2, 3].map(() => createRedis(cluster.url, 'producer'));
    const errors: string[] = [];
    for (const redis of processes) redis.on('error', (error: Error) => errors.push(error.message));
    try {
      expect((await Promise.all(processes.map(mastersOf))).map((m) => m.length)).toEqual([3, 3, 3]);
      // One instant for the whole burst: nothing refills while it runs.
      const now = Date.now();
      const limiters = processes.map(
        (redis) => new RateLimiter({ redis, prefix: burstPrefix(), now: () => now }),
      );
      const buckets = Array.from({ length: 30 }, (_, i) => `shipstation:account-${i}:default`);
      const burst = (call: (limiter: RateLimiter, n: number) => Promise<number>, each: number) =>
        Promise.all(
          buckets.map(async (bucket, b) => {
            const calls = limiters.flatMap((limiter, p) =>
              Array.from({ length: each }, (_, i) => call(limiter, b * 1_000 + p * 100 + i)),
            );
            return (await Promise.all(calls)).filter((wait) => wait === 0).length;
          }),
        );
      const bucketOf = (n: number) => buckets[Math.floor(n / 1_000)]!;

      const defaults = { limit: 20, windowMs: 60_000, reserve: 2 };
      const sent = await burst((limiter, n) => limiter.acquire(bucketOf(n), defaults), 15);
      expect(sent).toEqual(buckets.map(() => 18));

      const spec: CreditBudgetSpec = {
        capacity: 1_000,
        refillPerSecond: 10,
        requestCap: 25,
        requestWindowMs: 60_000,
      };
      const charged = await burst(
        (limiter, n) => limiter.credits.take(bucketOf(n), 10, spec, `request-${n}`),
        20,
      );
      expect(charged).toEqual(buckets.map(() => 25));

      const perMaster = await Promise.all(
        (await mastersOf(processes[0]!)).map((master) => master.dbsize()),
      );
      expect(perMaster.every((count) => count > 0)).toBe(true);
    } finally {
      processes.forEach((redis) => redis.disconnect());
    }
    expect(errors).toEqual([]);
  });

  it('keeps every key used together with others on their slot, and logged no Redis error', async () => {
    const { redis } = world.hub.platform;
    const slots = new Map<string, Set<number>>();
    const unknown: string[] = [];
    for (const key of await allKeys(redis)) {
      const kind = KEY_KINDS.map((k) => ({ ...k, match: k.pattern.exec(key) })).find(
        (k) => k.match,
      );
      if (!kind) unknown.push(key);
      if (!kind?.family) continue;
      const family = kind.family(kind.match!);
      const slot = await redis.cluster('KEYSLOT', key);
      slots.set(family, (slots.get(family) ?? new Set()).add(slot));
    }
    expect(unknown).toEqual([]);
    const split = [...slots].filter(([, used]) => used.size > 1).map(([family]) => family);
    expect(split).toEqual([]);
    const families = [...slots.keys()];
    expect(families).toEqual(expect.arrayContaining(QUEUES.map((queue) => `queue ${queue}`)));
    expect(families.filter((family) => family.startsWith('credits '))).toHaveLength(30);

    const logFile = testLogFile();
    expect(logFile).toBeDefined();
    const problems = readFileSync(logFile!, 'utf8')
      .split('\n')
      .filter((line) =>
        /CROSSSLOT|CLUSTERDOWN|TRYAGAIN|redis connection error|worker error/i.test(line),
      );
    expect(problems).toEqual([]);
    expect(redisErrors).toEqual([]);

    // Scanning and deleting go to every master, each key in a command of its own.
    const burstKeys = await allKeys(redis, `${burstPrefix()}:*`);
    expect(burstKeys.length).toBeGreaterThan(60);
    expect(await deleteKeys(redis, `${burstPrefix()}:*`)).toBe(burstKeys.length);
    expect(await allKeys(redis, `${burstPrefix()}:*`)).toEqual([]);
  });
});
