import { sleep } from '@shiplink/testing';
import {
  awaitReadiness,
  describeExit,
  describeReadiness,
  inboxRowsSince,
  missingSchedulers,
  orderKeyOf,
  OrderWebhookStream,
  POLL_INTERVAL_MS,
  SCHEDULE_CHECK_INTERVAL_MS,
  REQUEST_TIMEOUT_MS,
  shipStationOrders,
  startOutageWorld,
  type DeliveryAttempt,
  type OutageWorld,
} from '@shiplink/test-world/outage-world';

/** How long each server stays away. */
const DOWN_MS = 5_000;
/** Stream time before and after the outage. */
const STEADY_MS = 1_500;
const CASE_TIMEOUT_MS = 90_000;

interface Outage {
  failures: string[];
  /** When the server was away: deliveries sent then must be answered 503. */
  window?: { from: number; to: number };
}

const answerOf = (attempt: DeliveryAttempt) => attempt.error ?? String(attempt.status);

/** "202×14, 503×9": the answers a set of attempts got. */
function histogram(attempts: DeliveryAttempt[]): string {
  const counts = new Map<string, number>();
  for (const attempt of attempts) {
    counts.set(answerOf(attempt), (counts.get(answerOf(attempt)) ?? 0) + 1);
  }
  return [...counts].map(([answer, count]) => `${answer}×${count}`).join(', ') || 'none';
}

/** Polls `done` until it holds, the time is up, or the hub lost a process (nothing would come). */
async function settle(
  world: OutageWorld,
  done: () => Promise<boolean>,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && world.hub.dead().length === 0) {
    if (await done().catch(() => false)) return;
    await sleep(250);
  }
}

/** Everything that went wrong while the stream ran and the hub recovered, as readable lines. */
async function recoveryFailures(
  world: OutageWorld,
  stream: OrderWebhookStream,
  since: number,
  window: Outage['window'],
): Promise<string[]> {
  const failures: string[] = [];
  await stream.settle(30_000, () => world.hub.dead().includes('ingress'));
  const wanted = stream.orderIds.map((id) => orderKeyOf(world, id));
  await settle(
    world,
    async () => {
      const exported = new Set((await shipStationOrders(world)).map((order) => order.orderKey));
      return wanted.every((key) => exported.has(key));
    },
    30_000,
  );
  await settle(
    world,
    async () => (await inboxRowsSince(world, since)).every((row) => row.status !== 'received'),
    20_000,
  );

  failures.push(...world.hub.exitsSince(since).map(describeExit));
  failures.push(...stream.placementErrors.map((error) => `placing an order failed: ${error}`));

  const attempts = stream.attempts();
  const serverErrors = attempts.filter((a) => a.status !== undefined && a.status >= 500);
  const not503 = serverErrors.filter((a) => a.status !== 503);
  if (not503.length > 0) {
    failures.push(
      `webhook deliveries answered ${histogram(not503)} instead of 503 (e.g. ${not503[0]?.body ?? ''})`,
    );
  }
  const bare503 = serverErrors.filter((a) => a.status === 503 && !a.retryAfter);
  if (bare503.length > 0) failures.push(`${bare503.length} answers were 503 without Retry-After`);
  const refused = attempts.filter(
    (a) => a.status !== undefined && a.status >= 300 && a.status < 500,
  );
  if (refused.length > 0) {
    failures.push(
      `valid deliveries refused: ${histogram(refused)} (e.g. ${refused[0]?.body ?? ''})`,
    );
  }
  const unanswered = attempts.filter((a) => a.error !== undefined);
  if (unanswered.length > 0) {
    failures.push(
      `deliveries got no HTTP answer (connection failed, or nothing within ${REQUEST_TIMEOUT_MS} ms): ${histogram(unanswered)}`,
    );
  }
  if (window) {
    const during = attempts.filter((a) => a.startedAt >= window.from && a.startedAt <= window.to);
    if (!during.some((a) => a.status === 503)) {
      failures.push(`no delivery sent during the outage was answered 503: ${histogram(during)}`);
    }
  }

  const unacknowledged = stream.deliveries.filter((delivery) => !delivery.acknowledged);
  if (unacknowledged.length > 0) {
    failures.push(
      `${unacknowledged.length} of ${stream.deliveries.length} deliveries were never acknowledged; ` +
        `their last answers: ${histogram(unacknowledged.flatMap((d) => d.attempts.slice(-1)))}`,
    );
  }

  const rows = await inboxRowsSince(world, since);
  const unfinished = rows.filter((row) => row.status !== 'processed' && row.status !== 'ignored');
  if (unfinished.length > 0) {
    const byStatus = new Map<string, number>();
    for (const row of unfinished) byStatus.set(row.status, (byStatus.get(row.status) ?? 0) + 1);
    failures.push(
      `${unfinished.length} of ${rows.length} inbox rows are not processed: ` +
        `${[...byStatus].map(([status, n]) => `${status}×${n}`).join(', ')}` +
        (unfinished[0]?.error ? ` (e.g. ${unfinished[0].error.slice(0, 200)})` : ''),
    );
  }
  const recorded = new Set(rows.map((row) => row.dedup_key));
  const unrecorded = stream.deliveries.filter((d) => d.acknowledged && !recorded.has(d.dedupKey));
  if (unrecorded.length > 0) {
    failures.push(`${unrecorded.length} acknowledged deliveries have no inbox row`);
  }

  const exported = await shipStationOrders(world);
  const copies = new Map<string, number>();
  for (const order of exported) copies.set(order.orderKey, (copies.get(order.orderKey) ?? 0) + 1);
  const missing = wanted.filter((key) => !copies.has(key));
  if (missing.length > 0) {
    failures.push(
      `${missing.length} of ${wanted.length} orders never reached ShipStation (e.g. ${missing[0]})`,
    );
  }
  const doubled = wanted.filter((key) => (copies.get(key) ?? 0) > 1);
  if (doubled.length > 0) {
    failures.push(
      `${doubled.length} orders are in ShipStation more than once (e.g. ${doubled[0]})`,
    );
  }
  return failures;
}

/** Runs `outage` in the middle of a stream of orders, then checks that nothing was lost. */
async function underStream(world: OutageWorld, outage: () => Promise<Outage>): Promise<string[]> {
  const since = Date.now();
  const stream = new OrderWebhookStream(world);
  stream.start();
  try {
    await sleep(STEADY_MS);
    const observed = await outage();
    await sleep(STEADY_MS);
    await stream.stopPlacing();
    return [
      ...observed.failures,
      ...(await recoveryFailures(world, stream, since, observed.window)),
    ];
  } finally {
    stream.abort();
  }
}

/** Stops a server for DOWN_MS; /readyz must name it while it is away and be 200 once it is back. */
async function serverOutage(
  world: OutageWorld,
  server: { name: string; check: 'database' | 'redis' },
  stop: () => Promise<void>,
  start: () => Promise<void>,
): Promise<Outage> {
  const failures: string[] = [];
  const from = Date.now();
  await stop();
  try {
    const during = await awaitReadiness(
      world,
      (answer) => answer.status === 503 && answer.body?.[server.check] === false,
      DOWN_MS - 1_000,
    );
    if (!during.matched) {
      failures.push(
        `/readyz while ${server.name} was down: wanted 503 with ${server.check}:false, got ${describeReadiness(during.last)}`,
      );
    }
    await sleep(from + DOWN_MS - Date.now());
  } finally {
    await start();
  }
  const to = Date.now();
  const after = await awaitReadiness(world, (answer) => answer.status === 200, 20_000);
  if (!after.matched) {
    failures.push(
      `/readyz after ${server.name} came back: wanted 200, got ${describeReadiness(after.last)}`,
    );
  }
  return { failures, window: { from, to } };
}

/** Waits for the delta-poll schedulers to be in Redis again; a failure line if they are not. */
async function schedulersBack(world: OutageWorld, after: string): Promise<string[]> {
  const timeoutMs = Math.max(15_000, 4 * Math.max(POLL_INTERVAL_MS, SCHEDULE_CHECK_INTERVAL_MS));
  const deadline = Date.now() + timeoutMs;
  let missing = await missingSchedulers(world).catch((error: Error) => [error.message]);
  while (missing.length > 0 && Date.now() < deadline && world.hub.dead().length === 0) {
    await sleep(500);
    missing = await missingSchedulers(world).catch((error: Error) => [error.message]);
  }
  return missing.length === 0
    ? []
    : [
        `poll schedulers still missing ${timeoutMs / 1_000} s after ${after}: ${missing.join(', ')}`,
      ];
}

describe('the hub under a stream of webhooks while PostgreSQL and Redis go away', () => {
  let world: OutageWorld;
  let anyFailure = false;

  beforeAll(async () => {
    world = await startOutageWorld();
  }, 120_000);

  afterAll(async () => {
    // The apps' logs are kept when something failed; failure lines name the files.
    await world?.close({ keepLogs: anyFailure });
  }, 60_000);

  beforeEach(async () => {
    // Each case starts from a whole world, whatever the previous one left behind.
    if (!world.postgres.isRunning()) await world.postgres.start();
    if (!world.redis.isRunning()) await world.redis.start();
    await world.hub.revive();
    if ((await missingSchedulers(world)).length > 0) await world.hub.restart('ingress');
    const ready = await awaitReadiness(world, (answer) => answer.status === 200, 30_000);
    expect(describeReadiness(ready.matched ?? ready.last)).toMatch(/^200 /);
  }, 90_000);

  const expectNone = (failures: string[]) => {
    if (failures.length > 0) anyFailure = true;
    expect(failures).toEqual([]);
  };

  it.each(['fast', 'immediate'] as const)(
    'PostgreSQL stopped with -m %s for 5 s: no process exits, deliveries get 503 + Retry-After, every acknowledged event is processed once',
    async (mode) => {
      const failures = await underStream(world, () =>
        serverOutage(
          world,
          { name: 'PostgreSQL', check: 'database' },
          () => world.postgres.stop(mode),
          () => world.postgres.start(),
        ),
      );
      expectNone(failures);
    },
    CASE_TIMEOUT_MS,
  );

  it(
    'Redis stopped for 5 s (it comes back empty): no process exits, deliveries get 503 + Retry-After, nothing is lost, the poll schedulers return',
    async () => {
      const failures = await underStream(world, async () => {
        const outage = await serverOutage(
          world,
          { name: 'Redis', check: 'redis' },
          () => world.redis.stop(),
          () => world.redis.start(),
        );
        return {
          ...outage,
          failures: [...outage.failures, ...(await schedulersBack(world, 'the Redis restart'))],
        };
      });
      expectNone(failures);
    },
    CASE_TIMEOUT_MS,
  );

  it(
    'Redis wiped with FLUSHALL: the ingress keeps running, its poll schedulers return, and no acknowledged event is lost',
    async () => {
      const failures = await underStream(world, async () => {
        await world.redis.flushAll();
        return { failures: await schedulersBack(world, 'FLUSHALL') };
      });
      expectNone(failures);
    },
    CASE_TIMEOUT_MS,
  );
});
