import axios from 'axios';
import { SimulatorControl } from '../testing/control';
import { createShipStationClient } from './client';
import { createOrderBody } from './fixtures/create-order-body';
import type { ShipStationProduct, ShipStationTag } from './schemas';
import { startShipStationSimulator, type RunningShipStationSimulator } from './simulator';

const A = { apiKey: 'key-a', apiSecret: 'secret-a' };
const B = { apiKey: 'key-b', apiSecret: 'secret-b' };

const PRODUCT_FIELDS = [
  'productId',
  'sku',
  'name',
  'price',
  'defaultCost',
  'length',
  'width',
  'height',
  'weightOz',
  'internalNotes',
  'fulfillmentSku',
  'createDate',
  'modifyDate',
  'active',
  'productCategory',
  'productType',
  'warehouseLocation',
  'defaultCarrierCode',
  'defaultServiceCode',
  'defaultPackageCode',
  'defaultIntlCarrierCode',
  'defaultIntlServiceCode',
  'defaultIntlPackageCode',
  'defaultConfirmation',
  'defaultIntlConfirmation',
  'customsDescription',
  'customsValue',
  'customsTariffNo',
  'customsCountryCode',
  'noCustoms',
  'tags',
];

describe('ShipStation simulator: products', () => {
  let sim: RunningShipStationSimulator;
  let control: SimulatorControl;
  const client = (credentials = A) =>
    createShipStationClient({ baseUrl: sim.url, credentials, retryBaseDelayMs: 10 });
  const raw = (credentials = A) =>
    axios.create({
      baseURL: sim.url,
      auth: { username: credentials.apiKey, password: credentials.apiSecret },
      validateStatus: () => true,
    });
  const bySku = async (sku: string) => {
    const [product] = await client().listProducts({ sku, showInactive: true });
    if (!product) throw new Error(`no product ${sku}`);
    return product;
  };

  beforeAll(async () => {
    sim = await startShipStationSimulator({
      accounts: [A, B],
      quota: { limit: 1000, windowMs: 60_000 },
    });
    control = new SimulatorControl(sim.url);
  });
  afterAll(() => sim.close());
  beforeEach(() => control.reset());

  it('files a product for every new SKU of an imported order, once', async () => {
    const order = await client().upsertOrder(createOrderBody('bc-prod-1001'));
    const products = await client().listProducts();
    expect(products.map((p) => [p.sku, p.name, p.weightOz, p.active])).toEqual([
      ['TEA-SENCHA-250', 'Organic Sencha, 250 g tin', 10.93, true],
      ['KETTLE-CAST-09', 'Cast iron kettle 0.9 l', 44.8, true],
    ]);
    expect(Object.keys(products[0] ?? {})).toEqual(expect.arrayContaining(PRODUCT_FIELDS));
    expect(products[0]?.productId).toBeGreaterThan(7_854_000);
    expect(order.items?.map((item) => item.productId)).toEqual(products.map((p) => p.productId));

    await client().upsertOrder(createOrderBody('bc-prod-1002'));
    const body = createOrderBody('bc-prod-1003');
    const discount = {
      ...body.items[0]!,
      lineItemKey: 'd1',
      sku: 'DISCOUNT',
      name: 'Coupon',
      adjustment: true,
      unitPrice: -5,
    };
    await client().upsertOrder({ ...body, items: [...body.items, discount] });
    expect(await client().listProducts()).toHaveLength(2);
    // The other account has its own catalog.
    await client(B).upsertOrder(createOrderBody('bc-prod-1004'));
    const theirs = await client(B).listProducts();
    expect(theirs).toHaveLength(2);
    expect(theirs[0]?.productId).not.toBe(products[0]?.productId);
    const all = await control.get<{ simulator: { apiKey: string } }[]>('/products');
    expect(all.map((p) => p.simulator.apiKey)).toEqual([A.apiKey, A.apiKey, B.apiKey, B.apiKey]);
  });

  it('lists with {products, total, page, pages}, filters by sku and name, pages up to 500', async () => {
    await client().upsertOrder(createOrderBody('bc-prod-2001'));
    const page = await raw().get('/products', { params: { pageSize: 1, page: 2 } });
    expect(page.data).toMatchObject({ total: 2, page: 2, pages: 2 });
    expect(page.data.products.map((p: ShipStationProduct) => p.sku)).toEqual(['KETTLE-CAST-09']);
    expect((await client().listProducts({ sku: 'tea-sencha-250' })).map((p) => p.sku)).toEqual([
      'TEA-SENCHA-250',
    ]);
    expect(await client().listProducts({ sku: 'TEA' })).toEqual([]);
    expect((await client().listProducts({ name: 'kettle' })).map((p) => p.sku)).toEqual([
      'KETTLE-CAST-09',
    ]);
    await control.clearRequests();
    expect(await client().listProducts({ pageSize: 1 })).toHaveLength(2);
    expect(await control.requests({ method: 'GET', path: '/products' })).toHaveLength(2);
    expect((await raw().get('/products', { params: { pageSize: 501 } })).status).toBe(400);
    expect((await raw().get('/products', { params: { showInactive: 'maybe' } })).status).toBe(400);
  });

  it('reads one product; an unknown or foreign id is a 404', async () => {
    await client().upsertOrder(createOrderBody('bc-prod-3001'));
    const tea = await bySku('TEA-SENCHA-250');
    expect(await client().getProduct(tea.productId)).toEqual(tea);
    expect(await client(B).getProduct(tea.productId)).toBeUndefined();
    expect(await client().getProduct(1)).toBeUndefined();
    const missing = await raw().get('/products/abc');
    expect(missing.status).toBe(404);
    expect(missing.data).toEqual({ Message: 'Product abc was not found.' });
  });

  it('replaces a product with PUT; inactive products drop out of the default list', async () => {
    await client().upsertOrder(createOrderBody('bc-prod-4001'));
    const gift = await control.post<ShipStationTag>('/tags', { name: 'Fragile', apiKey: A.apiKey });
    const kettle = await bySku('KETTLE-CAST-09');
    const answer = await raw().put(`/products/${kettle.productId}`, {
      ...kettle,
      warehouseLocation: 'A-12-3',
      length: 9,
      customsCountryCode: 'JP',
    });
    expect(answer.status).toBe(200);
    expect(answer.data).toEqual({
      success: true,
      message: 'The requested product has been updated',
    });
    await client().updateProduct({
      ...(await bySku('KETTLE-CAST-09')),
      active: false,
      tags: [{ tagId: gift.tagId, name: 'ignored' }],
    });
    const read = await client().getProduct(kettle.productId);
    expect(read).toMatchObject({
      warehouseLocation: 'A-12-3',
      length: 9,
      customsCountryCode: 'JP',
      active: false,
      createDate: kettle.createDate,
      tags: [{ tagId: gift.tagId, name: 'Fragile' }],
    });
    expect((await client().listProducts()).map((p) => p.sku)).toEqual(['TEA-SENCHA-250']);
    expect(await client().listProducts({ showInactive: true })).toHaveLength(2);
    expect((await client().listProducts({ tagId: gift.tagId, showInactive: true })).length).toBe(1);

    // A full replace: what the body leaves out becomes null.
    await raw().put(`/products/${kettle.productId}`, {
      productId: kettle.productId,
      sku: 'KETTLE-CAST-09',
      name: 'Cast iron kettle',
    });
    expect(await client().getProduct(kettle.productId)).toMatchObject({
      name: 'Cast iron kettle',
      weightOz: null,
      warehouseLocation: null,
      tags: null,
      active: false,
    });
  });

  it('refuses a PUT whose body does not fit, and has no way to create a product', async () => {
    await client().upsertOrder(createOrderBody('bc-prod-5001'));
    const tea = await bySku('TEA-SENCHA-250');
    const put = (id: number | string, body: unknown) => raw().put(`/products/${id}`, body);

    const mismatch = await put(tea.productId, { ...tea, productId: tea.productId + 1 });
    expect(mismatch.status).toBe(400);
    expect(mismatch.data.ModelState).toEqual({
      'product.productId': ['The productId does not match the URL.'],
    });
    const noSku = await put(tea.productId, { ...tea, sku: '' });
    expect(noSku.status).toBe(400);
    expect(noSku.data.ModelState).toEqual({ 'product.sku': ['The sku field is required.'] });
    const badWeight = await put(tea.productId, { ...tea, weightOz: 'heavy' });
    expect(badWeight.data.ModelState).toEqual({
      'product.weightOz': ["The value 'heavy' is not valid for weightOz."],
    });
    const badTag = await put(tea.productId, { ...tea, tags: [{ tagId: 5, name: 'x' }] });
    expect(badTag.status).toBe(400);
    expect((await put(999, { ...tea, productId: 999 })).status).toBe(404);
    await expect(client().updateProduct({ ...tea, productId: 999 })).rejects.toMatchObject({
      reason: 'shipstation.not_found',
    });

    const create = await raw().post('/products', { sku: 'NEW-1', name: 'New' });
    expect(create.status).toBe(404);
    expect(create.data.Message).toMatch(/No HTTP resource/);
    expect(await client().getProduct(tea.productId)).toEqual(tea);
  });
});
