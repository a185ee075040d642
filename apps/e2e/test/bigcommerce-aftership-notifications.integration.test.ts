import type { ParsedMail } from 'mailparser';
import { statusWords } from '@shiplink/domain';
import { overrideEnv, waitFor } from '@shiplink/testing';
import {
  multiLineOrder,
  startMailbox,
  startTrackingPage,
  startTrackingWorld,
  type RunningTrackingPage,
  type TestWorld,
  type TrackingHelpers,
} from '@shiplink/test-world';

const PAGE_BASE = 'http://127.0.0.1:1';
const UUID = /[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}/i;
const CUSTOMER = 'maya@example.com';

/** Every address a message carries: its links and its List-Unsubscribe header. */
const urlsOf = (mail: ParsedMail) =>
  [
    ...`${mail.text ?? ''}\n${typeof mail.html === 'string' ? mail.html : ''}`.matchAll(
      /https?:\/\/[^\s"'<>)]+/g,
    ),
    ...(mail.headerLines.find((h) => h.key === 'list-unsubscribe')?.line ?? '').matchAll(
      /<([^>]+)>/g,
    ),
  ].map((match) => match[1] ?? match[0]);

/**
 * A BigCommerce store whose parcels AfterShip tracks: the merchant ships in the store, the hub
 * registers the number at AfterShip, and each moment of the parcel AfterShip reports reaches the
 * customer by e-mail once, in their language, with the order's tracking page behind its link.
 */
describe('BigCommerce + AfterShip: the customer’s tracking e-mails and page', () => {
  let mailbox: Awaited<ReturnType<typeof startMailbox>>;
  let world: TestWorld;
  let t: TrackingHelpers;
  let page: RunningTrackingPage;
  let restoreEnv: () => void = () => undefined;

  beforeAll(async () => {
    mailbox = await startMailbox();
    restoreEnv = overrideEnv({ SMTP_URL: mailbox.url, TRACKING_PAGE_URL: PAGE_BASE });
    ({ world, t } = await startTrackingWorld());
    page = await startTrackingPage(world.hub.platform);
    await world.admin.storeSettings(world.setup.storeId, {
      notifications: { enabled: true, email: { from: 'orders@sandbox-outfitters.example' } },
      trackingPage: {
        slug: 'sandbox-outfitters',
        brand: { name: 'Sandbox Outfitters', primaryColor: '#2d4a22' },
      },
    });
  }, 60_000);

  afterAll(async () => {
    restoreEnv();
    await page?.close();
    await world?.close();
    await mailbox?.close();
  });

  it('e-mails each moment AfterShip reports once, whatever is replayed, linking to the page', async () => {
    const { orderNumber, trackingNumber, tracking } = await t.shippedInStore(multiLineOrder());
    const mailsOfOrder = () =>
      mailbox.received.filter(
        (mail) => mail.subject?.includes(orderNumber) && JSON.stringify(mail.to).includes(CUSTOMER),
      );
    const scans = [
      { subtag: 'InTransit_001', message: 'Departed UPS facility' },
      { subtag: 'OutForDelivery_001', message: 'Out for delivery' },
      { subtag: 'Delivered_001', message: 'Delivered, front door' },
    ];
    const events: string[] = [];
    let delivered = tracking;
    for (const [index, scan] of scans.entries()) {
      const sent = await world.aftership.post<{ eventId: string; tracking: typeof tracking }>(
        `/trackings/${tracking.id}/scan`,
        { ...scan, city: 'Austin', state: 'TX', country_region: 'USA' },
      );
      events.push(sent.eventId);
      delivered = sent.tracking;
      // One scan at a time: each is its own moment for the customer.
      await waitFor(() => (mailsOfOrder().length > index ? true : undefined), {
        what: `the e-mail for ${scan.subtag}`,
        timeoutMs: 30_000,
      });
    }

    // Every webhook delivered again, and the delivery reported once more as a new event.
    for (const eventId of events) await t.redeliver(eventId);
    const last = delivered.checkpoints?.at(-1);
    await t.scan(tracking.id, {
      subtag: 'Delivered_001',
      message: 'Delivered, front door',
      ...(last?.checkpoint_time ? { checkpoint_time: last.checkpoint_time } : {}),
    });
    await waitFor(
      async () => {
        const rows = await t.inbox();
        // Three scans and the repeated delivery: four events, each settled once.
        return rows.length >= 4 && rows.every((row) => row.status !== 'received')
          ? true
          : undefined;
      },
      { what: 'every AfterShip event settled' },
    );
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const mails = mailsOfOrder();
    expect(mails).toHaveLength(3);

    // A US address: English, from the store's sender, with the parcel and the page's link.
    expect(mails.map((mail) => mail.html && /lang="([a-z]+)"/.exec(mail.html)?.[1])).toEqual([
      'en',
      'en',
      'en',
    ]);
    expect(mails[0]!.from?.text).toContain('orders@sandbox-outfitters.example');
    expect(mails[0]!.text).toContain(trackingNumber);
    const links = mails.map(
      (mail) => /https?:\/\/[^\s)]+\/t\/[A-Za-z0-9_-]+/.exec(mail.text ?? '')?.[0],
    );
    expect(links[0]?.startsWith(`${PAGE_BASE}/t/`)).toBe(true);
    expect(new Set(links).size).toBe(1);
    // No address in any message names an internal id.
    expect(mails.flatMap(urlsOf).filter((url) => UUID.test(url))).toEqual([]);

    const order = await world.hub.platform.repos.orders.findByExternal(
      world.setup.storeId,
      orderNumber,
    );
    const sent = await world.hub.platform.repos.notifications.forOrder(order!.id);
    expect(sent.filter((n) => n.channel === 'email').map((n) => [n.trigger, n.state])).toEqual([
      ['shipped', 'sent'],
      ['out_for_delivery', 'sent'],
      ['delivered', 'sent'],
    ]);
    // The rules text "out for delivery" too; this store has no SMS connection.
    expect(sent.filter((n) => n.channel === 'sms')).toEqual([
      expect.objectContaining({ trigger: 'out_for_delivery', state: 'skipped' }),
    ]);

    const opened = await fetch(links[0]!.replace(PAGE_BASE, page.url));
    expect(opened.status).toBe(200);
    const html = await opened.text();
    expect(html).toContain('Sandbox Outfitters');
    expect(html).toContain(orderNumber);
    expect(html).toContain(trackingNumber);
    expect(html).toContain(statusWords('delivered', 'en'));
    expect(html).not.toMatch(UUID);
  }, 120_000);
});
