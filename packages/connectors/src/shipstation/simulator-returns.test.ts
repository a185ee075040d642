import axios from 'axios';
import { SimulatorControl } from '../testing/control';
import { createShipStationClient, type ShipStationClient } from './client';
import { toShipStationDateTime } from './dates';
import { createOrderBody } from './fixtures/create-order-body';
import type { ShipStationShipment } from './schemas';
import { startShipStationSimulator, type RunningShipStationSimulator } from './simulator';

const A = { apiKey: 'key-a', apiSecret: 'secret-a' };

describe('ShipStation simulator: insurance and return labels', () => {
  let sim: RunningShipStationSimulator;
  let control: SimulatorControl;
  let client: ShipStationClient;
  const raw = () =>
    axios.create({
      baseURL: sim.url,
      auth: { username: A.apiKey, password: A.apiSecret },
      validateStatus: () => true,
    });
  const ship = (orderId: number, body: Record<string, unknown> = {}) =>
    control.post(`/orders/${orderId}/ship`, {
      carrierCode: 'ups',
      serviceCode: 'ups_ground',
      ...body,
    });
  const returnLabel = (orderId: number, body: Record<string, unknown> = {}) =>
    control.post<ShipStationShipment>(`/orders/${orderId}/return-label`, {
      carrierCode: 'stamps_com',
      serviceCode: 'usps_ground_advantage',
      ...body,
    });
  const refusal = (promise: Promise<unknown>) =>
    promise.then(
      () => undefined,
      (error: { response?: { status: number } }) => error.response?.status,
    );

  beforeAll(async () => {
    sim = await startShipStationSimulator({
      accounts: [A],
      quota: { limit: 1000, windowMs: 60_000 },
      webhookRetryDelaysMs: [],
    });
    control = new SimulatorControl(sim.url);
    client = createShipStationClient({ baseUrl: sim.url, credentials: A, retryBaseDelayMs: 10 });
  });
  afterAll(() => sim.close());
  beforeEach(async () => {
    await control.reset();
    await client.subscribeWebhook({
      // Nobody listens there: only what the simulator tried to send matters.
      targetUrl: 'http://127.0.0.1:9/ship-notify',
      event: 'SHIP_NOTIFY',
      friendlyName: 'labels',
    });
  });

  it('renders insuranceCost and isReturnLabel on every shipment', async () => {
    const insured = await client.upsertOrder(createOrderBody('bc-ret-1001'));
    const plain = await client.upsertOrder(createOrderBody('bc-ret-1002'));
    await ship(insured.orderId, { insuranceCost: 2.35 });
    await ship(plain.orderId);
    const listed = await raw().get('/shipments', { params: { sortBy: 'CreateDate' } });
    expect(
      listed.data.shipments.map((s: ShipStationShipment) => [s.insuranceCost, s.isReturnLabel]),
    ).toEqual([
      [2.35, false],
      [0, false],
    ]);
    expect(listed.data.shipments[0].warehouseId).toBe(412_600);
    expect(
      await refusal(control.post(`/orders/${plain.orderId}/ship`, { insuranceCost: -1 })),
    ).toBe(400);
  });

  it('buys a return label for shipped units: no status change, no SHIP_NOTIFY', async () => {
    const order = await client.upsertOrder(createOrderBody('bc-ret-2001'));
    await ship(order.orderId);
    await new Promise((resolve) => setTimeout(resolve, 5));
    const since = new Date();
    const label = await returnLabel(order.orderId, { shipmentCost: 6.1, trackingNumber: 'RET1' });
    expect(label).toMatchObject({
      orderId: order.orderId,
      isReturnLabel: true,
      trackingNumber: 'RET1',
      shipmentCost: 6.1,
      insuranceCost: 0,
      voided: false,
      shipTo: expect.objectContaining({ name: 'Shipping Department', city: 'Portland' }),
      shipmentItems: [
        expect.objectContaining({ lineItemKey: '7731', quantity: 2 }),
        expect.objectContaining({ lineItemKey: '7732', quantity: 1 }),
      ],
    });
    expect((await client.getOrderOrThrow(order.orderId)).orderStatus).toBe('shipped');
    const sent = await control.webhooks();
    expect(sent.map((delivery) => delivery.event)).toEqual(['SHIP_NOTIFY']);

    const all = await client.listShipments({ orderId: order.orderId });
    expect(all.map((s) => s.isReturnLabel)).toEqual([false, true]);
    const recent = await raw().get('/shipments', {
      params: { createDateStart: toShipStationDateTime(since), includeShipmentItems: 'true' },
    });
    expect(recent.data.total).toBe(1);
    expect(recent.data.shipments[0]).toMatchObject({
      shipmentId: label.shipmentId,
      isReturnLabel: true,
      shipmentItems: expect.any(Array),
    });
    const withoutItems = await raw().get('/shipments', { params: { orderId: order.orderId } });
    expect(withoutItems.data.shipments[1].shipmentItems).toBeNull();
  });

  it('returns in parts, never more than was shipped', async () => {
    const order = await client.upsertOrder(createOrderBody('bc-ret-3001'));
    await ship(order.orderId, { items: [{ lineItemKey: '7731', quantity: 2 }] });
    // Partly shipped: the order stays open, a return of shipped units is still possible.
    const first = await returnLabel(order.orderId, {
      items: [{ lineItemKey: '7731', quantity: 1 }],
    });
    expect(first.shipmentItems?.map((i) => [i.lineItemKey, i.quantity])).toEqual([['7731', 1]]);
    expect((await client.getOrderOrThrow(order.orderId)).orderStatus).toBe('awaiting_shipment');

    const orderItemId = first.shipmentItems?.[0]?.orderItemId;
    expect(
      await refusal(returnLabel(order.orderId, { items: [{ orderItemId, quantity: 2 }] })),
    ).toBe(400);
    expect(
      await refusal(returnLabel(order.orderId, { items: [{ lineItemKey: '7732', quantity: 1 }] })),
    ).toBe(400);
    expect(
      await refusal(returnLabel(order.orderId, { items: [{ lineItemKey: 'nope', quantity: 1 }] })),
    ).toBe(400);
    const rest = await returnLabel(order.orderId);
    expect(rest.shipmentItems?.map((i) => [i.lineItemKey, i.quantity])).toEqual([['7731', 1]]);
    expect(await refusal(returnLabel(order.orderId))).toBe(409);

    // Voiding a return label gives the units back to return, and leaves the order alone.
    await control.post(`/orders/${order.orderId}/void-shipment/${rest.shipmentId}`);
    expect((await client.getOrderOrThrow(order.orderId)).orderStatus).toBe('awaiting_shipment');
    const again = await returnLabel(order.orderId);
    expect(again.shipmentItems?.map((i) => i.quantity)).toEqual([1]);
    // The outbound side is untouched: the kettle can still ship.
    await ship(order.orderId);
    expect((await client.getOrderOrThrow(order.orderId)).orderStatus).toBe('shipped');
  });

  it('refuses unknown orders, orders with nothing shipped, and bad bodies', async () => {
    const order = await client.upsertOrder(createOrderBody('bc-ret-4001'));
    expect(await refusal(returnLabel(999))).toBe(404);
    expect(await refusal(returnLabel(order.orderId))).toBe(409);
    expect(
      await refusal(control.post(`/orders/${order.orderId}/return-label`, { carrierCode: 'ups' })),
    ).toBe(400);
    expect(await refusal(returnLabel(order.orderId, { batch: 'B-1' }))).toBe(400);
  });
});
