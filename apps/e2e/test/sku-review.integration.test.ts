import type { PlaceOrderInput } from '@shiplink/connectors/bigcommerce/simulator';
import { jobs } from '@shiplink/jobs';
import {
  multiLineOrder,
  openAccounts,
  ShipHeroWarehouse,
  startWorld,
  type ReviewView,
  type ShipHeroOrderView,
  type StoreSetup,
  type TestWorld,
} from '@shiplink/test-world';
import { waitFor } from '@shiplink/testing';

/** What the scenario orders use, in ShipHero's catalog from the start. */
const CATALOG = ['TENT-2P', 'STOVE-MINI', 'LAMP-USB', 'SOCK-WOOL-M'];
const UNKNOWN_STORE = '00000000-0000-4000-8000-000000000000';

interface AuditView {
  kind: string;
  metadata: Record<string, unknown>;
}

describe('SKU mapping and the review queue, end to end (BigCommerce → ShipHero)', () => {
  let world: TestWorld;
  let warehouse: ShipHeroWarehouse;

  beforeAll(async () => {
    world = await startWorld({ fulfilment: 'shiphero' });
    warehouse = new ShipHeroWarehouse(world);
    await warehouse.stock(CATALOG.map((sku) => ({ sku, onHand: 20 })));
  });

  afterAll(async () => {
    await world?.close();
  });

  const storeId = () => world.setup.storeId;
  const withLines = (...lines: NonNullable<PlaceOrderInput['lines']>): PlaceOrderInput => ({
    ...multiLineOrder(),
    lines,
  });
  const line = (sku: string, quantity = 1) => ({ sku, name: `Item ${sku}`, quantity });

  const shipHeroOrdersOf = async (orderId: number): Promise<ShipHeroOrderView[]> => {
    const key = `bc-${world.storeHash}-${orderId}`;
    return (await warehouse.orders()).filter((order) => order.partner_order_id === key);
  };
  const reviewOf = (orderId: number, status: ReviewView['status'] = 'open') =>
    waitFor(
      async () =>
        (await world.admin.reviews(storeId(), status)).find((r) => r.orderRef === String(orderId)),
      { what: `a ${status} review of order ${orderId}` },
    );
  const orderAudit = (orderId: number, kind: string) =>
    waitFor(
      async () => {
        const { audit } = await world.admin.order(String(orderId));
        return (audit as unknown as AuditView[]).find((entry) => entry.kind === kind);
      },
      { what: `${kind} in the audit trail of order ${orderId}` },
    );
  /** Lets every import the store's webhooks started run its course. */
  const settle = () => new Promise((resolve) => setTimeout(resolve, 750));
  const status = (failure: Promise<unknown>) =>
    failure.then(
      () => 'answered 2xx',
      (error: { response?: { status: number; data: { error: string } } }) =>
        `${error.response?.status} ${error.response?.data.error}`,
    );

  it('exports an order whose SKUs ShipHero knows as one ShipHero order, nothing in review', async () => {
    const orderId = await world.placeOrder(multiLineOrder());
    const order = await warehouse.orderOf(orderId);
    expect(order.line_items.map((l) => l.sku)).toEqual(['TENT-2P', 'STOVE-MINI', 'SOCK-WOOL-M']);
    await settle();
    expect(await shipHeroOrdersOf(orderId)).toHaveLength(1);
    const reviews = await world.admin.reviews(storeId());
    expect(reviews.find((r) => r.orderRef === String(orderId))).toBeUndefined();
  });

  it('holds an order with an unknown SKU, lists it, and lets it flow once a person maps it', async () => {
    const orderId = await world.placeOrder(withLines(line('TENT-2P'), line('BC-CANVAS-XL', 2)));
    const review = await reviewOf(orderId);
    expect(review).toMatchObject({
      orderNumber: String(orderId),
      reason: 'unmapped_sku',
      skus: ['BC-CANVAS-XL'],
      createdAt: expect.any(String),
      resolvedAt: null,
    });
    await settle();
    expect(await shipHeroOrdersOf(orderId)).toEqual([]);

    await warehouse.stock([{ sku: 'SH-CANVAS-XL', onHand: 4 }]);
    const mapped = await world.admin.mapSku(storeId(), 'BC-CANVAS-XL', 'SH-CANVAS-XL', 'Ana Ops');
    expect(mapped.mapping).toMatchObject({ source: 'manual', mappedBy: 'Ana Ops' });

    const order = await warehouse.orderOf(orderId);
    expect(order.line_items.map((l) => [l.sku, l.quantity])).toEqual([
      ['TENT-2P', 1],
      ['SH-CANVAS-XL', 2],
    ]);
    expect(await reviewOf(orderId, 'released')).toMatchObject({
      id: review.id,
      resolvedBy: 'Ana Ops',
      resolvedAt: expect.any(String),
    });
    expect(await orderAudit(orderId, 'review.released')).toMatchObject({
      metadata: { by: 'Ana Ops' },
    });
    const [audited] = await world.hub.platform.repos.audit.recent({ kind: 'admin.sku_mapped' });
    expect(audited).toMatchObject({
      connectionId: world.setup.fulfilment.id,
      metadata: { by: 'Ana Ops', storeSku: 'BC-CANVAS-XL', fulfilmentSku: 'SH-CANVAS-XL' },
    });
    const mappings = await world.admin.skuMappings(storeId());
    expect(mappings.find((m) => m.storeSku === 'BC-CANVAS-XL')).toMatchObject({
      fulfilmentSku: 'SH-CANVAS-XL',
      source: 'manual',
    });
  });

  it('picks up a product created later at ShipHero on the scheduled recheck, without anyone', async () => {
    const orderId = await world.placeOrder(withLines(line('NEW-LANTERN')));
    await reviewOf(orderId);
    const poll = { connectionId: world.setup.fulfilment.id };
    // What the ingress scheduler does for a ShipHero connection (switched off in tests).
    await world.hub.platform.producer.schedule(jobs.reviewsRecheck, poll, 300);
    try {
      await warehouse.stock([{ sku: 'NEW-LANTERN', onHand: 9 }]);
      const order = await warehouse.orderOf(orderId);
      expect(order.line_items.map((l) => l.sku)).toEqual(['NEW-LANTERN']);
      expect(await reviewOf(orderId, 'released')).toMatchObject({ resolvedBy: 'auto' });
    } finally {
      await world.hub.platform.producer.unschedule(jobs.reviewsRecheck, poll);
    }
  });

  it('dismisses a review for a person, audited, and never exports the order', async () => {
    const orderId = await world.placeOrder(withLines(line('DISCONTINUED-9')));
    const review = await reviewOf(orderId);
    const dismissed = await world.admin.dismissReview(review.id, 'Ben Ops', 'refunded by phone');
    expect(dismissed).toMatchObject({ status: 'dismissed', resolvedBy: 'Ben Ops' });
    expect(await orderAudit(orderId, 'admin.review_dismissed')).toMatchObject({
      metadata: { by: 'Ben Ops', note: 'refunded by phone', reviewId: review.id },
    });
    expect(await status(world.admin.dismissReview(review.id, 'Ben Ops'))).toBe(
      '409 review_resolved',
    );
    expect(await shipHeroOrdersOf(orderId)).toEqual([]);
  });

  it('refuses what does not fit, names what does not exist, and checks products at ShipHero', async () => {
    const { http } = world.admin;
    const unknownReview = `/reviews/${UNKNOWN_STORE}`;
    expect(await status(http.get(`/stores/${UNKNOWN_STORE}/reviews`))).toBe('404 unknown_store');
    expect(await status(http.get(`/stores/${UNKNOWN_STORE}/sku-mappings`))).toBe(
      '404 unknown_store',
    );
    expect(await status(http.get('/stores/not-a-uuid/reviews'))).toBe('400 invalid_parameter');
    expect(await status(http.get(`/stores/${storeId()}/reviews?status=pending`))).toBe(
      '400 invalid_parameter',
    );
    expect(
      await status(
        http.put(`/stores/${UNKNOWN_STORE}/sku-mappings/X`, { fulfilmentSku: 'X', by: 'Ana' }),
      ),
    ).toBe('404 unknown_store');
    expect(
      await status(http.put(`/stores/${storeId()}/sku-mappings/X`, { fulfilmentSku: 'X' })),
    ).toBe('400 invalid_request');
    expect(
      await status(
        http.put(`/stores/${storeId()}/sku-mappings/X`, { fulfilmentSku: '   ', by: 'Ana' }),
      ),
    ).toBe('400 invalid_request');
    expect(
      await status(world.admin.mapSku(storeId(), 'BC-GHOST', 'NO-SUCH-PRODUCT', 'Ana Ops')),
    ).toBe('422 unknown_product');
    expect(await status(http.post(`${unknownReview}/dismiss`, { by: 'Ana' }))).toBe(
      '404 unknown_review',
    );
    expect(await status(http.post(`${unknownReview}/retry`))).toBe('404 unknown_review');
    expect(await status(http.post('/reviews/nope/dismiss', { by: 'Ana' }))).toBe(
      '400 invalid_parameter',
    );

    const orderId = await world.placeOrder(withLines(line('BC-GHOST')));
    const review = await reviewOf(orderId);
    expect(await status(http.post(`/reviews/${review.id}/dismiss`, { note: 'no name' }))).toBe(
      '400 invalid_request',
    );
    const mappings = await world.admin.skuMappings(storeId());
    expect(mappings.find((m) => m.storeSku === 'BC-GHOST')).toBeUndefined();
  });

  describe('a ShipStation store next to it', () => {
    let other: StoreSetup;
    let otherRef: string;

    beforeAll(async () => {
      const accounts = await openAccounts(world.simulators.urls, { providers: ['shipstation'] });
      otherRef = accounts.storeRef;
      other = await world.admin.connectStore('Other Outfitters', accounts.list);
    });

    it('exports any SKU as before, holds nothing, and has nothing to map', async () => {
      const placed = await world.bigcommerce.post<{ order: { id: number } }>(
        `/stores/${otherRef}/orders`,
        withLines(line('ANYTHING-GOES', 2)),
      );
      const key = `bc-${otherRef}-${placed.order.id}`;
      const exported = await waitFor(
        async () => (await world.shipStationOrders()).find((o) => o.orderKey === key),
        { what: `ShipStation order ${key}` },
      );
      expect(exported.items.map((i) => i.sku)).toEqual(['ANYTHING-GOES']);
      expect(await world.admin.reviews(other.storeId)).toEqual([]);
      expect(await status(world.admin.mapSku(other.storeId, 'ANYTHING-GOES', 'X', 'Ana Ops'))).toBe(
        '409 no_catalog',
      );
    });
  });
});
