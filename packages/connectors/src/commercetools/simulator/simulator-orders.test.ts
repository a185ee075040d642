import { SimulatorControl } from '../../testing/control';
import { call, openProject, orderDraft, type Json } from './test-support';
import { startCommercetoolsSimulator, type RunningCommercetoolsSimulator } from '.';

interface Paged {
  limit: number;
  offset: number;
  count: number;
  total?: number;
  results: Json[];
}

describe('commercetools simulator orders', () => {
  let sim: RunningCommercetoolsSimulator;
  let control: SimulatorControl;
  let token: string;
  let clock = Date.parse('2026-03-01T10:00:00.000Z');
  const orders: Json[] = [];
  const query = (params: Record<string, string | string[]>, path = '/shop/orders') => {
    const search = new URLSearchParams();
    for (const [name, value] of Object.entries(params)) {
      for (const one of Array.isArray(value) ? value : [value]) search.append(name, one);
    }
    return call<Paged>(sim.url, 'GET', `${path}?${search.toString()}`, { token });
  };

  beforeAll(async () => {
    sim = await startCommercetoolsSimulator({ now: () => clock });
    control = new SimulatorControl(sim.url);
    const project = await openProject(sim.url, { projectKey: 'shop', stores: ['eu', 'us'] });
    token = project.token;
    for (const [index, storeKey] of ['eu', 'us', 'eu', 'eu', 'us'].entries()) {
      clock += 60_000;
      orders.push(
        await control.post<Json>(
          '/projects/shop/orders',
          orderDraft({
            orderNumber: `100${index}`,
            storeKey,
            customerEmail: `buyer${index}@example.com`,
          }),
        ),
      );
    }
    clock += 60_000;
    await control.post(`/projects/shop/orders/${String(orders[1]!.id)}/actions`, {
      actions: [{ action: 'changeShipmentState', shipmentState: 'Shipped' }],
    });
  });
  afterAll(() => sim.close());

  it('renders an Order as the API does', () => {
    expect(orders[0]).toMatchObject({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      version: 1,
      orderNumber: '1000',
      customerEmail: 'buyer0@example.com',
      store: { typeId: 'store', key: 'eu' },
      origin: 'Customer',
      orderState: 'Open',
      shippingMode: 'Single',
      totalPrice: {
        type: 'centPrecision',
        currencyCode: 'EUR',
        centAmount: 2 * 1_250 + 2_000 + 495,
        fractionDigits: 2,
      },
      shippingInfo: {
        shippingMethodName: 'Standard',
        price: { centAmount: 495 },
        shippingRate: { price: { centAmount: 495 }, tiers: [] },
        deliveries: [],
        shippingMethodState: 'MatchesCart',
      },
      lineItems: [
        {
          name: { en: 'Mug' },
          variant: { id: 1, sku: 'MUG-1' },
          quantity: 2,
          price: { value: { centAmount: 1_250 } },
          totalPrice: { centAmount: 2_500 },
          state: [{ quantity: 2, state: { typeId: 'state' } }],
        },
        { variant: { sku: 'TEE-1' } },
      ],
      shippingAddress: { country: 'FI', city: 'Helsinki' },
      returnInfo: [],
      syncInfo: [],
      createdAt: '2026-03-01T10:01:00.000Z',
      lastModifiedAt: '2026-03-01T10:01:00.000Z',
    });
  });

  it('pages with limit, offset and total', async () => {
    const page = await query({ limit: '2', offset: '1', sort: 'createdAt asc' });
    expect(page.body).toMatchObject({ limit: 2, offset: 1, count: 2, total: 5 });
    expect(page.body.results.map((order) => order.orderNumber)).toEqual(['1001', '1002']);
    const noTotal = await query({ withTotal: 'false' });
    expect(noTotal.body).not.toHaveProperty('total');
    expect(noTotal.body.limit).toBe(20);
    expect((await query({ limit: '501' })).status).toBe(400);
    expect((await query({ offset: '10001' })).body).toMatchObject({
      errors: [{ code: 'InvalidInput' }],
    });
  });

  it('filters with where predicates, repeated ones ANDed', async () => {
    const since = await query({
      where: 'lastModifiedAt > "2026-03-01T10:03:30Z"',
      sort: 'lastModifiedAt asc',
    });
    expect(since.body.results.map((order) => order.orderNumber)).toEqual(['1003', '1004', '1001']);
    const both = await query({ where: ['store(key = "eu")', 'orderNumber != "1000"'] });
    expect(both.body.results.map((order) => order.orderNumber)).toEqual(['1002', '1003']);
    const grouped = await query({
      where:
        '(customerEmail = "buyer4@example.com" or shipmentState = "Shipped") and orderState = "Open"',
    });
    expect(grouped.body.results.map((order) => order.orderNumber)).toEqual(['1001', '1004']);
    const ids = await query({
      where: `id in ("${String(orders[2]!.id)}", "${String(orders[3]!.id)}")`,
    });
    expect(ids.body.total).toBe(2);
    const undefinedState = await query({ where: 'shipmentState is not defined' });
    expect(undefinedState.body.total).toBe(4);
    const bySku = await query({ where: 'lineItems(variant(sku = "TEE-1"))' });
    expect(bySku.body.total).toBe(5);
  });

  it('sorts by several keys, descending too', async () => {
    const sorted = await query({ sort: ['store.key asc', 'createdAt desc'] });
    expect(sorted.body.results.map((order) => order.orderNumber)).toEqual([
      '1003',
      '1002',
      '1000',
      '1004',
      '1001',
    ]);
    expect((await query({ sort: 'createdAt sideways' })).status).toBe(400);
  });

  it('refuses a predicate it cannot parse with 400 InvalidInput', async () => {
    const answer = await query({ where: 'orderNumber = ' });
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({
      statusCode: 400,
      errors: [
        {
          code: 'InvalidInput',
          message: expect.stringContaining("Syntax error while parsing 'where'"),
        },
      ],
    });
  });

  it('reads an order by id and by order number, 404 otherwise', async () => {
    const order = orders[0]!;
    const byId = await call(sim.url, 'GET', `/shop/orders/${String(order.id)}`, { token });
    expect(byId.body).toEqual(order);
    const byNumber = await call(sim.url, 'GET', '/shop/orders/order-number=1000', { token });
    expect(byNumber.body.id).toBe(order.id);
    expect(await call(sim.url, 'GET', '/shop/orders/nope', { token })).toMatchObject({
      status: 404,
      body: {
        statusCode: 404,
        message: "The Resource with ID 'nope' was not found.",
        errors: [
          { code: 'ResourceNotFound', message: "The Resource with ID 'nope' was not found." },
        ],
      },
    });
    expect((await call(sim.url, 'GET', '/shop/orders/order-number=9999', { token })).status).toBe(
      404,
    );
  });

  it('shows a store only its own orders in-store', async () => {
    const eu = await query({}, '/shop/in-store/key=eu/orders');
    expect(eu.body.results.map((order) => order.orderNumber)).toEqual(['1000', '1002', '1003']);
    const foreign = await call(
      sim.url,
      'GET',
      `/shop/in-store/key=eu/orders/${String(orders[1]!.id)}`,
      { token },
    );
    expect(foreign.status).toBe(404);
    const own = await call(sim.url, 'GET', '/shop/in-store/key=us/orders/order-number=1001', {
      token,
    });
    expect(own.body.id).toBe(orders[1]!.id);
  });

  it('answers unknown endpoints and bodies that are not JSON in the error shape', async () => {
    expect(await call(sim.url, 'GET', '/shop/carts-of-the-future', { token })).toMatchObject({
      status: 404,
      body: { errors: [{ code: 'ResourceNotFound' }] },
    });
    const broken = await call(sim.url, 'POST', `/shop/orders/${String(orders[0]!.id)}`, {
      token,
      rawBody: '{"version": 1, "actions": [',
      headers: { 'content-type': 'application/json' },
    });
    expect(broken).toMatchObject({ status: 400, body: { errors: [{ code: 'InvalidJsonInput' }] } });
    const untyped = await call(sim.url, 'POST', `/shop/orders/${String(orders[0]!.id)}`, {
      token,
      rawBody: 'version=1',
      headers: { 'content-type': 'text/plain' },
    });
    expect(untyped.body).toMatchObject({ errors: [{ code: 'InvalidJsonInput' }] });
  });
});
