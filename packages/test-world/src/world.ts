import {
  createTestDatabase,
  TEST_REDIS_URL,
  testQueuePrefix,
  waitFor,
  type TestDatabase,
} from '@shiplink/testing';
import type { PlaceOrderInput } from '@shiplink/connectors/bigcommerce';
import { startSandbox, type Sandbox } from '../src/stack/sandbox';
import type { HubOptions } from '../src/stack/hub';

export interface TestWorld extends Sandbox {
  database: TestDatabase;
  prefix: string;
  placeOrder(order: PlaceOrderInput): Promise<number>;
  /** ShipStation's copy of a store order, once the hub has exported it. */
  shipStationOrder(orderId: number, timeoutMs?: number): Promise<ShipStationOrderView>;
  shipStationOrders(): Promise<ShipStationOrderView[]>;
  bigCommerceOrder(orderId: number): Promise<BigCommerceOrderView>;
}

export interface ShipStationOrderView {
  orderId: number;
  orderKey: string;
  orderStatus: string;
  items: { lineItemKey: string | null; sku: string; quantity: number }[];
}

export interface BigCommerceOrderView {
  order: { id: number; status_id: number };
  products: { id: number; sku: string; quantity: number; quantity_shipped: number }[];
  shipments: {
    id: number;
    tracking_number: string;
    tracking_carrier: string;
    items: { order_product_id: number; quantity: number }[];
    merchant_shipping_cost?: string;
    shipping_method: string;
  }[];
}

export async function startWorld(
  options: Partial<HubOptions> & {
    quotas?: { bigcommerce?: number; shipstation?: number };
    tracking?: boolean;
  } = {},
): Promise<TestWorld> {
  const database = await createTestDatabase();
  const prefix = testQueuePrefix();
  const sandbox = await startSandbox({
    databaseUrl: database.url,
    redisUrl: TEST_REDIS_URL,
    queuePrefix: prefix,
    quotas: { bigcommerce: 10_000, shipstation: 10_000, ...options.quotas },
    // The test command prints the runner's summaries; TEST_LOG_LEVEL=warn shows the hub's logs.
    logLevel: process.env.TEST_LOG_LEVEL ?? 'silent',
    ...options,
  });
  const world: TestWorld = {
    ...sandbox,
    database,
    prefix,
    async placeOrder(order) {
      const placed = await sandbox.bigcommerce.post<{ order: { id: number } }>(
        `/stores/${sandbox.storeHash}/orders`,
        order,
      );
      return placed.order.id;
    },
    async shipStationOrders() {
      return sandbox.shipstation.get<ShipStationOrderView[]>('/orders');
    },
    async shipStationOrder(orderId, timeoutMs = 15_000) {
      const key = `bc-${sandbox.storeHash}-${orderId}`;
      return waitFor(
        async () => (await world.shipStationOrders()).find((o) => o.orderKey === key),
        { timeoutMs, what: `ShipStation order ${key}` },
      );
    },
    async bigCommerceOrder(orderId) {
      return sandbox.bigcommerce.get<BigCommerceOrderView>(
        `/stores/${sandbox.storeHash}/orders/${orderId}`,
      );
    },
    async close() {
      await sandbox.close();
      await database.drop();
    },
  };
  return world;
}
