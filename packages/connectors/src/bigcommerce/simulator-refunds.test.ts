import axios from 'axios';
import express from 'express';
import { listen, type RunningServer } from '../simulator-kit/simulator';
import { SimulatorControl } from '../testing/control';
import { startBigCommerceSimulator, type PlaceOrderInput } from './simulator';

const STORE = { hash: 'refundsim1', accessToken: 'token-refunds', clientSecret: 'secret-refunds' };
const billing = { firstName: 'Ann', street1: '1 Main St', city: 'Austin', zip: '78701' };

type Problem = { status: number; title: string; errors?: Record<string, string> };
type View = {
  order: Record<string, unknown>;
  products: { id: number; sku: string; quantity_refunded: number; is_refunded: boolean }[];
  shippingAddresses: { id: number }[];
};

async function waitFor<T>(probe: () => T | undefined, timeoutMs = 5_000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() - started > timeoutMs) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('BigCommerce simulator: refunds (v3 payment actions)', () => {
  let sim: Awaited<ReturnType<typeof startBigCommerceSimulator>>;
  let control: SimulatorControl;
  let receiver: RunningServer;
  const received: { scope: string; data: Record<string, unknown> }[] = [];
  const v3 = (path: string) => `${sim.url}/stores/${STORE.hash}/v3${path}`;
  const options = { headers: { 'X-Auth-Token': STORE.accessToken }, validateStatus: () => true };
  const post = (path: string, body: unknown) => axios.post(v3(path), body, options);
  const get = (path: string) => axios.get(v3(path), options);
  const place = async (extra: Partial<PlaceOrderInput> = {}) =>
    control.post<View>(`/stores/${STORE.hash}/orders`, {
      billing,
      lines: [
        { sku: 'MUG', name: 'Mug', quantity: 2, price: '12.50' },
        { sku: 'CAP', name: 'Cap', quantity: 1, price: '5.00' },
      ],
      shippingCost: '10.00',
      paymentProvider: 'braintree',
      ...extra,
    });
  const view = (id: number) => control.get<View>(`/stores/${STORE.hash}/orders/${id}`);

  beforeAll(async () => {
    const app = express();
    app.post('/hooks', express.json(), (req, res) => {
      received.push(req.body as { scope: string; data: Record<string, unknown> });
      res.status(200).end();
    });
    receiver = await listen(app);
    sim = await startBigCommerceSimulator({ webhookRetryDelaysMs: [50] });
    control = new SimulatorControl(sim.url);
  });
  afterAll(async () => {
    await sim.close();
    await receiver.close();
  });
  beforeEach(async () => {
    await control.reset();
    received.length = 0;
    await control.post('/stores', STORE);
    for (const scope of ['store/order/refund/created', 'store/order/statusUpdated']) {
      await post('/hooks', { scope, destination: `${receiver.url}/hooks` });
    }
  });

  it('quotes, refunds in two steps and moves the order to Partially Refunded, then Refunded', async () => {
    const placed = await place();
    const id = Number(placed.order.id);
    const [mug, cap] = placed.products;
    const addressId = placed.shippingAddresses[0]!.id;

    const quote = await post(`/orders/${id}/payment_actions/refund_quotes`, {
      items: [{ item_type: 'PRODUCT', item_id: mug!.id, quantity: 1 }],
    });
    expect(quote.status).toBe(201);
    expect(quote.data).toEqual({
      data: {
        order_id: id,
        total_refund_amount: 12.5,
        total_refund_tax_amount: 0,
        order_level_refund_amount: 0,
        rounding: 0,
        adjustment: 0,
        tax_inclusive: false,
        refund_methods: [
          [expect.objectContaining({ provider_id: 'braintree', amount: 12.5, offline: false })],
          [
            expect.objectContaining({
              provider_id: 'custom',
              offline: true,
              offline_provider: true,
            }),
          ],
        ],
      },
      meta: {},
    });

    const first = await post(`/orders/${id}/payment_actions/refunds`, {
      items: [{ item_type: 'PRODUCT', item_id: mug!.id, quantity: 1, reason: 'Chipped' }],
      payments: [{ provider_id: 'braintree', amount: 12.5, offline: false }],
    });
    expect(first.status).toBe(201);
    expect(first.data.data).toEqual({
      id: expect.any(Number),
      order_id: id,
      user_id: 0,
      created: expect.stringMatching(/^\d{4}-\d\d-\d\dT.*\+00:00$/),
      reason: 'Chipped',
      total_amount: 12.5,
      total_tax: 0,
      uses_merchant_override_values: false,
      items: [
        {
          item_type: 'PRODUCT',
          item_id: mug!.id,
          quantity: 1,
          requested_amount: null,
          reason: 'Chipped',
        },
      ],
      payments: [
        expect.objectContaining({ provider_id: 'braintree', amount: 12.5, is_declined: false }),
      ],
    });
    let after = await view(id);
    expect(after.order).toMatchObject({
      status_id: 14,
      refunded_amount: '12.5000',
      payment_status: 'partially refunded',
    });
    expect(after.products[0]).toMatchObject({ quantity_refunded: 1, is_refunded: false });

    const rest = await post(`/orders/${id}/payment_actions/refunds`, {
      items: [
        { item_type: 'PRODUCT', item_id: mug!.id, quantity: 1 },
        { item_type: 'PRODUCT', item_id: cap!.id, quantity: 1 },
        { item_type: 'SHIPPING', item_id: addressId, amount: 10 },
      ],
      payments: [{ provider_id: 'custom', amount: 27.5, offline: true }],
    });
    expect(rest.status).toBe(201);
    after = await view(id);
    expect(after.order).toMatchObject({
      status_id: 4,
      refunded_amount: '40.0000',
      payment_status: 'refunded',
    });
    expect(after.products.every((product) => product.is_refunded)).toBe(true);

    const nothingLeft = await post(`/orders/${id}/payment_actions/refund_quotes`, {
      items: [{ item_type: 'ORDER', item_id: id, amount: 1 }],
    });
    expect(nothingLeft.status).toBe(422);
    expect((nothingLeft.data as Problem).title).toMatch(/exceeds the 0\.00 left to refund/);

    await waitFor(() => (received.length >= 4 ? true : undefined));
    const refundIds = [first.data.data.id, rest.data.data.id];
    expect(received.map(({ scope, data }) => ({ scope, data }))).toEqual(
      expect.arrayContaining([
        ...refundIds.map((refundId) => ({
          scope: 'store/order/refund/created',
          data: { type: 'order', id, refund: { refund_id: refundId } },
        })),
        {
          scope: 'store/order/statusUpdated',
          data: { type: 'order', id, status: { previous_status_id: 11, new_status_id: 14 } },
        },
        {
          scope: 'store/order/statusUpdated',
          data: { type: 'order', id, status: { previous_status_id: 14, new_status_id: 4 } },
        },
      ]),
    );
  });

  it('lists refunds per order, across orders with pages, and one by id', async () => {
    const a = await place();
    const b = await place();
    for (const placed of [a, b, a]) {
      const answer = await post(`/orders/${String(placed.order.id)}/payment_actions/refunds`, {
        items: [{ item_type: 'ORDER', item_id: placed.order.id, amount: 2 }],
        payments: [{ provider_id: 'braintree', amount: 2, offline: true }],
      });
      expect(answer.status).toBe(201);
    }
    const ofA = await get(`/orders/${String(a.order.id)}/payment_actions/refunds`);
    expect(ofA.data.data.map((refund: { order_id: number }) => refund.order_id)).toEqual([
      a.order.id,
      a.order.id,
    ]);
    const page = await get(
      `/orders/payment_actions/refunds?order_id:in=${String(a.order.id)}&limit=1`,
    );
    expect(page.data.data).toHaveLength(1);
    expect(page.data.meta.pagination).toMatchObject({ total: 2, per_page: 1, total_pages: 2 });
    const all = await get('/orders/payment_actions/refunds');
    expect(all.data.meta.pagination.total).toBe(3);
    const one = await get(`/orders/payment_actions/refunds/${ofA.data.data[1].id}`);
    expect(one.data.data).toMatchObject({ order_id: a.order.id, total_amount: 2 });
    expect((await get('/orders/payment_actions/refunds/9999')).status).toBe(404);
    const listed = await control.get<unknown[]>(`/stores/${STORE.hash}/refunds`);
    expect(listed).toHaveLength(3);
  });

  it('answers an unknown order with a v3 404', async () => {
    for (const answer of [
      await post('/orders/424242/payment_actions/refund_quotes', { items: [] }),
      await post('/orders/424242/payment_actions/refunds', { items: [], payments: [] }),
      await get('/orders/424242/payment_actions/refunds'),
    ]) {
      expect(answer.status).toBe(404);
      expect(answer.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(answer.data).toMatchObject({ status: 404, title: expect.any(String) });
    }
  });
});
