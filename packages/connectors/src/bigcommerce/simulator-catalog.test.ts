import axios from 'axios';
import express from 'express';
import { listen, type RunningServer } from '../simulator-kit/simulator';
import { SimulatorControl } from '../testing/control';
import { startBigCommerceSimulator } from './simulator';

const STORE = { hash: 'catsim1', accessToken: 'token-catsim', clientSecret: 'secret-catsim' };
const CATALOG = [
  { id: 111, sku: 'MUG', name: 'Mug', inventoryTracking: 'product', weight: 12, width: 4 },
  {
    id: 112,
    sku: 'TEE',
    name: 'Tee',
    inventoryTracking: 'variant',
    weight: 8,
    variants: [{ id: 201, sku: 'TEE-S', weight: 6 }, { sku: 'TEE-M' }],
  },
];
const NEW_PRODUCT = {
  name: 'Lamp',
  type: 'physical',
  weight: 2.5,
  price: 30,
  width: 10,
  height: 40,
  depth: 10,
  inventory_tracking: 'variant',
  variants: [
    { sku: 'LAMP-R', option_values: [{ option_display_name: 'Colour', label: 'Red' }], weight: 3 },
    {
      sku: 'LAMP-B',
      option_values: [{ option_display_name: 'Colour', label: 'Blue' }],
      inventory_level: 4,
    },
  ],
};

type Problem = { status: number; title: string; errors?: Record<string, string> };

describe('BigCommerce simulator: catalog writes and reads', () => {
  let sim: Awaited<ReturnType<typeof startBigCommerceSimulator>>;
  let control: SimulatorControl;
  let receiver: RunningServer;
  const START = Date.parse('2026-03-01T10:00:00Z');
  let clock = START;
  const received: { scope: string; data: Record<string, unknown> }[] = [];
  const call = (method: string, path: string, data?: unknown) =>
    axios.request({
      method,
      url: `${sim.url}/stores/${STORE.hash}${path}`,
      data,
      headers: { 'X-Auth-Token': STORE.accessToken },
      validateStatus: () => true,
    });
  const settle = async (count: number) => {
    const deadline = Date.now() + 5_000;
    while (received.length < count && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await new Promise((resolve) => setTimeout(resolve, 80));
    // Deliveries are posted concurrently: compare them in a stable order.
    return received
      .map(({ scope, data }) => ({ scope, data }))
      .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
  };

  beforeAll(async () => {
    const app = express();
    app.post('/hooks', express.json(), (req, res) => {
      received.push(req.body as { scope: string; data: Record<string, unknown> });
      res.status(200).end();
    });
    receiver = await listen(app);
    sim = await startBigCommerceSimulator({ now: () => clock });
    control = new SimulatorControl(sim.url);
  });
  afterAll(async () => {
    await sim.close();
    await receiver.close();
  });
  beforeEach(async () => {
    clock = START;
    await control.reset();
    received.length = 0;
    await control.post('/stores', STORE);
    await control.post(`/stores/${STORE.hash}/catalog/products`, { products: CATALOG });
    for (const scope of ['store/product/*', 'store/sku/*']) {
      await call('POST', '/v3/hooks', { scope, destination: `${receiver.url}/hooks` });
    }
  });

  it('reads one product, with its variants on request, and a product’s variants', async () => {
    const bare = await call('GET', '/v3/catalog/products/112');
    expect(bare.status).toBe(200);
    expect(bare.data.data).toMatchObject({ id: 112, sku: 'TEE', type: 'physical', weight: 8 });
    expect(bare.data.data.variants).toBeUndefined();
    const full = await call('GET', '/v3/catalog/products/112?include=variants');
    expect(full.data.data.variants).toEqual([
      expect.objectContaining({ id: 201, sku: 'TEE-S', weight: 6, calculated_weight: 6 }),
      expect.objectContaining({ sku: 'TEE-M', weight: null, calculated_weight: 8, width: null }),
    ]);
    const variants = await call('GET', '/v3/catalog/products/112/variants?limit=1');
    expect(variants.data.data).toHaveLength(1);
    expect(variants.data.meta.pagination).toMatchObject({ total: 2, total_pages: 2 });
    expect((await call('GET', '/v3/catalog/products/112/variants/201')).data.data.sku).toBe(
      'TEE-S',
    );
    for (const path of ['/v3/catalog/products/999', '/v3/catalog/products/999/variants']) {
      const missing = await call('GET', path);
      expect(missing.status).toBe(404);
      expect(missing.headers['content-type']).toMatch(/^application\/problem\+json/);
    }
  });

  it('creates a product with variants and fires product and sku events', async () => {
    const created = await call('POST', '/v3/catalog/products', NEW_PRODUCT);
    expect(created.status).toBe(200);
    const product = created.data.data;
    expect(created.data.meta).toEqual({});
    expect(product).toMatchObject({
      name: 'Lamp',
      type: 'physical',
      weight: 2.5,
      height: 40,
      price: 30,
      inventory_tracking: 'variant',
      base_variant_id: null,
      date_created: '2026-03-01T10:00:00+00:00',
    });
    const [red, blue] = product.variants;
    expect(red).toMatchObject({
      sku: 'LAMP-R',
      weight: 3,
      option_values: [{ label: 'Red', option_display_name: 'Colour' }],
    });
    expect(blue).toMatchObject({
      sku: 'LAMP-B',
      weight: null,
      calculated_weight: 2.5,
      inventory_level: 4,
    });
    expect(await settle(3)).toEqual(
      expect.arrayContaining([
        { scope: 'store/product/created', data: { type: 'product', id: product.id } },
        ...[red, blue].map((variant: { id: number; sku_id: number }) => ({
          scope: 'store/sku/created',
          data: {
            type: 'sku',
            id: variant.sku_id,
            sku: { product_id: product.id, variant_id: variant.id },
          },
        })),
      ]),
    );
    const simple = await call('POST', '/v3/catalog/products', {
      name: 'Pen',
      type: 'digital',
      sku: 'PEN',
      weight: 0,
      price: 1,
      inventory_tracking: 'product',
      inventory_level: 3,
    });
    expect(simple.data.data).toMatchObject({ sku: 'PEN', type: 'digital', inventory_level: 3 });
    expect(simple.data.data.variants).toEqual([
      expect.objectContaining({ sku: 'PEN', sku_id: null }),
    ]);
  });

  it.each([
    ['a taken product sku', { sku: 'MUG' }, 409, 'sku'],
    ['a sku taken by a variant, in another case', { sku: 'tee-s' }, 409, 'sku'],
    ['a taken name', { name: 'Mug' }, 409, 'name'],
    ['no name', { name: undefined }, 422, 'name'],
    ['no weight', { weight: undefined }, 422, 'weight'],
    ['a negative price', { price: -1 }, 422, 'price'],
    ['an unknown type', { type: 'service' }, 422, 'type'],
    ['variant tracking without variants', { variants: undefined }, 422, 'inventory_tracking'],
  ])('refuses a product with %s', async (_case, change, status, field) => {
    const answer = await call('POST', '/v3/catalog/products', { ...NEW_PRODUCT, ...change });
    expect(answer.status).toBe(status);
    expect(answer.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect((answer.data as Problem).errors).toHaveProperty(field);
    expect((await call('GET', '/v3/catalog/products')).data.data).toHaveLength(2);
  });

  it('updates a product partially, moving date_modified and firing store/product/updated', async () => {
    clock += 60_000;
    const updated = await call('PUT', '/v3/catalog/products/111', {
      weight: 14.5,
      sku: 'MUG-2',
      id: 5,
    });
    expect(updated.status).toBe(200);
    expect(updated.data.data).toMatchObject({
      id: 111,
      sku: 'MUG-2',
      weight: 14.5,
      width: 4,
      name: 'Mug',
      date_modified: '2026-03-01T10:01:00+00:00',
    });
    const bySku = await call('GET', '/v3/catalog/products?sku=MUG-2');
    expect(bySku.data.data.map((row: { id: number }) => row.id)).toEqual([111]);
    const since = await call('GET', '/v3/catalog/products?date_modified:min=2026-03-01T10:00:30Z');
    expect(since.data.data.map((row: { id: number }) => row.id)).toEqual([111]);
    // The old SKU is free again; a write that changes nothing fires nothing.
    expect((await call('PUT', '/v3/catalog/products/112', { sku: 'MUG' })).status).toBe(200);
    expect((await call('PUT', '/v3/catalog/products/111', { weight: 14.5 })).status).toBe(200);
    expect(await settle(2)).toEqual([
      { scope: 'store/product/updated', data: { type: 'product', id: 111 } },
      { scope: 'store/product/updated', data: { type: 'product', id: 112 } },
    ]);

    expect((await call('PUT', '/v3/catalog/products/111', { sku: 'TEE-M' })).status).toBe(409);
    expect((await call('PUT', '/v3/catalog/products/111', { weight: 'heavy' })).status).toBe(422);
    expect(
      (await call('PUT', '/v3/catalog/products/111', { inventory_tracking: 'variant' })).status,
    ).toBe(422);
    expect((await call('PUT', '/v3/catalog/products/999', { weight: 1 })).status).toBe(404);
  });

  it('updates a variant: its own measures, or null to take the product’s', async () => {
    const put = (variantId: number, body: unknown) =>
      call('PUT', `/v3/catalog/products/112/variants/${variantId}`, body);
    const updated = await put(201, { weight: null, depth: 3, sku: 'TEE-SMALL' });
    expect(updated.status).toBe(200);
    expect(updated.data.data).toMatchObject({
      id: 201,
      sku: 'TEE-SMALL',
      weight: null,
      calculated_weight: 8,
      depth: 3,
    });
    const skuId = updated.data.data.sku_id as number;
    expect((await put(201, { sku: 'MUG' })).status).toBe(409);
    expect((await put(201, { width: -2 })).status).toBe(422);
    expect((await put(999, { width: 2 })).status).toBe(404);
    const mug = (await call('GET', '/v3/catalog/products/111?include=variants')).data.data;
    expect(
      (await call('PUT', `/v3/catalog/products/111/variants/${mug.variants[0].id}`, { weight: 1 }))
        .status,
    ).toBe(200);
    // A product without options has no SKU of its own: its base variant is the product.
    expect(await settle(2)).toEqual([
      { scope: 'store/product/updated', data: { type: 'product', id: 111 } },
      {
        scope: 'store/sku/updated',
        data: { type: 'sku', id: skuId, sku: { product_id: 112, variant_id: 201 } },
      },
    ]);
  });
});
