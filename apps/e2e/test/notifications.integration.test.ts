import type { ParsedMail } from 'mailparser';
import { overrideEnv, waitFor } from '@shiplink/testing';
import {
  finnishOrder,
  startMailbox,
  startPostiWorld,
  startTrackingPage,
  type PostiWorld,
  type RunningTrackingPage,
} from '@shiplink/test-world';

/**
 * Tracking e-mails of a Finnish store: sent through SMTP at the moments its rules name, in the
 * customer's language, with the tracking page and a working unsubscribe link, once each.
 */
describe('notifications: tracking e-mails to the customer', () => {
  let mailbox: Awaited<ReturnType<typeof startMailbox>>;
  let world: PostiWorld;
  let page: RunningTrackingPage;
  let restoreEnv: () => void = () => undefined;

  beforeAll(async () => {
    mailbox = await startMailbox();
    restoreEnv = overrideEnv({ SMTP_URL: mailbox.url, TRACKING_PAGE_URL: 'http://127.0.0.1:1' });
    world = await startPostiWorld();
    page = await startTrackingPage(world.hub.platform);
    await world.admin.storeSettings(world.storeId, {
      notifications: { enabled: true, email: { from: 'tracking@nordictrail.example' } },
      trackingPage: { slug: 'nordic-trail', brand: { name: 'Nordic Trail' } },
    });
  }, 60_000);

  afterAll(async () => {
    restoreEnv();
    await page?.close();
    await world?.close();
    await mailbox?.close();
  });

  /** The URL of a message's List-Unsubscribe header, as it was written. */
  const headerLine = (mail: ParsedMail, key: string) =>
    mail.headerLines.find((h) => h.key === key)?.line ?? '';
  const unsubscribeUrlOf = (mail: ParsedMail) =>
    /<([^>]+)>/.exec(headerLine(mail, 'list-unsubscribe'))?.[1] ?? '';
  const mailsTo = (address: string) =>
    mailbox.received.filter((mail) => JSON.stringify(mail.to).includes(address));

  it('tells the customer when the parcel ships, goes out for delivery and arrives, once each', async () => {
    const orderId = await world.placeOrder(finnishOrder());
    await world.bigCommerceShipments(orderId, 1);
    await world.posti.post(`/shipments/${orderId}/run`, { journey: 'home', stepDelayMs: 400 });
    const mails = await waitFor(
      async () => {
        const mine = mailsTo('aino@example.fi').filter((m) => m.subject?.includes(String(orderId)));
        return mine.length >= 3 ? mine : undefined;
      },
      { what: 'three tracking e-mails', timeoutMs: 30_000 },
    );
    // The parcel goes to Finland: Finnish, from the store's sender.
    expect(mails.map((m) => m.subject)).toEqual([
      expect.stringContaining('matkalla'),
      expect.any(String),
      expect.any(String),
    ]);
    const [first] = mails;
    expect(first!.from?.text).toContain('tracking@nordictrail.example');
    expect(first!.text).toContain(`${'http://127.0.0.1:1'}/t/`);
    expect(first!.html).toContain('lang="fi"');
    expect(unsubscribeUrlOf(first!)).toMatch(/^http:\/\/127\.0\.0\.1:1\/u\/[A-Za-z0-9._-]+$/);
    expect(headerLine(first!, 'list-unsubscribe-post')).toBe(
      'List-Unsubscribe-Post: List-Unsubscribe=One-Click',
    );

    // Every callback delivered again: nothing is sent twice.
    await world.redeliverLastCallbacks(3);
    expect(
      mailsTo('aino@example.fi').filter((m) => m.subject?.includes(String(orderId))),
    ).toHaveLength(3);

    const order = await world.hub.platform.repos.orders.findByExternal(
      world.storeId,
      String(orderId),
    );
    const sent = await world.hub.platform.repos.notifications.forOrder(order!.id);
    expect(sent.filter((n) => n.channel === 'email').map((n) => n.state)).toEqual([
      'sent',
      'sent',
      'sent',
    ]);
    // The rules ask for an SMS when it is out for delivery; the store has no SMS connection.
    expect(sent.find((n) => n.channel === 'sms')).toMatchObject({
      state: 'skipped',
      note: 'the store has no SMS connection',
    });
    // What the record keeps of the address is its hash and a masked form.
    const emails = sent.filter((n) => n.channel === 'email');
    expect(emails.every((n) => n.recipientMasked === 'a***@example.fi')).toBe(true);
    expect(JSON.stringify(emails)).not.toContain('aino@example.fi');
  }, 60_000);

  it('sends the store’s own template once it is saved, as its preview showed it', async () => {
    const path = `/stores/${world.storeId}/notification-templates`;
    const subject = '{{store.name}}: tilaus {{order.number}} lähti matkaan!';
    const saved = await world.admin.http.put<{ version: number }>(`${path}/shipped/email/fi`, {
      subject,
      by: 'merchant',
    });
    expect(saved.status).toBe(201);
    const preview = await world.admin.http.post<{ subject: string; html: string }>(
      `${path}/preview`,
      { trigger: 'shipped', channel: 'email', language: 'fi' },
    );
    expect(preview.data.subject).toBe('Nordic Trail: tilaus 1234 lähti matkaan!');
    const broken = await world.admin.http.put(
      `${path}/shipped/email/fi`,
      { subject: '{{#if order.number}}unclosed' },
      { validateStatus: () => true },
    );
    expect(broken.status).toBe(422);

    const orderId = await world.placeOrder(
      finnishOrder({ billing: { ...finnishOrder().billing, email: 'eero@example.fi' } }),
    );
    await world.bigCommerceShipments(orderId, 1);
    await world.posti.post(`/shipments/${orderId}/run`, { journey: 'home', stepDelayMs: 300 });
    const [shipped] = await waitFor(
      async () => {
        const mine = mailsTo('eero@example.fi').filter((m) => m.subject?.includes(String(orderId)));
        return mine.length >= 3 ? mine : undefined;
      },
      { what: 'the order’s three e-mails', timeoutMs: 30_000 },
    );
    expect(shipped!.subject).toBe(`Nordic Trail: tilaus ${orderId} lähti matkaan!`);
    // Only the subject was the store's: the body is still the default's.
    expect(shipped!.html).toContain('lang="fi"');
  }, 60_000);

  it('unsubscribes with one click, and sends that recipient no more', async () => {
    const [mail] = mailsTo('aino@example.fi');
    const path = new URL(unsubscribeUrlOf(mail!)).pathname;
    const confirm = await fetch(`${page.url}${path}`);
    expect(confirm.status).toBe(200);
    expect(await confirm.text()).toContain('<form method="post"');
    const done = await fetch(`${page.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(done.status).toBe(200);

    const before = mailbox.received.length;
    const orderId = await world.placeOrder(finnishOrder());
    await world.bigCommerceShipments(orderId, 1);
    await world.posti.post(`/shipments/${orderId}/run`, { journey: 'home', stepDelayMs: 400 });
    const order = await waitFor(
      () => world.hub.platform.repos.orders.findByExternal(world.storeId, String(orderId)),
      { what: 'the order' },
    );
    const skipped = await waitFor(
      async () => {
        const rows = await world.hub.platform.repos.notifications.forOrder(order.id);
        const email = rows.filter((n) => n.channel === 'email');
        return email.length >= 3 && email.every((n) => n.state === 'skipped') ? email : undefined;
      },
      { what: 'the e-mails skipped for the unsubscribed recipient', timeoutMs: 30_000 },
    );
    expect(skipped[0]!.note).toBe('the recipient unsubscribed');
    expect(mailbox.received.length).toBe(before);
    expect((await fetch(`${page.url}/u/not-a-token`)).status).toBe(404);
  }, 60_000);
});
