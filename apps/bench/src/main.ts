/* eslint-disable no-console -- a benchmark reports to the terminal */
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { PROVIDER_IDS, type ProviderId } from '@shiplink/connectors';
import { signBigCommerceWebhook } from '@shiplink/connectors/bigcommerce';
import { SIMULATORS, simulatorEnvVar } from '@shiplink/connectors/simulators';
import { SimulatorControl } from '@shiplink/connectors/testing';
import { createDb } from '@shiplink/db';
import { createRedis, JobProducer } from '@shiplink/jobs';
import { AdminClient } from '@shiplink/test-world/admin-client';
import { hubEnv } from '@shiplink/test-world/hub';
import type { AfterShipSimAccount } from '@shiplink/connectors/aftership/simulator';
import type { BigCommerceSimAccount } from '@shiplink/connectors/bigcommerce/simulator';
import { accountOf, openAccounts } from '@shiplink/test-world/sandbox';
import { multiLineOrder } from '@shiplink/test-world/scenario';
import {
  createTestDatabase,
  freePort,
  TEST_REDIS_URL,
  waitFor,
  type AppProcess,
} from '@shiplink/testing';
import { commercetoolsRows, loggedSince, runCommercetoolsPhase } from './commercetools-phase';
import { labelsRows, runLabelsPhase } from './labels-phase';
import { notificationsRows, runNotificationsPhase } from './notifications-phase';
import { runTrackingPagePhase, trackingPageRows } from './tracking-page-phase';
import { ratesRows, runRatesPhase } from './rates-phase';
import { analyticsRows, runAnalyticsPhase } from './analytics-phase';
import { closedLoop, percentile } from './load';
import { cpuMsPer, processUsage } from './process-usage';
import { backfillRows, runShipHeroBackfill } from './shiphero-phase';
import { runStockPhase, stockRows } from './stock-phase';
import { runTrackingPhase, trackingRows } from './tracking-phase';
import { buildHubApps, startHubApp } from './hub-apps';

/**
 * Prints: accepted webhooks/s and ack latency of the ingress beside a bare Express endpoint
 * (same machine, same load generator), and order → ShipStation latency at a steady order rate.
 * The simulators' quotas are lifted: this measures the hub, not the providers' limits.
 */
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const DURATION_MS = Number(process.env.BENCH_SECONDS ?? 10) * 1000;
const ORDER_RATE = Number(process.env.BENCH_ORDER_RATE ?? 100);
const ORDER_SECONDS = Number(process.env.BENCH_ORDER_SECONDS ?? 15);
/** Orders placed first at the same rate whose latencies are reported apart (cold JIT, pools, caches). */
const WARMUP_SECONDS = Number(process.env.BENCH_WARMUP_SECONDS ?? 2);
const TRACKING_RATE = Number(process.env.BENCH_TRACKING_RATE ?? 100);
const TRACKING_SECONDS = Number(process.env.BENCH_TRACKING_SECONDS ?? 10);
/** Orders a second store backfills into ShipHero (0 leaves the phase out). */
const BACKFILL_ORDERS = Number(process.env.BENCH_BACKFILL_ORDERS ?? 2_000);
const STOCK_RATE = Number(process.env.BENCH_STOCK_RATE ?? 50);
const STOCK_SECONDS = Number(process.env.BENCH_STOCK_SECONDS ?? 10);
/** Parcels (two to an order) that AfterShip scans move, written back to commercetools. */
const CT_PARCELS = Number(process.env.BENCH_CT_PARCELS ?? 100);
const CT_RATE = Number(process.env.BENCH_CT_RATE ?? 100);
const CT_SECONDS = Number(process.env.BENCH_CT_SECONDS ?? 10);
const LABEL_RATE = Number(process.env.BENCH_LABEL_RATE ?? 8);
const LABEL_SECONDS = Number(process.env.BENCH_LABEL_SECONDS ?? 10);
/**
 * Parcels of the labels phase sent on their home journey (four messages each), after a few
 * moved first with the notifications worker just started; and journeys started a second.
 */
const NOTIFY_WARMUP_PARCELS = 5;
const NOTIFY_PARCELS = Number(process.env.BENCH_NOTIFY_PARCELS ?? 30);
const NOTIFY_RATE = Number(process.env.BENCH_NOTIFY_RATE ?? 1.5);
/** A year of parcels of one store, read back by the delivery report. */
const ANALYTICS_PARCELS = Number(process.env.BENCH_ANALYTICS_PARCELS ?? 100_000);
/** Which phases run (comma-separated; default all). Tracking ships the orders phase's orders. */
const PHASE_NAMES = [
  'ingress',
  'orders',
  'backfill',
  'stock',
  'tracking',
  'commercetools',
  'rates',
  'labels',
  'tracking-page',
  'notifications',
  'analytics',
];
const PHASES = new Set(
  (process.env.BENCH_PHASES ?? PHASE_NAMES.join(',')).split(',').map((name) => name.trim()),
);
for (const name of PHASES) {
  if (!PHASE_NAMES.includes(name)) throw new Error(`BENCH_PHASES: no phase ${name}`);
}
if (PHASES.has('tracking') && !PHASES.has('orders')) {
  throw new Error('BENCH_PHASES: tracking needs the orders phase (it ships its orders)');
}
if (PHASES.has('tracking-page') && !PHASES.has('labels')) {
  throw new Error('BENCH_PHASES: tracking-page needs the labels phase (it opens its orders)');
}
if (PHASES.has('notifications') && !PHASES.has('labels')) {
  throw new Error('BENCH_PHASES: notifications needs the labels phase (it moves its parcels)');
}
if (
  PHASES.has('notifications') &&
  NOTIFY_WARMUP_PARCELS + NOTIFY_PARCELS > Math.round(LABEL_RATE * LABEL_SECONDS)
) {
  throw new Error(
    `BENCH_NOTIFY_PARCELS: ${NOTIFY_PARCELS} parcels and ${NOTIFY_WARMUP_PARCELS} to warm up, but the labels phase makes ${Math.round(LABEL_RATE * LABEL_SECONDS)}`,
  );
}

const fmt = (n: number, digits = 1) => n.toFixed(digits);

async function main(): Promise<void> {
  buildHubApps();
  const database = await createTestDatabase();
  const prefix = `bench-${Date.now().toString(36)}`;
  const port = await freePort();
  const trackingPagePort = await freePort();
  const sim = {} as Record<ProviderId, number>;
  for (const provider of PROVIDER_IDS) sim[provider] = await freePort();
  const simUrls = Object.fromEntries(
    PROVIDER_IDS.map((provider) => [provider, `http://127.0.0.1:${sim[provider]}`]),
  ) as Record<ProviderId, string>;
  const env = {
    ...hubEnv({ databaseUrl: database.url, redisUrl: TEST_REDIS_URL, queuePrefix: prefix, port }),
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    TRACKING_PAGE_URL: `http://127.0.0.1:${trackingPagePort}`,
    WORKER_CONCURRENCY: '50',
    DB_POOL_SIZE: '18',
    ...Object.fromEntries(
      SIMULATORS.flatMap(({ provider, quota }) => [
        [simulatorEnvVar(provider, 'PORT'), String(sim[provider])],
        // Quotas lifted: the benchmark measures the hub, not the providers' limits.
        ...(quota ? [[simulatorEnvVar(provider, 'QUOTA'), '10000000']] : []),
      ]),
    ),
    // Phase one's events name orders that do not exist and are cleared; do not sweep them back.
    SWEEP_AFTER_MS: '3600000',
  };
  const apps: AppProcess[] = [];
  const bare = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(__dirname, 'bare-endpoint.ts')],
    {
      env: { ...process.env, PORT: String(await freePort()) },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  try {
    const barePort = await new Promise<number>((resolve) =>
      bare.stdout!.on('data', (c: Buffer) => {
        const match = /listening (\d+)/.exec(c.toString());
        if (match) resolve(Number(match[1]));
      }),
    );
    for (const [app, ready] of [
      ['simulators', 'simulators listening'],
      ['ingress', 'ingress listening'],
    ] as const) {
      const running = startHubApp(app, {
        ...env,
        LOG_LEVEL: 'info',
        ...(app === 'ingress' && process.env.BENCH_PROFILE
          ? { NODE_ARGS: '--cpu-prof --cpu-prof-dir=/tmp/prof' }
          : {}),
      });
      apps.push(running);
      await running.waitForOutput(ready);
    }
    const accounts = await openAccounts(simUrls, { providers: ['shipstation', 'aftership'] });
    const store = accountOf<BigCommerceSimAccount>(accounts, 'bigcommerce');
    const tracker = accountOf<AfterShipSimAccount>(accounts, 'aftership');
    // Phase one forges BigCommerce deliveries and phase three AfterShip's.
    if (!store || !tracker) throw new Error('the benchmark needs BigCommerce and AfterShip');
    const storeHash = accounts.storeRef;
    const admin = new AdminClient(env.PUBLIC_URL, env.ADMIN_TOKEN);
    // AfterShip is connected when its phase starts, so the first two run without it.
    const setup = await admin.connectStore(
      'Bench Store',
      accounts.list.filter((account) => account !== tracker),
    );
    const bigcommerce = new SimulatorControl(simUrls.bigcommerce);
    const shipstation = new SimulatorControl(simUrls.shipstation);
    const webhookPath = new URL(setup.connections.bigcommerce.webhookUrl).pathname;

    const rows: string[] = [];

    // 1. The yardstick and the ingress under the same closed-loop load.
    if (PHASES.has('ingress')) {
      const bareBody = JSON.stringify({
        scope: 'store/order/created',
        data: { type: 'order', id: 1 },
      });
      const bareRun = await closedLoop(
        barePort,
        () => ({ path: '/hook', headers: {}, body: bareBody }),
        { connections: CONNECTIONS, durationMs: DURATION_MS },
      );
      let nextId = 1_000_000;
      const signedEvent = () => {
        const body = JSON.stringify({
          scope: 'store/order/updated',
          store_id: '1',
          data: { type: 'order', id: nextId++ },
          hash: 'x',
          created_at: Math.floor(Date.now() / 1000),
          producer: `stores/${storeHash}`,
        });
        return {
          path: webhookPath,
          headers: signBigCommerceWebhook({
            id: `msg_${randomUUID()}`,
            timestamp: Date.now() / 1000,
            body,
            secret: store.credentials.clientSecret,
          }),
          body,
        };
      };
      const ingressPid = apps.find((app) => app.app === 'ingress')!.child.pid!;
      const ingressBefore = processUsage(ingressPid);
      const ingressRun = await closedLoop(port, signedEvent, {
        connections: CONNECTIONS,
        durationMs: DURATION_MS,
      });
      const ingressAfter = processUsage(ingressPid);
      const db = createDb(database.url);
      const recorded = await db.inboxEvent.count();
      await db.$disconnect();
      const bareRate = bareRun.accepted / bareRun.seconds;
      const ingressRate = ingressRun.accepted / ingressRun.seconds;
      rows.push(
        `| accepted webhooks/s (${CONNECTIONS} connections, ${DURATION_MS / 1000} s) | ${fmt(bareRate, 0)} | ${fmt(ingressRate, 0)} (${fmt((100 * ingressRate) / bareRate, 0)}% of bare) |`,
        `| ack latency p50 / p99 (ms) | ${fmt(percentile(bareRun.latenciesMs, 50))} / ${fmt(percentile(bareRun.latenciesMs, 99))} | ${fmt(percentile(ingressRun.latenciesMs, 50))} / ${fmt(percentile(ingressRun.latenciesMs, 99))} |`,
        `| accepted events durably recorded (inbox rows) | — | ${recorded} of ${ingressRun.accepted} |`,
        `| ingress CPU per accepted webhook; RSS at the end / peak | — | ${fmt(cpuMsPer(ingressBefore, ingressAfter, ingressRun.accepted), 2)} ms; ${fmt(ingressAfter.rssMb, 0)} / ${fmt(ingressAfter.peakRssMb, 0)} MB |`,
      );
    }

    // Those events name orders that do not exist; clear them before the end-to-end run.
    const redis = createRedis(TEST_REDIS_URL, 'producer');
    const producer = new JobProducer(redis, prefix);
    await producer.queue('orders').obliterate({ force: true });

    // 2. Orders placed at a steady rate, timed until ShipStation receives them.
    if (PHASES.has('orders')) {
      const worker = startHubApp('worker-orders', { ...env, LOG_LEVEL: 'info' });
      apps.push(worker);
      await worker.waitForOutput('worker ready');
      await shipstation.clearRequests();
      const workerBefore = processUsage(worker.child.pid!);
      const placedAt = new Map<string, number>();
      const coldAt = new Map<string, number>();
      const warmup = ORDER_RATE * WARMUP_SECONDS;
      const total = warmup + ORDER_RATE * ORDER_SECONDS;
      const started = performance.now();
      const order = multiLineOrder();
      const placing: Promise<void>[] = [];
      for (let i = 0; i < total; i++) {
        const due = started + (i * 1000) / ORDER_RATE;
        const wait = due - performance.now();
        if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
        const sentAt = Date.now();
        const bucket = i < warmup ? coldAt : placedAt;
        placing.push(
          bigcommerce
            .post<{ order: { id: number } }>(`/stores/${storeHash}/orders`, order)
            .then((placed) => {
              bucket.set(`bc-${storeHash}-${placed.order.id}`, sentAt);
            }),
        );
      }
      await Promise.all(placing);
      const arrivals = await waitFor(
        async () => {
          const calls = await shipstation.requests({ method: 'POST', path: '/orders/createorder' });
          const first = new Map<string, number>();
          for (const call of calls) {
            const key = (call.body as { orderKey?: string }).orderKey;
            if (key && call.status < 300 && !first.has(key)) first.set(key, Date.parse(call.at));
          }
          return first.size >= placedAt.size + coldAt.size ? first : undefined;
        },
        { timeoutMs: 120_000, intervalMs: 500, what: 'every order to reach ShipStation' },
      ).catch((error: unknown) => {
        process.stderr.write(
          `\n${worker.output().slice(-3000)}\n${apps[1]!.output().slice(-3000)}\n`,
        );
        throw error;
      });
      const workerAfter = processUsage(worker.child.pid!);
      const e2e = [...placedAt].map(([key, at]) => arrivals.get(key)! - at);
      const coldE2e = [...coldAt].map(([key, at]) => arrivals.get(key)! - at);
      // Where the time goes: provider → our inbox, and our inbox → ShipStation.
      const inboxDb = createDb(database.url);
      const received = new Map(
        (
          await inboxDb.inboxEvent.findMany({
            where: { topic: 'store/order/created' },
            select: { payload: true, receivedAt: true },
          })
        ).map((row) => [
          `bc-${storeHash}-${(row.payload as { data: { id: number } }).data.id}`,
          row.receivedAt.getTime(),
        ]),
      );
      await inboxDb.$disconnect();
      const toInbox = [...placedAt].flatMap(([key, at]) =>
        received.has(key) ? [received.get(key)! - at] : [],
      );
      const inboxToShipStation = [...received]
        .filter(([key]) => placedAt.has(key))
        .flatMap(([key, at]) => (arrivals.has(key) ? [arrivals.get(key)! - at] : []));
      rows.push(
        `| order → ShipStation p50 / p99 at ${ORDER_RATE} orders/s, steady state (${e2e.length} orders) (ms) | — | ${fmt(percentile(e2e, 50))} / ${fmt(percentile(e2e, 99))} |`,
        `| same, first ${WARMUP_SECONDS} s after the worker started (${coldE2e.length} orders) (ms) | — | ${fmt(percentile(coldE2e, 50))} / ${fmt(percentile(coldE2e, 99))} |`,
        `|   of which store webhook → inbox p50 / p99 (ms) | — | ${fmt(percentile(toInbox, 50))} / ${fmt(percentile(toInbox, 99))} |`,
        `|   of which inbox → ShipStation p50 / p99 (ms) | — | ${fmt(percentile(inboxToShipStation, 50))} / ${fmt(percentile(inboxToShipStation, 99))} |`,
        `| worker-orders CPU per order; RSS at the end / peak | — | ${fmt(cpuMsPer(workerBefore, workerAfter, placedAt.size + coldAt.size), 2)} ms; ${fmt(workerAfter.rssMb, 0)} / ${fmt(workerAfter.peakRssMb, 0)} MB |`,
      );
    }

    // 3. A second store backfills its orders into ShipHero through the real credit bucket.
    if (PHASES.has('backfill') && BACKFILL_ORDERS > 0) {
      const backfill = await runShipHeroBackfill({
        simUrls,
        admin,
        producer,
        orders: BACKFILL_ORDERS,
      });
      rows.push(...backfillRows(backfill, fmt));
    }
    await producer.close();
    redis.disconnect();

    // 4. Stock counted in ShipHero, timed to BigCommerce's inventory.
    if (PHASES.has('stock')) {
      const stock = await runStockPhase({
        env,
        admin,
        simUrls,
        apps,
        rate: STOCK_RATE,
        warmupSeconds: WARMUP_SECONDS,
        seconds: STOCK_SECONDS,
        skus: 50,
      });
      rows.push(...stockRows(stock, fmt));
    }

    // 5. Tracking events through the whole path.
    if (PHASES.has('tracking')) {
      const tracking = await runTrackingPhase({
        env,
        databaseUrl: database.url,
        admin,
        storeId: setup.storeId,
        shipstation,
        aftership: new SimulatorControl(simUrls.aftership),
        account: tracker,
        apps,
        rate: TRACKING_RATE,
        warmupSeconds: WARMUP_SECONDS,
        seconds: TRACKING_SECONDS,
        parcels: 20,
      });
      rows.push(...trackingRows(tracking, fmt));
    }

    // 6. AfterShip scans through to commercetools parcel fields.
    if (PHASES.has('commercetools')) {
      const commercetools = await runCommercetoolsPhase({
        env,
        admin,
        simUrls,
        apps,
        rate: CT_RATE,
        warmupSeconds: WARMUP_SECONDS,
        seconds: CT_SECONDS,
        parcels: CT_PARCELS,
      });
      rows.push(...commercetoolsRows(commercetools, fmt));
    }

    // 7. Checkout rate requests, with pickup points cached and live.
    if (PHASES.has('rates')) {
      const rates = await runRatesPhase({
        admin,
        storeId: setup.storeId,
        port,
        simUrls,
        connections: CONNECTIONS,
        durationMs: DURATION_MS,
      });
      rows.push(...ratesRows(rates, fmt));
    }

    // 8. Orders of a Finnish store becoming Posti consignments with labels.
    if (PHASES.has('labels')) {
      const labels = await runLabelsPhase({
        env,
        admin,
        simUrls,
        apps,
        rate: LABEL_RATE,
        seconds: LABEL_SECONDS,
      });
      rows.push(...labelsRows(labels, fmt));

      // 9. The customer tracking page of one of those orders.
      if (PHASES.has('tracking-page')) {
        const pages = await runTrackingPagePhase({
          env,
          admin,
          apps,
          port: trackingPagePort,
          storeId: labels.storeId,
          orderNumber: labels.orderNumber,
          email: 'aino@example.fi',
          // Ten customers at a time, as a busy store's page sees them; 50 only measure queueing.
          connections: 10,
          durationMs: DURATION_MS,
        });
        rows.push(...trackingPageRows(pages, fmt));
      }

      // 10. Those parcels on their way home, the customer told by e-mail and text.
      if (PHASES.has('notifications')) {
        const notifications = await runNotificationsPhase({
          env,
          databaseUrl: database.url,
          admin,
          simUrls,
          apps,
          storeId: labels.storeId,
          references: labels.references,
          warmupParcels: NOTIFY_WARMUP_PARCELS,
          parcels: NOTIFY_PARCELS,
          rate: NOTIFY_RATE,
          // Posti's scans hours apart, pressed into 2.5 s a journey.
          stepDelayMs: 500,
        });
        rows.push(...notificationsRows(notifications, fmt));
      }
    }

    // 11. Delivery analytics over a year of a busy store's parcels.
    if (PHASES.has('analytics')) {
      const analytics = await runAnalyticsPhase({
        databaseUrl: database.url,
        admin,
        storeId: setup.storeId,
        parcels: ANALYTICS_PARCELS,
        repeats: 5,
      });
      rows.push(...analyticsRows(analytics, fmt));
    }

    console.log('\nShiplink benchmark (2-core box, everything local; providers simulated)\n');
    console.log(`| measure | bare Express | ingress |`);
    console.log(`|---|---|---|`);
    for (const row of rows) console.log(row);
    const logs = apps.map((app) => app.output()).join('\n');
    const count = (message: string) => loggedSince(apps, message);
    const reasons = new Map<string, number>();
    for (const line of logs.split('\n').filter((l) => l.includes('"job failed, will retry"'))) {
      // Grouped by what went wrong, not by which record it happened to.
      const error = (/"error":"([^"]{0,120})/.exec(line)?.[1] ?? 'unknown').replace(
        /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g,
        '<id>',
      );
      reasons.set(error, (reasons.get(error) ?? 0) + 1);
    }
    for (const [error, n] of reasons) console.log(`  retry ×${n}: ${error}`);
    console.log(
      `\nduring the run: ${count('job failed, will retry')} job retries, ${count('job delayed by rate limit')} rate-limit delays, ${count('job dead-lettered')} dead letters`,
    );
  } catch (error) {
    // What each app said last, to tell why the run stopped.
    for (const app of apps)
      process.stderr.write(`\n--- ${app.app}\n${app.output().slice(-2000)}\n`);
    throw error;
  } finally {
    bare.kill('SIGTERM');
    await Promise.all(apps.map((app) => app.stop('SIGTERM')));
    await database.drop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : String(error));
  process.exit(1);
});
