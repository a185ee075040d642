import { PROVIDER_IDS, type ProviderId } from '@shiplink/connectors';
import { createRedis, deleteKeys } from '@shiplink/jobs';
import { SIMULATORS, simulatorEnvVar } from '@shiplink/connectors/simulators';
import { SimulatorControl } from '@shiplink/connectors/testing';
import type { AppProcess } from '@shiplink/testing';
import { AdminClient } from '@shiplink/test-world/admin-client';
import { hubApp } from '@shiplink/test-world/app-install';
import { hubEnv } from '@shiplink/test-world/hub';
import { startMailbox } from '@shiplink/test-world/mailbox';
import type { BigCommerceSimAccount } from '@shiplink/connectors/bigcommerce/simulator';
import type { ShipStationSimAccount } from '@shiplink/connectors/shipstation/simulator';
import { accountOf, openAccounts } from '@shiplink/test-world/sandbox';
import { prepareDemoDatabase } from './demo/database';
import { say } from './demo/print';
import { printFleetMetrics } from './demo/fleet-metrics';
import { LOG_DIR, startDemoApp } from './demo/processes';
import { runAppInstallStory } from './demo/app-install-story';
import { runCommercetoolsStory } from './demo/commercetools-story';
import { runPostiStory } from './demo/posti-story';
import { runSeedStory } from './demo/seed-story';
import { runOrderStory } from './demo/story';
import { runTrackingStory } from './demo/tracking-story';
import { runWarehouseStory } from './demo/warehouse-story';

/**
 * `npm run demo`: the hub and its simulators as separate processes on this machine, a demo
 * store connected through the admin API, and a scripted day of orders and shipments.
 * `DEMO_EXIT=1` stops everything after the story instead of leaving it up to explore.
 */
const DATABASE_URL =
  process.env.DEMO_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/shiplink_demo';
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const PORT = Number(process.env.DEMO_PORT ?? 8080);
const TRACKING_PAGE_PORT = Number(process.env.DEMO_TRACKING_PAGE_PORT ?? 8090);
const SMTP_PORT = Number(process.env.DEMO_SMTP_PORT ?? 2525);
const OPS_PORT = Number(process.env.DEMO_OPS_PORT ?? 9464);
const PREFIX = 'shiplink-demo';
/** Each simulator's port, from 4101 in registry order (the simulators app's defaults). */
const SIM = Object.fromEntries(
  SIMULATORS.map(({ provider, defaultPort }) => [provider, defaultPort]),
) as Record<ProviderId, number>;
const simUrls = Object.fromEntries(
  PROVIDER_IDS.map((provider) => [provider, `http://127.0.0.1:${SIM[provider]}`]),
) as Record<ProviderId, string>;

async function clearQueues(): Promise<void> {
  const redis = createRedis(REDIS_URL, 'producer');
  try {
    await deleteKeys(redis, `${PREFIX}:*`);
  } finally {
    redis.disconnect();
  }
}

async function main(): Promise<void> {
  const processes: AppProcess[] = [];
  const shutdown = async () => {
    say.step('Stopping (SIGTERM: workers finish their jobs first)');
    await Promise.all(processes.map((app) => app.stop('SIGTERM')));
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown());

  say.step('Preparing PostgreSQL (fresh demo database, migrations) and Redis');
  await prepareDemoDatabase(DATABASE_URL);
  await clearQueues();
  const publicUrl = `http://127.0.0.1:${PORT}`;
  const mailbox = await startMailbox(SMTP_PORT);
  const trackingPageUrl = `http://127.0.0.1:${TRACKING_PAGE_PORT}`;
  // The hub registered as an app at the BigCommerce simulator, as at the developer portal.
  const app = hubApp(PREFIX, simUrls.bigcommerce);
  const env = {
    ...hubEnv({
      databaseUrl: DATABASE_URL,
      redisUrl: REDIS_URL,
      queuePrefix: PREFIX,
      logLevel: 'info',
      port: PORT,
    }),
    PUBLIC_URL: publicUrl,
    TRACKING_PAGE_URL: trackingPageUrl,
    SMTP_URL: mailbox.url,
    ...app.env,
    SCHEDULER_ENABLED: 'true',
    POLL_INTERVAL_MS: '60000',
    WORKER_LOCK_DURATION_MS: '30000',
    WORKER_STALLED_INTERVAL_MS: '30000',
    ...Object.fromEntries(
      PROVIDER_IDS.map((provider) => [simulatorEnvVar(provider, 'PORT'), String(SIM[provider])]),
    ),
  };
  say.ok(`database ${new URL(DATABASE_URL).pathname.slice(1)} migrated; queue prefix ${PREFIX}`);

  say.step('Starting the simulators, the ingress and the workers');
  const apps: [string, string][] = [
    ['simulators', 'simulators listening'],
    ['ingress', 'ingress listening'],
    ['tracking-page', 'tracking page listening'],
    ['worker-orders', 'worker ready'],
    ['worker-shipments', 'worker ready'],
    ['worker-tracking', 'worker ready'],
    ['worker-inventory', 'worker ready'],
    ['worker-notifications', 'worker ready'],
    ['worker-returns', 'worker ready'],
  ];
  // Each app's operations port (/livez, /readyz, /metrics), from 9464 up in this order.
  const opsPorts = new Map(
    apps.filter(([app]) => app !== 'simulators').map(([app], i) => [app, OPS_PORT + i]),
  );
  for (const [app, ready] of apps) {
    const opsPort = opsPorts.get(app);
    const ops: Record<string, string> = opsPort ? { OPS_PORT: String(opsPort) } : {};
    const running = startDemoApp(
      app,
      app === 'tracking-page'
        ? { ...env, ...ops, PORT: String(TRACKING_PAGE_PORT) }
        : { ...env, ...ops },
    );
    processes.push(running);
    await running.waitForOutput(ready, 30_000);
    say.ok(`${app} up (log: ${running.logFile})`);
  }

  say.step(
    'Connecting a demo store: tenant → store → BigCommerce, ShipStation, AfterShip → webhooks',
  );
  const accounts = await openAccounts(simUrls, {
    providers: ['shipstation', 'aftership'],
    storeRef: 'demostore1',
    settings: {
      shipstation: {
        customFields: [
          { source: 'form.Gift receipt', target: 'customField1', label: 'Gift receipt' },
          { source: 'order.staff_notes', target: 'internalNotes' },
        ],
      },
    },
  });
  const admin = new AdminClient(publicUrl, env.ADMIN_TOKEN!);
  const setup = await admin.connectStore('Trailhead Outfitters', accounts.list);
  say.ok(`BigCommerce webhooks → ${setup.connections.bigcommerce.webhookUrl}`);
  say.ok(`ShipStation SHIP_NOTIFY → ${setup.fulfilment.webhookUrl.replace(/[^/]+$/, '<secret>')}`);
  say.ok(`AfterShip tracking_update → ${setup.connections.aftership?.webhookUrl}`);

  const bigcommerce = new SimulatorControl(simUrls.bigcommerce);
  const shipstation = new SimulatorControl(simUrls.shipstation);
  const aftership = new SimulatorControl(simUrls.aftership);
  const storeHash = accounts.storeRef;
  const orders = await runOrderStory({ admin, bigcommerce, shipstation, storeHash });
  const tracking = await runTrackingStory({
    admin,
    aftership,
    bigcommerce,
    storeHash,
    storeId: setup.storeId,
    mailbox,
    orders,
  });
  const warehouse = await runWarehouseStory({ admin, simUrls });
  const commercetools = await runCommercetoolsStory({ admin, simUrls, mailbox });
  const finnish = await runPostiStory({ admin, simUrls, logDir: LOG_DIR, mailbox });
  const shipStationAccount = accountOf<ShipStationSimAccount>(accounts, 'shipstation');
  const bigCommerceAccount = accountOf<BigCommerceSimAccount>(accounts, 'bigcommerce');
  if (!shipStationAccount || !bigCommerceAccount)
    throw new Error('the demo accounts were not opened');
  await app.register(publicUrl);
  const installed = await runAppInstallStory({
    admin,
    publicUrl,
    bigcommerceUrl: simUrls.bigcommerce,
    clientId: app.clientId,
  });
  const seed = await runSeedStory({
    admin,
    setup,
    bigcommerce,
    shipstation,
    storeHash,
    shipStationAccount,
    bigCommerceAccount,
    mailbox,
  });

  say.step('Where to look');
  await printFleetMetrics(opsPorts);
  say.info(`Console           ${publicUrl}/console/   (operator token ${env.ADMIN_TOKEN})`);
  say.info(`Bull Board        ${publicUrl}/admin/queues   (after signing in to the console)`);
  say.info(`App install       ${installed.controlPanel}   (Install, then Open)`);
  say.info(
    `Admin API         curl -H 'Authorization: Bearer ${env.ADMIN_TOKEN}' ${publicUrl}/admin/api/orders/100`,
  );
  say.info(
    `Timeline          curl -H 'Authorization: Bearer ${env.ADMIN_TOKEN}' ${publicUrl}/admin/api/orders/101/timeline`,
  );
  say.info(
    `Dead letters      curl -H 'Authorization: Bearer ${env.ADMIN_TOKEN}' ${publicUrl}/admin/api/dead-letters`,
  );
  say.info(
    `Simulator state   curl ${bigcommerce.baseUrl}/__control/stores/${storeHash}/orders/100`,
  );
  say.info(`                  curl ${shipstation.baseUrl}/__control/orders`);
  say.info(
    `SKU review        curl -H 'Authorization: Bearer ${env.ADMIN_TOKEN}' ${publicUrl}/admin/api/stores/${warehouse.storeId}/reviews?status=released`,
  );
  say.info(
    `Warehouse stock   curl ${bigcommerce.baseUrl}/__control/stores/${warehouse.storeHash}/inventory/levels`,
  );
  say.info(
    `commercetools     curl ${simUrls.commercetools}/__control/projects/${commercetools.projectKey}/orders/${commercetools.orderId}`,
  );
  say.info(
    `Posti labels      curl -H 'Authorization: Bearer ${env.ADMIN_TOKEN}' ${publicUrl}/admin/api/stores/${finnish.storeId}/orders/${finnish.orderNumbers[0]}/carrier-shipments`,
  );
  say.info(`                  ${finnish.labelsPdf}   (the bulk print)`);
  say.info(`Tracking pages    ${tracking.links[0]}   (open them in a browser)`);
  say.info(`                  ${commercetools.links[0]}`);
  say.info(`                  ${finnish.links[0]}`);
  say.info(
    `Returns           curl -H 'Authorization: Bearer ${env.ADMIN_TOKEN}' ${publicUrl}/admin/api/returns/${seed.returnId}`,
  );
  say.info(
    `Reconciliation    curl -H 'Authorization: Bearer ${env.ADMIN_TOKEN}' '${publicUrl}/admin/api/stores/${setup.storeId}/reconciliation?from=2026-01-01&to=2027-01-01&format=csv'`,
  );
  say.info(
    `Routing dry run   curl -H 'Authorization: Bearer ${env.ADMIN_TOKEN}' -H 'content-type: application/json' -d '{"orderRef":"100"}' ${publicUrl}/admin/api/stores/${setup.storeId}/routing-rules/dry-run`,
  );
  say.info(`Logs              ${LOG_DIR}/*.log`);

  if (process.env.DEMO_EXIT === '1') return shutdown();
  say.step('Everything keeps running; press Ctrl-C to stop');
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
