import { multiLineOrder, startMailbox, startWorld, type TestWorld } from '@shiplink/test-world';
import { overrideEnv, waitFor } from '@shiplink/testing';
import { seedChecks, type Mailbox } from './seed-checks';

const HELD = 'is on hold';

/**
 * A store's own status table between BigCommerce and ShipStation, both ways: a store status the
 * merchant mapped exports with their word (or not at all), a warehouse change shows with the
 * store status they chose (or leaves it alone), a release gives back the status they named, and
 * nothing the hub set comes back to start the round again.
 */
describe('a store’s status table overrides the defaults both ways, with no ping-pong', () => {
  let mailbox: Mailbox;
  let world: TestWorld;
  let check: ReturnType<typeof seedChecks>;
  let restoreEnv: () => void = () => undefined;

  beforeAll(async () => {
    mailbox = await startMailbox();
    restoreEnv = overrideEnv({ SMTP_URL: mailbox.url, TRACKING_PAGE_URL: 'http://127.0.0.1:1' });
    world = await startWorld();
    check = seedChecks(world, mailbox);
  }, 60_000);

  afterAll(async () => {
    restoreEnv();
    await world?.close();
    await mailbox?.close();
  });

  const table = (fulfilment: object) =>
    world.admin.storeSettings(world.setup.storeId, {
      fulfilment,
      notifications: { enabled: true, email: { from: 'orders@sandbox.example' } },
    });
  const setStoreStatus = (orderId: number, statusId: number) =>
    world.bigcommerce.patch(`/stores/${world.storeHash}/orders/${orderId}`, { statusId });
  const key = (orderId: number) => `bc-${world.storeHash}-${orderId}`;
  const lineCount = (notes: string, line: string) => notes.split(line).length - 1;

  /** Every write either side was sent for the order: what a loop would keep adding to. */
  async function writes(orderId: number) {
    const toStore = (await world.bigcommerce.requests({ method: 'PUT' })).filter(
      (r) => r.path === `/stores/${world.storeHash}/v2/orders/${orderId}`,
    );
    const toShipStation = (
      await world.shipstation.requests({ method: 'POST', path: '/orders/createorder' })
    ).filter((r) => (r.body as { orderKey?: string }).orderKey === key(orderId));
    return { store: toStore.length, shipstation: toShipStation.length };
  }

  /** Two more polls and the store's echoes of them: nothing may be written again. */
  async function noPingPong(orderId: number) {
    await check.quiet();
    const before = await writes(orderId);
    await check.pollFulfilment();
    await check.pollFulfilment();
    await check.quiet();
    expect(await writes(orderId)).toEqual(before);
  }

  it('exports a mapped store status with the merchant’s word, and shows no exception for it', async () => {
    await table({ exportStatuses: { '13': 'on_hold' } });
    const orderId = await world.placeOrder(multiLineOrder());
    await world.shipStationOrder(orderId);
    await setStoreStatus(orderId, 13);
    await waitFor(async () => (await world.shipStationOrder(orderId)).orderStatus === 'on_hold', {
      what: 'the order exported on hold',
      timeoutMs: 30_000,
    });
    await check.pollFulfilment();
    await noPingPong(orderId);
    expect((await world.shipStationOrder(orderId)).orderStatus).toBe('on_hold');
    // The hold is the store's own: the store keeps its status, no note, no customer message.
    const order = await check.storeOrder(orderId);
    expect(order.order.status_id).toBe(13);
    expect(order.order.staff_notes).not.toContain('The warehouse reports');
    expect(check.mailsAbout(orderId, HELD)).toEqual([]);
  }, 90_000);

  it('does not export a store status mapped to nothing, and exports it once it moves on', async () => {
    await table({ exportStatuses: { '11': null } });
    const orderId = await world.placeOrder(multiLineOrder());
    await check.quiet();
    expect((await world.shipStationOrders()).some((o) => o.orderKey === key(orderId))).toBe(false);
    await setStoreStatus(orderId, 9);
    expect((await world.shipStationOrder(orderId, 30_000)).orderStatus).toBe('awaiting_shipment');
    await noPingPong(orderId);
  }, 90_000);

  it('shows a warehouse hold with the store’s own status, and gives back the status it names on release', async () => {
    await table({ storeStatuses: { on_hold: 8 }, releasedStatusId: 9 });
    const orderId = await world.placeOrder(multiLineOrder());
    const exported = await world.shipStationOrder(orderId);
    await world.shipstation.post(`/orders/${exported.orderId}/status`, { orderStatus: 'on_hold' });
    await check.pollFulfilment();
    const shown = await check.storeOrderWhen(
      orderId,
      (o) => o.order.status_id === 8,
      'the hold shown as Awaiting Pickup',
    );
    expect(shown.order.staff_notes).toContain('as on_hold');
    await check.mailsWhen(orderId, HELD);
    // The store's webhook for the status the hub set is not sent back: the hold stays.
    await noPingPong(orderId);
    expect((await world.shipStationOrder(orderId)).orderStatus).toBe('on_hold');

    await world.shipstation.post(`/orders/${exported.orderId}/status`, {
      orderStatus: 'awaiting_shipment',
    });
    await check.pollFulfilment();
    const released = await check.storeOrderWhen(
      orderId,
      (o) => o.order.status_id === 9,
      'the release shown as Awaiting Shipment',
    );
    expect(released.order.staff_notes).toContain('no longer on hold');
    await noPingPong(orderId);
    const after = await check.storeOrder(orderId);
    expect(after.order.status_id).toBe(9);
    expect(lineCount(after.order.staff_notes, 'as on_hold')).toBe(1);
    expect(lineCount(after.order.staff_notes, 'no longer on hold')).toBe(1);
    expect((await world.shipStationOrder(orderId)).orderStatus).toBe('awaiting_shipment');
    expect(check.mailsAbout(orderId, HELD)).toHaveLength(1);
    // The hub wrote the hold and the release to the store, and exported the order: that is all.
    const { store, shipstation } = await writes(orderId);
    expect(store).toBeGreaterThanOrEqual(2);
    expect(shipstation).toBeGreaterThanOrEqual(1);
  }, 120_000);

  it('notes a refusal but leaves the store status alone when the table maps it to nothing', async () => {
    await table({ storeStatuses: { rejected_fulfillment: null } });
    const orderId = await world.placeOrder(multiLineOrder());
    const exported = await world.shipStationOrder(orderId);
    await world.shipstation.post(`/orders/${exported.orderId}/reject-fulfillment`, {
      reason: 'No capacity this week',
    });
    const noted = await check.storeOrderWhen(
      orderId,
      (o) => o.order.staff_notes.includes('No capacity this week'),
      'the refusal noted',
    );
    expect(noted.order.status_id).toBe(11);
    await noPingPong(orderId);
    expect((await check.storeOrder(orderId)).order.status_id).toBe(11);
  }, 90_000);
});
