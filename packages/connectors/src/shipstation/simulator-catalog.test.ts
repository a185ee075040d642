import axios from 'axios';
import { PermanentError } from '@shiplink/errors';
import { SimulatorControl } from '../testing/control';
import { createShipStationClient } from './client';
import { createOrderBody } from './fixtures/create-order-body';
import { ShipStationCreateOrderSchema, type ShipStationTag } from './schemas';
import { startShipStationSimulator, type RunningShipStationSimulator } from './simulator';

const A = { apiKey: 'key-a', apiSecret: 'secret-a' };
const B = { apiKey: 'key-b', apiSecret: 'secret-b' };

describe('ShipStation simulator: tags, warehouses, stores', () => {
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
  const addTag = (name: string, apiKey = A.apiKey) =>
    control.post<ShipStationTag>('/tags', { name, apiKey });

  beforeAll(async () => {
    sim = await startShipStationSimulator({
      accounts: [A, B],
      quota: { limit: 1000, windowMs: 60_000 },
    });
    control = new SimulatorControl(sim.url);
  });
  afterAll(() => sim.close());
  beforeEach(() => control.reset());

  it('starts every account with one default warehouse and one manual store', async () => {
    const [warehouse, ...more] = await client().listWarehouses();
    expect(more).toEqual([]);
    expect(warehouse).toEqual({
      warehouseId: 412_600,
      warehouseName: 'Ship From Location',
      originAddress: expect.objectContaining({ city: 'Portland', country: 'US' }),
      returnAddress: expect.objectContaining({ city: 'Portland' }),
      createDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T[\d:.]+$/),
      isDefault: true,
    });
    const stores = await client().listStores();
    expect(stores).toEqual([
      {
        storeId: 305_118,
        storeName: 'Manual Orders',
        marketplaceId: 0,
        marketplaceName: 'ShipStation',
        accountName: null,
        email: null,
        integrationUrl: null,
        active: true,
        companyName: '',
        phone: '',
        publicEmail: '',
        website: '',
        refreshDate: expect.any(String),
        lastRefreshAttempt: expect.any(String),
        createDate: expect.any(String),
        modifyDate: expect.any(String),
        autoRefresh: false,
      },
    ]);
    const [other] = await client(B).listWarehouses();
    expect(other?.warehouseId).not.toBe(warehouse?.warehouseId);
    const order = await client().upsertOrder(createOrderBody('bc-cat-1001'));
    expect(order.advancedOptions?.warehouseId).toBe(412_600);
  });

  it('adds warehouses and stores through the control API; a reset brings back the defaults', async () => {
    const east = await control.post<{ warehouseId: number }>('/warehouses', {
      warehouseName: 'East Coast DC',
      isDefault: true,
      apiKey: A.apiKey,
    });
    const warehouses = await client().listWarehouses();
    expect(warehouses.map((w) => [w.warehouseName, w.isDefault])).toEqual([
      ['Ship From Location', false],
      ['East Coast DC', true],
    ]);
    expect(warehouses[1]?.warehouseId).toBe(east.warehouseId);
    expect(await client(B).listWarehouses()).toHaveLength(1);

    await control.post('/stores', { storeName: 'Old eBay', active: false, apiKey: A.apiKey });
    const shop = await control.post<{ storeId: number }>('/stores', {
      storeName: 'Wholesale',
      apiKey: A.apiKey,
    });
    expect((await client().listStores()).map((s) => s.storeName)).toEqual([
      'Manual Orders',
      'Wholesale',
    ]);
    expect(await client().listStores({ showInactive: true })).toHaveLength(3);
    expect((await client().listStores({ marketplaceId: 0 })).map((s) => s.storeId)).toContain(
      shop.storeId,
    );

    await control.reset();
    expect(await client().listWarehouses()).toHaveLength(1);
    expect(await client().listStores()).toHaveLength(1);
  });

  it('refuses control bodies it cannot use', async () => {
    const refused = (path: string, body: unknown) =>
      control.post(path, body).then(
        () => undefined,
        (error: { response?: { status: number } }) => error.response?.status,
      );
    expect(await refused('/warehouses', { apiKey: A.apiKey })).toBe(400);
    expect(await refused('/stores', { storeName: '', apiKey: A.apiKey })).toBe(400);
    expect(await refused('/tags', { name: 'Gift', color: 'red', apiKey: A.apiKey })).toBe(400);
    // Two accounts: the simulator must be told which one.
    expect(await refused('/tags', { name: 'Gift' })).toBe(400);
    expect(await refused('/tags', { name: 'Gift', apiKey: 'nobody' })).toBe(404);
  });

  it('lists tags per account; adding a known name again answers the same tag', async () => {
    const gift = await addTag('Gift wrap');
    expect(gift).toEqual({
      tagId: expect.any(Number),
      name: 'Gift wrap',
      color: expect.any(String),
    });
    expect(await addTag('gift WRAP')).toEqual(gift);
    const rush = await control.post<ShipStationTag>('/tags', {
      name: 'Rush',
      color: '#FF0000',
      apiKey: A.apiKey,
    });
    expect(await client().listTags()).toEqual([gift, rush]);
    expect(await client(B).listTags()).toEqual([]);
    const listed = await raw().get('/accounts/listtags');
    expect(listed.headers['x-rate-limit-limit']).toBe('1000');
  });

  it("accepts createorder tagIds of the account's tags and refuses others with a 400", async () => {
    const gift = await addTag('Gift wrap');
    const theirs = await addTag('Theirs', B.apiKey);
    const order = await client().upsertOrder(
      createOrderBody('bc-cat-2001', { tagIds: [gift.tagId] }),
    );
    expect(order.tagIds).toEqual([gift.tagId]);

    const unknown = await raw().post(
      '/orders/createorder',
      createOrderBody('bc-cat-2002', { tagIds: [gift.tagId, 999_999] }),
    );
    expect(unknown.status).toBe(400);
    expect(unknown.data).toEqual({
      Message: 'The request is invalid.',
      ModelState: { 'apiOrder.tagIds[1]': ['Tag 999999 was not found.'] },
    });
    await expect(
      client().upsertOrder(createOrderBody('bc-cat-2003', { tagIds: [theirs.tagId] })),
    ).rejects.toMatchObject({
      constructor: PermanentError,
      reason: 'shipstation.validation',
      message: expect.stringContaining('apiOrder.tagIds[0]'),
    });
    expect(await client().listOrders()).toHaveLength(1);
  });

  it('keeps tags when a later createorder leaves tagIds out, and clears them on []', async () => {
    const gift = await addTag('Gift wrap');
    await client().upsertOrder(createOrderBody('bc-cat-3001', { tagIds: [gift.tagId] }));
    const again = await client().upsertOrder(createOrderBody('bc-cat-3001'));
    expect(again.tagIds).toEqual([gift.tagId]);
    const cleared = await client().upsertOrder(createOrderBody('bc-cat-3001', { tagIds: [] }));
    expect(cleared.tagIds).toBeNull();
  });

  it('adds and removes tags on an order', async () => {
    const gift = await addTag('Gift wrap');
    const rush = await addTag('Rush');
    const order = await client().upsertOrder(createOrderBody('bc-cat-4001'));
    const added = await raw().post('/orders/addtag', { orderId: order.orderId, tagId: gift.tagId });
    expect(added.status).toBe(200);
    expect(added.data).toEqual({ success: true, message: 'Tag added successfully.' });
    await client().addTag(order.orderId, rush.tagId);
    await client().addTag(String(order.orderId), rush.tagId);
    const tagged = await client().getOrderOrThrow(order.orderId);
    expect(tagged.tagIds).toEqual([gift.tagId, rush.tagId]);

    const removed = await raw().post('/orders/removetag', {
      orderId: order.orderId,
      tagId: gift.tagId,
    });
    expect(removed.data).toEqual({ success: true, message: 'Tag removed successfully.' });
    await client().removeTag(order.orderId, gift.tagId);
    expect((await client().getOrderOrThrow(order.orderId)).tagIds).toEqual([rush.tagId]);
  });

  it('answers 404 for an unknown order and 400 for an unknown tag or a bad body', async () => {
    const gift = await addTag('Gift wrap');
    const order = await client().upsertOrder(createOrderBody('bc-cat-5001'));
    const noOrder = await raw().post('/orders/addtag', { orderId: 1, tagId: gift.tagId });
    expect(noOrder.status).toBe(404);
    expect(noOrder.data).toEqual({ Message: 'Order 1 was not found.' });
    const elsewhere = await raw(B).post('/orders/addtag', {
      orderId: order.orderId,
      tagId: gift.tagId,
    });
    expect(elsewhere.status).toBe(404);
    const noTag = await raw().post('/orders/addtag', { orderId: order.orderId, tagId: 42 });
    expect(noTag.status).toBe(400);
    expect(noTag.data.ModelState).toEqual({ 'request.tagId': ['Tag 42 was not found.'] });
    const badBody = await raw().post('/orders/removetag', { orderId: 'first' });
    expect(badBody.status).toBe(400);
    expect(Object.keys(badBody.data.ModelState)).toEqual(['request.orderId', 'request.tagId']);
    await expect(client().addTag(order.orderId, 42)).rejects.toMatchObject({
      reason: 'shipstation.validation',
    });
    await expect(client().removeTag(1, gift.tagId)).rejects.toMatchObject({
      reason: 'shipstation.not_found',
    });
  });

  it('stores holdUntilDate and advancedOptions.warehouseId from createorder', async () => {
    const east = await control.post<{ warehouseId: number }>('/warehouses', {
      warehouseName: 'East Coast DC',
      apiKey: A.apiKey,
    });
    const body = createOrderBody('bc-cat-6001', {
      orderStatus: 'on_hold',
      holdUntilDate: '2099-01-15',
    });
    body.advancedOptions = { ...body.advancedOptions, warehouseId: east.warehouseId };
    expect(ShipStationCreateOrderSchema.safeParse(body).success).toBe(true);
    const created = await client().upsertOrder(body);
    const read = await client().getOrderOrThrow(created.orderId);
    expect(read).toMatchObject({
      orderStatus: 'on_hold',
      holdUntilDate: '2099-01-15',
      advancedOptions: { warehouseId: east.warehouseId, storeId: 305118 },
    });
    const [listed] = await client().listOrders();
    expect(listed).toMatchObject({ holdUntilDate: '2099-01-15' });
    expect(listed?.advancedOptions?.warehouseId).toBe(east.warehouseId);

    // Left out on an update: the warehouse stays; the default comes back only on null.
    const { advancedOptions } = createOrderBody('bc-cat-6001');
    expect((await client().upsertOrder(createOrderBody('bc-cat-6001'))).advancedOptions).toEqual(
      expect.objectContaining({ warehouseId: east.warehouseId }),
    );
    const reset = await client().upsertOrder(
      createOrderBody('bc-cat-6001', {
        advancedOptions: { ...advancedOptions, warehouseId: null },
      }),
    );
    expect(reset.advancedOptions?.warehouseId).toBe(412_600);
    expect(reset.holdUntilDate).toBeNull();
  });

  it('refuses an unknown warehouse and a holdUntilDate that is not a date', async () => {
    const body = createOrderBody('bc-cat-7001');
    const unknown = await raw().post('/orders/createorder', {
      ...body,
      advancedOptions: { ...body.advancedOptions, warehouseId: 1 },
    });
    expect(unknown.status).toBe(400);
    expect(unknown.data.ModelState).toEqual({
      'apiOrder.advancedOptions.warehouseId': ['Warehouse 1 was not found.'],
    });
    const notDate = await raw().post('/orders/createorder', {
      ...body,
      holdUntilDate: '2024-13-01',
    });
    expect(notDate.status).toBe(400);
    expect(Object.keys(notDate.data.ModelState)).toEqual(['apiOrder.holdUntilDate']);
    expect(
      ShipStationCreateOrderSchema.safeParse({ ...body, holdUntilDate: '2024-12-01T00:00:00' })
        .success,
    ).toBe(false);
  });
});
