import type { PlaceOrderInput } from '@shiplink/connectors/bigcommerce/simulator';
import type { PostiSimAccount } from '@shiplink/connectors/posti/simulator';
import type { TwilioSimAccount } from '@shiplink/connectors/twilio/simulator';
import type { ConnectedAccount, RunningSimulators } from '@shiplink/connectors/simulators';
import { startSimulators } from '@shiplink/connectors/simulators';
import { SimulatorControl } from '@shiplink/connectors/testing';
import {
  createTestDatabase,
  TEST_REDIS_URL,
  testLogFile,
  testQueuePrefix,
  type TestDatabase,
} from '@shiplink/testing';
import { AdminClient } from './admin-client';
import { NORDIC_TRAIL_SENDER, type PostiShipmentView } from './finnish-store';
import { startHub, type HubOptions, type RunningHub } from './hub';
import { finnishRateRules } from './rates';
import { accountOf, openAccounts } from './sandbox';
import { storeOrderViews, type BigCommerceOrderView } from './world';

export interface PostiWorld {
  database: TestDatabase;
  simulators: RunningSimulators;
  hub: RunningHub;
  admin: AdminClient;
  storeId: string;
  storeHash: string;
  connections: { bigcommerce: ConnectedAccount; posti: ConnectedAccount };
  bigcommerce: SimulatorControl;
  posti: SimulatorControl;
  postiAccount: PostiSimAccount;
  /** The store's Twilio account, when the world was asked for SMS. */
  twilio: SimulatorControl;
  twilioAccount: TwilioSimAccount | undefined;
  /** Every consignment the store's Posti account holds. */
  postiShipments(): Promise<PostiShipmentView[]>;
  placeOrder(order: PlaceOrderInput): Promise<number>;
  /**
   * Delivers the last `count` tracking callbacks again once every callback has gone out, and
   * resolves a second after the redeliveries have (what replays should leave unchanged).
   */
  redeliverLastCallbacks(count: number): Promise<void>;
  bigCommerceOrder(orderId: number): Promise<BigCommerceOrderView>;
  /** The store order once it has `count` shipments (written back by the hub). */
  bigCommerceShipments(orderId: number, count: number): Promise<BigCommerceOrderView>;
  close(): Promise<void>;
}

/**
 * A Finnish BigCommerce store that dispatches its own parcels with Posti: no warehouse, Posti
 * for labels and tracking, checkout rate rules saved. Weights are in kilograms.
 */
export async function startPostiWorld(
  options: Partial<HubOptions> & {
    postiSettings?: Record<string, unknown>;
    /** Connect a Twilio account too, for text messages to customers. */
    sms?: boolean;
  } = {},
): Promise<PostiWorld> {
  const database = await createTestDatabase();
  const logFile = testLogFile();
  const simulators = await startSimulators();
  const { postiSettings, sms, ...hubOptions } = options;
  const hub = await startHub({
    databaseUrl: database.url,
    redisUrl: TEST_REDIS_URL,
    queuePrefix: testQueuePrefix(),
    logLevel: process.env.TEST_LOG_LEVEL ?? (logFile ? 'info' : 'silent'),
    ...(logFile ? { logFile } : {}),
    ...hubOptions,
  });
  const accounts = await openAccounts(simulators.urls, {
    providers: sms ? ['posti', 'twilio'] : ['posti'],
    settings: {
      bigcommerce: { weightUnit: 'kg' },
      posti: { sender: NORDIC_TRAIL_SENDER, ...postiSettings },
    },
  });
  const admin = new AdminClient(hub.ingressUrl, hub.env.ADMIN_TOKEN!);
  const { storeId, connections } = await admin.connectAnyStore('Nordic Trail', accounts.list);
  const { bigcommerce, posti } = connections;
  if (!bigcommerce || !posti) throw new Error('the Finnish store needs BigCommerce and Posti');
  await admin.http.put(`/stores/${storeId}/rate-rules`, { rules: finnishRateRules(), by: 'test' });
  const bigcommerceControl = new SimulatorControl(simulators.urls.bigcommerce);
  const postiControl = new SimulatorControl(simulators.urls.posti);
  const postiAccount = accountOf<PostiSimAccount>(accounts, 'posti');
  const twilioAccount = accountOf<TwilioSimAccount>(accounts, 'twilio');
  if (!postiAccount) throw new Error('no Posti account was opened');
  const storeHash = accounts.storeRef;
  const views = storeOrderViews(bigcommerceControl, storeHash);
  const world: PostiWorld = {
    database,
    simulators,
    hub,
    admin,
    storeId,
    storeHash,
    connections: { bigcommerce, posti },
    bigcommerce: bigcommerceControl,
    posti: postiControl,
    postiAccount,
    twilio: new SimulatorControl(simulators.urls.twilio),
    twilioAccount,
    postiShipments: () =>
      postiControl.get<PostiShipmentView[]>(
        `/accounts/${postiAccount.credentials.apiKey}/shipments`,
      ),
    async placeOrder(order) {
      const placed = await bigcommerceControl.post<{ order: { id: number } }>(
        `/stores/${storeHash}/orders`,
        order,
      );
      return placed.order.id;
    },
    async redeliverLastCallbacks(count) {
      await postiControl.get('/callbacks/idle?wait=5000');
      const callbacks = await postiControl.get<{ id: string }[]>('/callbacks');
      for (const callback of callbacks.slice(-count)) {
        await postiControl.post(`/callbacks/redeliver/${callback.id}`);
      }
      await postiControl.get('/callbacks/idle?wait=5000');
      await new Promise((resolve) => setTimeout(resolve, 1_000));
    },
    bigCommerceOrder: views.order,
    bigCommerceShipments: views.shipments,
    async close() {
      await hub.close();
      await simulators.close();
      await database.drop();
    },
  };
  return world;
}
