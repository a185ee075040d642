import axios from 'axios';
import { SimulatorControl } from '../testing/control';
import { startBigCommerceSimulator } from './simulator';

const STORE = { hash: 'invsim1', accessToken: 'token-invsim', clientSecret: 'secret-invsim' };
const CATALOG = [
  { id: 111, sku: 'MUG', inventoryTracking: 'product', levels: { '1': 5 } },
  {
    id: 112,
    sku: 'TEE',
    inventoryTracking: 'variant',
    variants: [{ id: 201, sku: 'TEE-S', levels: { '1': 2 } }, { sku: 'TEE-M' }],
  },
  { id: 113, sku: 'CAP', inventoryTracking: 'product', variants: [{ sku: 'CAP-RED' }] },
  { id: 114, sku: 'PEN', inventoryTracking: 'none' },
];
const TRACKED_BY_PRODUCT =
  '[Item with sku CAP-RED is tracked by product, please update stock by product id]';

type Problem = { status: number; title: string; errors?: Record<string, string> };

describe('BigCommerce simulator: catalog and inventory', () => {
  let sim: Awaited<ReturnType<typeof startBigCommerceSimulator>>;
  let control: SimulatorControl;
  const v3 = `/stores/${STORE.hash}/v3`;
  const get = (path: string, token = STORE.accessToken) =>
    axios.get(`${sim.url}${v3}${path}`, {
      headers: { 'X-Auth-Token': token },
      validateStatus: () => true,
    });
  const adjust = (body: unknown) =>
    axios.put(`${sim.url}${v3}/inventory/adjustments/absolute`, body, {
      headers: { 'X-Auth-Token': STORE.accessToken },
      validateStatus: () => true,
    });
  const transactions = () =>
    control.get<{ reason: string; items: unknown[] }[]>(
      `/stores/${STORE.hash}/inventory/transactions`,
    );
  const levels = () =>
    control.get<{ sku: string; locationId: number; quantity: number }[]>(
      `/stores/${STORE.hash}/inventory/levels`,
    );

  beforeAll(async () => {
    sim = await startBigCommerceSimulator();
    control = new SimulatorControl(sim.url);
  });
  afterAll(() => sim.close());
  beforeEach(async () => {
    await control.reset();
    await control.post('/stores', STORE);
    await control.post(`/stores/${STORE.hash}/catalog/products`, { products: CATALOG });
  });

  it('puts inventory behind the same token and quota as every v3 route', async () => {
    const refused = await get('/inventory/items', 'nope');
    expect(refused.status).toBe(401);
    expect(refused.data).toMatchObject({ status: 401, title: expect.any(String) });
    const ok = await get('/inventory/locations');
    expect(ok.status).toBe(200);
    expect(ok.headers['x-rate-limit-requests-quota']).toBe('150');
  });

  it('starts a store with location 1 "Default" and adds more through control', async () => {
    expect((await get('/inventory/locations')).data.data).toEqual([
      expect.objectContaining({ id: 1, label: 'Default', enabled: true }),
    ]);
    const added = await control.post<{ id: number }>(`/stores/${STORE.hash}/inventory/locations`, {
      label: 'Warehouse',
      code: 'WH',
    });
    expect(added).toMatchObject({ id: 2, code: 'WH', label: 'Warehouse' });
    const filtered = await get('/inventory/locations?location_id:in=2');
    expect(filtered.data.data.map((location: { id: number }) => location.id)).toEqual([2]);
    expect(filtered.data.meta.pagination).toMatchObject({ total: 1, total_pages: 1 });
  });

  it('refuses seeds that break BigCommerce’s catalog rules', async () => {
    for (const products of [
      [{ sku: 'MUG', inventoryTracking: 'product' }],
      [{ sku: 'NEW', inventoryTracking: 'variant' }],
      [{ sku: 'NEW', inventoryTracking: 'none', levels: { '1': 3 } }],
      [{ sku: 'NEW', inventoryTracking: 'product', levels: { '9': 3 } }],
      [{ inventoryTracking: 'variant', variants: [{ sku: 'TEE-S' }] }],
    ]) {
      await expect(
        control.post(`/stores/${STORE.hash}/catalog/products`, { products }),
      ).rejects.toMatchObject({ response: { status: 400 } });
    }
  });

  it.each([
    ['no items', {}, 'items'],
    ['empty items', { items: [] }, 'items'],
    ['no location', { items: [{ sku: 'MUG', quantity: 1 }] }, 'items.0.location_id'],
    [
      'two identifiers',
      { items: [{ sku: 'MUG', product_id: 111, location_id: 1, quantity: 1 }] },
      'items.0',
    ],
    ['no identifier', { items: [{ location_id: 1, quantity: 1 }] }, 'items.0'],
    [
      'negative quantity',
      { items: [{ sku: 'MUG', location_id: 1, quantity: -1 }] },
      'items.0.quantity',
    ],
    [
      'fractional quantity',
      { items: [{ sku: 'MUG', location_id: 1, quantity: 1.5 }] },
      'items.0.quantity',
    ],
    [
      'quantity as text',
      { items: [{ sku: 'MUG', location_id: 1, quantity: '3' }] },
      'items.0.quantity',
    ],
    [
      'a text location',
      { items: [{ sku: 'MUG', location_id: '1', quantity: 3 }] },
      'items.0.location_id',
    ],
    [
      'over 2000 items',
      { items: Array.from({ length: 2001 }, () => ({ sku: 'MUG', location_id: 1, quantity: 1 })) },
      'items',
    ],
  ])('refuses a payload with %s field by field', async (_case, body, field) => {
    const answer = await adjust(body);
    expect(answer.status).toBe(422);
    expect(answer.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(answer.data as Problem).toMatchObject({
      status: 422,
      title: 'Payload contains invalid fields',
      errors: { [field]: expect.any(String) },
    });
    expect(await transactions()).toEqual([]);
  });

  it.each([
    ['a variant of a product tracked by product', { sku: 'CAP-RED' }, TRACKED_BY_PRODUCT],
    [
      'a product tracked by variant',
      { product_id: 112 },
      '[Item with product_id 112 is tracked by variant, please update stock by variant id]',
    ],
    [
      'a product without tracking',
      { sku: 'PEN' },
      '[Item with sku PEN has inventory tracking disabled, please enable inventory tracking]',
    ],
    ['an unknown sku', { sku: 'NOPE' }, '[Item with sku NOPE does not exist]'],
    ['an unknown variant', { variant_id: 999 }, '[Item with variant_id 999 does not exist]'],
  ])('refuses the whole payload for %s, naming it', async (_case, identity, title) => {
    const answer = await adjust({
      reason: 'sync',
      items: [
        { sku: 'MUG', location_id: 1, quantity: 9 },
        { ...identity, location_id: 1, quantity: 1 },
      ],
    });
    expect(answer.status).toBe(422);
    expect(answer.data).toMatchObject({ status: 422, title, errors: {} });
    expect(await levels()).toContainEqual(
      expect.objectContaining({ sku: 'MUG', locationId: 1, quantity: 5 }),
    );
    expect(await transactions()).toEqual([]);
  });

  it('names every refused item and unknown locations in one title', async () => {
    const answer = await adjust({
      items: [
        { sku: 'CAP-RED', location_id: 1, quantity: 1 },
        { sku: 'MUG', location_id: 7, quantity: 1 },
      ],
    });
    expect((answer.data as Problem).title).toBe(
      '[Item with sku CAP-RED is tracked by product, please update stock by product id, ' +
        'Location with id 7 does not exist]',
    );
  });

  it('applies absolute levels by sku, variant or product id and records the transaction', async () => {
    const items = [
      { sku: 'MUG', location_id: 1, quantity: 7 },
      { variant_id: 201, location_id: 1, quantity: 3 },
      { product_id: 113, location_id: 1, quantity: 4 },
      { sku: 'TEE-M', location_id: 1, quantity: 0 },
    ];
    const answer = await adjust({ reason: 'cycle count', items });
    expect(answer.status).toBe(200);
    expect(answer.data).toEqual({ transaction_id: expect.any(String) });
    expect(await transactions()).toEqual([
      {
        transaction_id: answer.data.transaction_id,
        reason: 'cycle count',
        items,
        created_at: expect.any(String),
      },
    ]);
    expect(await levels()).toEqual([
      { locationId: 1, sku: 'MUG', productId: 111, variantId: null, quantity: 7 },
      { locationId: 1, sku: 'TEE-S', productId: 112, variantId: 201, quantity: 3 },
      { locationId: 1, sku: 'TEE-M', productId: 112, variantId: expect.any(Number), quantity: 0 },
      { locationId: 1, sku: 'CAP', productId: 113, variantId: null, quantity: 4 },
    ]);
    const read = await get('/inventory/items?sku:in=MUG,TEE-S&location_id:in=1');
    expect(read.data.data).toEqual([
      {
        identity: { sku: 'MUG', variant_id: expect.any(Number), product_id: 111, sku_id: null },
        locations: [
          expect.objectContaining({
            location_id: 1,
            location_name: 'Default',
            total_inventory_onhand: 7,
            available_to_sell: 7,
          }),
        ],
      },
      {
        identity: { sku: 'TEE-S', variant_id: 201, product_id: 112, sku_id: expect.any(Number) },
        locations: [expect.objectContaining({ location_id: 1, total_inventory_onhand: 3 })],
      },
    ]);
  });

  it('lists tracked inventory items a page at a time', async () => {
    await control.post(`/stores/${STORE.hash}/catalog/products`, {
      products: Array.from({ length: 60 }, (_, i) => ({
        sku: `BULK-${i}`,
        inventoryTracking: 'product',
      })),
    });
    // 60 bulk + MUG + TEE's two variants + CAP; PEN keeps no stock and is no item.
    const first = await get('/inventory/items');
    expect(first.data.data).toHaveLength(50);
    expect(first.data.meta.pagination).toMatchObject({ total: 64, per_page: 50, total_pages: 2 });
    const last = await get('/inventory/items?page=3&limit=25');
    expect(last.data.data).toHaveLength(14);
    expect(last.data.meta.pagination.links).toEqual({
      previous: '?page=2&limit=25',
      current: '?page=3&limit=25',
    });
    const byProduct = await get('/inventory/items?product_id:in=112');
    expect(
      byProduct.data.data.map((item: { identity: { sku: string } }) => item.identity.sku),
    ).toEqual(['TEE-S', 'TEE-M']);
  });

  it('filters products and variants by the filters their reference names', async () => {
    const skusOf = (answer: { data: { data: { sku: string }[] } }) =>
      answer.data.data.map((row) => row.sku);
    expect(skusOf(await get('/catalog/products?sku:in=MUG,CAP,TEE-S'))).toEqual(['MUG', 'CAP']);
    expect(skusOf(await get('/catalog/products?sku=TEE'))).toEqual(['TEE']);
    // A product without options is its base variant; option variants have SKUs of their own.
    expect(skusOf(await get('/catalog/variants?sku:in=TEE-S,MUG,CAP'))).toEqual(['MUG', 'TEE-S']);
    expect(skusOf(await get('/catalog/variants?sku=CAP-RED'))).toEqual(['CAP-RED']);
    const slim = await get('/catalog/variants?product_id:in=112&include_fields=sku');
    expect(slim.data.data).toEqual([
      { id: 201, sku: 'TEE-S' },
      { id: expect.any(Number), sku: 'TEE-M' },
    ]);
    const product = await get('/catalog/products?id:in=111');
    expect(product.data.data[0]).toMatchObject({
      id: 111,
      sku: 'MUG',
      inventory_tracking: 'product',
      inventory_level: 5,
    });
  });
});
