import type { ParsedMail } from 'mailparser';
import type { CanonicalOrder } from '@shiplink/domain';
import { jobKey, recipientHash } from '@shiplink/domain';
import { jobs, type PayloadOf } from '@shiplink/jobs';
import { waitFor } from '@shiplink/testing';
import {
  provideWorkerApps,
  startMailbox,
  startPostiWorld,
  type PostiWorld,
} from '@shiplink/test-world';
import { loadNotificationEnv } from '../env';
import { registrations } from '../registrations';
import { OrderNotificationService } from './order-notification.service';

const PAGE = 'https://track.nordictrail.example';
const AINO = { email: 'aino@example.fi', phone: '+358401234567' };
// What the warehouse and the customer wrote on the order: never part of a message.
const STAFF_NOTE = 'Warehouse: customer disputes every delivery, do not upgrade';
const CUSTOMER_NOTE = 'Leave it behind the sauna';

/** `HH:MM` in Helsinki, `minutes` from now. */
function helsinkiTime(minutes: number): string {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/Helsinki',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(Date.now() + minutes * 60_000));
}

function order(number: string, country = 'FI', phone: string | null = AINO.phone): CanonicalOrder {
  const address = {
    name: 'Aino Virtanen',
    company: null,
    street1: 'Mannerheimintie 1',
    street2: null,
    city: 'Helsinki',
    state: null,
    postalCode: '00100',
    country,
    phone,
    email: AINO.email,
  };
  return {
    externalId: number,
    orderNumber: number,
    storeStatusId: 11,
    storeStatus: 'Awaiting Fulfillment',
    status: 'awaiting_fulfilment',
    createdAt: '2026-12-14T08:00:00+02:00',
    modifiedAt: '2026-12-14T08:00:00+02:00',
    currency: 'EUR',
    customer: { externalId: '77', email: AINO.email, name: 'Aino Virtanen' },
    billTo: address,
    destinations: [
      {
        addressExternalId: '1',
        shipTo: address,
        shippingMethod: 'Posti Kotipaketti',
        shippingCost: '5.90',
      },
    ],
    lines: [
      {
        externalId: '11',
        addressExternalId: '1',
        productExternalId: '5',
        sku: 'SOCK-MERINO',
        name: 'Merino wool hiking socks',
        quantity: 2,
        quantityShipped: 0,
        unitPrice: '24.95',
        weightGrams: 120,
        options: [],
        giftMessage: null,
      },
    ],
    totals: { subtotal: '49.90', shipping: '5.90', tax: '0', discount: '0', total: '55.80' },
    paymentMethod: 'Card',
    notes: { customer: CUSTOMER_NOTE, staff: STAFF_NOTE },
    customFields: {},
  };
}

type OrderNotify = PayloadOf<typeof jobs.orderNotify>;

/**
 * An order's own news to its customer, on the real PostgreSQL and Redis with the notifications
 * worker taking jobs: e-mail through a real SMTP server, texts through the Twilio simulator.
 */
describe('OrderNotificationService', () => {
  let mailbox: Awaited<ReturnType<typeof startMailbox>>;
  let world: PostiWorld;
  let placed = 0;

  beforeAll(async () => {
    mailbox = await startMailbox();
    provideWorkerApps({
      'worker-notifications': {
        queue: 'notifications',
        registrations: (platform) =>
          registrations(
            platform,
            loadNotificationEnv({ SMTP_URL: mailbox.url, TRACKING_PAGE_URL: PAGE }),
          ),
      },
    });
    world = await startPostiWorld({ sms: true, workers: ['worker-notifications'] });
  }, 60_000);

  afterAll(async () => {
    await world?.close();
    await mailbox?.close();
  });

  const settings = (notifications: object) =>
    world.admin.storeSettings(world.storeId, {
      notifications: {
        enabled: true,
        email: { from: 'orders@nordictrail.example' },
        ...notifications,
      },
      trackingPage: { slug: 'nordic-trail-orders', brand: { name: 'Nordic Trail' } },
    });
  const NO_QUIET_HOURS = { quietHours: { start: '00:00', end: '00:00' } };

  /** A new order of the store, as the order import would have stored it. */
  const placeOrder = async (country?: string, phone?: string | null) => {
    placed += 1;
    const number = `N${placed}${Date.now().toString(36)}`;
    const record = await world.hub.platform.repos.orders.upsert(
      world.storeId,
      order(number, country, phone),
    );
    return { id: record.id, number };
  };
  const enqueue = (payload: OrderNotify, correlationId = 'test') =>
    world.hub.platform.producer.enqueue(jobs.orderNotify, payload, { correlationId });
  const queue = () => world.hub.platform.producer.queue('notifications');
  const finished = (jobId: string) =>
    waitFor(
      async () => {
        const state = await queue().getJobState(jobId);
        return state === 'completed' || state === 'failed' ? state : undefined;
      },
      { what: `job ${jobId} finished` },
    );
  const rowsOf = (orderId: string) => world.hub.platform.repos.notifications.forOrder(orderId);
  /** The order's messages once none is waiting to be sent any more. */
  const settled = (orderId: string, count: number) =>
    waitFor(
      async () => {
        const rows = await rowsOf(orderId);
        return rows.length === count &&
          rows.every((n) => n.state !== 'pending' && n.state !== 'sending')
          ? rows
          : undefined;
      },
      { what: `${count} message(s) of the order handled`, timeoutMs: 20_000 },
    );
  const mailsAbout = (number: string): ParsedMail[] =>
    mailbox.received.filter((mail) => (mail.subject ?? '').includes(number));
  const textsAbout = async (number: string) => {
    const sid = world.twilioAccount!.credentials.accountSid;
    const all = await world.twilio.get<{ to: string; body: string; direction: string }[]>(
      `/accounts/${sid}/messages`,
    );
    return all.filter((m) => m.direction === 'outbound-api' && m.body.includes(number));
  };

  it('tells of a refund once on each channel, however often and however the job comes', async () => {
    await settings({
      rules: [{ trigger: 'refund_issued', channels: ['email', 'sms'] }],
      sms: NO_QUIET_HOURS,
    });
    const { id, number } = await placeOrder();
    const payload: OrderNotify = {
      orderId: id,
      trigger: 'refund_issued',
      subjectRef: 'refund-8841',
      facts: { amount: '49.90' },
    };
    // Enqueued twice: one job id.
    const jobId = await enqueue(payload);
    expect(await enqueue(payload)).toBe(jobId);
    expect(await finished(jobId)).toBe('completed');
    const rows = await settled(id, 2);
    expect(rows.map((n) => [n.channel, n.state])).toEqual([
      ['email', 'sent'],
      ['sms', 'sent'],
    ]);
    expect(rows[0]).toMatchObject({
      shipmentId: null,
      subjectKey: `order:${id}:refund-8841`,
      facts: { amount: '49.90', currency: 'EUR' },
      language: 'fi',
    });

    // Replayed from the dead-letter queue (a new job id), and handled again in process with
    // other facts (the refund edited since): nothing more is sent, and the facts stay.
    const replay = jobKey(jobId, 'replay', Date.now());
    await queue().add(
      jobs.orderNotify.name,
      {
        payload,
        meta: { correlationId: 'replay', enqueuedAt: new Date().toISOString(), replayOf: jobId },
      },
      { jobId: replay },
    );
    expect(await finished(replay)).toBe('completed');
    await new OrderNotificationService(world.hub.platform).handle({
      ...payload,
      facts: { amount: '1.00' },
    });
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const once = (n: (typeof rows)[number]) => [n.id, n.state, n.attempts, n.sentAt, n.facts];
    expect((await settled(id, 2)).map(once)).toEqual(rows.map(once));
    expect(mailsAbout(number)).toHaveLength(1);
    expect(await textsAbout(number)).toHaveLength(1);

    // Finnish, with the amount as a Finn writes it and the order's page; no parcel, no notes.
    const [mail] = mailsAbout(number);
    expect(mail!.subject).toBe(`Hyvitys tilauksestasi ${number} on maksettu`);
    expect(mail!.text).toContain(`Olemme hyvittäneet sinulle 49,90 € tilauksestasi ${number}.`);
    expect(mail!.text).toContain('Hyvitetty summa: 49,90 €');
    expect(mail!.text).toContain(`${PAGE}/t/`);
    expect(mail!.html).toContain('lang="fi"');
    expect(mail!.html).toContain('Nordic Trail');
    const [text] = await textsAbout(number);
    expect(text!.to).toBe(AINO.phone);
    expect(text!.body).toContain('49,90 €');
    expect(text!.body).toContain(`${PAGE}/t/`);
    for (const message of [mail!.text ?? '', String(mail!.html), text!.body]) {
      expect(message).not.toContain('Seurantanumero');
      expect(message).not.toContain('Warehouse');
      expect(message).not.toContain('sauna');
    }

    // A second refund of the order is news of its own.
    await enqueue({
      ...payload,
      subjectRef: 'refund-8842',
      facts: { amount: '5', currency: 'SEK' },
    });
    await settled(id, 4);
    expect(mailsAbout(number)).toHaveLength(2);
    expect(mailsAbout(number)[1]!.text).toContain('5,00 SEK');
  }, 60_000);

  it('sends what the claim recorded when the job comes again after a crash', async () => {
    await settings({ sms: NO_QUIET_HOURS });
    const { id, number } = await placeOrder();
    // Claimed, then the worker died before the send was queued.
    const { record } = await world.hub.platform.repos.notifications.claim({
      orderId: id,
      storeId: world.storeId,
      subjectRef: 'refund-9',
      facts: { amount: '12.50', currency: 'EUR' },
      trigger: 'refund_issued',
      channel: 'email',
      recipientHash: recipientHash(AINO.email),
      recipientMasked: 'a***@example.fi',
      language: 'en',
    });
    await enqueue({
      orderId: id,
      trigger: 'refund_issued',
      subjectRef: 'refund-9',
      facts: { amount: '99.00' },
    });
    const [sent] = await settled(id, 1);
    expect(sent).toMatchObject({ id: record.id, state: 'sent' });
    const [mail] = mailsAbout(number);
    expect(mail!.subject).toBe(`Your refund for order ${number} is on its way`);
    expect(mail!.text).toContain(`We have refunded €12.50 for your order ${number}.`);
    expect(mail!.text).not.toContain('€99');
  }, 60_000);

  it('follows the store’s rules: e-mail by default, no texts unless a rule says', async () => {
    await settings({ sms: NO_QUIET_HOURS });
    const { id, number } = await placeOrder();
    await enqueue({ orderId: id, trigger: 'order_on_hold', subjectRef: 'hold-1', facts: {} });
    const [row] = await settled(id, 1);
    expect(row).toMatchObject({ channel: 'email', state: 'sent', trigger: 'order_on_hold' });
    const [mail] = mailsAbout(number);
    expect(mail!.subject).toBe(`Tilauksesi ${number} on odotustilassa`);
    expect(mail!.text).toContain('Pahoittelemme');
    expect(await textsAbout(number)).toHaveLength(0);

    // A rule for other countries only: nothing for this order, not even a claim.
    await settings({
      rules: [{ trigger: 'order_delayed', channels: ['email', 'sms'], countries: ['SE'] }],
      sms: NO_QUIET_HOURS,
    });
    const jobId = await enqueue({
      orderId: id,
      trigger: 'order_delayed',
      subjectRef: 'late-1',
      facts: {},
    });
    await finished(jobId);
    expect(await rowsOf(id)).toHaveLength(1);

    // The same rule for a Swedish order: in Swedish, on both channels.
    const swedish = await placeOrder('SE', '+46701234567');
    await enqueue({
      orderId: swedish.id,
      trigger: 'order_delayed',
      subjectRef: 'late-1',
      facts: {},
    });
    await settled(swedish.id, 2);
    expect(mailsAbout(swedish.number)[0]!.subject).toBe(
      `Din beställning ${swedish.number} skickas senare än väntat`,
    );
    expect((await textsAbout(swedish.number))[0]!.body).toContain('försenad');

    // Notifications off: nothing.
    await world.admin.storeSettings(world.storeId, {
      notifications: { enabled: false },
      trackingPage: { slug: 'nordic-trail-orders', brand: { name: 'Nordic Trail' } },
    });
    const off = await enqueue({
      orderId: swedish.id,
      trigger: 'order_rejected',
      subjectRef: 'r-1',
      facts: {},
    });
    await finished(off);
    expect(await rowsOf(swedish.id)).toHaveLength(2);
  }, 60_000);

  it('skips a recipient who unsubscribed, and an order without a phone for a text', async () => {
    await settings({
      rules: [{ trigger: 'return_received', channels: ['email', 'sms'] }],
      sms: NO_QUIET_HOURS,
    });
    const { repos } = world.hub.platform;
    await repos.notifications.optOut(
      world.storeId,
      'email',
      recipientHash(AINO.email),
      'unsubscribe',
    );
    try {
      const { id, number } = await placeOrder('FI', null);
      await enqueue({
        orderId: id,
        trigger: 'return_received',
        subjectRef: 'rma-1',
        facts: { items: 2 },
      });
      const rows = await settled(id, 2);
      expect(rows.map((n) => [n.channel, n.state, n.note])).toEqual([
        ['email', 'skipped', 'the recipient unsubscribed'],
        ['sms', 'skipped', 'the order has no phone number a text message can go to'],
      ]);
      expect(mailsAbout(number)).toHaveLength(0);
      expect(await textsAbout(number)).toHaveLength(0);
    } finally {
      await repos.notifications.optIn(world.storeId, 'email', recipientHash(AINO.email));
    }
  }, 60_000);

  it('holds a text through the recipient’s quiet hours, then sends the order’s news', async () => {
    await settings({
      rules: [{ trigger: 'order_payment_pending', channels: ['sms'] }],
      sms: { quietHours: { start: helsinkiTime(-60), end: helsinkiTime(180) } },
    });
    const { id, number } = await placeOrder();
    await enqueue({
      orderId: id,
      trigger: 'order_payment_pending',
      subjectRef: 'pay-1',
      facts: {},
    });
    const [held] = await waitFor(
      async () => {
        const rows = await rowsOf(id);
        return rows.length === 1 && rows[0]!.notBefore ? rows : undefined;
      },
      { what: 'the text held for quiet hours' },
    );
    expect(held!.state).toBe('pending');
    expect(held!.notBefore!.getTime() - Date.now()).toBeGreaterThan(170 * 60_000);
    expect(await textsAbout(number)).toHaveLength(0);

    // The night is over (for the test: the held job is due now). An order's news is still news.
    const job = await queue().getJob(
      jobs.notificationSend.jobId({
        notificationId: held!.id,
        notBefore: held!.notBefore!.toISOString(),
      }),
    );
    expect(await job?.getState()).toBe('delayed');
    await job!.promote();
    const [sent] = await settled(id, 1);
    expect(sent!.state).toBe('sent');
    const [text] = await textsAbout(number);
    expect(text!.body).toContain('odottaa maksua');
  }, 60_000);
});
