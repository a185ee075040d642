import axios from 'axios';
import { PermanentError } from '@shiplink/errors';
import { SimulatorControl } from '../testing/control';
import { createBigCommerceClient, type BigCommerceClient } from './client';
import { toCanonicalOrder } from './mapping';
import { startBigCommerceSimulator, type PlaceOrderInput } from './simulator';

const STORE = { hash: 'simtest1', accessToken: 'token-simtest', clientSecret: 'secret-simtest' };
const CREDENTIALS = {
  storeHash: STORE.hash,
  accessToken: STORE.accessToken,
  clientSecret: STORE.clientSecret,
};
const billing = {
  firstName: 'Ann',
  lastName: 'Lee',
  street1: '1 Main St',
  city: 'Austin',
  zip: '78701',
  state: 'Texas',
  email: 'ann@example.com',
};

const order = (extra: Partial<PlaceOrderInput> = {}): PlaceOrderInput => ({
  billing,
  lines: [{ sku: 'MUG-1', name: 'Mug', quantity: 2, price: '12.50', weight: 1 }],
  ...extra,
});

describe('BigCommerce simulator', () => {
  let sim: Awaited<ReturnType<typeof startBigCommerceSimulator>>;
  let control: SimulatorControl;
  let client: BigCommerceClient;
  const api = (path: string, token = STORE.accessToken) =>
    axios.get(`${sim.url}/stores/${STORE.hash}${path}`, {
      headers: { 'X-Auth-Token': token },
      validateStatus: () => true,
    });
  const place = async (extra: Partial<PlaceOrderInput> = {}) =>
    (await control.post<{ order: { id: number } }>(`/stores/${STORE.hash}/orders`, order(extra)))
      .order.id;

  beforeAll(async () => {
    sim = await startBigCommerceSimulator();
    control = new SimulatorControl(sim.url);
  });
  afterAll(() => sim.close());
  beforeEach(async () => {
    await control.reset();
    await control.post('/stores', STORE);
    client = createBigCommerceClient({
      baseUrl: sim.url,
      credentials: CREDENTIALS,
      retryBaseDelayMs: 10,
    });
  });

  it('refuses a missing or wrong token with 401 in the version’s error shape', async () => {
    const v2 = await api('/v2/orders', 'nope');
    expect(v2.status).toBe(401);
    expect(v2.data).toEqual([{ status: 401, message: expect.any(String) }]);
    const v3 = await axios.get(`${sim.url}/stores/${STORE.hash}/v3/hooks`, {
      validateStatus: () => true,
    });
    expect(v3.status).toBe(401);
    expect(v3.data).toMatchObject({ status: 401, title: expect.any(String) });
  });

  it('puts the rate-limit headers on every answer and answers 429 over quota', async () => {
    const ok = await api('/v2/order_statuses');
    expect(ok.status).toBe(200);
    expect(ok.data).toHaveLength(15);
    expect(ok.headers['x-rate-limit-requests-quota']).toBe('150');
    expect(ok.headers['x-rate-limit-time-window-ms']).toBe('30000');
    expect(Number(ok.headers['x-rate-limit-requests-left'])).toBe(149);
    expect(Number(ok.headers['x-rate-limit-time-reset-ms'])).toBeGreaterThan(0);

    await axios.put(`${sim.url}/__control/quota`, { limit: 2, windowMs: 60_000 });
    try {
      expect((await api('/v2/orders')).status).toBe(204);
      expect((await api('/v2/orders')).status).toBe(204);
      const limited = await api('/v2/orders');
      expect(limited.status).toBe(429);
      expect(limited.headers['x-rate-limit-requests-left']).toBe('0');
      expect(Number(limited.headers['x-rate-limit-time-reset-ms'])).toBeGreaterThan(0);
    } finally {
      await axios.put(`${sim.url}/__control/quota`, { limit: 150, windowMs: 30_000 });
    }
  });

  it('returns the whole order in one call with include=consignments.line_items', async () => {
    const id = await place({
      customerMessage: 'Ring twice',
      shipTo: [
        {
          ...billing,
          method: 'UPS Ground',
          cost: '7.00',
          lines: [{ sku: 'A', name: 'Apron', quantity: 1, giftMessage: 'For you' }],
        },
        {
          ...billing,
          firstName: 'Bo',
          method: 'USPS Priority',
          cost: 5,
          lines: [{ sku: 'B', name: 'Bowl', quantity: 3 }],
        },
      ],
    });
    await control.clearRequests();
    const bundle = await client.getOrderBundle(id);
    expect(await control.requests()).toHaveLength(1);
    expect(bundle?.products.map((product) => product.sku)).toEqual(['MUG-1', 'A', 'B']);
    expect(bundle?.shippingAddresses.map((address) => address.shipping_method)).toEqual([
      'UPS Ground',
      'USPS Priority',
    ]);
    // Consignment costs arrive as numbers and leave the client as decimal strings.
    expect(bundle?.shippingAddresses[0]?.cost_ex_tax).toBe('7.0000');
    const canonical = toCanonicalOrder(bundle!, { weightUnit: 'lbs' });
    expect(canonical.destinations).toHaveLength(2);
    expect(canonical.lines.find((line) => line.sku === 'A')?.giftMessage).toBe('For you');
    expect(canonical.notes.customer).toBe('Ring twice');

    // Plain `consignments` links the products; without include there is only a link.
    const linked = await api(`/v2/orders/${id}?include=consignments&consignment_structure=object`);
    expect(linked.data.consignments.shipping[0].line_items[0]).toEqual({
      url: expect.any(String),
      resource: expect.stringMatching(/^\/orders\/\d+\/products\/\d+$/),
    });
    expect(linked.data.consignments.shipping[0].cost_ex_tax).toBe(7);
    const bare = await api(`/v2/orders/${id}`);
    expect(bare.data.consignments).toEqual({
      url: expect.any(String),
      resource: `/orders/${id}/consignments`,
    });
  });

  it('answers an unknown order with 404 and undefined from the client', async () => {
    expect((await api('/v2/orders/999999')).data).toEqual([
      { status: 404, message: expect.any(String) },
    ]);
    await expect(client.getOrderBundle(999_999)).resolves.toBeUndefined();
    await expect(client.listShipments(999_999)).rejects.toBeInstanceOf(PermanentError);
  });

  it('lists orders modified since a date, a page at a time, 204 past the end', async () => {
    for (let i = 0; i < 5; i++) await place();
    await control.clearRequests();
    const all = await client.listOrdersModifiedSince(new Date(Date.now() - 60_000), 2);
    expect(all).toHaveLength(5);
    const pages = await control.requests({ path: `/stores/${STORE.hash}/v2/orders` });
    expect(pages.map((page) => page.status)).toEqual([200, 200, 200]);
    expect(pages[0]?.query).toMatchObject({ sort: 'date_modified:asc', limit: '2', page: '1' });
    expect(await client.listOrdersModifiedSince(new Date(Date.now() + 60_000))).toEqual([]);
    const exact = await client.listOrdersModifiedSince(new Date(0), 5);
    expect(exact).toHaveLength(5);
    expect(
      (await control.requests({ path: `/stores/${STORE.hash}/v2/orders` })).at(-1)?.status,
    ).toBe(204);
  });

  it('validates shipments like BigCommerce and moves the order along', async () => {
    const id = await place({
      lines: [
        { sku: 'A', name: 'A', quantity: 2 },
        { sku: 'B', name: 'B', quantity: 1 },
      ],
    });
    const bundle = (await client.getOrderBundle(id))!;
    const [a, b] = bundle.products;
    const addressId = bundle.shippingAddresses[0]!.id;
    expect(await client.listShipments(id)).toEqual([]);

    const post = (body: unknown) =>
      axios.post(`${sim.url}/stores/${STORE.hash}/v2/orders/${id}/shipments`, body, {
        headers: { 'X-Auth-Token': STORE.accessToken },
        validateStatus: () => true,
      });
    const items = [{ order_product_id: a!.id, quantity: 1 }];
    for (const body of [
      { order_address_id: 424242, items },
      { order_address_id: addressId, items: [{ order_product_id: a!.id, quantity: 3 }] },
      { order_address_id: addressId, items: [{ order_product_id: 1234567, quantity: 1 }] },
      { order_address_id: addressId, items, tracking_carrier: 'not-a-carrier' },
      { order_address_id: addressId, items, tracking_number: 'X'.repeat(51) },
      { order_address_id: addressId, items: [] },
    ]) {
      const answer = await post(body);
      expect(answer.status).toBe(400);
      expect(answer.data).toEqual(
        expect.arrayContaining([{ status: 400, message: expect.any(String) }]),
      );
    }

    const first = await client.createShipment(id, {
      order_address_id: addressId,
      items,
      tracking_number: '1Z999AA10123456784',
      tracking_carrier: 'ups',
      shipping_method: 'UPS Ground',
    });
    expect(first).toMatchObject({
      order_id: id,
      tracking_carrier: 'ups',
      items: [{ order_product_id: a!.id, quantity: 1 }],
    });
    let view = await control.get<{
      order: { status_id: number; items_shipped: number; date_shipped: string };
    }>(`/stores/${STORE.hash}/orders/${id}`);
    expect(view.order).toMatchObject({ status_id: 3, items_shipped: 1, date_shipped: '' });

    await client.createShipment(id, {
      order_address_id: addressId,
      items: [
        { order_product_id: a!.id, quantity: 1 },
        { order_product_id: b!.id, quantity: 1 },
      ],
    });
    view = await control.get(`/stores/${STORE.hash}/orders/${id}`);
    expect(view.order.status_id).toBe(2);
    expect(view.order.date_shipped).toMatch(/\+0000$/);
    expect(await client.listShipments(id)).toHaveLength(2);

    const updated = await client.updateShipment(id, first.id, {
      tracking_number: '1Z999AA10123456785',
    });
    expect(updated.tracking_number).toBe('1Z999AA10123456785');
    expect(await client.getShipment(id, 987654)).toBeUndefined();
  });

  it('changes the status with PUT and refuses unknown ids', async () => {
    const id = await place({ statusId: 11 });
    const updated = await client.updateOrderStatus(id, 9);
    expect(updated).toMatchObject({ status_id: 9, status: 'Awaiting Shipment' });
    await expect(client.updateOrderStatus(id, 42)).rejects.toBeInstanceOf(PermanentError);
  });

  it('manages hooks per API client in the v3 envelope', async () => {
    const hook = await client.createHook({
      scope: 'store/order/*',
      destination: 'https://example.com/hooks',
      is_active: true,
    });
    expect(hook).toMatchObject({ scope: 'store/order/*', store_hash: STORE.hash, is_active: true });
    await expect(
      client.createHook({ scope: 'store/order/*', destination: 'https://example.com/hooks' }),
    ).rejects.toBeInstanceOf(PermanentError);
    expect(await client.listHooks()).toHaveLength(1);

    await control.post('/stores', { ...STORE, accessToken: 'other-app-token' });
    const other = createBigCommerceClient({
      baseUrl: sim.url,
      credentials: { ...CREDENTIALS, accessToken: 'other-app-token' },
    });
    expect(await other.listHooks()).toEqual([]);

    expect((await client.updateHook(hook.id, { is_active: false })).is_active).toBe(false);
    await client.deleteHook(hook.id);
    expect(await client.listHooks()).toEqual([]);
  });
});
