import { createTestDatabase, type TestDatabase } from '@shiplink/testing';
import { createRepos, type Repos } from '../index';
import { PLATFORM_SCOPE, tenantScope } from '../scope';

const KEY = Buffer.alloc(32, 7).toString('base64');

describe('OrderStoryRepo on PostgreSQL', () => {
  let database: TestDatabase;
  let repos: Repos;
  let tenantA: string;
  let tenantB: string;
  let storeA: string;
  let storeB: string;
  let connectionA: string;
  let connectionB: string;

  async function order(storeId: string, orderNumber: string, email: string, placedAt: string) {
    return repos.db.order.create({
      data: {
        storeId,
        externalId: `x${orderNumber}-${storeId.slice(0, 4)}`,
        orderNumber,
        storeStatusId: 2,
        storeStatus: 'Shipped',
        currency: 'EUR',
        canonical: { orderNumber, createdAt: placedAt, customer: { email, name: 'Aino' } },
      },
    });
  }

  async function tenantWithStore(name: string, ref: string) {
    const tenant = await repos.tenancy.createTenant(name);
    const store = await repos.tenancy.createStore({
      tenantId: tenant.id,
      name,
      platform: 'bigcommerce',
      externalRef: ref,
    });
    const connection = await repos.tenancy.createConnection({
      tenantId: tenant.id,
      storeId: store.id,
      provider: 'shipstation',
      baseUrl: 'http://127.0.0.1:1',
      credentials: { apiKey: 'k', apiSecret: 's' },
      webhookSecret: 'w',
      accountKey: ref,
    });
    return { tenant: tenant.id, store: store.id, connection: connection.id };
  }

  beforeAll(async () => {
    database = await createTestDatabase();
    repos = createRepos({ databaseUrl: database.url, encryptionKey: KEY });
    ({
      tenant: tenantA,
      store: storeA,
      connection: connectionA,
    } = await tenantWithStore('Aalto', 'aalto'));
    ({
      tenant: tenantB,
      store: storeB,
      connection: connectionB,
    } = await tenantWithStore('Birch', 'birch'));
    const main = await order(storeA, '1001', 'Aino.Virtanen@example.fi', '2026-03-01T09:00:00Z');
    await order(storeA, '10010', 'someone@example.fi', '2026-03-05T09:00:00Z');
    await order(storeA, '2001', 'aino.virtanen@example.fi', '2026-03-07T09:00:00Z');
    // The other tenant has an order of the same number, e-mail and tracking number.
    const other = await order(storeB, '1001', 'aino.virtanen@example.fi', '2026-03-02T09:00:00Z');
    for (const [orderId, source] of [
      [main.id, 'shipstation'],
      [other.id, 'shiphero'],
    ] as const) {
      await repos.db.shipment.create({
        data: { orderId, source, sourceId: 's1', trackingNumber: 'JJFI0001', raw: {} },
      });
    }
    const line = await repos.db.orderLine.create({
      data: {
        orderId: main.id,
        externalId: 'l1',
        externalAddressId: 'a1',
        sku: 'MUG',
        name: 'Mug',
        quantity: 1,
        unitPrice: '12.0000',
      },
    });
    await repos.db.orderReturn.create({
      data: {
        storeId: storeA,
        orderId: main.id,
        source: 'bigcommerce',
        sourceRef: 'r1',
        state: 'received',
        refundState: 'refunded',
        refundTotal: '12.5000',
        items: { create: [{ orderLineId: line.id, quantity: 1, restock: true }] },
      },
    });
    await repos.db.notification.create({
      data: {
        orderId: main.id,
        subjectKey: `order:${main.id}:r1`,
        storeId: storeA,
        trigger: 'refunded',
        channel: 'email',
        state: 'sent',
        recipientHash: 'h',
        recipientMasked: 'a***@example.fi',
        language: 'fi',
      },
    });
  });

  afterAll(async () => {
    await repos?.close();
    await database?.drop();
  });

  const search = (scope = tenantScope(tenantA), q = '1001', storeId?: string) =>
    repos.orderStories.search(scope, { q, storeId, limit: 20 });

  it('finds an order by its number, then those whose number starts with it', async () => {
    expect((await search()).map((hit) => [hit.orderNumber, hit.matchedBy])).toEqual([
      ['1001', 'orderNumber'],
      ['10010', 'orderNumber'],
    ]);
    expect((await search())[0]).toEqual({
      storeId: storeA,
      storeName: 'Aalto',
      orderNumber: '1001',
      status: 'Shipped',
      customerEmailMasked: 'A***@example.fi',
      placedAt: '2026-03-01T09:00:00.000Z',
      matchedBy: 'orderNumber',
    });
  });

  it('finds orders by customer e-mail in any case, and by tracking number', async () => {
    const byEmail = await search(tenantScope(tenantA), 'AINO.virtanen@EXAMPLE.fi');
    expect(byEmail.map((hit) => [hit.orderNumber, hit.matchedBy])).toEqual([
      ['2001', 'email'],
      ['1001', 'email'],
    ]);
    const byTracking = await search(tenantScope(tenantA), 'JJFI0001');
    expect(byTracking.map((hit) => [hit.storeId, hit.matchedBy])).toEqual([
      [storeA, 'trackingNumber'],
    ]);
    expect(await search(tenantScope(tenantA), '10%')).toEqual([]);
  });

  it('never finds another tenant’s orders; the operator finds every tenant’s', async () => {
    expect((await search(tenantScope(tenantB))).map((hit) => hit.storeId)).toEqual([storeB]);
    expect(await search(tenantScope(tenantA), '1001', storeB)).toEqual([]);
    const all = await search(PLATFORM_SCOPE, 'JJFI0001');
    expect(all.map((hit) => hit.storeId).sort()).toEqual([storeA, storeB].sort());
    expect((await search(PLATFORM_SCOPE, '1001', storeB)).map((hit) => hit.orderNumber)).toEqual([
      '1001',
    ]);
  });

  it('tells the story of one order of a store the scope sees', async () => {
    const story = await repos.orderStories.story(tenantScope(tenantA), storeA, '1001');
    expect(story).toMatchObject({
      orderNumber: '1001',
      customerEmailMasked: 'A***@example.fi',
      placedAt: '2026-03-01T09:00:00.000Z',
      store: { name: 'Aalto', connections: [{ id: connectionA, provider: 'shipstation' }] },
      shipments: [{ trackingNumber: 'JJFI0001', voided: false }],
      notifications: [
        { trigger: 'refunded', channel: 'email', recipientMasked: 'a***@example.fi' },
      ],
      returns: [{ refundState: 'refunded', refundTotal: '12.5', items: [{ quantity: 1 }] }],
    });
    expect(story).not.toHaveProperty('canonical');
    expect(await repos.orderStories.story(tenantScope(tenantB), storeA, '1001')).toBeUndefined();
    expect(await repos.orderStories.story(tenantScope(tenantA), storeA, '999')).toBeUndefined();
    expect(await repos.orderStories.storeVisible(tenantScope(tenantB), storeA)).toBe(false);
    expect(await repos.orderStories.storeVisible(PLATFORM_SCOPE, storeA)).toBe(true);
  });

  it('reads inbox events of the store’s connections only, small bodies only', async () => {
    const event = (connectionId: string, dedupKey: string, payload: object) =>
      repos.db.inboxEvent.create({
        data: {
          connectionId,
          provider: 'shipstation',
          topic: 'SHIP_NOTIFY',
          dedupKey,
          payload,
          correlationId: dedupKey,
        },
      });
    const small = await event(connectionA, 'e1', { resource_url: 'x' });
    const large = await event(connectionA, 'e2', { blob: 'x'.repeat(10_000) });
    const foreign = await event(connectionB, 'e3', { resource_url: 'y' });
    const events = await repos.orderStories.inboxEvents(
      [small.id, large.id, foreign.id],
      [connectionA],
      4_096,
    );
    expect(events.map((e) => [e.id, e.payload])).toEqual([
      [small.id, { resource_url: 'x' }],
      [large.id, null],
    ]);
    expect(events[0]).toMatchObject({ status: 'received', topic: 'SHIP_NOTIFY' });
  });
});
