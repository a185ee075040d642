/* eslint-disable no-console -- a benchmark reports to the terminal */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { PROVIDER_IDS, type ProviderId } from '@shiplink/connectors';
import { SIMULATORS, simulatorEnvVar } from '@shiplink/connectors/simulators';
import { SimulatorControl } from '@shiplink/connectors/testing';
import { createRedis, JobProducer } from '@shiplink/jobs';
import { AdminClient } from '@shiplink/test-world/admin-client';
import { hubEnv } from '@shiplink/test-world/hub';
import type { AfterShipSimAccount } from '@shiplink/connectors/aftership/simulator';
import type { BigCommerceSimAccount } from '@shiplink/connectors/bigcommerce/simulator';
import { accountOf, openAccounts } from '@shiplink/test-world/sandbox';
import { createTestDatabase, freePort, TEST_REDIS_URL, type AppProcess } from '@shiplink/testing';
import { commercetoolsRows, loggedSince, prepareCommercetoolsPhase } from './commercetools-phase';
import { labelsRows, runLabelsPhase } from './labels-phase';
import { notificationsRows, runNotificationsPhase } from './notifications-phase';
import { runTrackingPagePhase, trackingPageRows } from './tracking-page-phase';
import { ratesRows, runRatesPhase } from './rates-phase';
import { analyticsRows, runAnalyticsPhase } from './analytics-phase';
import { ingressRows, runIngressPhase } from './ingress-phase';
import { closedLoop, percentile } from './load';
import {
  asRateRun,
  bareArrivals,
  hubArrivals,
  ordersRows,
  runOrdersPhase,
  type OrdersFigures,
} from './orders-phase';
import { startBarePipeline } from './bare-pipeline';
import { metricTotalOf } from './metrics';
import { runSharedLimitPhase, sharedLimitRows } from './shared-limit-phase';
import {
  capacityRow,
  capacityRows,
  describeCapacity,
  describeSteps,
  findCapacity,
  type RateStep,
} from './capacity';
import { createPgPool } from '@shiplink/db/pg-pool';
import { preloadHistory } from './preload';
import { waitForQuietQueues } from './quiet-queues';
import { backfillRows, runShipHeroBackfill } from './shiphero-phase';
import { prepareShipmentsPhase } from './shipments-phase';
import { prepareStockPhase, stockRows } from './stock-phase';
import { prepareTrackingPhase, trackingRows } from './tracking-phase';
import { buildHubApps, startHubApp } from './hub-apps';

/**
 * Prints: accepted webhooks/s and ack latency of the ingress beside a bare Express endpoint
 * (same machine, same load generator), and order → ShipStation latency at a steady order rate.
 * The simulators' quotas are lifted: this measures the hub, not the providers' limits.
 */
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const DURATION_MS = Number(process.env.BENCH_SECONDS ?? 10) * 1000;
const ORDER_RATE = Number(process.env.BENCH_ORDER_RATE ?? 50);
const ORDER_SECONDS = Number(process.env.BENCH_ORDER_SECONDS ?? 15);
/**
 * How capacity is found: probes of `BENCH_PROBE_SECONDS` double the offered rate until one
 * misses, two bisections follow, and the best rate is held for `BENCH_HOLD_SECONDS`.
 */
const RAMP = {
  probeSeconds: Number(process.env.BENCH_PROBE_SECONDS ?? 6),
  holdSeconds: Number(process.env.BENCH_HOLD_SECONDS ?? 30),
  maxRate: Number(process.env.BENCH_MAX_RATE ?? 3_200),
};
/** Orders sent at once to a store whose ShipStation quota is kept (40 a minute). */
const SHARED_LIMIT_ORDERS = Number(process.env.BENCH_SHARED_LIMIT_ORDERS ?? 60);
/** Orders placed first at the same rate whose latencies are reported apart (cold JIT, pools, caches). */
const WARMUP_SECONDS = Number(process.env.BENCH_WARMUP_SECONDS ?? 2);
const TRACKING_RATE = Number(process.env.BENCH_TRACKING_RATE ?? 100);
const TRACKING_SECONDS = Number(process.env.BENCH_TRACKING_SECONDS ?? 10);
/** Parcels the tracking events go round (each a shipped order of the orders phase). */
const TRACKING_PARCELS = Number(process.env.BENCH_TRACKING_PARCELS ?? 200);
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
/** Rows of history written into the inbox and the audit trail each, before both are run again (0: not). */
const PRELOAD_ROWS = Number(process.env.BENCH_PRELOAD_ROWS ?? 5_000_000);
/** A year of parcels of one store, read back by the delivery report. */
const ANALYTICS_PARCELS = Number(process.env.BENCH_ANALYTICS_PARCELS ?? 100_000);
/** Which phases run (comma-separated; default all). Tracking ships the orders phase's orders. */
const PHASE_NAMES = [
  'ingress',
  'orders',
  'backfill',
  'stock',
  'tracking',
  'shipments',
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
if (PHASES.has('shipments') && !PHASES.has('orders')) {
  throw new Error('BENCH_PHASES: shipments needs the orders phase (its worker exports the orders)');
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
  /** The ramp's options for one flow, its progress shown as it goes. */
  const rampFor = (flow: string, limitMs: number, startRate: number) => ({
    ...RAMP,
    limitMs,
    startRate,
    settle: () =>
      waitForQuietQueues(env).catch((error: unknown) =>
        console.error(`  ${flow}: the hub did not go quiet (${String(error)}); going on`),
      ),
    onStep: (step: RateStep) =>
      console.error(
        `  ${flow}: ${step.rate}/s for ${step.seconds} s → p99 ${step.p99Ms.toFixed(1)} ms, ${step.held ? 'held' : 'missed'}`,
      ),
  });

  const apps: AppProcess[] = [];
  const bare = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(__dirname, 'bare-endpoint.ts')],
    {
      env: {
        ...process.env,
        PORT: String(await freePort()),
        REDIS_URL: TEST_REDIS_URL,
        QUEUE_PREFIX: prefix,
      },
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
      const running = startHubApp(app, { ...env, LOG_LEVEL: 'info' });
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
    const ingress = apps.find((app) => app.app === 'ingress')!;
    const load = { connections: CONNECTIONS, durationMs: DURATION_MS };
    const ingressRun = () =>
      runIngressPhase({
        ingress,
        port,
        databaseUrl: database.url,
        connectionId: setup.connections.bigcommerce.id,
        webhookPath,
        storeHash,
        secret: store.credentials.clientSecret,
        ...load,
      });
    const settings = { connections: CONNECTIONS, seconds: DURATION_MS / 1000 };
    const bareBody = JSON.stringify({
      scope: 'store/order/created',
      data: { type: 'order', id: 1 },
    });
    const bareRun = PHASES.has('ingress')
      ? await closedLoop(barePort, () => ({ path: '/hook', headers: {}, body: bareBody }), load)
      : undefined;
    const emptyIngress = bareRun ? await ingressRun() : undefined;
    if (bareRun && emptyIngress) rows.push(...ingressRows(emptyIngress, bareRun, settings, fmt));

    // Those events name orders that do not exist; clear them before the end-to-end run.
    const redis = createRedis(TEST_REDIS_URL, 'producer');
    const producer = new JobProducer(redis, prefix);
    await producer.queue('orders').obliterate({ force: true });

    // 2. Orders placed at a steady rate, timed until ShipStation has them: the first seconds
    // after the worker started apart; then the capacity of ours with one worker, the bare
    // pipeline's, and ours with a second worker on the same queue.
    const pool = createPgPool(database.url, { size: 2, purpose: 'bench' });
    const opsPorts: number[] = [];
    const startOrdersWorker = async () => {
      const opsPort = await freePort();
      opsPorts.push(opsPort);
      return startHubApp('worker-orders', { ...env, LOG_LEVEL: 'info', OPS_PORT: String(opsPort) });
    };
    const worker = PHASES.has('orders') ? await startOrdersWorker() : undefined;
    const workers = worker ? [worker] : [];
    const ourOrders = (rate: number, seconds: number, warmupSeconds = 0) =>
      runOrdersPhase({
        workers: workers.map((app) => app.child.pid!),
        bigcommerce,
        storeHash,
        arrivals: hubArrivals(pool),
        rate,
        seconds,
        warmupSeconds,
      });
    let emptyOrders: OrdersFigures | undefined;
    if (worker) {
      apps.push(worker);
      await worker.waitForOutput('worker ready');
      emptyOrders = await ourOrders(ORDER_RATE, ORDER_SECONDS, WARMUP_SECONDS);
      const cold = `first ${WARMUP_SECONDS} s after the worker started`;
      rows.push(...ordersRows(emptyOrders, cold, 'worker-orders', fmt));

      const ours = await findCapacity(
        async (r, s) => asRateRun(await ourOrders(r, s)),
        rampFor('orders → ShipStation', 250, 50),
      );
      const barePipeline = await startBarePipeline({
        bareEndpointUrl: `http://127.0.0.1:${barePort}`,
        simUrls,
        databaseUrl: database.url,
        redisUrl: TEST_REDIS_URL,
        queuePrefix: prefix,
      });
      const bare = await findCapacity(
        async (rate, seconds) =>
          asRateRun(
            await runOrdersPhase({
              workers: [barePipeline.worker.pid!],
              bigcommerce,
              storeHash: barePipeline.storeHash,
              arrivals: bareArrivals(pool),
              rate,
              seconds,
              warmupSeconds: 0,
            }),
          ),
        rampFor('bare pipeline', 250, 50),
      );
      await barePipeline.stop();
      const second = await startOrdersWorker();
      apps.push(second);
      await second.waitForOutput('worker ready');
      workers.push(second);
      const limits = () =>
        Promise.all([
          metricTotalOf(opsPorts, 'shiplink_provider_rate_limited_total'),
          metricTotalOf(opsPorts, 'shiplink_rate_limit_wait_seconds_count'),
        ]);
      const [refusedBefore, waitsBefore] = await limits();
      const twoWorkers = await findCapacity(
        async (r, s) => asRateRun(await ourOrders(r, s)),
        rampFor('orders → ShipStation, two workers', 250, Math.max(50, ours.rate)),
      );
      const [refusedAfter, waitsAfter] = await limits();
      const shared = await runSharedLimitPhase({
        env,
        admin,
        apps,
        pool,
        workers: workers.map((app) => app.child.pid!),
        orders: SHARED_LIMIT_ORDERS,
      });
      await second.stop('SIGTERM');
      workers.pop();
      opsPorts.pop();
      rows.push(
        ...capacityRows('orders → ShipStation', bare, ours, fmt, 'bare pipeline'),
        `| orders → ShipStation capacity, two worker-orders processes on one queue | ${describeCapacity(ours, fmt)} (one) | ${describeCapacity(twoWorkers, fmt)} (${ours.rate > 0 ? `${fmt(twoWorkers.rate / ours.rate, 2)}× one` : 'one held none'}); during its ramp ${refusedAfter - refusedBefore} 429s from providers, ${waitsAfter - waitsBefore} waits for a shared budget |`,
        `|   ramp, two workers | — | ${describeSteps(twoWorkers, fmt)} |`,
        ...sharedLimitRows(shared, fmt),
      );
    }

    // 2b. The same two with a busy hub's history already in the inbox and the audit trail.
    if (PRELOAD_ROWS > 0 && (emptyIngress || emptyOrders)) {
      const preload = await preloadHistory({
        databaseUrl: database.url,
        connectionId: setup.connections.bigcommerce.id,
        rows: PRELOAD_ROWS,
      });
      const label = `with ${PRELOAD_ROWS.toLocaleString('en')} rows in the inbox and the audit trail`;
      rows.push(`| ${label}: written in (s) | — | ${fmt(preload.seconds)} |`);
      const growth = (loaded: number, empty: number) =>
        `${fmt(loaded)} vs ${fmt(empty)} empty (${loaded >= empty ? '+' : ''}${fmt((100 * (loaded - empty)) / empty, 0)}%)`;
      if (bareRun && emptyIngress) {
        const loaded = await ingressRun();
        await producer.queue('orders').obliterate({ force: true });
        const p99 = (figures: typeof loaded) => percentile(figures.run.latenciesMs, 99);
        rows.push(
          `| ${label}: accepted webhooks/s | — | ${fmt(loaded.run.accepted / loaded.run.seconds, 0)} |`,
          `| ${label}: webhook ack p99 (ms) | — | ${growth(p99(loaded), p99(emptyIngress))} |`,
          `| ${label}: accepted events durably recorded | — | ${loaded.recorded} of ${loaded.run.accepted} |`,
        );
      }
      if (emptyOrders) {
        const loaded = await ourOrders(ORDER_RATE, ORDER_SECONDS, WARMUP_SECONDS);
        const p99 = (figures: OrdersFigures) => percentile(figures.e2e, 99);
        rows.push(
          `| ${label}: order → ShipStation p99 at ${ORDER_RATE} orders/s (ms) | — | ${growth(p99(loaded), p99(emptyOrders))} |`,
        );
      }
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

    // 4. Stock counted in ShipHero, timed to BigCommerce's inventory: a fixed rate, then capacity.
    if (PHASES.has('stock')) {
      const stock = await prepareStockPhase({ env, admin, simUrls, apps, skus: 50 });
      rows.push(...stockRows(await stock.run(STOCK_RATE, STOCK_SECONDS, WARMUP_SECONDS), fmt));
      const capacity = await findCapacity(
        async (rate, seconds) => ({
          latenciesMs: (await stock.run(rate, seconds)).endToEndMs,
          completed: true,
        }),
        rampFor('stock updates', 250, 25),
      );
      rows.push(capacityRow('stock updates ShipHero → BigCommerce', capacity, fmt));
    }

    // 5. Tracking events through the whole path, round 200 parcels: a fixed rate, then capacity.
    if (PHASES.has('tracking')) {
      const tracking = await prepareTrackingPhase({
        env,
        databaseUrl: database.url,
        admin,
        storeId: setup.storeId,
        storeHash,
        shipstation,
        aftership: new SimulatorControl(simUrls.aftership),
        account: tracker,
        apps,
        parcels: TRACKING_PARCELS,
      });
      const steady = await tracking.run(TRACKING_RATE, TRACKING_SECONDS, WARMUP_SECONDS);
      rows.push(...trackingRows(steady, tracking.parcels, fmt));
      const capacity = await findCapacity(
        async (rate, seconds) => ({
          latenciesMs: (await tracking.run(rate, seconds)).endToEndMs,
          completed: true,
        }),
        rampFor('AfterShip tracking', 250, 100),
      );
      rows.push(
        capacityRow(`AfterShip tracking events round ${tracking.parcels} parcels`, capacity, fmt),
      );
      await tracking.close();
    }

    // 5b. Shipments back: orders shipped in ShipStation, timed to the store's shipment.
    if (PHASES.has('shipments')) {
      const ship = await prepareShipmentsPhase({
        env,
        apps,
        pool,
        bigcommerce,
        shipstation,
        storeHash,
        connectionId: setup.fulfilment.id,
      });
      const capacity = await findCapacity(ship, rampFor('shipments back', 250, 25));
      rows.push(capacityRow('shipments ShipStation → BigCommerce', capacity, fmt));
    }

    // 6. AfterShip scans through to commercetools parcel fields.
    if (PHASES.has('commercetools')) {
      const scan = await prepareCommercetoolsPhase({ env, admin, simUrls, apps });
      const steady = await scan({
        rate: CT_RATE,
        warmupSeconds: WARMUP_SECONDS,
        seconds: CT_SECONDS,
        parcels: CT_PARCELS,
      });
      rows.push(...commercetoolsRows(steady, fmt));
      const capacity = await findCapacity(
        async (rate, seconds) => ({
          latenciesMs: (await scan({ rate, seconds, warmupSeconds: 0, parcels: 0 })).endToEndMs,
          completed: true,
        }),
        rampFor('commercetools parcel writes', 250, 50),
      );
      rows.push(capacityRow('AfterShip scans → commercetools parcel fields', capacity, fmt));
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
        ramp: rampFor('checkout rates', 50, 200),
      });
      rows.push(
        ...ratesRows(rates, fmt),
        capacityRow('checkout rates, pickup points cached', rates.capacity, fmt),
      );
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
          ramp: rampFor('tracking page', 50, 200),
        });
        rows.push(
          ...trackingPageRows(pages, fmt),
          capacityRow('tracking page by its link', pages.capacity, fmt),
        );
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

    await pool.end();
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
