import { CanonicalOrderSchema, type CanonicalOrder } from '@shiplink/domain';
import { createTestDatabase, type TestDatabase } from '@shiplink/testing';
import { createRepos, type Repos } from '../index';

const KEY = Buffer.alloc(32, 9).toString('base64');

const address = {
  name: 'Maya Lindqvist',
  company: null,
  street1: '401 Congress Ave',
  street2: null,
  city: 'Austin',
  state: 'TX',
  postalCode: '78701',
  country: 'US',
  phone: null,
  email: null,
};

const canonical = (externalId: string, skus: string[]): CanonicalOrder =>
  CanonicalOrderSchema.parse({
    externalId,
    orderNumber: externalId,
    storeStatusId: 11,
    storeStatus: 'Awaiting Fulfillment',
    status: 'awaiting_fulfilment',
    createdAt: '2026-12-01T10:00:00.000Z',
    modifiedAt: '2026-12-01T10:00:00.000Z',
    currency: 'USD',
    customer: { externalId: null, email: null, name: 'Maya' },
    billTo: address,
    destinations: [
      { addressExternalId: 'a1', shipTo: address, shippingMethod: null, shippingCost: '0.00' },
    ],
    lines: skus.map((sku, i) => ({
      externalId: `${externalId}-${i}`,
      addressExternalId: 'a1',
      productExternalId: null,
      sku,
      name: sku,
      quantity: 1,
      quantityShipped: 0,
      unitPrice: '10.00',
      weightGrams: null,
      options: [],
      giftMessage: null,
    })),
    totals: { subtotal: '0.00', shipping: '0.00', tax: '0.00', total: '0.00' },
    paymentMethod: null,
    notes: { customer: null, staff: null },
    customFields: {},
  });

describe('CatalogRepo on PostgreSQL', () => {
  let database: TestDatabase;
  let repos: Repos;
  let storeId: string;
  let connectionId: string;
  let otherStoreId: string;
  let otherConnectionId: string;
  let orderSeq = 100;

  const connect = async (tenantId: string, storeRef: string) => {
    const store = await repos.tenancy.createStore({
      tenantId,
      name: `Store ${storeRef}`,
      platform: 'bigcommerce',
      externalRef: storeRef,
    });
    const connection = await repos.tenancy.createConnection({
      tenantId,
      storeId: store.id,
      provider: 'shiphero',
      baseUrl: 'https://public-api.shiphero.com',
      credentials: { refreshToken: 'r' },
      webhookSecret: 'secret-secret',
      accountKey: `acct-${storeRef}`,
    });
    return { storeId: store.id, connectionId: connection.id };
  };

  const placeOrder = async (skus: string[], store = storeId) => {
    orderSeq += 1;
    return repos.orders.upsert(store, canonical(String(orderSeq), skus));
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    repos = createRepos({ databaseUrl: database.url, encryptionKey: KEY });
    const tenantId = (await repos.tenancy.createTenant('Catalog')).id;
    ({ storeId, connectionId } = await connect(tenantId, 'cat1'));
    ({ storeId: otherStoreId, connectionId: otherConnectionId } = await connect(tenantId, 'cat2'));
  });

  afterAll(async () => {
    await repos?.close();
    await database?.drop();
  });

  describe('mappings', () => {
    it('keeps matches and answers them for the SKUs asked, per connection', async () => {
      await repos.catalog.saveMatches(connectionId, [
        { sku: 'TENT', productRef: 'p-tent' },
        { sku: 'STOVE', productRef: 'p-stove' },
      ]);
      const found = await repos.catalog.mappingsFor(connectionId, ['TENT', 'LAMP', 'TENT']);
      expect(found).toEqual([
        expect.objectContaining({
          storeSku: 'TENT',
          fulfilmentSku: 'TENT',
          productRef: 'p-tent',
          source: 'matched',
          mappedBy: null,
        }),
      ]);
      expect(await repos.catalog.mappingsFor(otherConnectionId, ['TENT'])).toEqual([]);
      expect(await repos.catalog.mappingsFor(connectionId, [])).toEqual([]);
    });

    it('lets a manual mapping override a match, and never a match a manual mapping', async () => {
      const { mapping, previous } = await repos.catalog.saveManual(connectionId, {
        storeSku: 'STOVE',
        fulfilmentSku: 'SH-STOVE',
        productRef: 'p-sh-stove',
        mappedBy: 'ana',
      });
      expect(previous).toMatchObject({ source: 'matched', fulfilmentSku: 'STOVE' });
      expect(mapping).toMatchObject({
        source: 'manual',
        fulfilmentSku: 'SH-STOVE',
        mappedBy: 'ana',
      });

      await repos.catalog.saveMatches(connectionId, [{ sku: 'STOVE', productRef: 'p-stove-2' }]);
      const [kept] = await repos.catalog.mappingsFor(connectionId, ['STOVE']);
      expect(kept).toMatchObject({
        source: 'manual',
        fulfilmentSku: 'SH-STOVE',
        productRef: 'p-sh-stove',
      });
    });

    it('refreshes an earlier match when the product changed', async () => {
      await repos.catalog.saveMatches(connectionId, [{ sku: 'TENT', productRef: 'p-tent-new' }]);
      const [tent] = await repos.catalog.mappingsFor(connectionId, ['TENT']);
      expect(tent).toMatchObject({ source: 'matched', productRef: 'p-tent-new' });
    });

    it('lists the mappings of a store only', async () => {
      await repos.catalog.saveMatches(otherConnectionId, [{ sku: 'OTHER', productRef: 'p-o' }]);
      const listed = await repos.catalog.listMappings(storeId);
      expect(listed.map((m) => [m.storeSku, m.source, m.connectionId])).toEqual([
        ['STOVE', 'manual', connectionId],
        ['TENT', 'matched', connectionId],
      ]);
    });
  });

  describe('reviews', () => {
    it('opens a review once, updates its SKUs, and says what it did', async () => {
      const order = await placeOrder(['A', 'B']);
      const hold = { orderId: order.id, connectionId, reason: 'unmapped_sku' as const };
      const opened = await repos.catalog.hold({ ...hold, skus: ['A', 'B'] });
      expect(opened?.outcome).toBe('opened');
      expect(opened?.review).toMatchObject({
        status: 'open',
        skus: ['A', 'B'],
        orderNumber: order.orderNumber,
        orderRef: order.externalId,
        storeId,
        resolvedAt: null,
      });
      expect((await repos.catalog.hold({ ...hold, skus: ['A', 'B'] }))?.outcome).toBe('unchanged');
      const updated = await repos.catalog.hold({ ...hold, skus: ['B'] });
      expect(updated).toMatchObject({
        outcome: 'updated',
        review: { id: opened?.review.id, skus: ['B'] },
      });
    });

    it('opens one review however many imports hold the order at once', async () => {
      const order = await placeOrder(['C']);
      const outcomes = await Promise.all(
        [1, 2, 3].map(() =>
          repos.catalog.hold({
            orderId: order.id,
            connectionId,
            reason: 'unmapped_sku',
            skus: ['C'],
          }),
        ),
      );
      expect(new Set(outcomes.map((o) => o?.review.id)).size).toBe(1);
      expect(outcomes.filter((o) => o?.outcome === 'opened')).toHaveLength(1);
    });

    it('releases an open review once, with who released it', async () => {
      const order = await placeOrder(['D']);
      const held = await repos.catalog.hold({
        orderId: order.id,
        connectionId,
        reason: 'unmapped_sku',
        skus: ['D'],
      });
      const id = held!.review.id;
      const released = await repos.catalog.release(id, 'ana');
      expect(released).toMatchObject({
        status: 'released',
        resolvedBy: 'ana',
        resolvedAt: expect.any(Date),
      });
      expect(await repos.catalog.release(id, 'auto')).toBeUndefined();
      expect(await repos.catalog.dismiss(id, 'ben')).toBeUndefined();
      expect((await repos.catalog.findReview(id))?.resolvedBy).toBe('ana');
    });

    it('reopens a released review when the order waits again', async () => {
      const order = await placeOrder(['E']);
      const held = await repos.catalog.hold({
        orderId: order.id,
        connectionId,
        reason: 'unmapped_sku',
        skus: ['E'],
      });
      await repos.catalog.release(held!.review.id, 'auto');
      const again = await repos.catalog.hold({
        orderId: order.id,
        connectionId,
        reason: 'missing_sku',
        skus: [],
      });
      expect(again).toMatchObject({
        outcome: 'opened',
        review: { id: held!.review.id, status: 'open', reason: 'missing_sku', resolvedBy: null },
      });
    });

    it('never holds a dismissed order again, until a person reopens its review', async () => {
      const order = await placeOrder(['F']);
      const held = await repos.catalog.hold({
        orderId: order.id,
        connectionId,
        reason: 'unmapped_sku',
        skus: ['F'],
      });
      const dismissed = await repos.catalog.dismiss(held!.review.id, 'ben');
      expect(dismissed).toMatchObject({ status: 'dismissed', resolvedBy: 'ben' });
      expect(
        await repos.catalog.hold({
          orderId: order.id,
          connectionId,
          reason: 'unmapped_sku',
          skus: ['F'],
        }),
      ).toBeUndefined();
      expect((await repos.catalog.findReviewOf(order.id, connectionId))?.status).toBe('dismissed');

      const reopened = await repos.catalog.reopen(held!.review.id);
      expect(reopened).toMatchObject({ status: 'open', resolvedAt: null, resolvedBy: null });
      expect(await repos.catalog.reopen(held!.review.id)).toBeUndefined();
    });

    it('narrows the SKUs of open reviews only', async () => {
      const order = await placeOrder(['G', 'H']);
      const held = await repos.catalog.hold({
        orderId: order.id,
        connectionId,
        reason: 'unmapped_sku',
        skus: ['G', 'H'],
      });
      expect(await repos.catalog.narrow(held!.review.id, ['H'])).toBe(true);
      expect((await repos.catalog.findReview(held!.review.id))?.skus).toEqual(['H']);
      await repos.catalog.release(held!.review.id, 'auto');
      expect(await repos.catalog.narrow(held!.review.id, [])).toBe(false);
    });

    it('lists reviews by store, connection and status, with the order number', async () => {
      const order = await placeOrder(['OTHER-1'], otherStoreId);
      await repos.catalog.hold({
        orderId: order.id,
        connectionId: otherConnectionId,
        reason: 'unmapped_sku',
        skus: ['OTHER-1'],
      });
      const other = await repos.catalog.listReviews({ storeId: otherStoreId });
      expect(other.map((r) => [r.orderNumber, r.status, r.skus])).toEqual([
        [order.orderNumber, 'open', ['OTHER-1']],
      ]);
      expect(await repos.catalog.listReviews({ connectionId: otherConnectionId })).toHaveLength(1);

      const mine = await repos.catalog.listReviews({ storeId });
      expect(mine.every((r) => r.storeId === storeId)).toBe(true);
      const open = await repos.catalog.listReviews({ storeId, status: 'open' });
      expect(open.every((r) => r.status === 'open')).toBe(true);
      const released = await repos.catalog.listReviews({ storeId, status: 'released' });
      expect(released.length).toBeGreaterThan(0);
      expect(released.every((r) => r.status === 'released')).toBe(true);
      expect(open.length + released.length).toBeLessThanOrEqual(mine.length);
      expect(await repos.catalog.listReviews({ storeId }, 2)).toHaveLength(2);
    });

    it('goes round the open reviews of a connection in bounded batches', async () => {
      const open = await repos.catalog.openReviews(connectionId, { limit: 1_000 });
      expect(open.length).toBeGreaterThan(2);
      expect(open.every((r) => r.status === 'open' && r.connectionId === connectionId)).toBe(true);

      const seen: string[] = [];
      let after: string | undefined;
      for (;;) {
        const batch = await repos.catalog.openReviews(connectionId, { limit: 2, after });
        seen.push(...batch.map((r) => r.id));
        if (batch.length < 2) break;
        after = batch.at(-1)?.id;
      }
      expect(seen).toEqual(open.map((r) => r.id));

      const waitingForB = await repos.catalog.openReviews(connectionId, {
        limit: 10,
        waitingFor: 'B',
      });
      expect(waitingForB.map((r) => r.skus)).toEqual([['B']]);
    });

    it('does not find what does not exist', async () => {
      const unknown = '00000000-0000-4000-8000-000000000000';
      expect(await repos.catalog.findReview(unknown)).toBeUndefined();
      expect(await repos.catalog.release(unknown, 'auto')).toBeUndefined();
      expect(await repos.catalog.reopen(unknown)).toBeUndefined();
    });
  });
});
