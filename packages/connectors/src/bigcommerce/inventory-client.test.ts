import { RetryableError } from '@shiplink/errors';
import { SimulatorControl } from '../testing/control';
import { createBigCommerceClient, type BigCommerceClient } from './client';
import { startBigCommerceSimulator } from './simulator';

const STORE = { hash: 'invclient1', accessToken: 'token-invclient', clientSecret: 'secret-x' };
const credentials = {
  storeHash: STORE.hash,
  accessToken: STORE.accessToken,
  clientSecret: STORE.clientSecret,
};
const simple = (count: number, prefix = 'SKU') =>
  Array.from({ length: count }, (_, i) => ({
    sku: `${prefix}-${i}`,
    inventoryTracking: 'product',
  }));
const apparel = [
  { sku: 'MUG', inventoryTracking: 'product' },
  {
    sku: 'TEE',
    inventoryTracking: 'variant',
    variants: ['S', 'M', 'L', 'XL'].map((size) => ({ sku: `TEE-${size}`, option: size })),
  },
  { sku: 'CAP', inventoryTracking: 'product', variants: [{ sku: 'CAP-RED' }] },
  { sku: 'A,B', inventoryTracking: 'product' },
];

type Sent = { reason: string; items: { sku: string; location_id: number; quantity: number }[] };

async function started(options: { variantSkuIn?: boolean } = {}) {
  const sim = await startBigCommerceSimulator(options);
  const control = new SimulatorControl(sim.url);
  const client = createBigCommerceClient({ baseUrl: sim.url, credentials, retryBaseDelayMs: 5 });
  return { sim, control, client };
}

describe('BigCommerce inventory client', () => {
  let sim: Awaited<ReturnType<typeof startBigCommerceSimulator>>;
  let control: SimulatorControl;
  let client: BigCommerceClient;
  const seed = (products: unknown[]) =>
    control.post(`/stores/${STORE.hash}/catalog/products`, { products });
  const sent = () => control.get<Sent[]>(`/stores/${STORE.hash}/inventory/transactions`);
  const requests = (path: string, method = 'GET') =>
    control.requests({ method, path: `/stores/${STORE.hash}${path}` });

  beforeAll(async () => {
    ({ sim, control, client } = await started());
  });
  afterAll(() => sim.close());
  beforeEach(async () => {
    await control.reset();
    await control.post('/stores', STORE);
  });

  it('sends at most 2000 items per payload, grouped by location', async () => {
    await seed(simple(2_600));
    await control.post(`/stores/${STORE.hash}/inventory/locations`, { label: 'Overflow' });
    const items = Array.from({ length: 2_600 }, (_, i) => ({
      sku: `SKU-${i}`,
      location_id: i % 26 === 0 ? 2 : 1,
      quantity: i % 7,
    }));
    const outcome = await client.setAbsoluteStock('nightly sync', items);
    expect(outcome.rejected).toEqual([]);
    expect(outcome.applied).toHaveLength(2_600);
    expect(outcome.transactionIds).toHaveLength(2);

    const payloads = await sent();
    expect(payloads.map((payload) => payload.items.length)).toEqual([2_000, 600]);
    expect(payloads.every((payload) => payload.reason === 'nightly sync')).toBe(true);
    const locations = payloads.flatMap((payload) => payload.items.map((item) => item.location_id));
    expect(locations).toEqual([...locations].sort((a, b) => a - b));
    const levels = await control.get<unknown[]>(`/stores/${STORE.hash}/inventory/levels`);
    expect(levels).toHaveLength(2_600);
  });

  it('splits a refused payload until the refused item stands alone, and applies the rest', async () => {
    await seed([...simple(40), ...apparel]);
    const good = Array.from({ length: 40 }, (_, i) => ({
      sku: `SKU-${i}`,
      location_id: 1,
      quantity: 10 + i,
    }));
    const bad = { sku: 'CAP-RED', location_id: 1, quantity: 3 };
    const outcome = await client.setAbsoluteStock('sync', [
      ...good.slice(0, 23),
      bad,
      ...good.slice(23),
    ]);

    expect(outcome.rejected).toEqual([
      {
        item: bad,
        title: '[Item with sku CAP-RED is tracked by product, please update stock by product id]',
      },
    ]);
    expect(outcome.applied).toHaveLength(40);
    expect(new Set(outcome.applied)).toEqual(new Set(good));
    const payloads = await sent();
    expect(payloads.flatMap((payload) => payload.items)).toHaveLength(40);
    // The first refusal, then two halves per level of a 41-item payload at most.
    const puts = await requests('/v3/inventory/adjustments/absolute', 'PUT');
    expect(puts.length).toBeLessThanOrEqual(1 + 2 * Math.ceil(Math.log2(41)));
    expect(puts.filter((put) => put.status === 422).length).toBeGreaterThan(1);
  });

  it('keeps transient failures thrown: absolute levels are safe to send again', async () => {
    await seed(simple(3));
    await control.addFault({
      kind: 'server_error',
      status: 503,
      path: `/stores/${STORE.hash}/v3/inventory/adjustments`,
    });
    await expect(
      client.setAbsoluteStock('sync', [{ sku: 'SKU-0', location_id: 1, quantity: 1 }]),
    ).rejects.toBeInstanceOf(RetryableError);
  });

  it('reads inventory items every page, and SKU lists in bounded chunks', async () => {
    await seed(simple(300));
    const everything = await client.listInventoryItems({ locationIds: [1] });
    expect(everything).toHaveLength(300);
    const pages = await requests('/v3/inventory/items');
    expect(pages.map((page) => page.query)).toEqual([
      expect.objectContaining({ 'location_id:in': '1', page: '1', limit: '250' }),
      expect.objectContaining({ 'location_id:in': '1', page: '2', limit: '250' }),
    ]);

    await control.clearRequests();
    const skus = Array.from({ length: 120 }, (_, i) => `SKU-${i * 2}`);
    const some = await client.listInventoryItems({ skus: [...skus, 'NOPE'], locationIds: [1] });
    expect(some.map((item) => item.identity.sku)).toEqual(skus);
    const chunks = (await requests('/v3/inventory/items')).map((page) =>
      String(page.query['sku:in']).split(','),
    );
    expect(chunks.map((chunk) => chunk.length)).toEqual([50, 50, 21]);
    expect(await client.listInventoryItems({ skus: [], locationIds: [1] })).toEqual([]);
  });

  it('finds SKUs among simple products and variants, one filter list at a time', async () => {
    await seed([...simple(2), ...apparel]);
    const found = await client.findCatalogSkus(['MUG', 'TEE-S', 'CAP-RED', 'NOPE', 'A,B', 'TEE']);
    expect(found).toEqual(
      expect.arrayContaining([
        { sku: 'MUG', productId: expect.any(Number), variantId: expect.any(Number) },
        { sku: 'A,B', productId: expect.any(Number), variantId: expect.any(Number) },
        // A product with options has no base variant: its SKU stands for the product.
        { sku: 'TEE', productId: expect.any(Number), variantId: null },
        { sku: 'TEE-S', productId: expect.any(Number), variantId: expect.any(Number) },
        { sku: 'CAP-RED', productId: expect.any(Number), variantId: expect.any(Number) },
      ]),
    );
    expect(found).toHaveLength(5);
    const products = await requests('/v3/catalog/products');
    expect(products.map((request) => request.query)).toEqual([
      expect.objectContaining({ 'sku:in': 'MUG,TEE-S,CAP-RED,NOPE,TEE' }),
      // A SKU with a comma of its own cannot go in a list.
      expect.objectContaining({ sku: 'A,B' }),
    ]);
    const variants = await requests('/v3/catalog/variants');
    expect(variants.map((request) => request.query)).toEqual([
      expect.objectContaining({ 'sku:in': 'TEE-S,CAP-RED,NOPE' }),
    ]);
  });

  it('looks variants up one SKU at a time when the store ignores the list filter', async () => {
    const strict = await started({ variantSkuIn: false });
    try {
      await strict.control.post('/stores', STORE);
      await strict.control.post(`/stores/${STORE.hash}/catalog/products`, {
        products: apparel,
      });
      const found = await strict.client.findCatalogSkus(['TEE-S', 'TEE-M', 'NOPE']);
      expect(found.map((entry) => entry.sku).sort()).toEqual(['TEE-M', 'TEE-S']);
      const variants = await strict.control.requests({
        path: `/stores/${STORE.hash}/v3/catalog/variants`,
      });
      expect(variants.map((request) => request.query['sku:in'] ?? request.query.sku)).toEqual([
        'TEE-S,TEE-M,NOPE',
        'TEE-S',
        'TEE-M',
        'NOPE',
      ]);
    } finally {
      await strict.sim.close();
    }
  });

  it('lists the store’s inventory locations', async () => {
    await control.post(`/stores/${STORE.hash}/inventory/locations`, { label: 'East', id: 5 });
    expect(await client.listInventoryLocations()).toEqual([
      expect.objectContaining({ id: 1, label: 'Default', enabled: true }),
      expect.objectContaining({ id: 5, label: 'East' }),
    ]);
  });
});
