import { multiLineOrder, startMailbox, startWorld, type TestWorld } from '@shiplink/test-world';
import { jobs } from '@shiplink/jobs';
import { overrideEnv, waitFor } from '@shiplink/testing';
import { seedChecks, type Mailbox } from './seed-checks';

const REJECTED = 'An update on the delivery of your order';
const UNPAID = 'is waiting for payment';

/**
 * A fulfilment partner's refusal and an order sent back to awaiting payment, each shown on the
 * BigCommerce order (status and one staff-note line) and told to the customer once, however
 * often the webhook comes again and the poll reads it again.
 */
describe('rejected and awaiting-payment ShipStation orders, shown and told once', () => {
  let mailbox: Mailbox;
  let world: TestWorld;
  let check: ReturnType<typeof seedChecks>;
  let restoreEnv: () => void = () => undefined;

  beforeAll(async () => {
    mailbox = await startMailbox();
    restoreEnv = overrideEnv({ SMTP_URL: mailbox.url, TRACKING_PAGE_URL: 'http://127.0.0.1:1' });
    world = await startWorld();
    check = seedChecks(world, mailbox);
    await world.admin.storeSettings(world.setup.storeId, {
      notifications: { enabled: true, email: { from: 'orders@sandbox.example' } },
    });
  }, 60_000);

  afterAll(async () => {
    restoreEnv();
    await world?.close();
    await mailbox?.close();
  });

  const fulfilmentId = () => world.setup.fulfilment.id;
  const lineCount = (notes: string, line: string) => notes.split(line).length - 1;

  /** The merchant subscribes the hub's webhook URL to ORDER_NOTIFY too (the hub does not). */
  async function subscribeOrderNotify() {
    const { webhooks } = await check.shipStationApi<{
      webhooks: { HookType: string; Url: string }[];
    }>('/webhooks');
    const hub = webhooks.find((hook) => hook.HookType === 'SHIP_NOTIFY')!;
    await check.shipStationApi('/webhooks/subscribe', {
      target_url: hub.Url,
      event: 'ORDER_NOTIFY',
    });
  }

  /** Sends a ShipStation webhook delivery again, byte for byte. */
  async function resend(event: string, after: number) {
    const delivery = await waitFor(
      async () => (await world.shipstation.webhooks()).slice(after).find((d) => d.event === event),
      { what: `a ${event} delivery` },
    );
    const answer = await fetch(delivery.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...delivery.headers },
      body: delivery.body,
    });
    expect(answer.status).toBeLessThan(300);
  }

  it('shows a partner’s refusal and tells the customer once, through redelivery and polls', async () => {
    const orderId = await world.placeOrder(multiLineOrder());
    const exported = await world.shipStationOrder(orderId);
    const before = (await world.shipstation.webhooks()).length;
    await world.shipstation.post(`/orders/${exported.orderId}/reject-fulfillment`, {
      reason: 'Out of stock at 3PL',
    });
    const shown = await check.storeOrderWhen(
      orderId,
      (o) => o.order.status_id === 12,
      'the rejection on the store order',
    );
    expect(shown.order.staff_notes).toContain('as rejected_fulfillment: Out of stock at 3PL');
    const [mail] = await check.mailsWhen(orderId, REJECTED);
    expect(mail!.to).toMatchObject({ value: [{ address: 'maya@example.com' }] });
    expect(mail!.text).toContain('could not be sent the way we had planned');

    // The same FULFILLMENT_REJECTED twice more, and the order read again by the poll.
    await resend('FULFILLMENT_REJECTED', before);
    await resend('FULFILLMENT_REJECTED', before);
    await check.run(jobs.fulfilmentOrdersPoll, { connectionId: fulfilmentId() });
    await check.quiet();
    expect(check.mailsAbout(orderId, REJECTED)).toHaveLength(1);
    const after = await check.storeOrder(orderId);
    expect(after.order.status_id).toBe(12);
    expect(lineCount(after.order.staff_notes, 'as rejected_fulfillment')).toBe(1);
    const exceptions = await world.hub.platform.repos.db.fulfilmentException.findMany({
      where: { order: { externalId: String(orderId) } },
    });
    expect(exceptions.map((e) => [e.kind, e.shownAt !== null, e.resolvedAt])).toEqual([
      ['rejected', true, null],
    ]);
  }, 90_000);

  it('shows an order sent back to awaiting payment and tells the customer once, then gives it back', async () => {
    const orderId = await world.placeOrder(multiLineOrder());
    const exported = await world.shipStationOrder(orderId);
    await world.shipstation.post(`/orders/${exported.orderId}/status`, {
      orderStatus: 'awaiting_payment',
    });
    await check.run(jobs.fulfilmentOrdersPoll, { connectionId: fulfilmentId() });
    const shown = await check.storeOrderWhen(
      orderId,
      (o) => o.order.status_id === 7,
      'the order awaiting payment in the store',
    );
    expect(shown.order.staff_notes).toContain('as awaiting_payment');
    const [mail] = await check.mailsWhen(orderId, UNPAID);
    expect(mail!.text).toContain('Please complete your payment');

    // Polled again twice, with the store's own status webhooks for what the hub set in between:
    // nothing new, and ShipStation keeps the order where its people put it.
    await check.run(jobs.fulfilmentOrdersPoll, { connectionId: fulfilmentId() });
    await check.run(jobs.fulfilmentOrdersPoll, { connectionId: fulfilmentId() });
    await check.quiet();
    expect(check.mailsAbout(orderId, UNPAID)).toHaveLength(1);
    expect(
      lineCount((await check.storeOrder(orderId)).order.staff_notes, 'as awaiting_payment'),
    ).toBe(1);
    expect((await world.shipStationOrder(orderId)).orderStatus).toBe('awaiting_payment');

    // Paid: ShipStation moves it on and, to the merchant's subscription, sends ORDER_NOTIFY; the
    // store gets its status back from that alone.
    await subscribeOrderNotify();
    const before = (await world.shipstation.webhooks()).length;
    await world.shipstation.post(`/orders/${exported.orderId}/status`, {
      orderStatus: 'awaiting_shipment',
    });
    const released = await check.storeOrderWhen(
      orderId,
      (o) => o.order.status_id === 11,
      'the order given back its status',
    );
    expect(released.order.staff_notes).toContain('no longer awaiting payment');
    await resend('ORDER_NOTIFY', before);
    await check.run(jobs.fulfilmentOrdersPoll, { connectionId: fulfilmentId() });
    await check.quiet();
    expect(check.mailsAbout(orderId, UNPAID)).toHaveLength(1);
    const notes = (await check.storeOrder(orderId)).order.staff_notes;
    expect(lineCount(notes, 'no longer awaiting payment')).toBe(1);
    expect((await world.shipStationOrder(orderId)).orderStatus).toBe('awaiting_shipment');
  }, 90_000);
});
