import type { SimulatorControl } from '@shiplink/connectors/testing';
import type { PlaceOrderInput } from '@shiplink/connectors/bigcommerce/simulator';
import { waitFor } from '@shiplink/testing';
import type { AdminClient } from '@shiplink/test-world/admin-client';
import {
  badAddressOrder,
  cancelledOrder,
  multiLineOrder,
  splitOrder,
} from '@shiplink/test-world/scenario';
import { say } from './print';

export interface StoryWorld {
  admin: AdminClient;
  bigcommerce: SimulatorControl;
  shipstation: SimulatorControl;
  storeHash: string;
}

interface ShipStationOrder {
  orderId: number;
  orderKey: string;
  orderStatus: string;
  items: { lineItemKey: string | null; sku: string; quantity: number }[];
}
interface StoreOrder {
  order: { id: number; status: string; status_id: number };
  shipments: {
    tracking_number: string;
    tracking_carrier: string;
    shipping_method: string;
    merchant_shipping_cost?: string;
    items: { quantity: number }[];
  }[];
}
interface DeadLetter {
  dlqJobId: string;
  jobId: string;
  reason: string;
  error: string;
}

/** The scripted day in the shop: orders out, a cancellation, a bad order, labels, shipments back. */
export async function runOrderStory(
  world: StoryWorld,
): Promise<{ multi: number; split: number; extra: number }> {
  const { bigcommerce, shipstation, storeHash, admin } = world;
  const place = async (label: string, order: PlaceOrderInput) => {
    const placed = await bigcommerce.post<{ order: { id: number } }>(
      `/stores/${storeHash}/orders`,
      order,
    );
    say.ok(`order #${placed.order.id} placed — ${label}`);
    return placed.order.id;
  };
  const ssOrder = (id: number) =>
    waitFor(
      async () =>
        (await shipstation.get<ShipStationOrder[]>('/orders')).find(
          (o) => o.orderKey === `bc-${storeHash}-${id}`,
        ),
      {
        timeoutMs: 60_000,
        what: `order ${id} in ShipStation`,
      },
    );
  const storeOrder = (id: number) =>
    bigcommerce.get<StoreOrder>(`/stores/${storeHash}/orders/${id}`);

  say.step(
    'A customer wave hits the BigCommerce store (webhooks → ingress → queue → worker-orders)',
  );
  const multi = await place('tent, stove ×2, socks ×3 with a gift message', multiLineOrder());
  const split = await place('tent + 2 lanterns, will ship in two parcels', splitOrder());
  const cancelled = await place('a stove, soon cancelled by the merchant', cancelledOrder());
  const bad = await place('a checkout that let a blank postcode through', badAddressOrder());
  const extra = await place('another multi-line order', {
    ...multiLineOrder(),
    shippingMethod: 'FedEx Home',
  });

  say.step('Orders arrive in ShipStation (upserted by a stable orderKey)');
  const exported = new Map<number, ShipStationOrder>();
  for (const id of [multi, split, cancelled, extra]) exported.set(id, await ssOrder(id));
  say.table([
    ['store order', 'ShipStation order', 'orderKey', 'status', 'items'],
    ...[...exported].map(([id, o]) => [
      `#${id}`,
      String(o.orderId),
      o.orderKey,
      o.orderStatus,
      o.items.map((i) => `${i.sku}×${i.quantity}`).join(', '),
    ]),
  ]);

  say.step(`The merchant cancels #${cancelled} in BigCommerce`);
  await bigcommerce.patch(`/stores/${storeHash}/orders/${cancelled}`, { statusId: 5 });
  await waitFor(async () => (await ssOrder(cancelled)).orderStatus === 'cancelled', {
    timeoutMs: 30_000,
    what: 'the cancellation',
  });
  say.ok(`ShipStation order ${exported.get(cancelled)!.orderId} is now cancelled`);

  say.step(`Order #${bad} fails permanently and lands in the dead-letter queue`);
  const deadLetters = async () =>
    (await admin.http.get<DeadLetter[]>('/queues/orders/dead-letters')).data;
  const [letter] = await waitFor(
    async () => {
      const found = (await deadLetters()).filter((d) => d.jobId.includes(`.${bad}.`));
      return found.length ? found : undefined;
    },
    { timeoutMs: 30_000, what: 'the dead letter' },
  );
  say.bad(`${letter!.reason}: ${letter!.error}`);

  say.step('The warehouse buys labels in ShipStation (SHIP_NOTIFY → ingress → worker-shipments)');
  const ship = (id: number, body: object) =>
    shipstation.post(`/orders/${exported.get(id)!.orderId}/ship`, body);
  await ship(multi, { carrierCode: 'ups_walleted', serviceCode: 'ups_ground' });
  const [tent, lamp] = exported.get(split)!.items;
  await ship(split, {
    carrierCode: 'stamps_com',
    serviceCode: 'usps_priority_mail',
    items: [{ lineItemKey: tent!.lineItemKey, quantity: 1 }],
  });
  await ship(split, {
    carrierCode: 'fedex',
    serviceCode: 'fedex_ground',
    items: [{ lineItemKey: lamp!.lineItemKey, quantity: 2 }],
  });
  await ship(extra, { carrierCode: 'fedex', serviceCode: 'fedex_home_delivery' });
  say.ok('4 labels bought: one per order, two for the split order');

  say.step('Shipments with carrier and tracking are back in BigCommerce');
  const expected = new Map([
    [multi, 1],
    [split, 2],
    [extra, 1],
  ]);
  const rows = [
    ['store order', 'status', 'carrier', 'tracking number', 'method', 'items', 'label cost'],
  ];
  for (const [id, count] of expected) {
    const view = await waitFor(
      async () => {
        const o = await storeOrder(id);
        return o.shipments.length >= count && o.order.status_id === 2 ? o : undefined;
      },
      { timeoutMs: 60_000, what: `shipments on #${id}` },
    );
    for (const s of view.shipments) {
      rows.push([
        `#${id}`,
        view.order.status,
        s.tracking_carrier,
        s.tracking_number,
        s.shipping_method,
        String(s.items.reduce((n, i) => n + i.quantity, 0)),
        s.merchant_shipping_cost ?? '',
      ]);
    }
  }
  say.table(rows);

  say.step(`Someone fixes the postcode of #${bad} and replays the dead letter`);
  const view = await bigcommerce.get<{ shippingAddresses: { id: number }[] }>(
    `/stores/${storeHash}/orders/${bad}`,
  );
  await bigcommerce.patch(`/stores/${storeHash}/orders/${bad}`, {
    billing: { zip: '78701' },
    shippingAddress: { id: view.shippingAddresses[0]!.id, zip: '78701' },
  });
  await admin.http.post('/queues/orders/dead-letters/replay', { dlqJobId: letter!.dlqJobId });
  const recovered = await ssOrder(bad);
  const copies = (await shipstation.get<ShipStationOrder[]>('/orders')).filter(
    (o) => o.orderKey === recovered.orderKey,
  ).length;
  say.ok(
    `#${bad} is ShipStation order ${recovered.orderId} (${copies} copy), replay recorded in the audit trail`,
  );
  return { multi, split, extra };
}
