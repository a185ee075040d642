import axios from 'axios';
import { PermanentError } from '@shiplink/errors';
import { SimulatorControl } from '../testing/control';
import { createBigCommerceClient, type BigCommerceClient } from './client';
import { startBigCommerceSimulator, type PlaceOrderInput } from './simulator';

const STORE = { hash: 'refundcli1', accessToken: 'token-refundcli', clientSecret: 'secret-rc' };
const billing = { firstName: 'Ann', street1: '1 Main St', city: 'Austin', zip: '78701' };

type Placed = {
  order: { id: number };
  products: { id: number }[];
  shippingAddresses: { id: number }[];
};
type Problem = { status: number; title: string; errors?: Record<string, string> };

describe('BigCommerce refunds: refusals and the client', () => {
  let sim: Awaited<ReturnType<typeof startBigCommerceSimulator>>;
  let control: SimulatorControl;
  let client: BigCommerceClient;
  const place = (extra: Partial<PlaceOrderInput> = {}) =>
    control.post<Placed>(`/stores/${STORE.hash}/orders`, {
      billing,
      lines: [{ sku: 'MUG', name: 'Mug', quantity: 2, price: '10.00' }],
      shippingCost: '5.00',
      ...extra,
    });
  const refund = (orderId: number, body: unknown) =>
    axios.post(
      `${sim.url}/stores/${STORE.hash}/v3/orders/${orderId}/payment_actions/refunds`,
      body,
      {
        headers: { 'X-Auth-Token': STORE.accessToken },
        validateStatus: () => true,
      },
    );

  beforeAll(async () => {
    sim = await startBigCommerceSimulator();
    control = new SimulatorControl(sim.url);
    client = createBigCommerceClient({
      baseUrl: sim.url,
      credentials: { storeHash: STORE.hash, accessToken: STORE.accessToken, clientSecret: 'x' },
      retryBaseDelayMs: 5,
    });
  });
  afterAll(() => sim.close());
  beforeEach(async () => {
    await control.reset();
    await control.post('/stores', STORE);
  });

  it('prices products with their tax and offers store credit to registered customers', async () => {
    const placed = await place({ taxRate: 0.1, customerId: 7 });
    const quote = await client.refundQuote(placed.order.id, [
      { item_type: 'PRODUCT', item_id: placed.products[0]!.id, quantity: 1 },
      { item_type: 'SHIPPING', item_id: placed.shippingAddresses[0]!.id, amount: 2.2 },
    ]);
    expect(quote).toMatchObject({ total_refund_amount: 13.2, total_refund_tax_amount: 1.2 });
    expect(quote.refund_methods.map((method) => method[0]?.provider_id)).toEqual([
      'testgateway',
      'custom',
      'storecredit',
    ]);
  });

  it('creates, lists and reads refunds through the client', async () => {
    const placed = await place();
    const [mug] = placed.products;
    const created = await client.createRefund(placed.order.id, {
      items: [{ item_type: 'PRODUCT', item_id: mug!.id, quantity: 2 }],
      payments: [{ provider_id: 'testgateway', amount: 20, offline: false }],
      reason: 'Damaged in transit',
    });
    expect(created).toMatchObject({
      order_id: placed.order.id,
      total_amount: 20,
      reason: 'Damaged in transit',
    });
    expect(created.items[0]).toMatchObject({ quantity: 2, reason: 'Damaged in transit' });
    expect(await client.listRefunds(placed.order.id)).toEqual([created]);
    expect(await client.getRefund(created.id)).toEqual(created);
    await expect(client.getRefund(99_999)).resolves.toBeUndefined();
    const order = await client.getOrder(placed.order.id);
    expect(order).toMatchObject({ status_id: 14, refunded_amount: '20.0000' });

    // Over-refunding is refused, and the client says so without retrying.
    await control.clearRequests();
    await expect(
      client.createRefund(placed.order.id, {
        items: [{ item_type: 'PRODUCT', item_id: mug!.id, quantity: 1 }],
        payments: [{ provider_id: 'testgateway', amount: 10, offline: false }],
      }),
    ).rejects.toBeInstanceOf(PermanentError);
    expect(await control.requests({ method: 'POST' })).toHaveLength(1);
    await expect(client.listRefunds(424_242)).rejects.toBeInstanceOf(PermanentError);
  });

  it('honours a merchant override of the total', async () => {
    const placed = await place();
    const answer = await refund(placed.order.id, {
      items: [{ item_type: 'PRODUCT', item_id: placed.products[0]!.id, quantity: 1 }],
      merchant_calculated_override: { total_amount: 7.5, total_tax: 0 },
      payments: [{ provider_id: 'testgateway', amount: 7.5, offline: false }],
    });
    expect(answer.status).toBe(201);
    expect(answer.data.data).toMatchObject({
      total_amount: 7.5,
      uses_merchant_override_values: true,
    });
  });

  it.each([
    ['no items', { payments: [] }, 'items'],
    ['no payments', { items: [{ item_type: 'ORDER', item_id: 1, amount: 1 }] }, 'payments'],
    [
      'an unknown item type',
      { items: [{ item_type: 'BONUS', item_id: 1, amount: 1 }], payments: [] },
      'items.0.item_type',
    ],
    [
      'a zero quantity',
      { items: [{ item_type: 'PRODUCT', item_id: 1, quantity: 0 }], payments: [] },
      'items.0.quantity',
    ],
    [
      'three decimals',
      { items: [{ item_type: 'ORDER', item_id: 1, amount: 1.005 }], payments: [] },
      'items.0.amount',
    ],
  ])('refuses a body with %s field by field', async (_case, body, field) => {
    const placed = await place();
    const answer = await refund(placed.order.id, body);
    expect(answer.status).toBe(422);
    expect(answer.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(answer.data as Problem).toMatchObject({
      status: 422,
      title: 'JSON data is missing or invalid',
      errors: { [field]: expect.any(String) },
    });
  });

  it.each<[string, (placed: Placed) => unknown, RegExp, Partial<PlaceOrderInput>]>([
    [
      'more units than are left',
      (p) => ({
        items: [{ item_type: 'PRODUCT', item_id: p.products[0]!.id, quantity: 3 }],
        payments: [{ provider_id: 'testgateway', amount: 30, offline: false }],
      }),
      /only 2 left to refund/,
      {},
    ],
    [
      'more shipping than was paid',
      (p) => ({
        items: [{ item_type: 'SHIPPING', item_id: p.shippingAddresses[0]!.id, amount: 6 }],
        payments: [{ provider_id: 'testgateway', amount: 6, offline: false }],
      }),
      /only 5\.00 left to refund/,
      {},
    ],
    [
      'more than the order total',
      (p) => ({
        items: [{ item_type: 'ORDER', item_id: p.order.id, amount: 25.01 }],
        payments: [{ provider_id: 'testgateway', amount: 25.01, offline: false }],
      }),
      /exceeds the 25\.00 left to refund/,
      {},
    ],
    [
      'payments that do not add up',
      (p) => ({
        items: [{ item_type: 'ORDER', item_id: p.order.id, amount: 5 }],
        payments: [{ provider_id: 'testgateway', amount: 4, offline: false }],
      }),
      /does not match the refund total 5\.00/,
      {},
    ],
    [
      'a provider the order was not paid with',
      (p) => ({
        items: [{ item_type: 'ORDER', item_id: p.order.id, amount: 5 }],
        payments: [{ provider_id: 'braintree', amount: 5, offline: false }],
      }),
      /not a refund method/,
      {},
    ],
    [
      'store credit for a guest',
      (p) => ({
        items: [{ item_type: 'ORDER', item_id: p.order.id, amount: 5 }],
        payments: [{ provider_id: 'storecredit', amount: 5, offline: false }],
      }),
      /^Unable to provide store credit for a guest customer\.$/,
      {},
    ],
    [
      'an online refund through an offline provider',
      (p) => ({
        items: [{ item_type: 'ORDER', item_id: p.order.id, amount: 5 }],
        payments: [{ provider_id: 'bankdeposit', amount: 5, offline: false }],
      }),
      /only be recorded offline/,
      { paymentProvider: 'bankdeposit' },
    ],
    [
      'an order item naming another order',
      () => ({
        items: [{ item_type: 'ORDER', item_id: 1, amount: 5 }],
        payments: [{ provider_id: 'testgateway', amount: 5, offline: false }],
      }),
      /must name the order/,
      {},
    ],
  ])('refuses %s with a 422 and changes nothing', async (_case, body, title, extra) => {
    const placed = await place(extra);
    const answer = await refund(placed.order.id, body(placed));
    expect(answer.status).toBe(422);
    expect((answer.data as Problem).title).toMatch(title);
    const view = await control.get<{ order: { refunded_amount: string; status_id: number } }>(
      `/stores/${STORE.hash}/orders/${placed.order.id}`,
    );
    expect(view.order).toMatchObject({ refunded_amount: '0.0000', status_id: 11 });
  });
});
