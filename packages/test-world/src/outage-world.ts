import type { BigCommerceSimAccount } from '@shiplink/connectors/bigcommerce/simulator';
import { createHash, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { signBigCommerceWebhook } from '@shiplink/connectors/bigcommerce';
import { startSimulators, type RunningSimulators } from '@shiplink/connectors/simulators';
import { SimulatorControl } from '@shiplink/connectors/testing';
import { inboxDedupKey } from '@shiplink/domain';
import { createRedis, jobs, JobProducer, type QueueName } from '@shiplink/jobs';
import {
  freePort,
  sleep,
  startApp,
  startPostgresServer,
  startRedisServer,
  testLogFile,
  testQueuePrefix,
  type AppProcess,
  type PostgresServer,
  type RedisServer,
} from '@shiplink/testing';
import { AdminClient, type StoreSetup } from './admin-client';
import { hubEnv } from './hub';
import { accountOf, openAccounts } from './sandbox';
import { multiLineOrder } from './scenario';

/*
 * The world of the outage tests: a PostgreSQL and a Redis of their own (so they can be stopped),
 * the provider simulators, and the hub as real OS processes, with one store connected.
 */

export const HUB_APPS = ['ingress', 'worker-orders'] as const;
export type HubApp = (typeof HUB_APPS)[number];
const READY_LINE: Record<HubApp, string> = {
  ingress: 'ingress listening',
  'worker-orders': 'worker ready',
};

/** A deadline for every HTTP call the tests make: an answer that takes longer counts as a hang. */
export const REQUEST_TIMEOUT_MS = 8_000;

export interface ProcessExit {
  app: HubApp;
  code: number | null;
  signal: NodeJS.Signals | null;
  at: number;
  logFile: string;
  lastErrors: string[];
}

/** The last error lines of an app's output (JSON error logs and raw stderr), shortened. */
function lastErrors(output: string, count = 4): string[] {
  return output
    .split('\n')
    .filter((line) => line.trim() && (!line.startsWith('{') || line.includes('"level":"error"')))
    .slice(-count)
    .map((line) => (line.length > 400 ? `${line.slice(0, 400)}…` : line));
}

/** The hub's processes; an app that died can be started again on the same environment. */
export class HubProcesses {
  private readonly current = new Map<HubApp, AppProcess>();
  readonly exits: ProcessExit[] = [];
  private launches = 0;

  constructor(
    private readonly envOf: (app: HubApp) => Record<string, string>,
    private readonly logFileOf: (name: string) => string,
  ) {}

  async start(app: HubApp): Promise<void> {
    this.launches += 1;
    const logFile = this.logFileOf(`${app}-${this.launches}`);
    const running = startApp(app, this.envOf(app), { logFile });
    running.child.once('exit', (code, signal) => {
      if (this.current.get(app) !== running) return;
      this.exits.push({
        app,
        code,
        signal,
        at: Date.now(),
        logFile,
        lastErrors: lastErrors(running.output()),
      });
    });
    this.current.set(app, running);
    await running.waitForOutput(READY_LINE[app], 60_000);
  }

  /** Apps whose process is no longer there. */
  dead(): HubApp[] {
    return HUB_APPS.filter((app) => {
      const child = this.current.get(app)?.child;
      return !child || child.exitCode !== null || child.signalCode !== null;
    });
  }

  /** Starts again whatever died, so one case's crash does not decide the next one. */
  async revive(): Promise<HubApp[]> {
    const dead = this.dead();
    await Promise.all(dead.map((app) => this.start(app)));
    return dead;
  }

  async restart(app: HubApp): Promise<void> {
    const running = this.current.get(app);
    this.current.delete(app);
    await running?.stop('SIGTERM', 10_000);
    await this.start(app);
  }

  exitsSince(since: number): ProcessExit[] {
    return this.exits.filter((exit) => exit.at >= since);
  }

  async stopAll(): Promise<void> {
    const running = [...this.current.values()];
    this.current.clear();
    await Promise.all(running.map((app) => app.stop('SIGTERM', 10_000)));
  }
}

export interface OutageWorld {
  postgres: PostgresServer;
  redis: RedisServer;
  simulators: RunningSimulators;
  bigcommerce: SimulatorControl;
  shipstation: SimulatorControl;
  hub: HubProcesses;
  ingressUrl: string;
  prefix: string;
  store: { hash: string; storeId: string; clientSecret: string; setup: StoreSetup };
  /** The delta-poll schedulers the ingress keeps for the store's connections. */
  expectedSchedulers: { queue: QueueName; id: string }[];
  close(options: { keepLogs: boolean }): Promise<void>;
}

/**
 * Ingress settings for the outages: polls, the check that re-creates lost poll schedules, and the
 * inbox sweeper, all on a test-sized clock.
 */
export const POLL_INTERVAL_MS = 3_000;
export const SCHEDULE_CHECK_INTERVAL_MS = 2_000;
const CLOCK_SETTINGS = {
  POLL_INTERVAL_MS: String(POLL_INTERVAL_MS),
  SCHEDULE_CHECK_INTERVAL_MS: String(SCHEDULE_CHECK_INTERVAL_MS),
  SWEEP_INTERVAL_MS: '1000',
  SWEEP_AFTER_MS: '3000',
};

export async function startOutageWorld(): Promise<OutageWorld> {
  // Undone in reverse order on close, or at once when the world cannot be built.
  const teardown: (() => Promise<unknown>)[] = [];
  const close = async () => {
    for (const step of teardown.reverse()) await step().catch(() => undefined);
  };
  try {
    const postgres = await startPostgresServer();
    teardown.push(() => postgres.destroy());
    const redis = await startRedisServer();
    teardown.push(() => redis.destroy());
    const simulators = await startSimulators({
      quotas: { bigcommerce: 100_000, shipstation: 100_000 },
    });
    teardown.push(() => simulators.close());

    const port = await freePort();
    const prefix = testQueuePrefix();
    const ingressUrl = `http://127.0.0.1:${port}`;
    const env = {
      ...hubEnv({
        databaseUrl: postgres.url,
        redisUrl: redis.url,
        queuePrefix: prefix,
        logLevel: 'info',
        port,
      }),
      PUBLIC_URL: ingressUrl,
      SCHEDULER_ENABLED: 'true',
      ...CLOCK_SETTINGS,
    };
    // Under the test runner the apps log next to the test file's log, whose tails a failure
    // shows; elsewhere into a folder of their own, removed after a clean run.
    const logDir = testLogFile()
      ? undefined
      : mkdtempSync(path.join(os.tmpdir(), 'shiplink-outages-'));
    const hub = new HubProcesses(
      (app) => (app === 'ingress' ? env : { ...env, WORKER_CONCURRENCY: '10' }),
      (name) => testLogFile(name) ?? path.join(logDir ?? os.tmpdir(), `${name}.log`),
    );
    teardown.push(() => hub.stopAll());
    await Promise.all(HUB_APPS.map((app) => hub.start(app)));

    const store = await connectStore(simulators, ingressUrl, env.ADMIN_TOKEN);
    const { connections } = store.setup;
    return {
      postgres,
      redis,
      simulators,
      bigcommerce: new SimulatorControl(simulators.urls.bigcommerce),
      shipstation: new SimulatorControl(simulators.urls.shipstation),
      hub,
      ingressUrl,
      prefix,
      store,
      expectedSchedulers: [
        {
          queue: jobs.ordersPoll.queue,
          id: jobs.ordersPoll.jobId({ connectionId: connections.bigcommerce.id }),
        },
        {
          queue: jobs.shipmentsPoll.queue,
          id: jobs.shipmentsPoll.jobId({ connectionId: store.setup.fulfilment.id }),
        },
      ],
      async close({ keepLogs }) {
        await close();
        if (!keepLogs && logDir) rmSync(logDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await close();
    throw error;
  }
}

/** The merchant's accounts in the simulators, connected to the hub through its admin API. */
async function connectStore(
  simulators: RunningSimulators,
  ingressUrl: string,
  adminToken: string,
): Promise<OutageWorld['store']> {
  const accounts = await openAccounts(simulators.urls, { providers: ['shipstation'] });
  const bigcommerce = accountOf<BigCommerceSimAccount>(accounts, 'bigcommerce');
  // The outage scenarios forge BigCommerce deliveries, which carry its store id and signature.
  if (!bigcommerce) throw new Error('the outage world needs a BigCommerce store');
  const setup = await new AdminClient(ingressUrl, adminToken).connectStore(
    'Outage Outfitters',
    accounts.list,
  );
  return {
    hash: bigcommerce.storeRef,
    storeId: bigcommerce.storeId,
    clientSecret: bigcommerce.credentials.clientSecret,
    setup,
  };
}

export interface DeliveryAttempt {
  startedAt: number;
  ms: number;
  status?: number;
  retryAfter?: string | null;
  /** The start of the answer's body, for failures. */
  body?: string;
  /** A connection error or the request timeout. */
  error?: string;
}

export interface StreamDelivery {
  orderId: number;
  webhookId: string;
  dedupKey: string;
  attempts: DeliveryAttempt[];
  acknowledged: boolean;
}

/** Answers a sender tries again, as BigCommerce does (it retries every non-2xx for two days). */
const retryable = (attempt: DeliveryAttempt) =>
  attempt.status === undefined ||
  attempt.status >= 500 ||
  attempt.status === 408 ||
  attempt.status === 429;

/**
 * A steady stream of orders placed in the BigCommerce simulator (which sends its own signed
 * webhooks, with its short retry schedule), each also delivered as a signed
 * `store/order/created` of our own that is retried on 5xx and connection errors until
 * acknowledged: the part of BigCommerce's two-day retry schedule the simulator leaves out.
 */
export class OrderWebhookStream {
  readonly deliveries: StreamDelivery[] = [];
  readonly placementErrors: string[] = [];
  private placing = false;
  private aborted = false;
  private loop: Promise<void> | undefined;
  private readonly sending = new Set<Promise<void>>();

  constructor(
    private readonly world: OutageWorld,
    private readonly options = { intervalMs: 300, giveUpAfterMs: 45_000 },
  ) {}

  get orderIds(): number[] {
    return this.deliveries.map((delivery) => delivery.orderId);
  }

  start(): void {
    this.placing = true;
    this.loop = (async () => {
      while (this.placing) {
        await this.placeOne().catch((error: unknown) => {
          this.placementErrors.push(error instanceof Error ? error.message : String(error));
        });
        await sleep(this.options.intervalMs);
      }
    })();
  }

  /** No new orders; deliveries still unanswered keep being retried. */
  async stopPlacing(): Promise<void> {
    this.placing = false;
    await this.loop;
  }

  /** Waits until every delivery was acknowledged or given up, or `until()` says to stop. */
  async settle(timeoutMs: number, until: () => boolean = () => false): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (this.sending.size > 0 && Date.now() < deadline && !until()) await sleep(100);
  }

  /** Ends every retry loop (the world is being torn down or repaired). */
  abort(): void {
    this.placing = false;
    this.aborted = true;
  }

  attempts(): DeliveryAttempt[] {
    return this.deliveries.flatMap((delivery) => delivery.attempts);
  }

  private async placeOne(): Promise<void> {
    const { store } = this.world;
    const placed = await this.world.bigcommerce.post<{ order: { id: number } }>(
      `/stores/${store.hash}/orders`,
      {
        ...multiLineOrder(),
        lines: [{ sku: 'SOCK-WOOL-M', name: 'Merino Hiking Socks', quantity: 1 }],
      },
    );
    const webhookId = `msg_${randomUUID().replace(/-/g, '')}`;
    const delivery: StreamDelivery = {
      orderId: placed.order.id,
      webhookId,
      dedupKey: inboxDedupKey('bigcommerce', store.hash, webhookId),
      attempts: [],
      acknowledged: false,
    };
    this.deliveries.push(delivery);
    const sent = this.deliver(delivery).finally(() => this.sending.delete(sent));
    this.sending.add(sent);
  }

  private async deliver(delivery: StreamDelivery): Promise<void> {
    const { store } = this.world;
    const createdAt = Math.floor(Date.now() / 1_000);
    const body = JSON.stringify({
      scope: 'store/order/created',
      store_id: store.storeId,
      data: { type: 'order', id: delivery.orderId },
      hash: createHash('sha1').update(delivery.webhookId).digest('hex'),
      created_at: createdAt,
      producer: `stores/${store.hash}`,
    });
    // Retries send the very same signed bytes, as a provider does.
    const headers = {
      'content-type': 'application/json',
      ...signBigCommerceWebhook({
        id: delivery.webhookId,
        timestamp: createdAt,
        body,
        secret: store.clientSecret,
      }),
    };
    const giveUpAt = Date.now() + this.options.giveUpAfterMs;
    for (let retry = 0; !this.aborted && Date.now() < giveUpAt; retry += 1) {
      const attempt = await post(store.setup.connections.bigcommerce.webhookUrl, headers, body);
      delivery.attempts.push(attempt);
      if (attempt.status !== undefined && attempt.status >= 200 && attempt.status < 300) {
        delivery.acknowledged = true;
        return;
      }
      if (!retryable(attempt)) return;
      await sleep(Math.min(1_000, 100 * 2 ** retry));
    }
  }
}

async function post(
  url: string,
  headers: Record<string, string>,
  body: string,
): Promise<DeliveryAttempt> {
  const startedAt = Date.now();
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers,
      body,
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    const text = await response.text();
    return {
      startedAt,
      ms: Date.now() - startedAt,
      status: response.status,
      retryAfter: response.headers.get('retry-after'),
      ...(response.status >= 300 ? { body: text.slice(0, 200) } : {}),
    };
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code;
    const message = error instanceof Error ? error.message : String(error);
    return { startedAt, ms: Date.now() - startedAt, error: cause ?? message };
  }
}

export interface Readiness {
  at: number;
  status?: number;
  body?: { ok?: boolean; database?: boolean; redis?: boolean };
  error?: string;
}

export async function readiness(world: OutageWorld): Promise<Readiness> {
  const at = Date.now();
  try {
    const response = await fetch(`${world.ingressUrl}/readyz`, {
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    return { at, status: response.status, body: (await response.json()) as Readiness['body'] };
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code;
    return { at, error: cause ?? (error instanceof Error ? error.message : String(error)) };
  }
}

export const describeReadiness = (answer: Readiness | undefined) =>
  !answer
    ? 'no answer'
    : answer.error
      ? `error ${answer.error}`
      : `${answer.status} ${JSON.stringify(answer.body)}`;

/** Polls /readyz until `wanted` matches; undefined and the last answer when it never did. */
export async function awaitReadiness(
  world: OutageWorld,
  wanted: (answer: Readiness) => boolean,
  timeoutMs: number,
): Promise<{ matched?: Readiness; last?: Readiness }> {
  const deadline = Date.now() + timeoutMs;
  let last: Readiness | undefined;
  do {
    last = await readiness(world);
    if (wanted(last)) return { matched: last };
    if (world.hub.dead().includes('ingress')) break;
    await sleep(200);
  } while (Date.now() < deadline);
  return { last };
}

/** Runs `fn` with a client on the world's own PostgreSQL. */
async function withDatabase<T>(world: OutageWorld, fn: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: world.postgres.url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export interface InboxRow {
  dedup_key: string;
  topic: string;
  status: string;
  error: string | null;
}

/** Inbox rows received since `since` (the test machine's clock is the server's). */
export function inboxRowsSince(world: OutageWorld, since: number): Promise<InboxRow[]> {
  return withDatabase(world, async (client) => {
    const result = await client.query<InboxRow>(
      'SELECT dedup_key, topic, status::text AS status, error FROM inbox_events WHERE received_at >= $1',
      [new Date(since)],
    );
    return result.rows;
  });
}

export interface ShipStationOrderView {
  orderId: number;
  orderKey: string;
}

export const shipStationOrders = (world: OutageWorld) =>
  world.shipstation.get<ShipStationOrderView[]>('/orders');

export const orderKeyOf = (world: OutageWorld, orderId: number) =>
  `bc-${world.store.hash}-${orderId}`;

/** The expected delta-poll schedulers that are missing from Redis right now. */
export async function missingSchedulers(world: OutageWorld): Promise<string[]> {
  const redis = createRedis(world.redis.url, 'producer');
  // Reported through the rejected calls below; an unheard 'error' event would print to the console.
  redis.on('error', () => undefined);
  const producer = new JobProducer(redis, world.prefix);
  try {
    const missing: string[] = [];
    for (const expected of world.expectedSchedulers) {
      const present = await producer.queue(expected.queue).getJobSchedulers();
      if (!present.some((scheduler) => scheduler.key === expected.id)) {
        missing.push(`${expected.queue}/${expected.id}`);
      }
    }
    return missing;
  } finally {
    await producer.close();
    redis.disconnect();
  }
}

export function describeExit(exit: ProcessExit): string {
  const how = exit.signal ? `signal ${exit.signal}` : `code ${String(exit.code)}`;
  return `${exit.app} exited (${how}; log ${exit.logFile}): ${exit.lastErrors.join(' | ')}`;
}
