import express from 'express';
import { PermanentError } from '@shiplink/errors';
import { listen } from '../simulator-kit/simulator';
import { SimulatorControl } from '../testing/control';
import { createShipStationClient, type ShipStationClient } from './client';
import { createOrderBody } from './fixtures/create-order-body';
import type { ShipStationWebhookEvent } from './schemas';
import { startShipStationSimulator, type RunningShipStationSimulator } from './simulator';
import { parseShipStationWebhook } from './webhook';

const A = { apiKey: 'key-a', apiSecret: 'secret-a' };
const B = { apiKey: 'key-b', apiSecret: 'secret-b' };
const BATCH_URL = /\/orders\?importBatch=[0-9a-f-]{36}$/;

/** Records every delivery, whatever the path. */
async function startReceiver() {
  const received: { path: string; body: unknown }[] = [];
  const app = express();
  app.use(express.json());
  app.post('/*path', (req, res) => {
    received.push({ path: req.path, body: req.body as unknown });
    res.status(200).end();
  });
  return { server: await listen(app), received };
}

describe('ShipStation simulator: ORDER_NOTIFY and FULFILLMENT_REJECTED', () => {
  let sim: RunningShipStationSimulator;
  let control: SimulatorControl;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let client: ShipStationClient;

  const subscribe = (event: ShipStationWebhookEvent, storeId?: number) =>
    client.subscribeWebhook({
      targetUrl: `${receiver.server.url}/${event.toLowerCase()}${storeId ? `-${storeId}` : ''}`,
      event,
      friendlyName: event,
      ...(storeId === undefined ? {} : { storeId }),
    });
  /** Waits until every delivery the simulator started has been answered, then reads them. */
  const deliveries = async (path = '/order_notify') => {
    for (let i = 0; i < 100; i++) {
      const pending = (await control.webhooks()).some(
        (d) => !d.delivered && d.lastStatus === undefined && d.lastError === undefined,
      );
      if (!pending) break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return receiver.received
      .filter((delivery) => delivery.path === path)
      .map((delivery) => {
        const parsed = parseShipStationWebhook(delivery.body);
        if (!parsed.success) throw parsed.error;
        return parsed.data;
      });
  };

  beforeAll(async () => {
    sim = await startShipStationSimulator({
      accounts: [A, B],
      quota: { limit: 1000, windowMs: 60_000 },
      webhookRetryDelaysMs: [],
    });
    control = new SimulatorControl(sim.url);
    receiver = await startReceiver();
    client = createShipStationClient({ baseUrl: sim.url, credentials: A, retryBaseDelayMs: 10 });
  });
  afterAll(async () => {
    await sim.close();
    await receiver.server.close();
  });
  beforeEach(async () => {
    await control.reset();
    receiver.received.length = 0;
    await subscribe('ORDER_NOTIFY');
    await subscribe('FULFILLMENT_REJECTED');
  });

  it('sends one ORDER_NOTIFY per imported order whose resource_url lists it', async () => {
    const order = await client.upsertOrder(createOrderBody('bc-on-1001'));
    const [hook, ...more] = await deliveries();
    expect(more).toEqual([]);
    expect(hook?.resource_type).toBe('ORDER_NOTIFY');
    expect(hook?.resource_url.startsWith(`${sim.url}/orders?importBatch=`)).toBe(true);
    expect(hook?.resource_url).toMatch(BATCH_URL);
    const orders = await client.fetchOrdersResource(hook?.resource_url ?? '');
    expect(orders.map((o) => [o.orderId, o.orderKey])).toEqual([[order.orderId, 'bc-on-1001']]);

    // An update of an order ShipStation already has is no new import.
    await client.upsertOrder(createOrderBody('bc-on-1001', { internalNotes: 'changed' }));
    expect(await deliveries()).toHaveLength(1);
    expect(await deliveries('/fulfillment_rejected')).toEqual([]);
  });

  it('stays quiet for awaiting_payment and speaks once the order leaves it', async () => {
    const unpaid = createOrderBody('bc-on-2001', { orderStatus: 'awaiting_payment' });
    await client.upsertOrder(unpaid);
    expect(await deliveries()).toEqual([]);
    const paid = await client.upsertOrder({ ...unpaid, orderStatus: 'awaiting_shipment' });
    const [first] = await deliveries();
    expect(
      (await client.fetchOrdersResource(first?.resource_url ?? '')).map((o) => o.orderId),
    ).toEqual([paid.orderId]);

    // The same for a person's change in the UI; a cancellation is no import.
    const other = await client.upsertOrder(
      createOrderBody('bc-on-2002', { orderStatus: 'awaiting_payment' }),
    );
    await control.post(`/orders/${other.orderId}/status`, { orderStatus: 'on_hold' });
    const dropped = await client.upsertOrder(
      createOrderBody('bc-on-2003', { orderStatus: 'awaiting_payment' }),
    );
    await control.post(`/orders/${dropped.orderId}/status`, { orderStatus: 'cancelled' });
    const hooks = await deliveries();
    expect(hooks).toHaveLength(2);
    expect(
      (await client.fetchOrdersResource(hooks[1]?.resource_url ?? '')).map((o) => o.orderId),
    ).toEqual([other.orderId]);
  });

  it('tells a store-scoped subscription only about its store', async () => {
    await subscribe('ORDER_NOTIFY', 777);
    await client.upsertOrder(createOrderBody('bc-on-3001'));
    const body = createOrderBody('bc-on-3002');
    await client.upsertOrder({
      ...body,
      advancedOptions: { ...body.advancedOptions, storeId: 777 },
    });
    expect(await deliveries()).toHaveLength(2);
    expect(await deliveries('/order_notify-777')).toHaveLength(1);
  });

  it('rejects a fulfilment: status, notes, and one FULFILLMENT_REJECTED listing the order', async () => {
    const order = await client.upsertOrder(
      createOrderBody('bc-on-4001', { internalNotes: 'Gift box' }),
    );
    const answer = await control.post<{ resourceUrl: string; deliveries: string[] }>(
      `/orders/${order.orderId}/reject-fulfillment`,
      { reason: 'Out of stock at the 3PL' },
    );
    expect(answer.resourceUrl).toMatch(BATCH_URL);
    expect(answer.deliveries).toHaveLength(1);
    const [hook, ...more] = await deliveries('/fulfillment_rejected');
    expect(more).toEqual([]);
    expect(hook).toEqual({
      resource_url: answer.resourceUrl,
      resource_type: 'FULFILLMENT_REJECTED',
    });
    const [rejected, ...others] = await client.fetchOrdersResource(answer.resourceUrl);
    expect(others).toEqual([]);
    expect(rejected).toMatchObject({
      orderId: order.orderId,
      orderStatus: 'rejected_fulfillment',
      internalNotes: 'Gift box\nOut of stock at the 3PL',
    });
    expect(rejected?.modifyDate).not.toBe(order.modifyDate);

    const status = (promise: Promise<unknown>) =>
      promise.then(
        () => undefined,
        (error: { response?: { status: number } }) => error.response?.status,
      );
    expect(await status(control.post(`/orders/${order.orderId}/reject-fulfillment`, {}))).toBe(409);
    expect(await status(control.post('/orders/1/reject-fulfillment', {}))).toBe(404);
    const other = await client.upsertOrder(createOrderBody('bc-on-4002'));
    expect(
      await status(control.post(`/orders/${other.orderId}/reject-fulfillment`, { reason: 5 })),
    ).toBe(400);
    await control.post(`/orders/${other.orderId}/reject-fulfillment`);
    expect((await client.getOrderOrThrow(other.orderId)).internalNotes).toBeNull();
  });

  it('lists an import batch only to its own account; unknown batches are empty', async () => {
    await client.upsertOrder(createOrderBody('bc-on-5001'));
    const [hook] = await deliveries();
    const url = hook?.resource_url ?? '';
    const theirs = createShipStationClient({ baseUrl: sim.url, credentials: B });
    expect(await theirs.fetchOrdersResource(url)).toEqual([]);
    const unknown = `${sim.url}/orders?importBatch=00000000-0000-4000-8000-000000000000`;
    expect(await client.fetchOrdersResource(unknown)).toEqual([]);
  });

  it('follows pages and never sends credentials to another origin', async () => {
    for (let n = 1; n <= 3; n++) await client.upsertOrder(createOrderBody(`bc-on-600${n}`));
    await control.clearRequests();
    const all = await client.fetchOrdersResource(
      `${sim.url}/orders?orderStatus=awaiting_shipment&pageSize=2&page=7`,
    );
    expect(all).toHaveLength(3);
    const pages = await control.requests({ method: 'GET', path: '/orders' });
    expect(pages.map((r) => r.query)).toEqual([
      expect.objectContaining({ page: '1', pageSize: '2', orderStatus: 'awaiting_shipment' }),
      expect.objectContaining({ page: '2' }),
    ]);

    const elsewhere = express();
    let calls = 0;
    elsewhere.use((_req, res) => {
      calls += 1;
      res.json({ orders: [], total: 0, page: 1, pages: 0 });
    });
    const evil = await listen(elsewhere);
    try {
      await expect(
        client.fetchOrdersResource(`${evil.url}/orders?importBatch=x`),
      ).rejects.toMatchObject({
        constructor: PermanentError,
        reason: 'shipstation.foreign_resource_url',
      });
      expect(calls).toBe(0);
    } finally {
      await evil.close();
    }
    await expect(
      client.fetchOrdersResource(`${sim.url}/shipments?batchId=1`),
    ).rejects.toMatchObject({ reason: 'shipstation.unexpected_resource' });
  });
});
