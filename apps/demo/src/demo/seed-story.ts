import type { BigCommerceSimAccount } from '@shiplink/connectors/bigcommerce/simulator';
import type { ShipStationSimAccount } from '@shiplink/connectors/shipstation/simulator';
import type { SimulatorControl } from '@shiplink/connectors/testing';
import type { AdminClient, StoreSetup } from '@shiplink/test-world/admin-client';
import type { startMailbox } from '@shiplink/test-world/mailbox';
import { multiLineOrder } from '@shiplink/test-world/scenario';
import { waitFor } from '@shiplink/testing';
import { say } from './print';
import { TRAILHEAD_SETTINGS } from './tracking-story';

type Mailbox = Awaited<ReturnType<typeof startMailbox>>;

export interface SeedWorld {
  admin: AdminClient;
  setup: StoreSetup;
  bigcommerce: SimulatorControl;
  shipstation: SimulatorControl;
  storeHash: string;
  shipStationAccount: ShipStationSimAccount;
  bigCommerceAccount: BigCommerceSimAccount;
  mailbox: Mailbox;
}

interface ShipStationOrder {
  orderId: number;
  orderKey: string;
  orderStatus: string;
  tagIds: number[] | null;
  advancedOptions: { warehouseId: number | null };
  items: { lineItemKey: string | null; sku: string; quantity: number }[];
}
interface StoreOrder {
  order: { id: number; status_id: number; staff_notes: string };
}
interface Level {
  sku: string;
  locationId: number;
  quantity: number;
}

const ROUTING_RULES = (east: number) => [
  {
    id: 'expedited',
    name: 'Expedited orders first, from the east warehouse',
    when: {
      any: [
        { field: 'shippingMethod', op: 'contains', value: 'next day' },
        { field: 'shippingMethod', op: 'contains', value: 'express' },
      ],
    },
    then: { tags: ['Priority'], warehouse: String(east) },
    stop: true,
  },
  { id: 'standard', name: 'Everything else', then: { tags: ['Standard'] } },
];

/**
 * The rest of the BigCommerce ⇄ ShipStation seed: routing, a warehouse hold the customer hears
 * of, another channel's shipment lowering the store's stock, a return refunded once after
 * approval, and shipping costs reconciled.
 */
export async function runSeedStory(world: SeedWorld): Promise<{ returnId: string }> {
  const { admin, setup, bigcommerce, shipstation, storeHash, mailbox } = world;
  const storeId = setup.storeId;
  const fulfilmentId = setup.fulfilment.id;
  const place = async (order: ReturnType<typeof multiLineOrder>) =>
    (await bigcommerce.post<{ order: { id: number } }>(`/stores/${storeHash}/orders`, order)).order
      .id;
  const ssOrder = (orderId: number) =>
    waitFor(
      async () =>
        (await shipstation.get<ShipStationOrder[]>('/orders')).find(
          (o) => o.orderKey === `bc-${storeHash}-${orderId}`,
        ),
      { timeoutMs: 60_000, what: `order ${orderId} in ShipStation` },
    );
  const storeOrder = (orderId: number) =>
    bigcommerce.get<StoreOrder>(`/stores/${storeHash}/orders/${orderId}`);
  const level = async (sku: string) =>
    (await bigcommerce.get<Level[]>(`/stores/${storeHash}/inventory/levels`)).find(
      (l) => l.sku === sku && l.locationId === 1,
    )?.quantity;

  await bigcommerce.post(`/stores/${storeHash}/catalog/products`, {
    products: ['TENT-2P', 'STOVE-MINI', 'SOCK-WOOL-M'].map((sku) => ({
      sku,
      name: sku,
      inventoryTracking: 'product',
      levels: { '1': 100 },
    })),
  });
  // The settings replace the store's: all of them again, its tracking page with its e-mails.
  await admin.storeSettings(storeId, TRAILHEAD_SETTINGS);

  say.step('Routing rules: expedited orders tagged Priority, from the east warehouse');
  const tag = (name: string) =>
    shipstation.post<{ tagId: number }>('/tags', { name }).then((t) => t.tagId);
  const priority = await tag('Priority');
  await tag('Standard');
  const east = (
    await shipstation.post<{ warehouseId: number }>('/warehouses', { warehouseName: 'East Coast' })
  ).warehouseId;
  const saved = await admin.saveRoutingRules(storeId, ROUTING_RULES(east), 'ops');
  say.ok(`routing rules version ${saved.version} saved (validated; a dry run explains any order)`);
  const expedited = await place({ ...multiLineOrder(), shippingMethod: 'UPS Next Day Air' });
  const routed = await ssOrder(expedited);
  say.ok(
    `order #${expedited} in ShipStation with tag ${routed.tagIds?.includes(priority) ? 'Priority' : '?'}, warehouse ${routed.advancedOptions.warehouseId === east ? 'East Coast' : '?'}`,
  );

  say.step('The warehouse puts an order on hold: the store order and the customer hear of it once');
  await shipstation.post(`/orders/${routed.orderId}/status`, { orderStatus: 'on_hold' });
  await admin.pollNow(fulfilmentId);
  const held = await waitFor(
    async () => {
      const order = await storeOrder(expedited);
      return order.order.status_id === 12 ? order : undefined;
    },
    { timeoutMs: 30_000, what: 'the hold on the store order' },
  );
  say.ok(`store order #${expedited}: Manual Verification Required; staff note added`);
  say.dim(held.order.staff_notes.split('\n').at(-1) ?? '');
  await waitFor(
    async () =>
      mailbox.received.some((m) => `${m.subject ?? ''}`.includes(String(expedited)))
        ? true
        : undefined,
    { timeoutMs: 30_000, what: 'the e-mail about the hold' },
  );
  say.ok('the customer got an e-mail about the hold');
  await shipstation.post(`/orders/${routed.orderId}/status`, { orderStatus: 'awaiting_shipment' });
  await admin.pollNow(fulfilmentId);

  say.step(
    'Another sales channel ships from the same ShipStation account: BigCommerce stock drops',
  );
  const before = await level('TENT-2P');
  const { apiKey, apiSecret } = world.shipStationAccount.credentials;
  const marketplaceOrder = await fetch(`${shipstation.baseUrl}/orders/createorder`, {
    method: 'POST',
    headers: {
      authorization: `Basic ${Buffer.from(`${apiKey}:${apiSecret}`).toString('base64')}`,
      'content-type': 'application/json',
    },
    body: JSON.stringify({
      orderNumber: 'AMZ-114-2299',
      orderKey: 'amazon-114-2299',
      orderDate: new Date().toISOString().replace('Z', '0000'),
      orderStatus: 'awaiting_shipment',
      billTo: { name: 'Sam Rivera' },
      shipTo: {
        name: 'Sam Rivera',
        street1: '12 Pine St',
        city: 'Denver',
        state: 'CO',
        postalCode: '80202',
        country: 'US',
      },
      items: [{ lineItemKey: 'amz-1', sku: 'TENT-2P', name: 'Tent', quantity: 2, unitPrice: 249 }],
    }),
  });
  const marketplace = (await marketplaceOrder.json()) as { orderId: number };
  await shipstation.post(`/orders/${marketplace.orderId}/ship`, {
    carrierCode: 'ups_walleted',
    serviceCode: 'ups_ground',
  });
  const after = await waitFor(
    async () => {
      const now = await level('TENT-2P');
      return now !== undefined && before !== undefined && now < before ? now : undefined;
    },
    { timeoutMs: 30_000, what: 'the tent stock lowered' },
  );
  say.ok(`TENT-2P at location 1: ${before} → ${after} (once, whatever is replayed)`);

  say.step('A return: logged in ShipStation, restocked, refunded once after approval');
  const returned = await place(multiLineOrder());
  const toReturn = await ssOrder(returned);
  await shipstation.post(`/orders/${toReturn.orderId}/ship`, {
    carrierCode: 'ups_walleted',
    serviceCode: 'ups_ground',
    shipmentCost: 18.4,
    insuranceCost: 1.5,
  });
  const stove = toReturn.items.find((item) => item.sku === 'STOVE-MINI');
  await shipstation.post(`/orders/${toReturn.orderId}/return-label`, {
    items: [{ lineItemKey: stove?.lineItemKey, quantity: 2 }],
    carrierCode: 'ups_walleted',
    serviceCode: 'ups_ground',
  });
  await admin.pollNow(fulfilmentId);
  const [waiting] = await waitFor(
    async () => {
      const list = await admin.returns(storeId, 'awaiting_approval');
      const mine = list.filter((r) => r.orderNumber === String(returned));
      return mine.length ? mine : undefined;
    },
    { timeoutMs: 30_000, what: 'the return recorded' },
  );
  say.ok(`return ${waiting!.id} of order #${returned}: 2 stoves, refund awaiting approval`);
  await admin.approveRefund(waiting!.id, 'support');
  const refunded = await waitFor(
    async () => {
      const [one] = (await admin.returns(storeId, 'issued')).filter((r) => r.id === waiting!.id);
      return one;
    },
    { timeoutMs: 30_000, what: 'the refund issued' },
  );
  say.ok(
    `approved by support → BigCommerce refund ${refunded.refundRef} of ${refunded.refundTotal}; the customer is told`,
  );

  say.step('A new product in BigCommerce: its weight reaches ShipStation');
  const { storeHash: hash, accessToken } = world.bigCommerceAccount.credentials;
  const created = await fetch(`${bigcommerce.baseUrl}/stores/${hash}/v3/catalog/products`, {
    method: 'POST',
    headers: { 'x-auth-token': accessToken, 'content-type': 'application/json' },
    body: JSON.stringify({
      name: 'Summit 30 L Daypack',
      type: 'physical',
      sku: 'PACK-30L',
      price: 89,
      weight: 2.5,
      width: 11,
      height: 20,
      depth: 8,
    }),
  });
  if (!created.ok) throw new Error(`the product was not created: ${created.status}`);
  say.ok('PACK-30L created in BigCommerce (2.5 lb); ShipStation has no product for it yet');
  await place({
    ...multiLineOrder(),
    lines: [
      { sku: 'PACK-30L', name: 'Summit 30 L Daypack', price: '89.00', weight: 2.5, quantity: 1 },
    ],
  });
  const product = await waitFor(
    async () => {
      await admin.pollNow(fulfilmentId);
      const products =
        await shipstation.get<{ sku: string; weightOz: number | null }[]>('/products');
      const found = products.find((p) => p.sku === 'PACK-30L');
      return found?.weightOz ? found : undefined;
    },
    { timeoutMs: 60_000, intervalMs: 2_000, what: 'the daypack’s weight in ShipStation' },
  );
  say.ok(
    `the first order made the product in ShipStation; the hub set its weight: ${product.weightOz} oz`,
  );

  say.step('Shipping cost reconciliation: what customers paid against what the labels cost');
  const today = new Date();
  const from = new Date(today.getTime() - 86_400_000).toISOString().slice(0, 10);
  const to = new Date(today.getTime() + 86_400_000).toISOString().slice(0, 10);
  const report = await admin.reconciliation(storeId, from, to);
  say.table([
    ['method', 'orders', 'margin'],
    ...report.byMethod.map((group) => [group.key, String(group.orders), group.margin]),
  ]);
  return { returnId: waiting!.id };
}
