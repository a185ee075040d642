import { randomBytes } from 'node:crypto';
import type { AfterShipTracking } from '@shiplink/connectors/aftership';
import {
  SIMULATORS,
  startSimulators,
  type RunningSimulators,
  type SimulatorAccount,
} from '@shiplink/connectors/simulators';
import { SimulatorControl } from '@shiplink/connectors/testing';
import {
  createTestDatabase,
  TEST_REDIS_URL,
  testLogFile,
  testQueuePrefix,
  waitFor,
} from '@shiplink/testing';
import {
  AdminClient,
  orderDraft,
  startHub,
  upsNumber,
  type CtOrderView,
  type RunningHub,
} from '@shiplink/test-world';

const STORES = ['north', 'south'] as const;
type StoreKey = (typeof STORES)[number];

/**
 * One commercetools project with two stores, each connected to the hub as its own store with a
 * store-scoped API client and its own AfterShip account; both listen on the project's one topic.
 */
describe('commercetools routing: each store of a project is tracked with its own connections', () => {
  let simulators: RunningSimulators;
  let hub: RunningHub;
  let control: SimulatorControl;
  let projectKey: string;
  const hubStores = {} as Record<
    StoreKey,
    { storeId: string; aftership: string; commercetools: string }
  >;

  beforeAll(async () => {
    const database = await createTestDatabase();
    const logFile = testLogFile();
    simulators = await startSimulators();
    hub = await startHub({
      databaseUrl: database.url,
      redisUrl: TEST_REDIS_URL,
      queuePrefix: testQueuePrefix(),
      logLevel: process.env.TEST_LOG_LEVEL ?? (logFile ? 'info' : 'silent'),
      ...(logFile ? { logFile } : {}),
    });
    control = new SimulatorControl(simulators.urls.commercetools);
    projectKey = `shared-${randomBytes(4).toString('hex')}`;
    const gcpProject = `gcp-${randomBytes(4).toString('hex')}`;
    const topic = 'orders-shared';
    await control.post('/pubsub/topics', { name: `projects/${gcpProject}/topics/${topic}` });
    const admin = new AdminClient(hub.ingressUrl, hub.env.ADMIN_TOKEN);
    const aftership = SIMULATORS.find((entry) => entry.provider === 'aftership')!;
    for (const store of STORES) {
      const client = await control.post<{ clientId: string; clientSecret: string }>('/projects', {
        projectKey,
        stores: [...STORES],
        scopes: [
          `manage_orders:${projectKey}:${store}`,
          'view_messages',
          'manage_types',
          'manage_subscriptions',
          'view_products',
        ],
      });
      const account: SimulatorAccount<'commercetools'> = {
        provider: 'commercetools',
        baseUrl: simulators.urls.commercetools,
        credentials: { projectKey, storeKey: store, ...client },
        settings: {
          pubsub: {
            projectId: gcpProject,
            topic,
            jwksUrl: `${simulators.urls.commercetools}/oauth2/v3/certs`,
          },
        },
        storeRef: `${projectKey}-${store}`,
        async connected(connection) {
          await control.post('/pubsub/subscriptions', {
            name: `hub-${store}`,
            topic: `projects/${gcpProject}/topics/${topic}`,
            pushEndpoint: connection.webhookUrl,
          });
        },
      };
      const tracking = await aftership.openAccount(simulators.urls.aftership);
      const { storeId, connections } = await admin.connectAnyStore(`Trail ${store}`, [
        account,
        tracking,
      ]);
      hubStores[store] = {
        storeId,
        aftership: connections.aftership!.id,
        commercetools: connections.commercetools!.id,
      };
    }
  }, 60_000);
  afterAll(async () => {
    await hub?.close();
    await simulators?.close();
  });

  const registered = (trackingNumber: string) =>
    waitFor(
      async () =>
        (
          await new SimulatorControl(simulators.urls.aftership).get<
            { tracking: AfterShipTracking }[]
          >('/trackings')
        )
          .map((row) => row.tracking)
          .find((t) => t.tracking_number === trackingNumber),
      { what: `AfterShip tracking ${trackingNumber}` },
    );

  async function shipIn(store: StoreKey): Promise<{ order: CtOrderView; number: string }> {
    const order = await control.post<CtOrderView>(
      `/projects/${projectKey}/orders`,
      orderDraft({ storeKey: store }),
    );
    const number = upsNumber();
    await control.post(`/projects/${projectKey}/orders/${order.id}/deliveries`, {
      parcels: [{ trackingId: number, carrier: 'UPS' }],
    });
    await registered(number);
    return { order, number };
  }

  it('registers each store’s parcels with that store’s AfterShip connection only', async () => {
    const north = await shipIn('north');
    const south = await shipIn('south');
    const { db } = hub.platform.repos;
    for (const [store, shipped] of [
      ['north', north],
      ['south', south],
    ] as const) {
      // The audit trail is written a moment after the call.
      const creates = await waitFor(async () => {
        const rows = await db.auditEvent.findMany({
          where: { provider: 'aftership', method: 'POST', orderRef: shipped.order.orderNumber! },
          select: { connectionId: true, status: true },
        });
        return rows.some((row) => row.status === 201) && rows;
      });
      expect(creates.filter((c) => c.status === 201)).toEqual([
        { connectionId: hubStores[store].aftership, status: 201 },
      ]);
      const orders = await db.order.findMany({
        where: { orderNumber: shipped.order.orderNumber! },
        select: { storeId: true },
      });
      expect(orders).toEqual([{ storeId: hubStores[store].storeId }]);
    }
  });

  it('leaves another store’s order alone without a dead letter', async () => {
    await shipIn('south');
    const dead = await hub.platform.repos.db.deadLetter.count();
    expect(dead).toBe(0);
  });
});
