import { signParams } from '@shiplink/connectors/posti';
import { jobs } from '@shiplink/jobs';
import { waitFor } from '@shiplink/testing';
import {
  finnishOrder,
  heavyLines,
  startPostiWorld,
  type PostiShipmentView,
  type PostiWorld,
} from '@shiplink/test-world';

/**
 * A Finnish store that dispatches its own parcels: orders in Awaiting Fulfillment become Posti
 * consignments with labels, their tracking numbers reach the store, and Posti's callbacks move
 * the parcels along the timeline.
 */
describe('BigCommerce ⇄ Posti: labels on status, tracking back to the store', () => {
  let world: PostiWorld;
  const staleAfter = process.env.TRACKING_STALE_AFTER_MS;
  beforeAll(async () => {
    // The status poll re-reads parcels quiet for a second (six hours in production).
    process.env.TRACKING_STALE_AFTER_MS = '1000';
    world = await startPostiWorld();
  }, 60_000);
  afterAll(async () => {
    if (staleAfter === undefined) delete process.env.TRACKING_STALE_AFTER_MS;
    else process.env.TRACKING_STALE_AFTER_MS = staleAfter;
    await world?.close();
  });

  const consignmentsOf = async (orderId: number) =>
    (await world.postiShipments()).filter((s) => s.reference === String(orderId));
  const consignment = (orderId: number) =>
    waitFor(async () => (await consignmentsOf(orderId))[0], {
      what: `the Posti consignment of order ${orderId}`,
    });
  const carrierShipments = (orderId: number) =>
    world.hub.platform.repos.carrierShipments.forOrder(world.storeId, String(orderId));
  const openReviewOf = (orderId: number) =>
    waitFor(
      async () =>
        (await world.admin.reviews(world.storeId, 'open')).find(
          (r) => r.orderNumber === String(orderId),
        ),
      { what: `the open review of order ${orderId}` },
    );

  it('makes one consignment with labels, and the store shipment carries its tracking', async () => {
    const orderId = await world.placeOrder(finnishOrder());
    const view = await world.bigCommerceShipments(orderId, 1);
    const [shipment] = view.shipments;
    const sent = await consignment(orderId);
    expect(sent.product).toBe('2104');
    expect(sent.recipient).toMatchObject({ name1: 'Aino Virtanen', postcode: '00100' });
    // The phone was national: Posti gets it in E.164.
    expect(sent.recipient.phone).toBe('+358401234567');
    expect(sent.callbackUrl).toMatch(/\/webhooks\/posti\//);
    expect(shipment).toMatchObject({
      tracking_carrier: 'posti',
      tracking_number: sent.trackingCodes[0],
      shipping_method: 'Posti Kotipaketti',
    });
    expect(shipment?.tracking_link).toContain(sent.trackingCodes[0]);
    expect(shipment?.items.map((item) => item.quantity).sort()).toEqual([1, 1]);
    const [record] = await waitFor(
      async () => {
        const rows = await carrierShipments(orderId);
        return rows[0]?.hasLabel ? rows : undefined;
      },
      { what: 'the kept label' },
    );
    const pdf = await world.hub.platform.repos.carrierShipments.label(record!.id);
    expect(pdf?.subarray(0, 5).toString()).toBe('%PDF-');
    expect(await consignmentsOf(orderId)).toHaveLength(1);
    // The support team sees Posti's ids on the store order.
    const notes = await waitFor(
      async () => {
        const { order } = await world.bigcommerce.get<{ order: { staff_notes: string } }>(
          `/stores/${world.storeHash}/orders/${orderId}`,
        );
        return order.staff_notes.includes(sent.trackingCodes[0]!) ? order.staff_notes : undefined;
      },
      { what: 'the consignment on the store order' },
    );
    expect(notes).toContain(`[Shiplink] Posti Kotipaketti consignment ${sent.reference}`);
  });

  it('splits a heavy order into two parcels, one store shipment each', async () => {
    const orderId = await world.placeOrder(finnishOrder({ lines: heavyLines() }));
    const view = await world.bigCommerceShipments(orderId, 2);
    const sent = await consignment(orderId);
    expect(sent.trackingCodes).toHaveLength(2);
    expect(sent.additionalServices.map((s) => s.serviceCode)).toContain('3102');
    expect(view.shipments.map((s) => s.tracking_number).sort()).toEqual(
      [...sent.trackingCodes].sort(),
    );
    const shipped = view.shipments.flatMap((s) => s.items).reduce((n, i) => n + i.quantity, 0);
    expect(shipped).toBe(3);
  });

  it('sends a pickup-point order to the point the customer chose at checkout', async () => {
    const orderId = await world.placeOrder(
      finnishOrder({
        shipTo: [
          {
            firstName: 'Aino',
            lastName: 'Virtanen',
            street1: 'Mannerheimintie 12',
            city: 'Helsinki',
            zip: '00100',
            country: 'Finland',
            countryIso2: 'FI',
            email: 'aino@example.fi',
            method: 'Postipaketti noutopisteeseen – K-Market Kamppi (0.4 km)',
            formFields: { 'Pickup point': '001003102' },
            lines: [{ sku: 'MUG', name: 'Enamel mug', quantity: 2, price: '14.00', weight: 0.3 }],
          },
        ],
        lines: [],
      }),
    );
    const sent = await consignment(orderId);
    expect(sent.product).toBe('2103');
    expect(sent.pickupPointId).toBe('001003102');
    // No phone: the arrival notice goes by e-mail.
    expect(sent.additionalServices.map((s) => s.serviceCode)).toEqual(
      expect.arrayContaining(['2106', '3139', '9901']),
    );
  });

  it('holds an order with an address Posti cannot take in review, and sends it once fixed', async () => {
    const orderId = await world.placeOrder(
      finnishOrder({ billing: { ...finnishOrder().billing, zip: '1001', phone: '', email: '' } }),
    );
    const review = await waitFor(
      async () =>
        (await world.admin.reviews(world.storeId, 'open')).find(
          (r) => r.orderNumber === String(orderId),
        ),
      { what: 'the review of the unsendable order' },
    );
    expect(review).toMatchObject({ reason: 'shipment_validation' });
    expect(review.details).toMatch(/postcode/);
    expect(review.details).toMatch(/phone number nor an e-mail/);
    expect(await consignmentsOf(orderId)).toEqual([]);

    const order = await world.bigcommerce.get<{ shippingAddresses: { id: number }[] }>(
      `/stores/${world.storeHash}/orders/${orderId}`,
    );
    await world.bigcommerce.patch(`/stores/${world.storeHash}/orders/${orderId}`, {
      shippingAddress: {
        id: order.shippingAddresses[0]!.id,
        zip: '00100',
        email: 'aino@example.fi',
      },
    });
    await consignment(orderId);
    await waitFor(
      async () =>
        (await world.admin.reviews(world.storeId, 'released')).find(
          (r) => r.orderNumber === String(orderId),
        ),
      { what: 'the released review' },
    );
  });

  it('ships a fixed second address of an order whose first one has shipped already', async () => {
    const address = (street1: string, zip: string) => ({
      firstName: 'Aino',
      lastName: 'Virtanen',
      street1,
      city: 'Helsinki',
      zip,
      country: 'Finland',
      countryIso2: 'FI',
      email: 'aino@example.fi',
      method: 'Kotipaketti',
    });
    const orderId = await world.placeOrder(
      finnishOrder({
        lines: [],
        shipTo: [
          {
            ...address('Mannerheimintie 12', '00100'),
            lines: [{ sku: 'MUG', name: 'Enamel mug', quantity: 1, price: '14.00', weight: 0.3 }],
          },
          {
            ...address('Hämeenkatu 1', '331'),
            lines: [{ sku: 'TOWEL', name: 'Towel', quantity: 1, price: '19.00', weight: 0.5 }],
          },
        ],
      }),
    );
    // The first address ships (the order becomes Partially Shipped); the second waits.
    await world.bigCommerceShipments(orderId, 1);
    const review = await openReviewOf(orderId);
    expect(review.details).toMatch(/"331" is not a postcode of FI/);
    const order = await world.bigcommerce.get<{ shippingAddresses: { id: number }[] }>(
      `/stores/${world.storeHash}/orders/${orderId}`,
    );
    await world.bigcommerce.patch(`/stores/${world.storeHash}/orders/${orderId}`, {
      shippingAddress: { id: order.shippingAddresses[1]!.id, zip: '33100' },
    });
    const view = await world.bigCommerceShipments(orderId, 2);
    expect(view.shipments.every((s) => s.tracking_carrier === 'posti')).toBe(true);
    expect(await carrierShipments(orderId)).toHaveLength(2);
  });

  it('holds an order Posti itself refuses in review, with Posti’s reason', async () => {
    const orderId = await world.placeOrder(
      finnishOrder({
        shippingMethod: 'Postipaketti noutopisteeseen – Kamppi',
        billingFormFields: { 'Pickup point': '999999999' },
      }),
    );
    const review = await waitFor(
      async () =>
        (await world.admin.reviews(world.storeId, 'open')).find(
          (r) => r.orderNumber === String(orderId),
        ),
      { what: 'the review of the refused shipment' },
    );
    expect(review.details).toMatch(/carrier refused the shipment.*pickup_point_id/);
    const [record] = await carrierShipments(orderId);
    expect(record).toMatchObject({ status: 'failed', attempts: 1 });
    expect(await consignmentsOf(orderId)).toEqual([]);
  });

  it('never sends a create twice when Posti’s answer is lost: a person looks first', async () => {
    await world.posti.addFault({
      kind: 'lost_response',
      path: '/prinetti/create-shipment',
      count: 1,
    });
    const orderId = await world.placeOrder(finnishOrder());
    const review = await openReviewOf(orderId);
    expect(review.reason).toBe('carrier_outcome_unknown');
    expect(review.details).toContain(`consignment ${orderId}`);
    const [record] = await carrierShipments(orderId);
    expect(record).toMatchObject({ status: 'uncertain', attempts: 1 });
    // Posti made it, once; the hub asked once and wrote nothing to the store.
    expect(await consignmentsOf(orderId)).toHaveLength(1);
    expect((await world.bigCommerceOrder(orderId)).shipments).toEqual([]);
    // Another import (the store's next webhook) sends nothing either.
    await world.bigcommerce.patch(`/stores/${world.storeHash}/orders/${orderId}`, {
      staffNotes: 'checked by support',
    });
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await consignmentsOf(orderId)).toHaveLength(1);
  });

  it('sends again after a person retries an order Posti did not answer for', async () => {
    // A 503 from in front of Posti: nothing was made, but the hub cannot know that.
    await world.posti.post('/prinetti/faults', {
      status: 240,
      count: 1,
      endpoint: 'create-shipment',
      httpStatus: 503,
    });
    const orderId = await world.placeOrder(finnishOrder());
    const review = await openReviewOf(orderId);
    expect(review.reason).toBe('carrier_outcome_unknown');
    expect(await consignmentsOf(orderId)).toEqual([]);
    await world.admin.retryReview(review.id, 'Support');
    await world.bigCommerceShipments(orderId, 1);
    expect(await consignmentsOf(orderId)).toHaveLength(1);
    const [record] = await carrierShipments(orderId);
    expect(record).toMatchObject({ status: 'created', attempts: 2 });
    await waitFor(
      async () =>
        (await world.admin.reviews(world.storeId, 'released')).find((r) => r.id === review.id),
      { what: 'the review released once the consignment was made' },
    );
  });

  it('tries again at once when Posti answers that it failed (nothing was made)', async () => {
    await world.posti.post('/prinetti/faults', {
      status: 240,
      count: 1,
      endpoint: 'create-shipment',
    });
    const orderId = await world.placeOrder(finnishOrder());
    await world.bigCommerceShipments(orderId, 1);
    expect(await consignmentsOf(orderId)).toHaveLength(1);
    const [record] = await carrierShipments(orderId);
    expect(record).toMatchObject({ status: 'created', attempts: 2 });
  });

  describe('tracking callbacks', () => {
    let orderId: number;
    let sent: PostiShipmentView;
    beforeAll(async () => {
      orderId = await world.placeOrder(finnishOrder());
      await world.bigCommerceShipments(orderId, 1);
      sent = await consignment(orderId);
    });
    const timeline = (ready: (status: string | undefined) => boolean) =>
      waitFor(
        async () => {
          const view = await world.admin.timeline(String(orderId));
          const [parcel] = view.shipments;
          return ready(parcel?.status) ? parcel : undefined;
        },
        { what: `the Posti parcel of order ${orderId}` },
      );

    it('advances the parcel to delivered through Posti’s signed callbacks', async () => {
      await world.posti.post(`/shipments/${sent.reference}/run`, { journey: 'home' });
      const parcel = await timeline((status) => status === 'delivered');
      await world.posti.get('/callbacks/idle?wait=5000');
      expect(parcel?.carrier).toBe('posti');
      expect(parcel?.checkpoints.map((c) => c.status)).toEqual(
        expect.arrayContaining(['info_received', 'in_transit', 'out_for_delivery', 'delivered']),
      );
      const callbacks = await world.posti.get<{ delivered: boolean }[]>(
        `/callbacks?trackingCode=${sent.trackingCodes[0]}`,
      );
      expect(callbacks.length).toBeGreaterThan(0);
      expect(callbacks.every((callback) => callback.delivered)).toBe(true);
    });

    it('takes a repeated callback once', async () => {
      const [first] = await world.posti.get<{ id: string }[]>(
        `/callbacks?trackingCode=${sent.trackingCodes[0]}`,
      );
      const before = (await timeline(() => true))?.checkpoints.length;
      await world.posti.post(`/callbacks/redeliver/${first!.id}`);
      await world.posti.get('/callbacks/idle?wait=5000');
      const again = await world.posti.get<{ delivered: boolean; redeliveryOf?: string }[]>(
        `/callbacks?trackingCode=${sent.trackingCodes[0]}`,
      );
      expect(again.find((c) => c.redeliveryOf === first!.id)?.delivered).toBe(true);
      expect((await timeline(() => true))?.checkpoints.length).toBe(before);
    });

    it('finds the events of callbacks that never arrived by polling the shipment status', async () => {
      await world.posti.post('/callbacks/settings', { lost: true });
      try {
        const lostOrder = await world.placeOrder(finnishOrder());
        await world.bigCommerceShipments(lostOrder, 1);
        const lost = await consignment(lostOrder);
        await waitFor(
          async () =>
            (await world.admin.timeline(String(lostOrder))).shipments[0]?.registration ===
            'registered'
              ? true
              : undefined,
          { what: 'the Posti tracking registered' },
        );
        await world.posti.post(`/shipments/${lost.reference}/run`, { journey: 'home' });
        await new Promise((resolve) => setTimeout(resolve, 1_100));
        await world.hub.platform.producer.enqueue(
          jobs.trackingPoll,
          { connectionId: world.connections.posti.id },
          { correlationId: 'posti-status-poll' },
        );
        const polled = await waitFor(
          async () => {
            const [parcel] = (await world.admin.timeline(String(lostOrder))).shipments;
            return parcel?.status === 'delivered' ? parcel : undefined;
          },
          { what: 'the polled parcel delivered' },
        );
        expect(polled.checkpoints.length).toBeGreaterThanOrEqual(5);
      } finally {
        await world.posti.post('/callbacks/settings', { lost: false });
      }
    });

    it('refuses a callback whose signature does not match, and records nothing', async () => {
      const params = {
        api_key: world.postiAccount.credentials.apiKey,
        tracking_code: sent.trackingCodes[0]!,
        timestamp: String(Math.floor(Date.now() / 1000)),
        event: '20',
        object: JSON.stringify({ status_code: '20', tracking_code: sent.trackingCodes[0] }),
      };
      const forged = { ...params, hash: signParams(params, 'not-the-secret') };
      const answer = await fetch(world.connections.posti.webhookUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(forged).toString(),
      });
      expect(answer.status).toBe(401);
      const parcel = await timeline(() => true);
      expect(parcel?.status).toBe('delivered');
    });
  });
});
