import { CanonicalOrderSchema, type CanonicalOrder } from '@shiplink/domain';
import { createTestDatabase, type TestDatabase } from '@shiplink/testing';
import { createRepos, type Repos } from '../index';

const KEY = Buffer.alloc(32, 7).toString('base64');
const MINUTE = 60_000;

const address = {
  name: 'Ada Lovelace',
  company: null,
  street1: '1 Main St',
  street2: null,
  city: 'Portland',
  state: 'OR',
  postalCode: '97210',
  country: 'US',
  phone: null,
  email: null,
};

const orderWith = (externalId: string, skus: string[]): CanonicalOrder =>
  CanonicalOrderSchema.parse({
    externalId,
    orderNumber: externalId,
    storeStatusId: 11,
    storeStatus: 'Awaiting Fulfillment',
    status: 'awaiting_fulfilment',
    createdAt: '2026-12-01T10:00:00Z',
    modifiedAt: '2026-12-01T10:00:00Z',
    currency: 'USD',
    customer: { externalId: null, email: null, name: 'Ada Lovelace' },
    billTo: address,
    destinations: [
      { addressExternalId: 'a1', shipTo: address, shippingMethod: null, shippingCost: '0' },
    ],
    lines: skus.map((sku, index) => ({
      externalId: `l${index}`,
      addressExternalId: 'a1',
      productExternalId: null,
      sku,
      name: sku,
      quantity: 1,
      quantityShipped: 0,
      unitPrice: '10.00',
      weightGrams: 500,
      options: [],
      giftMessage: null,
    })),
    totals: { subtotal: '10', shipping: '0', tax: '0', total: '10' },
    paymentMethod: null,
    notes: { customer: null, staff: null },
    customFields: {},
  });

describe('product syncs on PostgreSQL', () => {
  let database: TestDatabase;
  let repos: Repos;
  let tenantId: string;
  let storeId: string;
  let connectionId: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    repos = createRepos({ databaseUrl: database.url, encryptionKey: KEY });
    tenantId = (await repos.tenancy.createTenant('Products')).id;
  });

  // A connection per test: each tells its own story of waiting SKUs.
  let stores = 0;
  beforeEach(async () => {
    stores += 1;
    const store = await repos.tenancy.createStore({
      tenantId,
      name: `Products store ${stores}`,
      platform: 'bigcommerce',
      externalRef: `products-${stores}`,
    });
    storeId = store.id;
    const connection = await repos.tenancy.createConnection({
      tenantId,
      storeId,
      provider: 'shipstation',
      baseUrl: 'https://ssapi.shipstation.example',
      credentials: { apiKey: 'k', apiSecret: 's' },
      webhookSecret: 'secret-secret',
      accountKey: `products-${stores}`,
    });
    connectionId = connection.id;
  });

  afterAll(async () => {
    await repos?.close();
    await database?.drop();
  });

  const unknown = (sku: string, digest = 'd1') => ({
    outcome: { sku, status: 'unknown' as const },
    productRef: '111',
    digest,
  });

  it('keeps one row per SKU: synced values, or a wait that backs off with each check', async () => {
    const at = new Date(Date.now() - 10 * MINUTE);
    await repos.productSyncs.record(
      connectionId,
      [
        { outcome: { sku: 'MUG', status: 'updated' }, productRef: '111', digest: 'd-mug' },
        unknown('LAMP'),
        {
          outcome: { sku: 'BAD', status: 'refused', reason: 'no' },
          productRef: '111',
          digest: 'x',
        },
      ],
      at,
    );
    const rows = await repos.productSyncs.forSkus(connectionId, ['MUG', 'LAMP', 'BAD']);
    expect(rows).toEqual([
      expect.objectContaining({ sku: 'BAD', state: 'refused', reason: 'no', syncedDigest: null }),
      expect.objectContaining({ sku: 'LAMP', state: 'waiting', checks: 1, checkedAt: at }),
      expect.objectContaining({ sku: 'MUG', state: 'synced', syncedDigest: 'd-mug', checks: 0 }),
    ]);
    expect(rows[1]?.nextCheckAt).toEqual(new Date(at.getTime() + 15 * MINUTE));

    await repos.productSyncs.record(connectionId, [unknown('LAMP')], at);
    const [again] = await repos.productSyncs.forSkus(connectionId, ['LAMP']);
    expect(again).toMatchObject({ checks: 2, nextCheckAt: new Date(at.getTime() + 30 * MINUTE) });
    // New store values start the wait afresh.
    await repos.productSyncs.record(connectionId, [unknown('LAMP', 'd2')], at);
    expect((await repos.productSyncs.forSkus(connectionId, ['LAMP']))[0]?.checks).toBe(1);
  });

  it('makes a waiting SKU due once its back-off has passed', async () => {
    const at = new Date(Date.now() - 20 * MINUTE);
    await repos.productSyncs.record(connectionId, [unknown('TENT')], at);
    expect(await repos.productSyncs.due(connectionId, new Date(at.getTime() + MINUTE))).toEqual([]);
    expect(
      (await repos.productSyncs.due(connectionId, new Date(at.getTime() + 16 * MINUTE))).map(
        (row) => row.sku,
      ),
    ).toEqual(['TENT']);
  });

  it('makes a waiting SKU due at once when an order with it is exported to the connection', async () => {
    const now = new Date();
    await repos.productSyncs.record(connectionId, [unknown('STOVE'), unknown('KETTLE')], now);
    const before = await repos.orders.upsert(storeId, orderWith('5001', ['STOVE', 'KETTLE']));
    expect(await repos.productSyncs.due(connectionId, now)).toEqual([]);

    await repos.orders.recordExport({
      orderId: before.id,
      connectionId,
      externalAddressId: 'a1',
      orderKey: 'bc-products1-5001',
      externalId: '9001',
      status: 'awaiting_shipment',
    });
    const due = await repos.productSyncs.due(connectionId, now);
    expect(due.map((row) => row.sku)).toEqual(['KETTLE', 'STOVE']);

    // Asked again after the export: the export no longer makes them due.
    await repos.productSyncs.record(connectionId, [unknown('STOVE')], new Date(Date.now() + 1));
    expect((await repos.productSyncs.due(connectionId, now)).map((row) => row.sku)).toEqual([
      'KETTLE',
    ]);
  });

  it('forgets SKUs', async () => {
    const at = new Date();
    const mug = {
      outcome: { sku: 'MUG', status: 'unchanged' as const },
      productRef: '1',
      digest: 'm',
    };
    await repos.productSyncs.record(connectionId, [mug], at);
    expect(await repos.productSyncs.forget(connectionId, ['MUG', 'NOPE'])).toBe(1);
    expect(await repos.productSyncs.forSkus(connectionId, ['MUG'])).toEqual([]);
  });
});
