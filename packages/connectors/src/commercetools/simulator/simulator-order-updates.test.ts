import { SimulatorControl } from '../../testing/control';
import { call, openProject, orderDraft, type Json } from './test-support';
import { startCommercetoolsSimulator, type RunningCommercetoolsSimulator } from '.';

interface OrderJson {
  id: string;
  version: number;
  lastModifiedAt: string;
  lastModifiedBy: Json;
  lineItems: { id: string; quantity: number }[];
  shipmentState?: string;
  shippingInfo?: { deliveries: Json[] };
  shipping: { shippingKey: string; shippingInfo: { deliveries: Json[] } }[];
  returnInfo: { items: Json[] }[];
  syncInfo: Json[];
}

interface Delivery {
  id: string;
  key?: string;
  items: Json[];
  parcels: { id: string; key?: string; trackingData?: Json; items?: Json[]; measurements?: Json }[];
}

describe('commercetools simulator order updates', () => {
  let sim: RunningCommercetoolsSimulator;
  let control: SimulatorControl;
  let token: string;
  let clock = Date.parse('2026-03-02T08:00:00.000Z');
  let seq = 0;

  const place = async (overrides: Json = {}) => {
    seq += 1;
    return control.post<OrderJson>(
      '/projects/shop/orders',
      orderDraft({ orderNumber: `U-${seq}`, ...overrides }),
    );
  };
  const update = (order: { id: string }, version: number, actions: Json[]) =>
    call<OrderJson & Json>(sim.url, 'POST', `/shop/orders/${order.id}`, {
      token,
      body: { version, actions },
    });
  const read = async (id: string) =>
    (await call<OrderJson>(sim.url, 'GET', `/shop/orders/${id}`, { token })).body;
  const messagesOf = async (id: string) =>
    (await control.get<Json[]>('/projects/shop/messages')).filter(
      (message) => (message.resource as Json).id === id,
    );
  const deliveries = (order: OrderJson) =>
    (order.shippingInfo?.deliveries ?? []) as unknown as Delivery[];

  beforeAll(async () => {
    sim = await startCommercetoolsSimulator({ now: () => clock });
    control = new SimulatorControl(sim.url);
    token = (await openProject(sim.url, { projectKey: 'shop' })).token;
  });
  afterAll(() => sim.close());

  it('adds a delivery with parcels: one version, DeliveryAdded then ParcelAddedToDelivery', async () => {
    const order = await place();
    clock += 5_000;
    const [mug, tee] = order.lineItems;
    const answer = await update(order, 1, [
      {
        action: 'addDelivery',
        deliveryKey: 'dlv-1',
        items: [{ id: mug!.id, quantity: 2 }],
        parcels: [
          {
            key: 'parcel-1',
            measurements: { weightInGram: 800 },
            trackingData: { trackingId: 'JJFI1234', carrier: 'Posti' },
            items: [{ id: mug!.id, quantity: 2 }],
          },
        ],
      },
      { action: 'changeShipmentState', shipmentState: 'Partial' },
    ]);
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({
      version: 2,
      shipmentState: 'Partial',
      lastModifiedAt: new Date(clock).toISOString(),
    });
    const [delivery] = deliveries(answer.body);
    expect(delivery).toMatchObject({
      key: 'dlv-1',
      items: [{ id: mug!.id, quantity: 2 }],
      parcels: [
        {
          key: 'parcel-1',
          measurements: { weightInGram: 800 },
          trackingData: { trackingId: 'JJFI1234', carrier: 'Posti', isReturn: false },
        },
      ],
    });
    const messages = await messagesOf(order.id);
    expect(
      messages.map((message) => [message.type, message.sequenceNumber, message.resourceVersion]),
    ).toEqual([
      ['OrderCreated', 1, 1],
      ['DeliveryAdded', 2, 2],
      ['ParcelAddedToDelivery', 3, 2],
      ['OrderShipmentStateChanged', 4, 2],
    ]);
    expect((messages[1]!.delivery as Delivery).parcels).toEqual([]);
    expect(messages[2]).toMatchObject({
      delivery: { id: delivery!.id },
      parcel: { key: 'parcel-1' },
    });
    expect(messages[3]).toMatchObject({ shipmentState: 'Partial' });
    expect(messages[3]).not.toHaveProperty('oldShipmentState');

    // Second parcel by delivery key, then tracking by parcel key, then cleared by id.
    const added = await update(answer.body, 2, [
      {
        action: 'addParcelToDelivery',
        deliveryKey: 'dlv-1',
        parcelKey: 'parcel-2',
        items: [{ id: tee!.id, quantity: 1 }],
      },
      {
        action: 'setParcelTrackingData',
        parcelKey: 'parcel-2',
        trackingData: { trackingId: 'JJFI5678', carrier: 'Posti' },
      },
    ]);
    const second = deliveries(added.body)[0]!.parcels[1]!;
    expect(second).toMatchObject({
      key: 'parcel-2',
      trackingData: { trackingId: 'JJFI5678', isReturn: false },
    });
    const cleared = await update(added.body, 3, [
      { action: 'setParcelTrackingData', parcelId: second.id },
    ]);
    expect(deliveries(cleared.body)[0]!.parcels[1]).not.toHaveProperty('trackingData');
    const last = (await messagesOf(order.id)).slice(-3);
    expect(last.map((message) => message.type)).toEqual([
      'ParcelAddedToDelivery',
      'ParcelTrackingDataUpdated',
      'ParcelTrackingDataUpdated',
    ]);
    expect(last[1]).toMatchObject({
      deliveryId: delivery!.id,
      parcelId: second.id,
      trackingData: { trackingId: 'JJFI5678', carrier: 'Posti', isReturn: false },
      resourceVersion: 3,
      resourceUserProvidedIdentifiers: { orderNumber: 'U-1' },
    });
    expect(last[2]).not.toHaveProperty('trackingData');
  });

  it('edits and removes parcels and deliveries, each with its message', async () => {
    const order = await place();
    const [mug, tee] = order.lineItems;
    let current = (
      await update(order, 1, [
        { action: 'addDelivery', items: [], parcels: [{ key: 'p-a' }, { key: 'p-b' }] },
        { action: 'addDelivery', deliveryKey: 'second', items: [{ id: tee!.id, quantity: 1 }] },
      ])
    ).body;
    const [first] = deliveries(current);
    current = (
      await update(current, current.version, [
        { action: 'setParcelItems', parcelKey: 'p-a', items: [{ id: mug!.id, quantity: 1 }] },
        {
          action: 'setParcelMeasurements',
          parcelKey: 'p-a',
          measurements: { heightInMillimeter: 100 },
        },
        {
          action: 'setDeliveryItems',
          deliveryId: first!.id,
          items: [{ id: mug!.id, quantity: 2 }],
        },
        { action: 'removeParcelFromDelivery', parcelKey: 'p-b' },
        { action: 'removeDelivery', deliveryKey: 'second' },
      ])
    ).body;
    expect(current.version).toBe(3);
    expect(deliveries(current)).toHaveLength(1);
    expect(deliveries(current)[0]).toMatchObject({
      items: [{ id: mug!.id, quantity: 2 }],
      parcels: [
        {
          key: 'p-a',
          items: [{ id: mug!.id, quantity: 1 }],
          measurements: { heightInMillimeter: 100 },
        },
      ],
    });
    const types = (await messagesOf(order.id)).map((message) => message.type);
    expect(types.slice(-5)).toEqual([
      'ParcelItemsUpdated',
      'ParcelMeasurementsUpdated',
      'DeliveryItemsUpdated',
      'ParcelRemovedFromDelivery',
      'DeliveryRemoved',
    ]);
    const itemsUpdated = (await messagesOf(order.id)).find(
      (message) => message.type === 'DeliveryItemsUpdated',
    );
    expect(itemsUpdated).toMatchObject({ items: [{ id: mug!.id, quantity: 2 }], oldItems: [] });
  });

  it('answers 409 ConcurrentModification with the current version on a stale one', async () => {
    const order = await place();
    const answer = await update(order, 7, [
      { action: 'changeOrderState', orderState: 'Confirmed' },
    ]);
    expect(answer).toMatchObject({
      status: 409,
      body: {
        statusCode: 409,
        message: `Object ${order.id} has a different version than expected. Expected: 7 - Actual: 1.`,
        errors: [{ code: 'ConcurrentModification', currentVersion: 1 }],
      },
    });
  });

  it('is atomic: one failing action changes nothing, the version stays', async () => {
    const order = await place();
    const answer = await update(order, 1, [
      { action: 'changeOrderState', orderState: 'Confirmed' },
      { action: 'addDelivery', items: [], parcels: [{ key: 'ok' }] },
      {
        action: 'setParcelTrackingData',
        parcelId: 'no-such-parcel',
        trackingData: { trackingId: 'X' },
      },
    ]);
    expect(answer).toMatchObject({ status: 400, body: { errors: [{ code: 'InvalidOperation' }] } });
    const after = await read(order.id);
    expect(after).toMatchObject({
      version: 1,
      orderState: 'Open',
      shippingInfo: { deliveries: [] },
    });
    expect((await messagesOf(order.id)).map((message) => message.type)).toEqual(['OrderCreated']);
  });

  it('refuses more than 500 actions, unknown actions and malformed ones', async () => {
    const order = await place();
    const many = Array.from({ length: 501 }, () => ({
      action: 'changeShipmentState',
      shipmentState: 'Ready',
    }));
    expect((await update(order, 1, many)).body).toMatchObject({
      statusCode: 400,
      errors: [{ code: 'InvalidInput' }],
    });
    const unknown = await update(order, 1, [{ action: 'teleport' }]);
    expect(unknown.body).toMatchObject({ errors: [{ code: 'InvalidJsonInput' }] });
    const bad = await update(order, 1, [{ action: 'changeShipmentState', shipmentState: 'Lost' }]);
    expect(bad.body).toMatchObject({
      errors: [
        {
          code: 'InvalidJsonInput',
          detailedErrorMessage: expect.stringContaining('shipmentState'),
        },
      ],
    });
    expect((await read(order.id)).version).toBe(1);
  });

  it('keeps the version when nothing changes', async () => {
    const order = await place({ shipmentState: 'Ready' });
    const same = await update(order, 1, [
      { action: 'changeShipmentState', shipmentState: 'Ready' },
    ]);
    expect(same.body.version).toBe(1);
    const moved = await update(order, 1, [
      { action: 'changeShipmentState', shipmentState: 'Shipped' },
    ]);
    expect(moved.body.version).toBe(2);
    const [, changed] = await messagesOf(order.id);
    expect(changed).toMatchObject({
      type: 'OrderShipmentStateChanged',
      shipmentState: 'Shipped',
      oldShipmentState: 'Ready',
    });
  });

  it('adds returns and moves them on as the platform allows', async () => {
    const order = await place();
    const [mug] = order.lineItems;
    const returned = await update(order, 1, [
      {
        action: 'addReturnInfo',
        returnTrackingId: 'RET-1',
        items: [
          {
            quantity: 1,
            lineItemId: mug!.id,
            shipmentState: 'Returned',
            key: 'r-1',
            comment: 'broken',
          },
          { quantity: 1, lineItemId: mug!.id, shipmentState: 'Advised' },
        ],
      },
    ]);
    expect(returned.body.returnInfo[0]).toMatchObject({
      returnTrackingId: 'RET-1',
      returnDate: expect.any(String),
      items: [
        {
          type: 'LineItemReturnItem',
          key: 'r-1',
          shipmentState: 'Returned',
          paymentState: 'Initial',
          createdAt: expect.any(String),
        },
        { type: 'LineItemReturnItem', shipmentState: 'Advised', paymentState: 'NonRefundable' },
      ],
    });
    const restocked = await update(returned.body, 2, [
      { action: 'setReturnShipmentState', returnItemKey: 'r-1', shipmentState: 'BackInStock' },
    ]);
    expect(restocked.body.returnInfo[0]!.items[0]).toMatchObject({ shipmentState: 'BackInStock' });
    const advised = restocked.body.returnInfo[0]!.items[1] as { id: string };
    const refused = await update(restocked.body, 3, [
      { action: 'setReturnShipmentState', returnItemId: advised.id, shipmentState: 'BackInStock' },
    ]);
    expect(refused.status).toBe(400);
    const types = (await messagesOf(order.id)).map((message) => message.type);
    expect(types).toEqual(['OrderCreated', 'ReturnInfoAdded', 'OrderReturnShipmentStateChanged']);
  });

  it('needs a shipping key for deliveries of a Multiple shipping mode order', async () => {
    const order = await place({
      shippingMode: 'Multiple',
      shipping: [
        { key: 'home', skus: ['MUG-1'] },
        { key: 'office', skus: ['TEE-1'], address: { country: 'SE', city: 'Stockholm' } },
      ],
    });
    expect(order).toMatchObject({
      shippingMode: 'Multiple',
      shipping: [
        { shippingKey: 'home' },
        { shippingKey: 'office', shippingAddress: { country: 'SE' } },
      ],
      itemShippingAddresses: [{ key: 'home-address' }, { key: 'office-address' }],
    });
    expect(order).not.toHaveProperty('shippingInfo');
    const missing = await update(order, 1, [{ action: 'addDelivery', items: [] }]);
    expect(missing.status).toBe(400);
    const added = await update(order, 1, [
      { action: 'addDelivery', shippingKey: 'office', parcels: [{ key: 'office-1' }] },
    ]);
    expect(added.body.shipping[1]!.shippingInfo.deliveries).toHaveLength(1);
    const messages = await messagesOf(order.id);
    expect(messages[1]).toMatchObject({ type: 'DeliveryAdded', shippingKey: 'office' });
    expect(messages[2]).toMatchObject({ type: 'ParcelAddedToDelivery', shippingKey: 'office' });
  });

  it('updates by order number, and records sync info', async () => {
    await place({ orderNumber: 'BY-NUMBER' });
    const answer = await call<OrderJson>(sim.url, 'POST', '/shop/orders/order-number=BY-NUMBER', {
      token,
      body: {
        version: 1,
        actions: [
          {
            action: 'updateSyncInfo',
            channel: { typeId: 'channel', key: 'wms' },
            externalId: 'WMS-77',
          },
        ],
      },
    });
    expect(answer.body).toMatchObject({
      version: 2,
      syncInfo: [
        {
          channel: { typeId: 'channel', id: expect.any(String) },
          externalId: 'WMS-77',
          syncedAt: expect.any(String),
        },
      ],
    });
  });

  it('makes the next update meet a concurrent change (the conflict fault)', async () => {
    const order = await place();
    await control.post(`/projects/shop/orders/${order.id}/conflict`, { times: 1 });
    const first = await update(order, 1, [{ action: 'changeOrderState', orderState: 'Confirmed' }]);
    expect(first).toMatchObject({
      status: 409,
      body: { errors: [{ code: 'ConcurrentModification', currentVersion: 2 }] },
    });
    const reread = await read(order.id);
    expect(reread).toMatchObject({
      version: 2,
      orderState: 'Open',
      lastModifiedBy: { clientId: 'sim-concurrent-client' },
    });
    const retried = await update(reread, 2, [
      { action: 'changeOrderState', orderState: 'Confirmed' },
    ]);
    expect(retried.body).toMatchObject({ version: 3, orderState: 'Confirmed' });
    const updates = await control.get<Json[]>(`/projects/shop/orders/${order.id}/updates`);
    const client = updates[1]!.client;
    expect(
      updates.map((entry) => [entry.via, entry.client, entry.status, entry.resultingVersion]),
    ).toEqual([
      ['concurrent', 'sim-concurrent-client', 200, 2],
      ['api', client, 409, 2],
      ['api', client, 200, 3],
    ]);
    expect(updates[1]).toMatchObject({
      expectedVersion: 1,
      errors: [{ code: 'ConcurrentModification' }],
    });
  });

  it('lets the back office add a delivery for every line item', async () => {
    const order = await place();
    const shipped = await control.post<OrderJson>(`/projects/shop/orders/${order.id}/deliveries`, {
      parcels: [{ trackingId: '00340434161094042557', carrier: 'DHL' }],
    });
    expect(deliveries(shipped)[0]).toMatchObject({
      items: order.lineItems.map((line) => ({ id: line.id, quantity: line.quantity })),
      parcels: [{ trackingData: { trackingId: '00340434161094042557', carrier: 'DHL' } }],
    });
    expect(shipped.lastModifiedBy).toEqual({ clientId: 'merchant-center', isPlatformClient: true });
    const [recorded] = await control.get<Json[]>(`/projects/shop/orders/${order.id}/updates`);
    expect(recorded).toMatchObject({ via: 'control', client: 'back-office', status: 200 });
  });
});
