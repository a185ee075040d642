import type { AfterShipTracking } from '@shiplink/connectors/aftership';
import { overrideEnv, waitFor } from '@shiplink/testing';
import {
  startCommercetoolsWorld,
  startMailbox,
  startTrackingPage,
  upsNumber,
  type CommercetoolsWorld,
  type RunningTrackingPage,
} from '@shiplink/test-world';

const PAGE_BASE = 'http://127.0.0.1:1';

/**
 * A commercetools store's customers get what BigCommerce stores' get: tracking e-mails from the
 * AfterShip timeline of each parcel, and the order's tracking page behind the e-mail's link.
 */
describe('commercetools: the customer’s e-mails and tracking page', () => {
  let mailbox: Awaited<ReturnType<typeof startMailbox>>;
  let world: CommercetoolsWorld;
  let page: RunningTrackingPage;
  let restoreEnv: () => void = () => undefined;

  beforeAll(async () => {
    mailbox = await startMailbox();
    restoreEnv = overrideEnv({ SMTP_URL: mailbox.url, TRACKING_PAGE_URL: PAGE_BASE });
    world = await startCommercetoolsWorld();
    page = await startTrackingPage(world.hub.platform);
    await world.admin.storeSettings(world.storeId, {
      notifications: { enabled: true, email: { from: 'tracking@nordictrail.example' } },
      trackingPage: {
        slug: 'nordic-trail-ct',
        brand: { name: 'Nordic Trail', primaryColor: '#1f3a5f' },
      },
    });
  }, 60_000);

  afterAll(async () => {
    restoreEnv();
    await page?.close();
    await world?.close();
    await mailbox?.close();
  });

  it('e-mails each moment of an AfterShip-tracked parcel once, linking to the order’s page', async () => {
    const order = await world.placeOrder();
    const trackingNumber = upsNumber();
    await world.addDelivery(order.id, {
      parcels: [{ trackingId: trackingNumber, carrier: 'UPS' }],
    });
    const tracking = await waitFor(
      async () =>
        (await world.aftership.get<{ tracking: AfterShipTracking }[]>('/trackings'))
          .map((row) => row.tracking)
          .find((t) => t.tracking_number === trackingNumber),
      { what: 'the AfterShip tracking' },
    );
    const mailsOfOrder = () =>
      mailbox.received.filter((m) => m.subject?.includes(order.orderNumber!));
    const scans = [
      ['InTransit_001', 'Departed facility'],
      ['OutForDelivery_001', 'Out for delivery'],
      ['Delivered_001', 'Delivered'],
    ];
    for (const [index, [subtag, message]] of scans.entries()) {
      await world.aftership.post(`/trackings/${tracking.id}/scan`, {
        subtag,
        message,
        city: 'Helsinki',
        country_region: 'FIN',
      });
      // One scan at a time: each is its own moment for the customer.
      await waitFor(() => (mailsOfOrder().length > index ? true : undefined), {
        what: `the e-mail for ${subtag}`,
        timeoutMs: 30_000,
      });
    }
    const mails = mailsOfOrder();
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(mailsOfOrder()).toHaveLength(3);
    // The parcel goes to Finland: Finnish e-mails.
    expect(mails[0]!.html).toContain('lang="fi"');
    expect(mails[0]!.text).toContain(trackingNumber);

    const link = /https?:\/\/[^\s)]+\/t\/[^\s)]+/.exec(mails[2]!.text ?? '')?.[0];
    expect(link?.startsWith(`${PAGE_BASE}/t/`)).toBe(true);
    const response = await fetch(link!.replace(PAGE_BASE, page.url));
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain(order.orderNumber!);
    expect(html).toContain(trackingNumber);
    expect(html).toContain('Nordic Trail');
    expect(html).toContain('Toimitettu');
  }, 90_000);
});
