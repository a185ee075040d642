import { waitFor } from '@shiplink/testing';
import {
  ambiguousNumber,
  multiLineOrder,
  splitOrder,
  startTrackingWorld,
  upsNumber,
  type TestWorld,
  type TrackingHelpers,
} from '@shiplink/test-world';

type ShipResult = { shipments: { trackingNumber: string }[] };
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

describe('AfterShip tracking registration, end to end on real PostgreSQL and Redis', () => {
  let world: TestWorld;
  let t: TrackingHelpers;
  beforeAll(async () => ({ world, t } = await startTrackingWorld()));
  afterAll(() => world?.close());
  const shippedInStore = () => t.shippedInStore(multiLineOrder());

  it('registers one tracking for a shipment our write-back created, and follows it to delivered', async () => {
    const orderId = await world.placeOrder(multiLineOrder());
    const exported = await world.shipStationOrder(orderId);
    const shipped = await world.shipstation.post<ShipResult>(`/orders/${exported.orderId}/ship`, {
      carrierCode: 'ups_walleted',
      serviceCode: 'ups_ground',
    });
    const trackingNumber = shipped.shipments[0]!.trackingNumber;
    const tracking = await t.registered(trackingNumber);
    expect(tracking).toMatchObject({
      slug: 'ups',
      order_id: String(orderId),
      order_number: String(orderId),
      custom_fields: { shipment_items: 'TENT-2P x1, STOVE-MINI x2, SOCK-WOOL-M x3' },
      customers: [{ role: 'buyer', email: 'maya@example.com', name: 'Maya Lindqvist' }],
    });
    expect(tracking.customers?.[0]?.phone_number).toBeUndefined();
    expect(JSON.stringify(tracking)).not.toMatch(UUID);

    // The store's shipment/created webhook for the same parcel is matched to ours, not doubled.
    await waitFor(async () => (await world.bigCommerceOrder(orderId)).shipments.length === 1);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const copies = (await t.afterShipTrackings()).filter((x) => x.order_id === String(orderId));
    expect(copies).toHaveLength(1);
    expect((await world.admin.order(String(orderId))).orders[0]?.shipments).toHaveLength(1);

    await t.run(tracking.id);
    const [parcel] = await t.timeline(String(orderId), ([p]) => p?.status === 'delivered');
    expect(parcel).toMatchObject({
      trackingNumber,
      carrier: 'ups',
      carrierStatus: 'mapped',
      registration: 'registered',
      bucket: 'delivered',
      items: [
        { sku: 'TENT-2P', quantity: 1 },
        { sku: 'STOVE-MINI', quantity: 2 },
        { sku: 'SOCK-WOOL-M', quantity: 3 },
      ],
    });
    expect(parcel!.checkpoints.map((c) => c.status)).toEqual([
      'info_received',
      'picked_up',
      'in_transit',
      'in_transit',
      'in_transit',
      'in_transit',
      'out_for_delivery',
      'delivered',
    ]);
    expect(parcel!.checkpoints[0]).toMatchObject({ location: 'Austin, TX, USA' });
    // Every parcel of the fully shipped order is delivered: the order completes in the store.
    await waitFor(async () => (await t.storeOrder(orderId)).order.status_id === 10, {
      what: 'the store order to be Completed',
    });
  });

  it('replaces the tracking when the store shipment gets another number, leaving no duplicate', async () => {
    const { orderId, orderNumber, trackingNumber, tracking } = await shippedInStore();
    const [storeShipment] = (await t.storeOrder(orderId)).shipments;
    const replacement = upsNumber();
    await t.editStoreShipment(orderId, storeShipment!.id, { tracking_number: replacement });
    const renewed = await t.registered(replacement);
    await waitFor(async () => !(await t.afterShipTrackings()).some((x) => x.id === tracking.id), {
      what: `the old tracking ${trackingNumber} to be deleted at AfterShip`,
    });
    const forOrder = (await t.afterShipTrackings()).filter((x) => x.order_id === String(orderId));
    expect(forOrder.map((x) => x.id)).toEqual([renewed.id]);
    const parcels = await t.timeline(orderNumber, ([p]) => p?.trackingNumber === replacement);
    expect(parcels).toHaveLength(1);
    expect(parcels[0]).toMatchObject({ registration: 'registered', carrier: 'ups' });
  });

  it('keeps partial shipments apart, detects a courier, and flags one it cannot tell', async () => {
    const orderId = await world.placeOrder(splitOrder());
    await world.shipStationOrder(orderId);
    const unclear = ambiguousNumber();
    const detectable = upsNumber();
    await t.shipInStore(orderId, {
      trackingNumber: unclear,
      carrier: '',
      items: [{ sku: 'TENT-2P', quantity: 1 }],
    });
    await t.shipInStore(orderId, {
      trackingNumber: detectable,
      carrier: '',
      items: [{ sku: 'LAMP-USB', quantity: 2 }],
    });
    const lamp = await t.registered(detectable);
    expect(lamp).toMatchObject({ slug: 'ups', custom_fields: { shipment_items: 'LAMP-USB x2' } });
    const parcels = await t.timeline(
      String(orderId),
      (ps) => ps.length === 2 && ps.every((p) => p.registration !== 'pending'),
    );
    expect(t.parcel(parcels, unclear)).toMatchObject({
      registration: 'needs_review',
      carrier: null,
      carrierStatus: 'needs_review',
      items: [{ sku: 'TENT-2P', quantity: 1 }],
      note: expect.stringMatching(/posti, dhl/),
    });
    expect(t.parcel(parcels, detectable)).toMatchObject({
      registration: 'registered',
      carrierStatus: 'detected',
      items: [{ sku: 'LAMP-USB', quantity: 2 }],
    });
    expect((await t.afterShipTrackings()).some((x) => x.tracking_number === unclear)).toBe(false);
    expect(await t.trackingDeadLetters()).toEqual([]);

    // The merchant names the carrier on the store shipment: now it is tracked.
    const tent = (await t.storeOrder(orderId)).shipments.find((s) => s.tracking_number === unclear);
    await t.editStoreShipment(orderId, tent!.id, { tracking_carrier: 'posti' });
    expect(await t.registered(unclear)).toMatchObject({ slug: 'posti' });
    const fixed = await t.timeline(
      String(orderId),
      (ps) => t.parcel(ps, unclear)?.registration === 'registered',
    );
    expect(fixed).toHaveLength(2);
    expect(t.parcel(fixed, unclear)).toMatchObject({ carrier: 'posti', carrierStatus: 'mapped' });
  });

  it('shares the customer details the store allows', async () => {
    await world.admin.storeSettings(world.setup.storeId, {
      tracking: { shareWithCarrierTracking: { email: false, phone: true } },
    });
    try {
      const { tracking } = await shippedInStore();
      expect(tracking.customers).toEqual([
        expect.objectContaining({ name: 'Maya Lindqvist', phone_number: '+1 512 555 0101' }),
      ]);
      expect(tracking.customers?.[0]?.email).toBeUndefined();
    } finally {
      await world.admin.storeSettings(world.setup.storeId, {});
    }
  });

  it('retries AfterShip 429s and 5xx within its limits and registers once', async () => {
    const path = '/tracking/2025-01/trackings';
    await world.aftership.clearRequests();
    await world.aftership.addFault({
      kind: 'rate_limit',
      count: 2,
      path,
      method: 'POST',
      resetMs: 300,
    });
    await world.aftership.addFault({
      kind: 'server_error',
      count: 2,
      status: 503,
      path,
      method: 'POST',
    });
    const { trackingNumber } = await shippedInStore();
    const statuses = (await world.aftership.requests({ method: 'POST', path })).map(
      (r) => r.status,
    );
    expect(statuses.filter((s) => s === 429)).toHaveLength(2);
    expect(statuses.filter((s) => s === 503)).toHaveLength(2);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(
      (await t.afterShipTrackings()).filter((x) => x.tracking_number === trackingNumber),
    ).toHaveLength(1);
  });
});
