/**
 * `npm run image:smoke`: the production images doing real work. Builds every image, migrates a
 * fresh database from the ingress image, starts the simulators, the ingress, the tracking page
 * and the six workers as containers (host network, read-only root file system) on this
 * machine's PostgreSQL and Redis, connects a store to BigCommerce and ShipStation through the
 * admin API, places an order in the BigCommerce simulator (which sends the signed webhook) and
 * waits for it in ShipStation. Then SIGTERM to every container (`docker stop -t 30`): each must
 * drain and exit 0. Prints image sizes and start times. `--no-build` uses the images as built.
 * Ports are free ones, so a demo on 8080/8090/41xx keeps running.
 */
import { randomBytes } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { openBigCommerceAccount } from '../../packages/connectors/src/bigcommerce/simulator/account';
import { openShipStationAccount } from '../../packages/connectors/src/shipstation/simulator/account';
import { SimulatorControl } from '../../packages/connectors/src/testing/control';
import { freePort } from '../../packages/testing/src/ports';
import { waitFor } from '../../packages/testing/src/wait';
import { AdminClient } from '../../packages/test-world/src/admin-client';
import { multiLineOrder } from '../../packages/test-world/src/scenario';
import {
  answersOk,
  docker,
  listens,
  removeAllAtEnd,
  removeSmokeContainers,
  startContainer,
  type Container,
} from './containers';
import { freshDatabase, freshQueues } from './state';

const REPO = path.resolve(__dirname, '../..');
const LOG_DIR = path.join(REPO, '.shiplink/smoke');
const TAG =
  process.env.IMAGE_TAG ??
  (JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { version: string })
    .version;
const DATABASE_URL =
  process.env.SMOKE_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/shiplink_smoke';
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const QUEUE_PREFIX = 'shiplink-smoke';
const WORKERS = ['orders', 'shipments', 'tracking', 'inventory', 'notifications', 'returns'];
const PROVIDERS = [
  'bigcommerce',
  'shipstation',
  'aftership',
  'shiphero',
  'commercetools',
  'posti',
  'twilio',
];
const READY_TIMEOUT_MS = 30_000;
const image = (app: string) => `shiplink/${app}:${TAG}`;

const say = (line: string) => process.stdout.write(`${line}\n`);
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

/** Every container this run started, in order; removed however the run ends. */
const started: Container[] = [];

interface Started {
  container: Container;
  startMs: number;
  via: string;
}

/** Starts one container and measures `docker run` to ready; `probe` says how it knew. */
async function start(
  app: string,
  env: Record<string, string>,
  probe: (container: Container) => Promise<string | undefined>,
): Promise<Started> {
  const began = performance.now();
  const container = await startContainer({ app, image: image(app), env });
  started.push(container);
  const via = await waitFor(
    async () => {
      const how = await probe(container);
      if (!how && !container.running()) {
        throw new Error(`${app} exited:\n${container.logs().slice(-3000)}`);
      }
      return how;
    },
    { timeoutMs: READY_TIMEOUT_MS, intervalMs: 25, what: `${app} to be ready` },
  );
  return { container, startMs: performance.now() - began, via };
}

/** A worker is ready when its /readyz says so, or, without an operations port, its log does. */
function workerProbe(opsPort: number) {
  return async (container: Container) => {
    const readyz = `http://127.0.0.1:${opsPort}/readyz`;
    if (await answersOk(readyz)) return 'GET /readyz';
    if (await listens(readyz)) return undefined;
    return container.logs().includes('"worker ready"') ? '"worker ready" log' : undefined;
  };
}

async function main(): Promise<void> {
  if (!process.argv.includes('--no-build')) {
    say('Building the images (docker/build/images.sh)');
    execFileSync('sh', [path.join(REPO, 'docker/build/images.sh')], { stdio: 'inherit' });
  }
  const apps = ['simulators', 'ingress', 'tracking-page', ...WORKERS.map((q) => `worker-${q}`)];
  say('\nImage sizes');
  for (const app of apps) {
    const bytes = Number(await docker('image', 'inspect', '-f', '{{.Size}}', image(app)));
    say(`  ${image(app).padEnd(36)} ${(bytes / 1e6).toFixed(1)} MB`);
  }

  await removeSmokeContainers();
  say(`\nFresh database ${new URL(DATABASE_URL).pathname.slice(1)}, queue prefix ${QUEUE_PREFIX}`);
  await freshDatabase(DATABASE_URL);
  await freshQueues(REDIS_URL, QUEUE_PREFIX);
  say('Migrating from the ingress image: node dist/migrate.js');
  const migrated = await docker(
    'run',
    '--rm',
    '--network',
    'host',
    '--read-only',
    '-e',
    `DATABASE_URL=${DATABASE_URL}`,
    image('ingress'),
    'node',
    'dist/migrate.js',
  );
  say(migrated.replace(/^/gm, '  '));

  const simPorts = Object.fromEntries(
    await Promise.all(PROVIDERS.map(async (p) => [p, await freePort()] as const)),
  );
  const simUrl = (provider: string) => `http://127.0.0.1:${simPorts[provider]}`;
  const port = await freePort();
  const trackingPort = await freePort();
  const ingressUrl = `http://127.0.0.1:${port}`;
  const hub = {
    DATABASE_URL,
    REDIS_URL,
    QUEUE_PREFIX,
    ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    ADMIN_TOKEN: randomBytes(18).toString('base64url'),
    LOG_LEVEL: 'info',
    HOST: '127.0.0.1',
    OPS_HOST: '127.0.0.1',
    PUBLIC_URL: ingressUrl,
    TRACKING_PAGE_URL: `http://127.0.0.1:${trackingPort}`,
    SCHEDULER_ENABLED: 'false',
  };

  say('\nStarting containers (docker run → ready)');
  const report = (s: Started) =>
    say(`  ${s.container.app.padEnd(22)} ${seconds(s.startMs).padStart(8)}  (${s.via})`);
  const simEnv = Object.fromEntries(
    PROVIDERS.map((p) => [`${p.toUpperCase()}_SIM_PORT`, String(simPorts[p])]),
  );
  const timings: Started[] = [];
  const record = (s: Started) => (timings.push(s), report(s));
  record(
    await start('simulators', { ...simEnv, OPS_PORT: String(await freePort()) }, async (c) =>
      c.logs().includes('"simulators listening"') ? '"simulators listening" log' : undefined,
    ),
  );
  const httpApp = async (app: string, appPort: number) =>
    record(
      await start(
        app,
        { ...hub, PORT: String(appPort), OPS_PORT: String(await freePort()) },
        async () =>
          (await answersOk(`http://127.0.0.1:${appPort}/readyz`)) ? 'GET /readyz' : undefined,
      ),
    );
  await httpApp('ingress', port);
  await httpApp('tracking-page', trackingPort);
  for (const queue of WORKERS) {
    const opsPort = await freePort();
    record(
      await start(`worker-${queue}`, { ...hub, OPS_PORT: String(opsPort) }, workerProbe(opsPort)),
    );
  }

  say('\nA store with BigCommerce and ShipStation, through the admin API');
  const bigcommerce = await openBigCommerceAccount(simUrl('bigcommerce'));
  const shipstation = await openShipStationAccount(simUrl('shipstation'));
  const admin = new AdminClient(ingressUrl, hub.ADMIN_TOKEN);
  const setup = await admin.connectStore('Smoke Test Outfitters', [bigcommerce, shipstation]);
  say(
    `  store ${setup.storeId}; BigCommerce webhooks → ${setup.connections.bigcommerce.webhookUrl}`,
  );

  const storeHash = bigcommerce.storeRef;
  const placed = await new SimulatorControl(simUrl('bigcommerce')).post<{ order: { id: number } }>(
    `/stores/${storeHash}/orders`,
    multiLineOrder(),
  );
  const orderKey = `bc-${storeHash}-${placed.order.id}`;
  const orderPlaced = performance.now();
  say(`  order #${placed.order.id} placed; BigCommerce sends the signed webhook`);
  const exported = await waitFor(
    async () =>
      (
        await new SimulatorControl(simUrl('shipstation')).get<
          { orderKey: string; orderId: number }[]
        >('/orders')
      ).find((order) => order.orderKey === orderKey),
    { timeoutMs: 60_000, intervalMs: 100, what: `order ${orderKey} in ShipStation` },
  );
  say(
    `  in ShipStation as order ${exported.orderId} after ${seconds(performance.now() - orderPlaced)}`,
  );

  // The console is built into the ingress image and served by it, under its strict policy.
  const consolePage = await fetch(`${ingressUrl}/console/`);
  const consoleHtml = await consolePage.text();
  const policy = consolePage.headers.get('content-security-policy') ?? '';
  if (consolePage.status !== 200 || !consoleHtml.includes('<div id="root">')) {
    throw new Error(`the console answered ${consolePage.status}: ${consoleHtml.slice(0, 200)}`);
  }
  if (!policy.includes("script-src 'self'")) {
    throw new Error(`the console's content security policy is ${JSON.stringify(policy)}`);
  }
  const script = /src="([^"]+\.js)"/.exec(consoleHtml)?.[1];
  const bundle = script ? await fetch(new URL(script, `${ingressUrl}/console/`)) : undefined;
  if (bundle?.status !== 200) throw new Error(`the console's script ${script} did not load`);
  say(`  the console at ${ingressUrl}/console/, its script ${script} and its CSP`);

  say('\nStopping every container: docker stop -t 30 (SIGTERM), the simulators last');
  const stop = async (container: Container) => {
    const began = performance.now();
    await docker('stop', '-t', '30', container.name);
    const code = await docker('inspect', '-f', '{{.State.ExitCode}}', container.name);
    await container.stopped;
    const logs = container.logs();
    // The simulators have nothing to drain; every hub app logs the signal and its shutdown.
    const drained =
      container.app === 'simulators' ||
      (logs.includes('"signal":"SIGTERM"') && logs.includes('"shutdown complete"'));
    return { container, code, drained, ms: performance.now() - began, logs };
  };
  const [simulators, ...hubApps] = started;
  const stops = [
    ...(await Promise.all(hubApps.map(stop))),
    ...(simulators ? [await stop(simulators)] : []),
  ];
  mkdirSync(LOG_DIR, { recursive: true });
  let failed = false;
  for (const stop of stops) {
    writeFileSync(path.join(LOG_DIR, `${stop.container.app}.log`), stop.logs);
    const ok = stop.code === '0' && stop.drained;
    failed ||= !ok;
    say(
      `  ${stop.container.app.padEnd(22)} exit ${stop.code}  ${stop.drained ? 'drained' : 'NO SIGTERM shutdown in its log'}  ${seconds(stop.ms)}`,
    );
  }
  const slow = timings.filter((t) => t.startMs > 2_000).map((t) => t.container.app);
  say(`\nLogs: ${path.relative(REPO, LOG_DIR)}/<app>.log`);
  if (slow.length) say(`Slower than 2 s to ready: ${slow.join(', ')}`);
  if (failed) throw new Error('a container did not drain and exit 0');
  say('Smoke test passed');
}

// Ctrl-C: no container outlives the run.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void removeAllAtEnd().finally(() => process.exit(130));
  });
}

main()
  .catch((error: unknown) => {
    process.stderr.write(
      `\nSmoke test failed: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    for (const container of started) {
      const logs = container.logs();
      process.stderr.write(
        `\n--- ${container.app} (last lines)\n${logs.split('\n').slice(-15).join('\n')}\n`,
      );
    }
    process.exitCode = 1;
  })
  .finally(async () => {
    await removeAllAtEnd().catch(() => undefined);
    // Keep-alive sockets to the containers must not hold the process open.
    process.exit();
  });
