import type { ProviderId } from '@shiplink/connectors';
import type { ShipHeroSimAccount } from '@shiplink/connectors/shiphero/simulator';
import { SimulatorControl } from '@shiplink/connectors/testing';
import type { AdminClient } from '@shiplink/test-world/admin-client';
import { accountOf, openAccounts } from '@shiplink/test-world/sandbox';
import { multiLineOrder, splitOrder } from '@shiplink/test-world/scenario';
import { waitFor } from '@shiplink/testing';
import { say } from './print';

interface ShipHeroOrder {
  id: string;
  order_number: string;
  partner_order_id: string | null;
  fulfillment_status: string;
  line_items: { sku: string; partner_line_item_id: string; quantity: number }[];
}
interface StoreOrder {
  order: { id: number; status: string };
  shipments: { tracking_number: string; tracking_carrier: string; items: { quantity: number }[] }[];
}
interface StockLevel {
  locationId: number;
  sku: string;
  quantity: number;
}

/** What the warehouse store sells; the beanie is sold under a SKU ShipHero does not know. */
const CATALOG = [
  { sku: 'TENT-2P', onHand: 40 },
  { sku: 'STOVE-MINI', onHand: 120 },
  { sku: 'LAMP-USB', onHand: 75 },
  { sku: 'SOCK-WOOL-M', onHand: 300 },
  { sku: 'BEANIE-01', onHand: 60 },
];
const STORE_SKUS = ['TENT-2P', 'STOVE-MINI', 'LAMP-USB', 'SOCK-WOOL-M', 'HAT-BEANIE'];

/**
 * A second store whose warehouse runs on ShipHero: orders out, an unmapped SKU waiting in review
 * until it is mapped, stock from the warehouse into the store, a split shipment back as two
 * store shipments with tracking.
 */
export async function runWarehouseStory(ctx: {
  admin: AdminClient;
  simUrls: Record<ProviderId, string>;
}): Promise<{ storeHash: string; storeId: string }> {
  const { admin, simUrls } = ctx;
  const bigcommerce = new SimulatorControl(simUrls.bigcommerce);
  const shiphero = new SimulatorControl(simUrls.shiphero);

  say.step('Connecting a second store whose warehouse runs on ShipHero');
  const accounts = await openAccounts(simUrls, {
    providers: ['shiphero'],
    storeRef: 'demostore2',
  });
  const account = accountOf<ShipHeroSimAccount>(accounts, 'shiphero');
  if (!account) throw new Error('no ShipHero account was opened');
  const storeHash = accounts.storeRef;
  await bigcommerce.post(`/stores/${storeHash}/catalog/products`, {
    products: STORE_SKUS.map((sku) => ({ sku, name: sku, inventoryTracking: 'product' })),
  });
  await shiphero.post(`/accounts/${account.accountId}/products`, {
    products: CATALOG.map(({ sku, onHand }) => ({ sku, stock: [{ onHand }] })),
  });
  const setup = await admin.connectStore('Summit Supply', accounts.list);
  say.ok(`ShipHero webhooks registered → ${setup.fulfilment.webhookUrl}`);
  say.ok(`ShipHero warehouse "Primary" stocks ${CATALOG.map((p) => p.sku).join(', ')}`);

  const place = async (label: string, order: Parameters<typeof bigcommerce.post>[1]) => {
    const placed = await bigcommerce.post<{ order: { id: number } }>(
      `/stores/${storeHash}/orders`,
      order,
    );
    say.ok(`order #${placed.order.id} placed — ${label}`);
    return placed.order.id;
  };
  const shipHeroOrderOf = (orderId: number) =>
    waitFor(
      async () =>
        (await shiphero.get<ShipHeroOrder[]>(`/accounts/${account.accountId}/orders`)).find(
          (order) => order.partner_order_id === `bc-${storeHash}-${orderId}`,
        ),
      { what: `the ShipHero order of store order ${orderId}` },
    );

  say.step('Orders out to ShipHero (one per store order, looked up by partner_order_id first)');
  const multi = await place('three lines, a gift message', multiLineOrder());
  const exported = await shipHeroOrderOf(multi);
  say.ok(
    `ShipHero order ${exported.order_number} (${exported.fulfillment_status}): ${exported.line_items.map((l) => `${l.quantity}× ${l.sku}`).join(', ')}`,
  );

  say.step('An unmapped SKU waits in review, then flows once it is mapped');
  const beanie = await place('a beanie sold as HAT-BEANIE, which ShipHero calls BEANIE-01', {
    ...multiLineOrder(),
    lines: [{ sku: 'HAT-BEANIE', name: 'Alpine Beanie', price: '24.00', quantity: 1 }],
  });
  const [review] = await waitFor(
    async () => {
      const open = await admin.reviews(setup.storeId, 'open');
      return open.length > 0 ? open : undefined;
    },
    { what: 'the order to wait in review' },
  );
  say.ok(`order #${beanie} waits in review: unmapped ${review?.skus.join(', ')}`);
  await admin.mapSku(setup.storeId, 'HAT-BEANIE', 'BEANIE-01', 'demo operator');
  const mapped = await shipHeroOrderOf(beanie);
  say.ok(
    `HAT-BEANIE mapped to BEANIE-01 by "demo operator": ShipHero order ${mapped.order_number} created with ${mapped.line_items.map((l) => l.sku).join(', ')}`,
  );

  say.step('Stock changes in ShipHero reach BigCommerce (ShipHero owns stock)');
  await shiphero.post(`/accounts/${account.accountId}/stock`, { sku: 'TENT-2P', onHand: 37 });
  // BigCommerce sells what ShipHero has available: on hand less what open orders hold.
  const allocated = (await shiphero.get<ShipHeroOrder[]>(`/accounts/${account.accountId}/orders`))
    .filter((order) => order.fulfillment_status === 'pending')
    .flatMap((order) => order.line_items)
    .filter((line) => line.sku === 'TENT-2P')
    .reduce((sum, line) => sum + line.quantity, 0);
  const level = await waitFor(
    async () =>
      (await bigcommerce.get<StockLevel[]>(`/stores/${storeHash}/inventory/levels`)).find(
        (entry) => entry.sku === 'TENT-2P' && entry.quantity === 37 - allocated,
      ),
    { what: 'the tent stock to reach BigCommerce' },
  );
  say.ok(
    `TENT-2P counted 37 on hand in ShipHero, ${allocated} held by open orders → BigCommerce location ${level.locationId} sells ${level.quantity}`,
  );
  const beanies = await waitFor(
    async () =>
      (await bigcommerce.get<StockLevel[]>(`/stores/${storeHash}/inventory/levels`)).find(
        (entry) => entry.sku === 'HAT-BEANIE',
      ),
    { what: 'the beanie stock to reach BigCommerce' },
  );
  say.ok(`BEANIE-01's stock is sold in the store as HAT-BEANIE: ${beanies.quantity} available`);

  say.step('A split shipment comes back as two store shipments with tracking');
  const split = await place('a tent and two lanterns, packed in two boxes', splitOrder());
  const parcel = await shipHeroOrderOf(split);
  const [tent, lamp] = parcel.line_items;
  await shiphero.post(`/orders/${parcel.id}/ship`, {
    packages: [
      {
        carrier: 'ups',
        method: 'UPS Ground',
        trackingNumber: '1Z999AA10123456784',
        lineItems: [{ partnerLineItemId: tent?.partner_line_item_id, quantity: 1 }],
      },
      {
        carrier: 'fedex',
        method: 'FedEx Ground',
        trackingNumber: '449044304137821',
        lineItems: [{ partnerLineItemId: lamp?.partner_line_item_id, quantity: 2 }],
      },
    ],
  });
  const shipped = await waitFor(
    async () => {
      const view = await bigcommerce.get<StoreOrder>(`/stores/${storeHash}/orders/${split}`);
      return view.shipments.length >= 2 ? view : undefined;
    },
    { what: 'two BigCommerce shipments' },
  );
  for (const shipment of shipped.shipments) {
    say.ok(
      `BigCommerce shipment ${shipment.tracking_carrier} ${shipment.tracking_number}: ${shipment.items.reduce((n, i) => n + i.quantity, 0)} item(s)`,
    );
  }
  say.ok(`order #${split} is now "${shipped.order.status}"`);
  return { storeHash, storeId: setup.storeId };
}
