import {
  multiLineOrder,
  ShipHeroWarehouse,
  startMailbox,
  startTrackingWorld,
  upsNumber,
  type TestWorld,
  type TrackingHelpers,
} from '@shiplink/test-world';
import { overrideEnv } from '@shiplink/testing';
import { seedChecks, type Mailbox } from './seed-checks';

const CATALOG = ['TENT-2P', 'STOVE-MINI', 'SOCK-WOOL-M'].map((sku) => ({ sku, onHand: 50 }));
const RECEIVED = 'We have received your return';
const REFUNDED = 'Your refund for order';

/**
 * Returns that ShipHero reports (Return Update) and parcels the carrier brought back, each one
 * return record with its items whatever is delivered again, and the refund as the store's policy
 * says: after a person's decision, automatically on receipt, with or without shipping, or never.
 */
describe('returns from ShipHero and from the carrier, refunded by the store’s policy', () => {
  let mailbox: Mailbox;
  let world: TestWorld;
  let t: TrackingHelpers;
  let warehouse: ShipHeroWarehouse;
  let check: ReturnType<typeof seedChecks>;
  let restoreEnv: () => void = () => undefined;

  beforeAll(async () => {
    mailbox = await startMailbox();
    restoreEnv = overrideEnv({ SMTP_URL: mailbox.url, TRACKING_PAGE_URL: 'http://127.0.0.1:1' });
    ({ world, t } = await startTrackingWorld({ fulfilment: 'shiphero' }));
    warehouse = new ShipHeroWarehouse(world);
    await warehouse.stock(CATALOG);
    check = seedChecks(world, mailbox);
    await policy({});
  }, 90_000);

  afterAll(async () => {
    restoreEnv();
    await world?.close();
    await mailbox?.close();
  });

  /** The store's returns policy, with customer e-mails on. */
  const policy = (returns: object) =>
    world.admin.storeSettings(world.setup.storeId, {
      notifications: { enabled: true, email: { from: 'orders@sandbox.example' } },
      returns,
    });

  /** A store order shipped whole by ShipHero, written back to the store. */
  async function shippedOrder(trackingNumber = upsNumber()) {
    const orderId = await world.placeOrder(multiLineOrder());
    const order = await warehouse.orderOf(orderId, 30_000);
    await warehouse.ship(order.id, [
      {
        carrier: 'ups',
        method: 'UPS Ground',
        trackingNumber,
        lineItems: order.line_items.map((line) => ({
          partnerLineItemId: line.partner_line_item_id,
          quantity: line.quantity,
        })),
      },
    ]);
    await world.bigCommerceShipments(orderId, 1);
    const line = (sku: string) => order.line_items.find((l) => l.sku === sku)!;
    return { orderId, order, line, trackingNumber };
  }

  /** A return logged in ShipHero's app: its Return Update, then delivered twice more. */
  async function shipHeroReturn(
    shipHeroOrderId: string,
    body: { lineItems: object[]; status?: string; reason?: string },
  ) {
    const made = await warehouse.control.post<{ returnId: string; messageIds: string[] }>(
      `/orders/${shipHeroOrderId}/returns`,
      body,
    );
    return {
      ...made,
      redeliver: async () => {
        for (const id of made.messageIds) {
          await warehouse.control.post(`/deliveries/${id}/redeliver`);
          await warehouse.control.post(`/deliveries/${id}/redeliver`);
        }
      },
    };
  }

  it('records a ShipHero Return Update as one return with its items, and a decline refunds nothing', async () => {
    const { orderId, order, line } = await shippedOrder();
    const reported = await shipHeroReturn(order.id, {
      lineItems: [
        { partnerLineItemId: line('STOVE-MINI').partner_line_item_id, quantity: 2 },
        {
          partnerLineItemId: line('SOCK-WOOL-M').partner_line_item_id,
          quantity: 1,
          condition: 'Damaged',
        },
      ],
      status: 'received',
      reason: 'Too heavy',
    });
    const [recorded] = await check.returnsWhen(orderId, (r) => r.length > 0, 'the return');
    await reported.redeliver();
    await check.mailsWhen(orderId, RECEIVED);
    await check.quiet();

    expect(await check.returnsOf(orderId)).toHaveLength(1);
    expect(recorded).toMatchObject({
      source: 'shiphero',
      sourceRef: reported.returnId,
      state: 'received',
      refundState: 'awaiting_approval',
      reason: 'Too heavy',
    });
    const items = [...recorded!.items].sort((a, b) => a.sku.localeCompare(b.sku));
    expect(items.map((i) => [i.sku, i.quantity, i.restock])).toEqual([
      ['SOCK-WOOL-M', 1, false],
      ['STOVE-MINI', 2, true],
    ]);
    expect(check.mailsAbout(orderId, RECEIVED)).toHaveLength(1);
    const notes = (await check.storeOrder(orderId)).order.staff_notes;
    expect(notes.split(`Return ${reported.returnId} received`)).toHaveLength(2);
    // Only the sellable stoves are planned back into stock, once.
    const moves = await world.hub.platform.repos.stockMovements.forStore(world.setup.storeId);
    expect(
      moves.filter((m) => m.sourceRef === `return:${recorded!.id}`).map((m) => [m.sku, m.delta]),
    ).toEqual([['STOVE-MINI', 2]]);

    const declined = await world.admin.http.post<{ refundState: string }>(
      `/returns/${recorded!.id}/decline`,
      { by: 'support', note: 'damaged by the customer' },
    );
    expect(declined.data.refundState).toBe('not_refunded');
    const again = (path: string) =>
      world.admin.http.post(
        `/returns/${recorded!.id}/${path}`,
        { by: 'support' },
        {
          validateStatus: () => true,
        },
      );
    expect((await again('approve')).status).toBe(409);
    expect((await again('decline')).status).toBe(409);
    await reported.redeliver();
    await check.quiet();
    expect(await check.refundsOf(orderId)).toEqual([]);
    expect((await check.returnsOf(orderId))[0]?.refundState).toBe('not_refunded');
    expect(check.mailsAbout(orderId, REFUNDED)).toEqual([]);
  }, 120_000);

  it('records a parcel the carrier brought back as one return of what it held', async () => {
    const { orderId, trackingNumber } = await shippedOrder();
    const tracking = await t.registered(trackingNumber);
    await t.scan(tracking.id, { subtag: 'InTransit_002' });
    await t.scan(tracking.id, { subtag: 'Exception_010', message: 'Returning to sender' });
    const back = await t.scan(tracking.id, { subtag: 'Exception_011', message: 'Returned' });
    const [recorded] = await check.returnsWhen(orderId, (r) => r.length > 0, 'the return');
    await t.redeliver(back.eventId);
    await t.redeliver(back.eventId);
    await check.mailsWhen(orderId, RECEIVED);
    await check.quiet();

    const returns = await check.returnsOf(orderId);
    expect(returns).toHaveLength(1);
    expect(recorded).toMatchObject({
      source: 'carrier',
      sourceRef: expect.stringMatching(/^parcel:/),
      state: 'received',
      trackingNumber,
      refundState: 'awaiting_approval',
    });
    const items = [...recorded!.items].sort((a, b) => a.sku.localeCompare(b.sku));
    expect(items.map((i) => [i.sku, i.quantity])).toEqual([
      ['SOCK-WOOL-M', 3],
      ['STOVE-MINI', 2],
      ['TENT-2P', 1],
    ]);
    expect(check.mailsAbout(orderId, RECEIVED)).toHaveLength(1);
  }, 120_000);

  it('refunds on receipt, with the shipping, exactly once however often the return is delivered', async () => {
    await policy({ refund: 'on_receipt', refundShipping: true });
    const { orderId, order } = await shippedOrder();
    const reported = await shipHeroReturn(order.id, {
      lineItems: order.line_items.map((line) => ({
        partnerLineItemId: line.partner_line_item_id,
        quantity: line.quantity,
      })),
      status: 'received',
    });
    await reported.redeliver();
    await check.returnsWhen(orderId, (r) => r[0]?.refundState === 'issued', 'the refund issued');
    await reported.redeliver();
    await check.mailsWhen(orderId, REFUNDED);
    await check.quiet();

    const refunds = await check.refundsOf(orderId);
    expect(refunds).toHaveLength(1);
    const [refund] = refunds;
    expect(refund!.items).toContainEqual(
      expect.objectContaining({ item_type: 'SHIPPING', requested_amount: '12.50' }),
    );
    const [recorded] = await check.returnsOf(orderId);
    expect(Number(recorded!.refundTotal)).toBe(refund!.total_amount);
    expect(check.mailsAbout(orderId, RECEIVED)).toHaveLength(1);
    expect(check.mailsAbout(orderId, REFUNDED)).toHaveLength(1);
    const notes = (await check.storeOrder(orderId)).order.staff_notes;
    expect(notes.match(/Refund \d+ of/g)).toHaveLength(1);
  }, 120_000);

  it('refunds on receipt without the shipping when the policy keeps it', async () => {
    await policy({ refund: 'on_receipt' });
    const { orderId, order, line } = await shippedOrder();
    const reported = await shipHeroReturn(order.id, {
      lineItems: [{ partnerLineItemId: line('TENT-2P').partner_line_item_id, quantity: 1 }],
      status: 'received',
    });
    await check.returnsWhen(orderId, (r) => r[0]?.refundState === 'issued', 'the refund issued');
    await reported.redeliver();
    await check.quiet();
    const refunds = await check.refundsOf(orderId);
    expect(refunds).toHaveLength(1);
    expect(refunds[0]!.items.map((item) => item.item_type)).toEqual(['PRODUCT']);
  }, 120_000);

  it('never refunds through the hub, and restocks nothing, when the policy says so', async () => {
    await policy({ refund: 'never', restock: false });
    const { orderId, order, line } = await shippedOrder();
    const reported = await shipHeroReturn(order.id, {
      lineItems: [{ partnerLineItemId: line('STOVE-MINI').partner_line_item_id, quantity: 1 }],
      status: 'received',
    });
    const [recorded] = await check.returnsWhen(orderId, (r) => r.length > 0, 'the return');
    await reported.redeliver();
    await check.quiet();
    expect(recorded).toMatchObject({ refundState: 'not_refunded', items: [{ restock: false }] });
    const approve = await world.admin.http.post(
      `/returns/${recorded!.id}/approve`,
      { by: 'support' },
      { validateStatus: () => true },
    );
    expect(approve.status).toBe(409);
    expect(await check.refundsOf(orderId)).toEqual([]);
    const moves = await world.hub.platform.repos.stockMovements.forStore(world.setup.storeId);
    expect(moves.filter((m) => m.sourceRef === `return:${recorded!.id}`)).toEqual([]);
  }, 120_000);

  it('issues one refund when the store failed before refunding, and when its answer was lost', async () => {
    await policy({});
    for (const kind of ['server_error', 'lost_response'] as const) {
      const { orderId, order, line } = await shippedOrder();
      await shipHeroReturn(order.id, {
        lineItems: [{ partnerLineItemId: line('STOVE-MINI').partner_line_item_id, quantity: 2 }],
        status: 'received',
      });
      const [recorded] = await check.returnsWhen(orderId, (r) => r.length > 0, 'the return');
      await world.bigcommerce.addFault({
        kind,
        count: 1,
        method: 'POST',
        path: `/stores/${world.storeHash}/v3/orders/${orderId}/payment_actions/refunds`,
      });
      await world.admin.approveRefund(recorded!.id, 'support');
      await check.returnsWhen(orderId, (r) => r[0]?.refundState === 'issued', `issued (${kind})`);
      await check.quiet();
      // The store's first refund call did fail (or lost its answer): the fault was used up.
      expect(await world.bigcommerce.get('/faults')).toEqual([]);
      await world.bigcommerce.clearFaults();
      expect(await check.refundsOf(orderId)).toHaveLength(1);
      expect(check.mailsAbout(orderId, REFUNDED)).toHaveLength(1);
    }
  }, 180_000);
});
