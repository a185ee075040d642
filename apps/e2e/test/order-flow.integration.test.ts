import { waitFor } from '@shiplink/testing';
import {
  cancelledOrder,
  multiLineOrder,
  splitOrder,
  startWorld,
  type TestWorld,
} from '@shiplink/test-world';

type ShipResult = { shipments: { shipmentId: number; trackingNumber: string }[] };

describe('BigCommerce ⇄ ShipStation, end to end on real PostgreSQL and Redis', () => {
  let world: TestWorld;

  beforeAll(async () => {
    world = await startWorld();
  });

  afterAll(async () => {
    await world?.close();
  });

  const ship = (orderId: number, body: object) =>
    world.shipstation.post<ShipResult>(`/orders/${orderId}/ship`, body);

  it('exports an order to ShipStation and writes the shipment back with carrier and tracking', async () => {
    const orderId = await world.placeOrder(multiLineOrder());
    const exported = await world.shipStationOrder(orderId);
    expect(exported.orderStatus).toBe('awaiting_shipment');
    expect(exported.items.map((i) => [i.sku, i.quantity])).toEqual([
      ['TENT-2P', 1],
      ['STOVE-MINI', 2],
      ['SOCK-WOOL-M', 3],
    ]);

    const shipped = await ship(exported.orderId, {
      carrierCode: 'ups_walleted',
      serviceCode: 'ups_ground',
      shipmentCost: 14.2,
    });
    const view = await world.bigCommerceShipments(orderId, 1);
    const [shipment] = view.shipments;
    expect(shipment?.tracking_number).toBe(shipped.shipments[0]?.trackingNumber);
    expect(shipment?.tracking_carrier).toBe('ups');
    expect(shipment?.items.reduce((n, i) => n + i.quantity, 0)).toBe(6);
    expect(view.order.status_id).toBe(2);

    await world.hub.platform.repos.audit.flush();
    const audit = await world.admin.order(String(orderId));
    expect(audit.orders[0]?.shipments[0]).toMatchObject({
      writebackStatus: 'created',
      shippingCost: '14.2',
    });
    const calls = audit.audit.map((a) => `${a.kind} ${a.endpoint ?? ''}`);
    expect(calls).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^webhook store\/order\/created/),
        expect.stringMatching(/^http POST \/orders\/createorder/),
        expect.stringMatching(/^http POST \/v2\/orders\/\{id\}\/shipments/),
      ]),
    );
  });

  it('keeps a split shipment split: two store shipments with their own items', async () => {
    const orderId = await world.placeOrder(splitOrder());
    const exported = await world.shipStationOrder(orderId);
    const [tent, lamp] = exported.items;
    await ship(exported.orderId, {
      carrierCode: 'stamps_com',
      serviceCode: 'usps_priority_mail',
      items: [{ lineItemKey: tent!.lineItemKey, quantity: 1 }],
    });
    const partial = await world.bigCommerceShipments(orderId, 1);
    expect(partial.order.status_id).toBe(3);
    await ship(exported.orderId, {
      carrierCode: 'fedex',
      serviceCode: 'fedex_ground',
      items: [{ lineItemKey: lamp!.lineItemKey, quantity: 2 }],
    });
    const full = await world.bigCommerceShipments(orderId, 2);
    expect(full.shipments.map((s) => [s.tracking_carrier, s.items.map((i) => i.quantity)])).toEqual(
      [
        ['usps', [1]],
        ['fedex', [2]],
      ],
    );
    expect(full.order.status_id).toBe(2);
  });

  it('reflects a cancellation in BigCommerce on the ShipStation order', async () => {
    const orderId = await world.placeOrder(cancelledOrder());
    await world.shipStationOrder(orderId);
    await world.bigcommerce.patch(`/stores/${world.storeHash}/orders/${orderId}`, { statusId: 5 });
    await waitFor(async () => (await world.shipStationOrder(orderId)).orderStatus === 'cancelled', {
      what: 'the ShipStation order to be cancelled',
    });
  });

  it('creates one ShipStation order and one store shipment when every webhook arrives three times at once', async () => {
    const before = (await world.bigcommerce.webhooks()).length;
    const orderId = await world.placeOrder({
      ...multiLineOrder(),
      lines: [{ sku: 'SOCK-WOOL-M', name: 'Merino Hiking Socks', quantity: 1 }],
    });
    await waitFor(async () => (await world.bigcommerce.webhooks()).length > before);
    const created = (await world.bigcommerce.webhooks())
      .slice(before)
      .find((d) => d.event === 'store/order/created');
    expect(created).toBeDefined();
    await Promise.all([1, 2, 3].map(() => redeliver(created!)));
    const exported = await world.shipStationOrder(orderId);
    const { resourceUrl } = await world.shipstation.post<{ resourceUrl: string }>(
      `/orders/${exported.orderId}/ship`,
      { carrierCode: 'usps', serviceCode: 'usps_first_class_mail' },
    );
    const notify = (await world.shipstation.webhooks()).find((d) => d.body.includes(resourceUrl));
    expect(notify).toBeDefined();
    await Promise.all([1, 2, 3].map(() => redeliver(notify!)));
    await world.bigCommerceShipments(orderId, 1);
    await world.hub.platform.repos.audit.flush();
    // Let every duplicate run its course before counting effects.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const orders = (await world.shipStationOrders()).filter(
      (o) => o.orderKey === `bc-${world.storeHash}-${orderId}`,
    );
    expect(orders).toHaveLength(1);
    expect((await world.bigCommerceOrder(orderId)).shipments).toHaveLength(1);
  });
});

async function redeliver(delivery: { url: string; body: string; headers: Record<string, string> }) {
  const response = await fetch(delivery.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...delivery.headers },
    body: delivery.body,
  });
  expect(response.status).toBeLessThan(300);
}
