import express from 'express';
import { PermanentError } from '@shiplink/errors';
import { listen } from '../simulator-kit/simulator';
import { SimulatorControl } from '../testing/control';
import { createShipStationClient, type ShipStationClient } from './client';
import { createOrderBody } from './fixtures/create-order-body';
import { fromShipStationShipment } from './mapping';
import { startShipStationSimulator, type RunningShipStationSimulator } from './simulator';
import { parseShipStationWebhook, verifyShipStationToken } from './webhook';

const A = { apiKey: 'key-a', apiSecret: 'secret-a' };
const TOKEN = 'per-connection-secret-7Yq2';

interface Received {
  token: string;
  body: unknown;
}

/** A hub-like receiver: answers 500 while `failNext` > 0, then records and says 200. */
async function startReceiver() {
  const received: Received[] = [];
  const state = { failNext: 0 };
  const app = express();
  app.use(express.json());
  app.post('/hooks/shipstation', (req, res) => {
    if (state.failNext > 0) {
      state.failNext -= 1;
      res.status(500).end();
      return;
    }
    received.push({ token: String(req.query.token ?? ''), body: req.body as unknown });
    res.status(200).end();
  });
  const server = await listen(app);
  return { server, received, state };
}

async function until<T>(probe: () => T | undefined, timeoutMs = 5_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('ShipStation simulator: labels and SHIP_NOTIFY', () => {
  let sim: RunningShipStationSimulator;
  let control: SimulatorControl;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let client: ShipStationClient;

  const ship = (orderId: number, body: Record<string, unknown>) =>
    control.post<{ batchId: number; resourceUrl: string }>(`/orders/${orderId}/ship`, body);
  const delivered = async (count: number) => {
    await until(() => (receiver.received.length >= count ? true : undefined));
    const last = receiver.received[count - 1];
    if (!last) throw new Error('no delivery');
    expect(verifyShipStationToken(last.token, TOKEN)).toBe(true);
    const parsed = parseShipStationWebhook(last.body);
    if (!parsed.success) throw parsed.error;
    return parsed.data;
  };

  beforeAll(async () => {
    sim = await startShipStationSimulator({
      accounts: [A],
      quota: { limit: 1000, windowMs: 60_000 },
      webhookRetryDelaysMs: [50, 50],
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
    receiver.state.failNext = 0;
    await client.subscribeWebhook({
      targetUrl: `${receiver.server.url}/hooks/shipstation?token=${TOKEN}`,
      event: 'SHIP_NOTIFY',
      friendlyName: 'Shiplink shipments',
    });
  });

  it('lists and removes subscriptions', async () => {
    const [hook] = await client.listWebhooks();
    expect(hook).toMatchObject({ event: 'SHIP_NOTIFY', name: 'Shiplink shipments', active: true });
    await client.unsubscribeWebhook(hook?.id ?? 0);
    await client.unsubscribeWebhook(hook?.id ?? 0);
    expect(await client.listWebhooks()).toEqual([]);
  });

  it('ships an order, notifies, and the resource_url lists exactly that label', async () => {
    const order = await client.upsertOrder(createOrderBody('bc-s2-5001'));
    await ship(order.orderId, { carrierCode: 'stamps_com', serviceCode: 'usps_priority_mail' });
    const hook = await delivered(1);
    expect(hook.resource_type).toBe('SHIP_NOTIFY');
    expect(hook.resource_url).toMatch(/\/shipments\?batchId=\d+&includeShipmentItems=False$/);

    const shipments = await client.fetchShipmentsResource(hook.resource_url);
    expect(shipments).toHaveLength(1);
    expect(fromShipStationShipment(shipments[0]!)).toMatchObject({
      orderKey: 'bc-s2-5001',
      fulfilmentOrderId: String(order.orderId),
      carrierCode: 'stamps_com',
      carrierSlug: 'usps',
      trackingNumber: expect.stringMatching(/^9400111\d{15}$/),
      shippingCost: expect.stringMatching(/^\d+\.\d{2}$/),
      voided: false,
      items: [
        { lineItemKey: '7731', sku: 'TEA-SENCHA-250', quantity: 2 },
        { lineItemKey: '7732', sku: 'KETTLE-CAST-09', quantity: 1 },
      ],
    });
    expect((await client.getOrder(order.orderId))?.orderStatus).toBe('shipped');
  });

  it('ships in parts: the order stays open until the last unit has a label', async () => {
    const order = await client.upsertOrder(createOrderBody('bc-s2-5002'));
    await ship(order.orderId, {
      items: [{ lineItemKey: '7731', quantity: 1 }],
      carrierCode: 'ups_walleted',
      serviceCode: 'ups_ground',
      trackingNumber: '1Z999AA10123456784',
      shipmentCost: 8.4,
    });
    const first = await client.fetchShipmentsResource((await delivered(1)).resource_url);
    expect(first.map(fromShipStationShipment)).toEqual([
      expect.objectContaining({
        trackingNumber: '1Z999AA10123456784',
        shippingCost: '8.40',
        items: [{ lineItemKey: '7731', sku: 'TEA-SENCHA-250', quantity: 1 }],
      }),
    ]);
    expect((await client.getOrder(order.orderId))?.orderStatus).toBe('awaiting_shipment');

    await ship(order.orderId, { carrierCode: 'fedex', serviceCode: 'fedex_ground' });
    const second = await client.fetchShipmentsResource((await delivered(2)).resource_url);
    expect(second.map(fromShipStationShipment)[0]?.items).toEqual([
      { lineItemKey: '7731', sku: 'TEA-SENCHA-250', quantity: 1 },
      { lineItemKey: '7732', sku: 'KETTLE-CAST-09', quantity: 1 },
    ]);
    expect((await client.getOrder(order.orderId))?.orderStatus).toBe('shipped');
    expect(await client.listShipments({ orderId: String(order.orderId) })).toHaveLength(2);
    await expect(
      ship(order.orderId, { carrierCode: 'fedex', serviceCode: 'fedex_ground' }),
    ).rejects.toMatchObject({ response: { status: 409 } });
  });

  it.each(['on_hold', 'cancelled'])('refuses to ship an order that is %s', async (status) => {
    const order = await client.upsertOrder(createOrderBody(`bc-s2-${status}`));
    await control.post(`/orders/${order.orderId}/status`, { orderStatus: status });
    await expect(
      ship(order.orderId, { carrierCode: 'ups', serviceCode: 'ups_ground' }),
    ).rejects.toMatchObject({ response: { status: 409 } });
  });

  it('refuses more units than are left', async () => {
    const order = await client.upsertOrder(createOrderBody('bc-s2-5003'));
    await expect(
      ship(order.orderId, {
        items: [{ lineItemKey: '7732', quantity: 2 }],
        carrierCode: 'ups',
        serviceCode: 'ups_ground',
      }),
    ).rejects.toMatchObject({ response: { status: 400 } });
  });

  it('sends one webhook for a batch, listing every label of it', async () => {
    const one = await client.upsertOrder(createOrderBody('bc-s2-6001'));
    const two = await client.upsertOrder(createOrderBody('bc-s2-6002'));
    await control.post('/ship-batch', {
      orders: [
        { orderId: one.orderId, carrierCode: 'ups', serviceCode: 'ups_ground' },
        { orderId: two.orderId, carrierCode: 'ups', serviceCode: 'ups_ground' },
      ],
    });
    const shipments = await client.fetchShipmentsResource((await delivered(1)).resource_url);
    expect(shipments.map((s) => s.orderKey).sort()).toEqual(['bc-s2-6001', 'bc-s2-6002']);
    expect(new Set(shipments.map((s) => s.batchNumber)).size).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(receiver.received).toHaveLength(1);
  });

  it('retries a delivery the receiver failed', async () => {
    receiver.state.failNext = 1;
    const order = await client.upsertOrder(createOrderBody('bc-s2-7001'));
    await ship(order.orderId, { carrierCode: 'ups', serviceCode: 'ups_ground' });
    await delivered(1);
    const [delivery] = await control.webhooks();
    expect(delivery).toMatchObject({ event: 'SHIP_NOTIFY', delivered: true, attempts: 2 });
  });

  it('voids a label: the units come back and the order reopens', async () => {
    const order = await client.upsertOrder(createOrderBody('bc-s2-7002'));
    await ship(order.orderId, { carrierCode: 'ups', serviceCode: 'ups_ground' });
    const [shipment] = await client.listShipments({ orderId: String(order.orderId) });
    await control.post(`/orders/${order.orderId}/void-shipment/${shipment?.shipmentId}`);
    const [voided] = await client.listShipments({ orderId: String(order.orderId) });
    expect(voided).toMatchObject({ voided: true, voidDate: expect.any(String) });
    expect((await client.getOrder(order.orderId))?.orderStatus).toBe('awaiting_shipment');
  });

  it('never sends credentials to a resource_url on another origin', async () => {
    const elsewhere = express();
    let calls = 0;
    elsewhere.use((_req, res) => {
      calls += 1;
      res.json({ shipments: [], total: 0, page: 1, pages: 0 });
    });
    const evil = await listen(elsewhere);
    try {
      await expect(
        client.fetchShipmentsResource(`${evil.url}/shipments?batchId=1&includeShipmentItems=False`),
      ).rejects.toMatchObject({
        constructor: PermanentError,
        reason: 'shipstation.foreign_resource_url',
      });
      expect(calls).toBe(0);
    } finally {
      await evil.close();
    }
  });

  it('follows pages of a large batch', async () => {
    const small = createShipStationClient({ baseUrl: sim.url, credentials: A });
    const orders = [];
    for (let n = 0; n < 3; n++)
      orders.push(await client.upsertOrder(createOrderBody(`bc-s2-8${n}`)));
    const { resourceUrl } = await control.post<{ resourceUrl: string }>('/ship-batch', {
      orders: orders.map((o) => ({ orderId: o.orderId, carrierCode: 'ups', serviceCode: 'x' })),
    });
    await control.clearRequests();
    expect(await small.fetchShipmentsResource(`${resourceUrl}&pageSize=2`)).toHaveLength(3);
    const pages = await control.requests({ path: '/shipments' });
    expect(pages.map((r) => r.query)).toEqual([
      expect.objectContaining({ page: '1', pageSize: '2', includeShipmentItems: 'true' }),
      expect.objectContaining({ page: '2' }),
    ]);
  });
});
