import express from 'express';
import { listen, type RunningServer } from '../simulator-kit/simulator';
import { SimulatorControl } from '../testing/control';
import { createBigCommerceClient, type BigCommerceClient } from './client';
import { toCanonicalOrder } from './mapping';
import { startBigCommerceSimulator } from './simulator';
import {
  BigCommerceWebhookSchema,
  interpretBigCommerceWebhook,
  verifyBigCommerceWebhook,
} from './webhook';

const STORE = { hash: 'simhooks1', accessToken: 'token-hooks', clientSecret: 'secret-hooks' };
const billing = { firstName: 'Ann', street1: '1 Main St', city: 'Austin', zip: '78701' };

async function waitFor<T>(probe: () => T | undefined, timeoutMs = 5_000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() - started > timeoutMs) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

interface Received {
  headers: Record<string, string>;
  body: Buffer;
  status: number;
}

const eventOf = (entry: Received) =>
  interpretBigCommerceWebhook(BigCommerceWebhookSchema.parse(JSON.parse(entry.body.toString())));

describe('BigCommerce simulator webhooks', () => {
  let sim: Awaited<ReturnType<typeof startBigCommerceSimulator>>;
  let control: SimulatorControl;
  let client: BigCommerceClient;
  let receiver: RunningServer;
  const received: Received[] = [];
  let failNext = 0;
  const destination = () => `${receiver.url}/hooks`;
  const place = async () => {
    const placed = await control.post<{ order: { id: number } }>(`/stores/${STORE.hash}/orders`, {
      billing,
      lines: [{ sku: 'MUG-1', name: 'Mug', quantity: 2 }],
    });
    return placed.order.id;
  };

  beforeAll(async () => {
    const app = express();
    // The raw bytes, as an ingress must keep them to check the signature.
    app.post('/hooks', express.raw({ type: '*/*' }), (req, res) => {
      const status = failNext > 0 ? 500 : 200;
      failNext = Math.max(0, failNext - 1);
      received.push({
        headers: req.headers as Record<string, string>,
        body: req.body as Buffer,
        status,
      });
      res.status(status).end();
    });
    receiver = await listen(app);
    sim = await startBigCommerceSimulator({ webhookRetryDelaysMs: [100, 200], stores: [STORE] });
    control = new SimulatorControl(sim.url);
  });
  afterAll(async () => {
    await sim.close();
    await receiver.close();
  });
  beforeEach(async () => {
    await control.reset();
    received.length = 0;
    failNext = 0;
    client = createBigCommerceClient({
      baseUrl: sim.url,
      credentials: {
        storeHash: STORE.hash,
        accessToken: STORE.accessToken,
        clientSecret: STORE.clientSecret,
      },
    });
  });

  it('signs each delivery with the client secret and retries after a 500', async () => {
    await client.createHook({
      scope: 'store/order/created',
      destination: destination(),
      is_active: true,
    });
    failNext = 1;
    const id = await place();
    const delivered = await waitFor(() => received.find((entry) => entry.status === 200));
    expect(received[0]?.status).toBe(500);
    // A retry is the same message: same id, same bytes.
    expect(received[0]?.headers['webhook-id']).toBe(delivered.headers['webhook-id']);
    expect(received[0]?.body.equals(delivered.body)).toBe(true);

    const check = (secret: string) =>
      verifyBigCommerceWebhook({ headers: delivered.headers, rawBody: delivered.body, secret }).ok;
    expect(check(STORE.clientSecret)).toBe(true);
    expect(check('another-secret')).toBe(false);

    const envelope = BigCommerceWebhookSchema.parse(JSON.parse(delivered.body.toString()));
    expect(envelope).toMatchObject({
      store_id: expect.stringMatching(/^\d+$/),
      producer: `stores/${STORE.hash}`,
    });
    expect(interpretBigCommerceWebhook(envelope)).toEqual({
      kind: 'order',
      scope: 'store/order/created',
      orderId: id,
    });
    const deliveries = await control.webhooks();
    expect(deliveries).toEqual([
      expect.objectContaining({ event: 'store/order/created', attempts: 2, delivered: true }),
    ]);
  });

  it('fires shipment and status events to wildcard hooks', async () => {
    await client.createHook({ scope: 'store/shipment/*', destination: destination() });
    await client.createHook({ scope: 'store/order/statusUpdated', destination: destination() });
    const id = await place();
    const bundle = (await client.getOrderBundle(id))!;
    await control.post(`/stores/${STORE.hash}/orders/${id}/shipments`, {
      order_address_id: bundle.shippingAddresses[0]!.id,
      items: [{ order_product_id: bundle.products[0]!.id, quantity: 2 }],
    });
    await waitFor(() => (received.length >= 2 ? true : undefined));
    expect(received.map(eventOf)).toEqual(
      expect.arrayContaining([
        {
          kind: 'shipment',
          scope: 'store/shipment/created',
          orderId: id,
          shipmentId: expect.any(Number),
        },
        {
          kind: 'order',
          scope: 'store/order/statusUpdated',
          orderId: id,
          statusChange: { previousStatusId: 11, newStatusId: 2 },
        },
      ]),
    );
  });

  it('tells status changes and address fixes apart, and skips inactive hooks', async () => {
    await client.createHook({ scope: 'store/order/*', destination: destination() });
    const paused = await client.createHook({
      scope: 'store/order/created',
      destination: `${destination()}?paused`,
    });
    await client.updateHook(paused.id, { is_active: false });
    const id = await place();
    const { shippingAddresses } = (await client.getOrderBundle(id))!;
    const patch = (body: unknown) =>
      fetch(`${sim.url}/__control/stores/${STORE.hash}/orders/${id}`, {
        method: 'PATCH',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    expect(
      (await patch({ shippingAddress: { id: shippingAddresses[0]!.id, street1: '2 Main St' } }))
        .status,
    ).toBe(200);
    expect((await patch({ statusId: 9 })).status).toBe(200);
    await waitFor(() => (received.length >= 4 ? true : undefined));
    // Events fired together are posted concurrently: compare without order.
    expect(received.map((entry) => eventOf(entry).scope).sort()).toEqual([
      'store/order/created',
      'store/order/statusUpdated',
      'store/order/updated',
      'store/order/updated',
    ]);
    expect((await control.webhooks()).map((delivery) => delivery.url)).not.toContain(
      `${destination()}?paused`,
    );
    expect((await client.getOrderBundle(id))?.shippingAddresses[0]?.street_1).toBe('2 Main St');
  });

  it('archives an order on DELETE or PUT is_deleted: readable by id, out of lists, one event', async () => {
    await client.createHook({ scope: 'store/order/archived', destination: destination() });
    const ids: number[] = [];
    for (let i = 0; i < 4; i++) ids.push(await place());
    const [byDelete, byPut, byDeleteAll, kept] = ids as [number, number, number, number];
    const call = (method: string, path: string, body?: unknown) =>
      fetch(`${sim.url}/stores/${STORE.hash}/v2${path}`, {
        method,
        headers: { 'X-Auth-Token': STORE.accessToken, 'content-type': 'application/json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    expect((await call('DELETE', `/orders/${byDelete}`)).status).toBe(204);
    expect((await call('DELETE', `/orders/${byDelete}`)).status).toBe(204);
    expect((await call('PUT', `/orders/${byPut}`, { is_deleted: true })).status).toBe(200);

    const archived = await client.getOrderBundle(byDelete);
    // Archiving leaves the status alone; only is_deleted says so.
    expect(archived?.order).toMatchObject({ id: byDelete, is_deleted: true, status_id: 11 });
    expect(toCanonicalOrder(archived!, { weightUnit: 'lbs' }).status).toBe('archived');
    expect((await client.getOrder(byPut))?.is_deleted).toBe(true);
    expect((await client.getOrder(kept))?.is_deleted).toBe(false);
    const listed = async () =>
      (await client.listOrdersModifiedSince(new Date(0))).map((order) => order.id);
    expect(await listed()).toEqual([byDeleteAll, kept]);
    expect(await (await call('GET', '/orders/count')).json()).toEqual({ count: 2 });

    expect((await call('DELETE', '/orders')).status).toBe(204);
    expect(await listed()).toEqual([]);
    expect((await client.getOrder(kept))?.is_deleted).toBe(true);
    await waitFor(() => (received.length >= 4 ? true : undefined));
    await new Promise((resolve) => setTimeout(resolve, 100));
    // Events fired together are posted concurrently: compare without order.
    expect(received.map(eventOf)).toHaveLength(4);
    expect(received.map(eventOf)).toEqual(
      expect.arrayContaining(
        ids.map((orderId) => ({ kind: 'order', scope: 'store/order/archived', orderId })),
      ),
    );
  });
});
