import {
  SIMULATORS,
  startSimulators,
  type ConnectedAccount,
  type RunningSimulators,
} from '@shiplink/connectors/simulators';
import {
  openCommercetoolsAccount,
  type CommercetoolsSimAccount,
  type OrderDraft,
} from '@shiplink/connectors/commercetools/simulator';
import { SimulatorControl } from '@shiplink/connectors/testing';
import {
  createTestDatabase,
  TEST_REDIS_URL,
  testLogFile,
  testQueuePrefix,
  waitFor,
  type TestDatabase,
} from '@shiplink/testing';
import { AdminClient } from './admin-client';
import { startHub, type HubOptions, type RunningHub } from './hub';

/** A commercetools order as the simulator holds it (the fields tests read). */
export interface CtOrderView {
  id: string;
  version: number;
  orderNumber?: string;
  shipmentState?: string;
  lineItems: { id: string; quantity: number; variant: { sku?: string } }[];
  shippingInfo?: { deliveries: CtDeliveryView[] };
  shipping?: { shippingKey: string; shippingInfo: { deliveries: CtDeliveryView[] } }[];
  returnInfo?: {
    returnTrackingId?: string;
    items: { key?: string; lineItemId?: string; quantity: number; shipmentState: string }[];
  }[];
}

export interface CtParcelView {
  id: string;
  key?: string;
  trackingData?: { trackingId?: string; carrier?: string };
  custom?: { type: { id: string }; fields: Record<string, unknown> };
}

export interface CtDeliveryView {
  id: string;
  parcels: CtParcelView[];
}

/** Every parcel of an order, in both shipping modes. */
export function parcelsOf(order: CtOrderView): CtParcelView[] {
  const deliveries = [
    ...(order.shippingInfo?.deliveries ?? []),
    ...(order.shipping ?? []).flatMap((entry) => entry.shippingInfo.deliveries),
  ];
  return deliveries.flatMap((delivery) => delivery.parcels);
}

/** The key of a parcel field value (enums read back as `{key, label}`). */
export function fieldKey(value: unknown): unknown {
  return value && typeof value === 'object' && 'key' in value
    ? (value as { key: unknown }).key
    : value;
}

export interface CommercetoolsWorld {
  database: TestDatabase;
  prefix: string;
  simulators: RunningSimulators;
  hub: RunningHub;
  admin: AdminClient;
  storeId: string;
  account: CommercetoolsSimAccount;
  connections: { commercetools: ConnectedAccount; aftership: ConnectedAccount };
  commercetools: SimulatorControl;
  aftership: SimulatorControl;
  projectKey: string;
  /** A shop order, placed in the commercetools project (OrderCreated follows). */
  placeOrder(draft?: Partial<OrderDraft>): Promise<CtOrderView>;
  /** The merchant's back office adds a delivery with these parcels (all items unless told). */
  addDelivery(
    orderId: string,
    delivery: {
      parcels: {
        trackingId?: string;
        carrier?: string;
        items?: { id: string; quantity: number }[];
      }[];
      items?: { id: string; quantity: number }[];
    },
  ): Promise<CtOrderView>;
  /** Any order update actions, as the back office would send them. */
  backOffice(orderId: string, actions: object[]): Promise<CtOrderView>;
  order(orderId: string): Promise<CtOrderView>;
  /** The order once `ready` holds for it. */
  orderWhen(
    orderId: string,
    ready: (order: CtOrderView) => boolean,
    what: string,
  ): Promise<CtOrderView>;
  close(): Promise<void>;
}

let serial = 0;

/** A shop order with two lines shipping to Helsinki, unless the draft says otherwise. */
export function orderDraft(overrides: Partial<OrderDraft> = {}): Partial<OrderDraft> {
  serial += 1;
  return {
    orderNumber: `CT-${Date.now().toString(36)}-${serial}`,
    customerEmail: 'aino@example.fi',
    lines: [
      { sku: 'TRAIL-JACKET-M', name: 'Trail jacket', quantity: 1, centAmount: 18900 },
      { sku: 'WOOL-SOCKS', name: 'Wool socks', quantity: 2, centAmount: 1900 },
    ],
    shippingAddress: {
      firstName: 'Aino',
      lastName: 'Virtanen',
      streetName: 'Mannerheimintie',
      streetNumber: '12',
      postalCode: '00100',
      city: 'Helsinki',
      country: 'FI',
      email: 'aino@example.fi',
      phone: '+358401234567',
    },
    currency: 'EUR',
    ...overrides,
  } as Partial<OrderDraft>;
}

/**
 * A commercetools project connected to the hub with an AfterShip account: the hub's API client,
 * its parcel Type and Subscription registered by the hub, the merchant's Pub/Sub push
 * subscription to the connection's webhook URL, and the AfterShip webhooks.
 */
export async function startCommercetoolsWorld(
  options: Partial<HubOptions> & { settings?: Record<string, unknown> } = {},
): Promise<CommercetoolsWorld> {
  const database = await createTestDatabase();
  const prefix = testQueuePrefix();
  const logFile = testLogFile();
  const simulators = await startSimulators();
  const hub = await startHub({
    databaseUrl: database.url,
    redisUrl: TEST_REDIS_URL,
    queuePrefix: prefix,
    logLevel: process.env.TEST_LOG_LEVEL ?? (logFile ? 'info' : 'silent'),
    ...(logFile ? { logFile } : {}),
    ...options,
  });
  const account = await openCommercetoolsAccount(simulators.urls.commercetools, {
    ...(options.settings ? { settings: options.settings } : {}),
  });
  const aftership = SIMULATORS.find((entry) => entry.provider === 'aftership');
  if (!aftership) throw new Error('no AfterShip simulator');
  const tracking = await aftership.openAccount(simulators.urls.aftership);
  const admin = new AdminClient(hub.ingressUrl, hub.env.ADMIN_TOKEN);
  const { storeId, connections } = await admin.connectAnyStore('Nordic Trail', [account, tracking]);
  const commercetools = new SimulatorControl(simulators.urls.commercetools);
  const projectKey = account.credentials.projectKey;
  const orders = `/projects/${projectKey}/orders`;
  const world: CommercetoolsWorld = {
    database,
    prefix,
    simulators,
    hub,
    admin,
    storeId,
    account,
    connections: {
      commercetools: connections.commercetools!,
      aftership: connections.aftership!,
    },
    commercetools,
    aftership: new SimulatorControl(simulators.urls.aftership),
    projectKey,
    placeOrder: (draft) => commercetools.post<CtOrderView>(orders, orderDraft(draft)),
    addDelivery: (orderId, delivery) =>
      commercetools.post<CtOrderView>(`${orders}/${orderId}/deliveries`, delivery),
    backOffice: (orderId, actions) =>
      commercetools.post<CtOrderView>(`${orders}/${orderId}/actions`, { actions }),
    order: (orderId) => commercetools.get<CtOrderView>(`${orders}/${orderId}`),
    async orderWhen(orderId, ready, what) {
      return waitFor(
        async () => {
          const order = await world.order(orderId);
          return ready(order) ? order : undefined;
        },
        { what },
      );
    },
    async close() {
      await hub.close();
      await simulators.close();
    },
  };
  return world;
}
