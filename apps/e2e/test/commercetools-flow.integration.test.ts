import { randomUUID } from 'node:crypto';
import type { AfterShipTracking } from '@shiplink/connectors/aftership';
import { jobs } from '@shiplink/jobs';
import { waitFor } from '@shiplink/testing';
import {
  fieldKey,
  parcelsOf,
  startCommercetoolsWorld,
  upsNumber,
  type CommercetoolsWorld,
  type CtOrderView,
  type CtParcelView,
} from '@shiplink/test-world';

describe('commercetools ⇄ AfterShip, end to end on real PostgreSQL and Redis', () => {
  let world: CommercetoolsWorld;
  beforeAll(async () => {
    world = await startCommercetoolsWorld();
  }, 60_000);
  afterAll(() => world?.close());
  afterEach(async () => {
    await world.commercetools.delete('/pubsub/faults');
  });

  const trackings = async () =>
    (await world.aftership.get<{ tracking: AfterShipTracking }[]>('/trackings')).map(
      (row) => row.tracking,
    );
  const registered = (trackingNumber: string) =>
    waitFor(async () => (await trackings()).find((t) => t.tracking_number === trackingNumber), {
      what: `AfterShip tracking ${trackingNumber}`,
    });
  const scan = (tracking: AfterShipTracking, subtag: string, message = 'Scanned') =>
    world.aftership.post(`/trackings/${tracking.id}/scan`, {
      subtag,
      message,
      city: 'Vantaa',
      country_region: 'FIN',
    });
  const parcel = (order: CtOrderView, trackingNumber: string): CtParcelView | undefined =>
    parcelsOf(order).find((p) => p.trackingData?.trackingId === trackingNumber);
  const statusOf = (order: CtOrderView, trackingNumber: string) =>
    fieldKey(parcel(order, trackingNumber)?.custom?.fields.shiplinkStatus);
  const hubWrites = async (orderId: string) =>
    (
      await world.commercetools.get<
        { client?: string; actions: { action: string }[]; status: number }[]
      >(`/projects/${world.projectKey}/orders/${orderId}/updates`)
    ).filter((update) => update.client !== 'back-office');
  const settled = () => world.commercetools.get('/pubsub/idle?wait=5000');

  it('tracks every parcel of two deliveries and writes each status back to its parcel and the order', async () => {
    const order = await world.placeOrder();
    const [jacket, socks] = order.lineItems;
    const first = upsNumber();
    const second = upsNumber();
    await world.addDelivery(order.id, {
      items: [{ id: jacket!.id, quantity: 1 }],
      parcels: [{ trackingId: first, carrier: 'UPS' }],
    });
    await world.addDelivery(order.id, {
      items: [{ id: socks!.id, quantity: 2 }],
      parcels: [{ trackingId: second, carrier: 'ups' }],
    });
    const [a, b] = [await registered(first), await registered(second)];
    // The commercetools order number, never an id of ours.
    expect(a.order_number).toBe(order.orderNumber);
    expect(b.order_number).toBe(order.orderNumber);
    expect(a.slug).toBe('ups');

    await scan(a, 'InTransit_001', 'Departed facility');
    await world.orderWhen(
      order.id,
      (o) => statusOf(o, first) === 'in_transit',
      'first parcel in transit',
    );
    await scan(a, 'Delivered_001', 'Delivered');
    const oneDelivered = await world.orderWhen(
      order.id,
      (o) => statusOf(o, first) === 'delivered',
      'first parcel delivered',
    );
    expect(parcel(oneDelivered, first)?.custom?.fields).toMatchObject({
      shiplinkLastEvent: 'Delivered (Vantaa)',
    });
    expect(oneDelivered.shipmentState).toBe('Shipped');
    await scan(b, 'Delivered_001', 'Delivered');
    const done = await world.orderWhen(
      order.id,
      (o) => o.shipmentState === 'Delivered',
      'the order delivered',
    );
    expect(statusOf(done, second)).toBe('delivered');
    expect(parcel(done, second)?.custom?.fields.shiplinkTrackingUrl).toEqual(
      expect.stringMatching(/^https?:\/\//),
    );
  });

  it('registers one tracking per parcel and writes each status once, however pushes repeat and reorder', async () => {
    await world.commercetools.post('/pubsub/faults', { duplicate: 20, reorder: true });
    const order = await world.placeOrder();
    const number = upsNumber();
    await world.addDelivery(order.id, { parcels: [{ trackingId: number, carrier: 'UPS' }] });
    await world.commercetools.post('/pubsub/release', {});
    const tracking = await registered(number);
    await settled();
    await scan(tracking, 'OutForDelivery_001', 'Out for delivery');
    await world.orderWhen(
      order.id,
      (o) => statusOf(o, number) === 'out_for_delivery',
      'out for delivery',
    );
    await world.hub.platform.producer.enqueue(
      jobs.storeParcelsPoll,
      { connectionId: world.connections.commercetools.id },
      { correlationId: `test-${randomUUID()}` },
    );
    await settled();
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect((await trackings()).filter((t) => t.tracking_number === number)).toHaveLength(1);
    const writes = (await hubWrites(order.id)).filter((w) => w.status === 200);
    const statusWrites = writes
      .flatMap((w) => w.actions)
      .filter((a) => a.action.startsWith('setParcelCustom'));
    // One custom type with its fields, then one field write per status move: no second write.
    expect(statusWrites.filter((a) => a.action === 'setParcelCustomType')).toHaveLength(1);
  });

  it('refuses forged, expired and wrong-audience tokens with 401 and records nothing', async () => {
    const inboxBefore = await world.hub.platform.repos.db.inboxEvent.count({
      where: { provider: 'commercetools' },
    });
    for (const fault of [
      { foreignKey: true },
      { tokenExpired: true },
      { tokenAudience: 'https://elsewhere.example/hook' },
    ]) {
      await world.commercetools.delete('/pubsub/faults');
      await world.commercetools.post('/pubsub/settings', {
        maxAttempts: 2,
        minBackoffMs: 10,
        maxBackoffMs: 20,
      });
      await world.commercetools.post('/pubsub/faults', fault);
      await world.placeOrder();
      await settled();
    }
    await world.commercetools.post('/pubsub/settings', { maxAttempts: 10 });
    const deliveries =
      await world.commercetools.get<{ attempts: { status: number }[] }[]>('/pubsub/deliveries');
    const refused = deliveries.filter((d) => d.attempts.some((attempt) => attempt.status === 401));
    expect(refused.length).toBeGreaterThanOrEqual(3);
    expect(
      await world.hub.platform.repos.db.inboxEvent.count({ where: { provider: 'commercetools' } }),
    ).toBe(inboxBefore);
    // Each refusal is in the audit trail (written a moment after the answer).
    await waitFor(
      async () =>
        (await world.hub.platform.repos.db.auditEvent.count({
          where: { provider: 'commercetools', kind: 'webhook.rejected' },
        })) >= 3,
      { what: 'the refusals in the audit trail' },
    );
  });

  it('re-reads and re-applies a write that meets a version conflict: one correct write', async () => {
    const order = await world.placeOrder();
    const number = upsNumber();
    await world.addDelivery(order.id, { parcels: [{ trackingId: number, carrier: 'UPS' }] });
    const tracking = await registered(number);
    await world.commercetools.post(`/projects/${world.projectKey}/orders/${order.id}/conflict`, {
      times: 1,
    });
    await scan(tracking, 'InTransit_001', 'Arrived at hub');
    const after = await world.orderWhen(
      order.id,
      (o) => statusOf(o, number) === 'in_transit',
      'in transit',
    );
    const writes = await hubWrites(order.id);
    expect(writes.some((w) => w.status === 409)).toBe(true);
    expect(
      writes.filter(
        (w) => w.status === 200 && w.actions.some((a) => a.action === 'setParcelCustomType'),
      ),
    ).toHaveLength(1);
    expect(parcel(after, number)?.custom?.fields.shiplinkLastEvent).toBe('Arrived at hub (Vantaa)');
  });

  it('recovers a lost push through the reconciling poll', async () => {
    const order = await world.placeOrder();
    await settled();
    // Every message of the delivery is lost (DeliveryAdded, ParcelAddedToDelivery).
    await world.commercetools.post('/pubsub/faults', { drop: 10 });
    const number = upsNumber();
    await world.addDelivery(order.id, { parcels: [{ trackingId: number, carrier: 'UPS' }] });
    await settled();
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect((await trackings()).some((t) => t.tracking_number === number)).toBe(false);
    await world.commercetools.delete('/pubsub/faults');
    await world.hub.platform.producer.enqueue(
      jobs.storeParcelsPoll,
      { connectionId: world.connections.commercetools.id },
      { correlationId: `test-${randomUUID()}` },
    );
    await registered(number);
  });

  it('tracks two parcels of one delivery apart and shows the partial shipment, then a return', async () => {
    const order = await world.placeOrder();
    const [jacket, socks] = order.lineItems;
    const [one, two] = [upsNumber(), upsNumber()];
    await world.addDelivery(order.id, {
      items: [
        { id: jacket!.id, quantity: 1 },
        { id: socks!.id, quantity: 1 },
      ],
      parcels: [
        { trackingId: one, carrier: 'UPS', items: [{ id: jacket!.id, quantity: 1 }] },
        { trackingId: two, carrier: 'UPS', items: [{ id: socks!.id, quantity: 1 }] },
      ],
    });
    const [a, b] = [await registered(one), await registered(two)];
    await scan(a, 'Delivered_001', 'Delivered');
    const partial = await world.orderWhen(
      order.id,
      (o) => statusOf(o, one) === 'delivered',
      'one delivered',
    );
    // One sock is in no parcel: the order is partially shipped whatever the parcels do.
    expect(partial.shipmentState).toBe('Partial');
    await scan(b, 'Exception_010', 'Returning to sender');
    await world.orderWhen(order.id, (o) => o.shipmentState === 'Delayed', 'delayed by the return');
    await scan(b, 'Exception_011', 'Returned to sender');
    const returned = await world.orderWhen(
      order.id,
      (o) => (o.returnInfo ?? []).length > 0,
      'the return on the order',
    );
    expect(returned.returnInfo![0]).toMatchObject({
      returnTrackingId: two,
      items: [
        expect.objectContaining({ lineItemId: socks!.id, quantity: 1, shipmentState: 'Returned' }),
      ],
    });
  });

  it('replaces the tracking when the parcel’s tracking number changes', async () => {
    const order = await world.placeOrder();
    const old = upsNumber();
    const updated = await world.addDelivery(order.id, {
      parcels: [{ trackingId: old, carrier: 'UPS' }],
    });
    const oldTracking = await registered(old);
    const next = upsNumber();
    const parcelId = parcelsOf(updated)[0]!.id;
    await world.backOffice(order.id, [
      {
        action: 'setParcelTrackingData',
        parcelId,
        trackingData: { trackingId: next, carrier: 'UPS' },
      },
    ]);
    await registered(next);
    await waitFor(async () => !(await trackings()).some((t) => t.id === oldTracking.id), {
      what: 'the old tracking deleted at AfterShip',
    });
  });

  it('reads the order when a message comes without its payload', async () => {
    await world.commercetools.post('/notifications/payload-not-included', { count: 10 });
    const order = await world.placeOrder();
    const number = upsNumber();
    await world.addDelivery(order.id, { parcels: [{ trackingId: number, carrier: 'UPS' }] });
    await registered(number);
    const sent =
      await world.commercetools.get<{ payload: { payloadNotIncluded?: unknown } }[]>(
        '/notifications',
      );
    expect(sent.some((notification) => notification.payload.payloadNotIncluded)).toBe(true);
  });

  it('flags a parcel whose carrier nobody can tell for a person, and tracks nothing', async () => {
    const order = await world.placeOrder();
    const number = `ZZ${Date.now()}`;
    await world.addDelivery(order.id, {
      parcels: [{ trackingId: number, carrier: 'Mystery Freight' }],
    });
    const tracking = await waitFor(
      async () =>
        (await world.hub.platform.repos.db.tracking.findFirst({
          where: { trackingNumber: number, registration: 'needs_review' },
        })) ?? undefined,
      { what: 'the tracking in review' },
    );
    expect(tracking.registrationNote).toMatch(/carrier/);
    expect((await trackings()).some((t) => t.tracking_number === number)).toBe(false);
  });

  it('carries one correlation id from the push to the tracking, and from the AfterShip event to the parcel write', async () => {
    const order = await world.placeOrder();
    const number = upsNumber();
    await world.addDelivery(order.id, { parcels: [{ trackingId: number, carrier: 'UPS' }] });
    const tracking = await registered(number);
    await scan(tracking, 'InTransit_001', 'On its way');
    await world.orderWhen(order.id, (o) => statusOf(o, number) === 'in_transit', 'in transit');
    const audit = world.hub.platform.repos.db.auditEvent;
    const create = await waitFor(
      async () =>
        (await audit.findFirst({
          where: {
            provider: 'aftership',
            method: 'POST',
            orderRef: order.orderNumber,
            status: 201,
          },
        })) ?? undefined,
      { what: 'the AfterShip create in the audit trail' },
    );
    const push = await audit.findFirst({
      where: { provider: 'commercetools', kind: 'webhook', correlationId: create.correlationId },
    });
    expect(push).not.toBeNull();
    const write = await waitFor(
      async () =>
        (await audit.findFirst({
          where: {
            provider: 'commercetools',
            method: 'POST',
            orderRef: order.orderNumber,
            status: 200,
          },
        })) ?? undefined,
      { what: 'the parcel write in the audit trail' },
    );
    const event = await audit.findFirst({
      where: { provider: 'aftership', kind: 'webhook', correlationId: write.correlationId },
    });
    expect(event).not.toBeNull();
  });

  it('shows the newest event on the parcel when a scan brings no new status', async () => {
    const order = await world.placeOrder();
    const number = upsNumber();
    await world.addDelivery(order.id, { parcels: [{ trackingId: number, carrier: 'UPS' }] });
    const tracking = await registered(number);
    await scan(tracking, 'InTransit_001', 'Departed Vantaa hub');
    await world.orderWhen(order.id, (o) => statusOf(o, number) === 'in_transit', 'in transit');
    await scan(tracking, 'InTransit_003', 'Arrived at Tampere terminal');
    const later = await world.orderWhen(
      order.id,
      (o) =>
        parcel(o, number)?.custom?.fields.shiplinkLastEvent ===
        'Arrived at Tampere terminal (Vantaa)',
      'the newest event on the parcel',
    );
    expect(statusOf(later, number)).toBe('in_transit');
  });
});
