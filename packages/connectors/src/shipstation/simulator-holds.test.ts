import axios from 'axios';
import { PermanentError } from '@shiplink/errors';
import { SimulatorControl } from '../testing/control';
import { createShipStationClient } from './client';
import { createOrderBody } from './fixtures/create-order-body';
import { startShipStationSimulator, type RunningShipStationSimulator } from './simulator';

const A = { apiKey: 'key-a', apiSecret: 'secret-a' };
/** 10:00 in ShipStation's (Pacific) time on Monday 2 December 2024. */
const START = Date.parse('2024-12-02T18:00:00Z');
const HOUR = 3_600_000;

describe('ShipStation simulator: holds, ship-by dates, status changes', () => {
  let sim: RunningShipStationSimulator;
  let control: SimulatorControl;
  let clock = START;
  const client = () =>
    createShipStationClient({ baseUrl: sim.url, credentials: A, retryBaseDelayMs: 10 });
  const raw = () =>
    axios.create({
      baseURL: sim.url,
      auth: { username: A.apiKey, password: A.apiSecret },
      validateStatus: () => true,
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
      now: () => clock,
    });
    control = new SimulatorControl(sim.url);
  });
  afterAll(() => sim.close());
  beforeEach(async () => {
    clock = START;
    await control.reset();
  });

  it('holds an order until a date and restores it', async () => {
    const order = await client().upsertOrder(createOrderBody('bc-hold-1001'));
    const held = await raw().post('/orders/holduntil', {
      orderId: order.orderId,
      holdUntilDate: '2024-12-05',
    });
    expect(held.status).toBe(200);
    expect(held.data).toEqual({ success: true, message: 'Order held successfully.' });
    expect(await client().getOrderOrThrow(order.orderId)).toMatchObject({
      orderStatus: 'on_hold',
      holdUntilDate: '2024-12-05',
    });

    await client().restoreFromHold(order.orderId);
    expect(await client().getOrderOrThrow(order.orderId)).toMatchObject({
      orderStatus: 'awaiting_shipment',
      holdUntilDate: null,
    });
    const again = await raw().post('/orders/restorefromhold', { orderId: order.orderId });
    expect(again.status).toBe(400);
    expect(again.data).toEqual({ Message: `Order ${order.orderId} is not on hold.` });
    await expect(client().restoreFromHold(order.orderId)).rejects.toBeInstanceOf(PermanentError);

    // A Date is that day in the account's zone: 07:00 UTC on the 10th is still the 9th there.
    await client().holdUntil(order.orderId, new Date('2024-12-10T07:00:00Z'));
    expect((await client().getOrderOrThrow(order.orderId)).holdUntilDate).toBe('2024-12-09');
  });

  it('releases a hold by itself on its date, visible to a modifyDate delta poll', async () => {
    const order = await client().upsertOrder(createOrderBody('bc-hold-2001'));
    await client().holdUntil(order.orderId, '2024-12-04');
    clock = START + 24 * HOUR;
    expect((await client().getOrderOrThrow(order.orderId)).orderStatus).toBe('on_hold');
    const since = new Date(clock + HOUR);
    // Midnight of the 4th in Pacific time.
    clock = Date.parse('2024-12-04T08:00:00Z');
    const changed = await client().listOrders({ modifyDateStart: since });
    expect(changed.map((o) => [o.orderId, o.orderStatus, o.holdUntilDate])).toEqual([
      [order.orderId, 'awaiting_shipment', null],
    ]);
  });

  it('refuses to hold what cannot be held, unknown orders and bad bodies', async () => {
    const order = await client().upsertOrder(createOrderBody('bc-hold-3001'));
    await control.post(`/orders/${order.orderId}/ship`, { carrierCode: 'ups', serviceCode: 'x' });
    const shipped = await raw().post('/orders/holduntil', {
      orderId: order.orderId,
      holdUntilDate: '2024-12-05',
    });
    expect(shipped.status).toBe(400);
    expect(shipped.data.Message).toMatch(/is shipped and cannot be put on hold/);
    const unknown = await raw().post('/orders/holduntil', {
      orderId: 5,
      holdUntilDate: '2024-12-05',
    });
    expect(unknown.status).toBe(404);
    expect(unknown.data).toEqual({ Message: 'Order 5 was not found.' });
    await expect(client().restoreFromHold(5)).rejects.toMatchObject({
      reason: 'shipstation.not_found',
    });
    const badDate = await raw().post('/orders/holduntil', {
      orderId: order.orderId,
      holdUntilDate: 'next week',
    });
    expect(badDate.status).toBe(400);
    expect(badDate.data.ModelState).toEqual({
      'request.holdUntilDate': ['The value is not a valid date.'],
    });
    const missing = await raw().post('/orders/holduntil', { orderId: order.orderId });
    expect(missing.data.ModelState).toEqual({
      'request.holdUntilDate': ['The holdUntilDate field is required.'],
    });
  });

  it('sets a ship-by date through the control API and keeps it across createorder updates', async () => {
    const order = await client().upsertOrder(createOrderBody('bc-hold-4001'));
    expect(order.shipByDate).toBeNull();
    clock += HOUR;
    const view = await control.post<{ shipByDate: string; modifyDate: string }>(
      `/orders/${order.orderId}/ship-by`,
      { shipByDate: '2024-12-03' },
    );
    expect(view.shipByDate).toBe('2024-12-03T00:00:00.0000000');
    expect(view.modifyDate).not.toBe(order.modifyDate);
    expect((await client().getOrderOrThrow(order.orderId)).shipByDate).toBe(
      '2024-12-03T00:00:00.0000000',
    );
    const updated = await client().upsertOrder(createOrderBody('bc-hold-4001'));
    expect(updated.shipByDate).toBe('2024-12-03T00:00:00.0000000');

    await control.post(`/orders/${order.orderId}/ship-by`, { shipByDate: null });
    expect((await client().getOrderOrThrow(order.orderId)).shipByDate).toBeNull();
    expect(await refusal(control.post('/orders/1/ship-by', { shipByDate: '2024-12-03' }))).toBe(
      404,
    );
    expect(
      await refusal(control.post(`/orders/${order.orderId}/ship-by`, { shipByDate: 'soon' })),
    ).toBe(400);
  });

  it('bumps modifyDate on a control status change and on tag changes', async () => {
    const order = await client().upsertOrder(createOrderBody('bc-hold-5001'));
    clock += HOUR;
    const since = new Date(clock);
    expect(await client().listOrders({ modifyDateStart: since })).toEqual([]);
    await control.post(`/orders/${order.orderId}/status`, { orderStatus: 'cancelled' });
    const changed = await client().listOrders({ modifyDateStart: since });
    expect(changed.map((o) => [o.orderId, o.orderStatus])).toEqual([[order.orderId, 'cancelled']]);

    const other = await client().upsertOrder(createOrderBody('bc-hold-5002'));
    const tag = await control.post<{ tagId: number }>('/tags', { name: 'VIP' });
    clock += HOUR;
    const later = new Date(clock);
    await client().addTag(other.orderId, tag.tagId);
    expect((await client().listOrders({ modifyDateStart: later })).map((o) => o.orderId)).toEqual([
      other.orderId,
    ]);
  });
});
