import { waitFor } from '@shiplink/testing';
import {
  multiLineOrder,
  ShipHeroWarehouse,
  splitOrder,
  startTrackingWorld,
  type TestWorld,
  type TrackingHelpers,
} from '@shiplink/test-world';

/** Every SKU the scenario orders use, stocked in ShipHero's catalog. */
const CATALOG = ['TENT-2P', 'STOVE-MINI', 'LAMP-USB', 'SOCK-WOOL-M'].map((sku) => ({
  sku,
  onHand: 50,
}));

describe('BigCommerce ⇄ ShipHero, end to end on real PostgreSQL and Redis', () => {
  let world: TestWorld;
  let t: TrackingHelpers;
  let warehouse: ShipHeroWarehouse;

  beforeAll(async () => {
    ({ world, t } = await startTrackingWorld({ fulfilment: 'shiphero' }));
    warehouse = new ShipHeroWarehouse(world);
    await warehouse.stock(CATALOG);
  });

  afterAll(async () => {
    await world?.close();
  });

  it('creates one ShipHero order with the lines, notes and shipping of the store order', async () => {
    const orderId = await world.placeOrder(multiLineOrder());
    const order = await warehouse.orderOf(orderId);
    expect(order.fulfillment_status).toBe('pending');
    expect(order.line_items.map((line) => [line.sku, line.quantity])).toEqual([
      ['TENT-2P', 1],
      ['STOVE-MINI', 2],
      ['SOCK-WOOL-M', 3],
    ]);
    const store = await world.bigCommerceOrder(orderId);
    expect(order.line_items.map((line) => line.partner_line_item_id)).toEqual(
      store.products.map((product) => String(product.id)),
    );
    expect(order.fields).toMatchObject({ gift_note: expect.stringContaining('Happy trails') });
  });

  it('writes a split shipment back as two store shipments, each tracked at AfterShip', async () => {
    const orderId = await world.placeOrder(splitOrder());
    const order = await warehouse.orderOf(orderId);
    const [tent, lamp] = order.line_items;
    const shipped = await warehouse.ship(order.id, [
      {
        carrier: 'ups',
        method: 'UPS Ground',
        trackingNumber: '1Z999AA10123456784',
        lineItems: [{ partnerLineItemId: tent!.partner_line_item_id, quantity: 1 }],
      },
      {
        carrier: 'fedex',
        method: 'FedEx Ground',
        trackingNumber: '449044304137821',
        lineItems: [{ partnerLineItemId: lamp!.partner_line_item_id, quantity: 2 }],
      },
    ]);
    expect(shipped.labels).toHaveLength(2);
    const view = await world.bigCommerceShipments(orderId, 2);
    const byTracking = Object.fromEntries(
      view.shipments.map((shipment) => [
        shipment.tracking_number,
        [shipment.tracking_carrier, shipment.items.map((item) => item.quantity)],
      ]),
    );
    expect(byTracking).toEqual({
      '1Z999AA10123456784': ['ups', [1]],
      '449044304137821': ['fedex', [2]],
    });
    expect(view.order.status_id).toBe(2);
    const trackings = await Promise.all(
      ['1Z999AA10123456784', '449044304137821'].map((number) => t.registered(number)),
    );
    expect(trackings.map((tracking) => tracking.slug)).toEqual(['ups', 'fedex']);
  });

  it('keeps a partial shipment partial', async () => {
    const orderId = await world.placeOrder(splitOrder());
    const order = await warehouse.orderOf(orderId);
    const tent = order.line_items[0]!;
    await warehouse.ship(order.id, [
      {
        carrier: 'usps',
        trackingNumber: '9400111899223197428490',
        lineItems: [{ partnerLineItemId: tent.partner_line_item_id, quantity: 1 }],
      },
    ]);
    const view = await world.bigCommerceShipments(orderId, 1);
    expect(view.shipments).toHaveLength(1);
    expect(view.order.status_id).toBe(3);
  });

  it('creates one ShipHero order when the store order webhook arrives three times at once', async () => {
    const before = (await world.bigcommerce.webhooks()).length;
    const orderId = await world.placeOrder({
      ...multiLineOrder(),
      lines: [{ sku: 'STOVE-MINI', name: 'Pocket Rocket Stove', quantity: 1 }],
    });
    const created = await waitFor(
      async () =>
        (await world.bigcommerce.webhooks())
          .slice(before)
          .find((delivery) => delivery.event === 'store/order/created'),
      { what: 'the store/order/created delivery' },
    );
    await Promise.all(
      [1, 2, 3].map(() =>
        fetch(created.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...created.headers },
          body: created.body,
        }),
      ),
    );
    await warehouse.orderOf(orderId);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(await warehouse.ordersOf(orderId)).toHaveLength(1);
  });

  it('never makes two store shipments of one package, whatever is redelivered at once', async () => {
    const orderId = await world.placeOrder({
      ...multiLineOrder(),
      lines: [{ sku: 'SOCK-WOOL-M', name: 'Merino Hiking Socks', quantity: 1 }],
    });
    const order = await warehouse.orderOf(orderId);
    const shipped = await warehouse.ship(order.id);
    const [messageId] = shipped.messageIds.shipmentUpdate ?? [];
    expect(messageId).toBeDefined();
    await Promise.all(
      [1, 2, 3].map(() => warehouse.control.post(`/deliveries/${messageId}/redeliver`, {})),
    );
    await world.bigCommerceShipments(orderId, 1);
    // Let every duplicate run its course before counting effects.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect((await world.bigCommerceOrder(orderId)).shipments).toHaveLength(1);
    expect(await warehouse.ordersOf(orderId)).toHaveLength(1);
  });

  it('shows a cancellation in the warehouse on the store order, as the store settings say', async () => {
    const orderId = await world.placeOrder(multiLineOrder());
    const order = await warehouse.orderOf(orderId);
    await warehouse.cancel(order.id, 'Address cannot be served');
    const cancelled = await waitFor(
      async () => {
        const view = await t.storeOrder(orderId);
        return view.order.status_id === 12 ? view : undefined;
      },
      { what: 'the store order to need manual verification' },
    );
    expect(cancelled.order.staff_notes).toContain(`${order.partner_order_id} as canceled`);
    const [record] = (await world.admin.order(String(orderId))).orders[0]!.fulfilmentOrders;
    expect(record?.status).toBe('canceled');
    // A later store change is not pushed onto the cancelled ShipHero order.
    await world.bigcommerce.patch(`/stores/${world.storeHash}/orders/${orderId}`, {
      staffNotes: 'Customer called',
    });
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect((await warehouse.orderOf(orderId)).fulfillment_status).toBe('canceled');
  });

  it('refreshes an expired access token once and carries on', async () => {
    await warehouse.control.post(`/accounts/${warehouse.account.accountId}/tokens/expire`, {});
    const orderId = await world.placeOrder(multiLineOrder());
    const order = await warehouse.orderOf(orderId);
    expect(order.line_items).toHaveLength(3);
    const stored = await world.hub.platform.repos.tenancy.readCredentials(
      world.setup.fulfilment.id,
    );
    expect(stored).toMatchObject({ refreshToken: warehouse.account.credentials.refreshToken });
    expect((stored as { accessToken: string }).accessToken).not.toBe(
      warehouse.account.credentials.accessToken,
    );
  });
});
