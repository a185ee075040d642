import axios from 'axios';
import { PermanentError, RateLimitedError } from '@shiplink/errors';
import { SimulatorControl } from '../testing/control';
import { createShipStationClient } from './client';
import { toShipStationDateTime } from './dates';
import { createOrderBody } from './fixtures/create-order-body';
import { startShipStationSimulator, type RunningShipStationSimulator } from './simulator';

const A = { apiKey: 'key-a', apiSecret: 'secret-a' };
const B = { apiKey: 'key-b', apiSecret: 'secret-b' };

describe('ShipStation simulator: orders, auth, paging, quota', () => {
  let sim: RunningShipStationSimulator;
  let control: SimulatorControl;
  const client = (credentials = A, extra: { maxInlineWaitMs?: number } = {}) =>
    createShipStationClient({ baseUrl: sim.url, credentials, retryBaseDelayMs: 10, ...extra });
  const raw = (credentials = A) =>
    axios.create({
      baseURL: sim.url,
      auth: { username: credentials.apiKey, password: credentials.apiSecret },
      validateStatus: () => true,
    });

  beforeAll(async () => {
    sim = await startShipStationSimulator({
      accounts: [A, B],
      quota: { limit: 1000, windowMs: 60_000 },
    });
    control = new SimulatorControl(sim.url);
  });
  afterAll(() => sim.close());
  beforeEach(() => control.reset());

  it('upserts by orderKey: the same key updates the same order', async () => {
    const first = await client().upsertOrder(createOrderBody('bc-s1-1001'));
    const second = await client().upsertOrder(
      createOrderBody('bc-s1-1001', { internalNotes: 'Customer asked for a gift box' }),
    );
    expect(second.orderId).toBe(first.orderId);
    expect(second.internalNotes).toBe('Customer asked for a gift box');
    expect(second.items?.map((item) => item.orderItemId)).toEqual(
      first.items?.map((item) => item.orderItemId),
    );
    expect(await client().listOrders()).toHaveLength(1);
  });

  it('creates a new order each time when no orderKey is given, and generates one', async () => {
    const { orderKey: _key, ...body } = createOrderBody('unused');
    const one = await raw().post('/orders/createorder', body);
    const two = await raw().post('/orders/createorder', body);
    expect([one.status, two.status]).toEqual([200, 200]);
    expect(one.data.orderId).not.toBe(two.data.orderId);
    expect(one.data.orderKey).toMatch(/^[0-9a-f]{32}$/);
  });

  it('answers the ASP.NET 400 for a body ShipStation would refuse', async () => {
    const body = createOrderBody('bc-s1-1002');
    const response = await raw().post('/orders/createorder', {
      ...body,
      orderNumber: '',
      orderStatus: 'waiting',
      shipTo: { ...body.shipTo, country: null, postalCode: '' },
      items: [{ ...body.items[0], name: undefined }],
    });
    expect(response.status).toBe(400);
    expect(response.data).toEqual({
      Message: 'The request is invalid.',
      ModelState: expect.objectContaining({
        'apiOrder.orderNumber': expect.any(Array),
        'apiOrder.orderStatus': expect.any(Array),
        'apiOrder.shipTo.country': ['The country field is required.'],
        'apiOrder.items[0].name': ['The name field is required.'],
      }),
    });
  });

  it('surfaces validation failures as permanent errors with the field named', async () => {
    const body = createOrderBody('bc-s1-1003');
    const bad = { ...body, shipTo: { ...body.shipTo, postalCode: null } };
    await expect(client().upsertOrder(bad)).rejects.toMatchObject({
      constructor: PermanentError,
      reason: 'shipstation.validation',
      message: expect.stringContaining('apiOrder.shipTo.postalCode'),
    });
  });

  it('refuses to update a shipped order', async () => {
    const order = await client().upsertOrder(createOrderBody('bc-s1-1004'));
    await control.post(`/orders/${order.orderId}/ship`, {
      carrierCode: 'ups',
      serviceCode: 'ups_ground',
    });
    await expect(client().upsertOrder(createOrderBody('bc-s1-1004'))).rejects.toBeInstanceOf(
      PermanentError,
    );
  });

  it('answers 401 to wrong or missing credentials', async () => {
    await expect(client({ ...A, apiSecret: 'wrong' }).listOrders()).rejects.toMatchObject({
      constructor: PermanentError,
      reason: 'shipstation.unauthorized',
    });
    const anonymous = await axios.get(`${sim.url}/orders`, { validateStatus: () => true });
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers['x-rate-limit-limit']).toBeUndefined();
  });

  it("keeps accounts apart and answers 404 for someone else's order", async () => {
    const order = await client(A).upsertOrder(createOrderBody('bc-s1-1005'));
    await expect(client(B).getOrder(order.orderId)).resolves.toBeUndefined();
    await expect(client(B).getOrderOrThrow(order.orderId)).rejects.toMatchObject({
      reason: 'shipstation.not_found',
    });
    await expect(client(A).getOrder(order.orderId)).resolves.toMatchObject({
      orderKey: 'bc-s1-1005',
    });
  });

  it('pages with {orders, total, page, pages} and the client follows every page', async () => {
    for (let n = 1; n <= 7; n++) await client().upsertOrder(createOrderBody(`bc-s1-20${n}`));
    const page = await raw().get('/orders', { params: { pageSize: 3, page: 3 } });
    expect(page.data).toMatchObject({ total: 7, page: 3, pages: 3 });
    expect(page.data.orders).toHaveLength(1);
    await control.clearRequests();
    const all = await client().listOrders({ pageSize: 3 });
    expect(all.map((order) => order.orderKey)).toEqual(
      [1, 2, 3, 4, 5, 6, 7].map((n) => `bc-s1-20${n}`),
    );
    expect(await control.requests({ method: 'GET', path: '/orders' })).toHaveLength(3);
    expect((await raw().get('/orders', { params: { pageSize: 501 } })).status).toBe(400);
  });

  it('filters by modifyDateStart in account time', async () => {
    await client().upsertOrder(createOrderBody('bc-s1-3001'));
    await new Promise((resolve) => setTimeout(resolve, 10));
    const since = new Date();
    await new Promise((resolve) => setTimeout(resolve, 10));
    await client().upsertOrder(createOrderBody('bc-s1-3002'));
    const changed = await client().listOrders({ modifyDateStart: since });
    expect(changed.map((order) => order.orderKey)).toEqual(['bc-s1-3002']);
    const query = (
      await raw().get('/orders', { params: { modifyDateStart: toShipStationDateTime(since) } })
    ).data;
    expect(query.total).toBe(1);
  });

  it('sends X-Rate-Limit-* on every answer', async () => {
    const response = await raw().get('/orders');
    expect(response.headers['x-rate-limit-limit']).toBe('1000');
    expect(Number(response.headers['x-rate-limit-remaining'])).toBeLessThan(1000);
    expect(Number(response.headers['x-rate-limit-reset'])).toBeGreaterThan(0);
  });

  it('answers ASP.NET-style JSON for unknown paths and broken bodies', async () => {
    const missing = await raw().get('/orderz');
    expect(missing.status).toBe(404);
    expect(missing.data.Message).toMatch(/No HTTP resource/);
    const broken = await raw().post('/orders/createorder', '{"orderNumber":', {
      headers: { 'content-type': 'application/json' },
    });
    expect(broken.status).toBe(400);
    expect(broken.data).toEqual({ Message: 'The request is invalid.' });
  });

  it('retries an upsert whose connection dropped, without a duplicate', async () => {
    await control.addFault({ kind: 'timeout', count: 1, delayMs: 20, path: '/orders/createorder' });
    await client().upsertOrder(createOrderBody('bc-s1-4001'));
    const orders = await control.get<unknown[]>('/orders');
    expect(orders).toHaveLength(1);
  });
});

describe('ShipStation simulator: quota', () => {
  let sim: RunningShipStationSimulator;
  beforeAll(async () => {
    sim = await startShipStationSimulator({ accounts: [A], quota: { limit: 2, windowMs: 60_000 } });
  });
  afterAll(() => sim.close());

  it('answers 429 with the reset in seconds once the window is spent', async () => {
    const client = createShipStationClient({
      baseUrl: sim.url,
      credentials: A,
      maxInlineWaitMs: 100,
    });
    await client.listOrders();
    await client.listOrders();
    const over = await axios.get(`${sim.url}/orders`, {
      auth: { username: A.apiKey, password: A.apiSecret },
      validateStatus: () => true,
    });
    expect(over.status).toBe(429);
    expect(over.headers['x-rate-limit-remaining']).toBe('0');
    expect(Number(over.headers['x-rate-limit-reset'])).toBeGreaterThan(50);
    await expect(client.listOrders()).rejects.toBeInstanceOf(RateLimitedError);
  });
});
