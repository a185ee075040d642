import {
  createTestDatabase,
  TEST_REDIS_URL,
  testLogFile,
  testQueuePrefix,
  waitFor,
  type TestDatabase,
} from '@shiplink/testing';
import type { PlaceOrderInput } from '@shiplink/connectors/bigcommerce/simulator';
import type { SimulatorControl } from '@shiplink/connectors/testing';
import type { HubOptions } from './hub';
import { startSandbox, type Sandbox, type SandboxOptions } from './sandbox';

export interface TestWorld extends Sandbox {
  database: TestDatabase;
  prefix: string;
  placeOrder(order: PlaceOrderInput): Promise<number>;
  /** ShipStation's copy of a store order, once the hub has exported it. */
  shipStationOrder(orderId: number, timeoutMs?: number): Promise<ShipStationOrderView>;
  shipStationOrders(): Promise<ShipStationOrderView[]>;
  bigCommerceOrder(orderId: number): Promise<BigCommerceOrderView>;
  /** The store order once it has `count` shipments (written back by the hub). */
  bigCommerceShipments(orderId: number, count: number): Promise<BigCommerceOrderView>;
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
    tracking_link?: string;
  }[];
}

/** A store's orders in the BigCommerce simulator, and waiting for the shipments the hub writes. */
export function storeOrderViews(bigcommerce: SimulatorControl, storeHash: string) {
  const order = (orderId: number) =>
    bigcommerce.get<BigCommerceOrderView>(`/stores/${storeHash}/orders/${orderId}`);
  return {
    order,
    shipments: (orderId: number, count: number) =>
      waitFor(
        async () => {
          const view = await order(orderId);
          return view.shipments.length >= count ? view : undefined;
        },
        { what: `${count} BigCommerce shipment(s) on order ${orderId}` },
      ),
  };
}

export async function startWorld(
  options: Partial<HubOptions> &
    Pick<SandboxOptions, 'quotas' | 'tracking' | 'fulfilment' | 'fulfilmentSettings'> = {},
): Promise<TestWorld> {
  const database = await createTestDatabase();
  const prefix = testQueuePrefix();
  // The test command prints the runner's summaries: the hub logs to the test file's log, whose
  // tail the reporter prints when a test fails. TEST_LOG_LEVEL changes how much it holds.
  const logFile = testLogFile();
  const sandbox = await startSandbox({
    databaseUrl: database.url,
    redisUrl: TEST_REDIS_URL,
    queuePrefix: prefix,
    quotas: { bigcommerce: 10_000, shipstation: 10_000, ...options.quotas },
    logLevel: process.env.TEST_LOG_LEVEL ?? (logFile ? 'info' : 'silent'),
    ...(logFile ? { logFile } : {}),
    ...options,
  });
  const views = storeOrderViews(sandbox.bigcommerce, sandbox.storeHash);
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
    bigCommerceOrder: views.order,
    bigCommerceShipments: views.shipments,
    async close() {
      await sandbox.close();
      await database.drop();
    },
  };
  return world;
}
