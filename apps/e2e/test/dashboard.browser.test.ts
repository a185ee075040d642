import { chromium, type Browser } from 'playwright-core';
import { waitFor } from '@shiplink/testing';
import { badAddressOrder, startWorld, type TestWorld } from '@shiplink/test-world';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** The on-call view: Bull Board behind auth, and a dead letter replayed with its Retry button. */
describe('queue dashboard in a real browser', () => {
  let world: TestWorld;
  let browser: Browser;

  beforeAll(async () => {
    world = await startWorld();
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    });
  });

  afterAll(async () => {
    await browser?.close();
    await world?.close();
  });

  const dashboardUrl = () => `${world.hub.ingressUrl}/admin/queues`;

  it('sends visitors who are not signed in to sign in, and refuses other callers', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(dashboardUrl());
    expect(new URL(page.url()).pathname).toBe('/console/');
    expect(new URL(page.url()).searchParams.get('next')).toBe('/admin/queues');
    const api = await context.request.get(`${dashboardUrl()}/api/queues`, {
      headers: { accept: 'application/json' },
    });
    expect(api.status()).toBe(401);
    await context.close();
  });

  it('shows every queue and replays dead letters with Retry all', async () => {
    const orderId = await world.placeOrder(badAddressOrder());
    await waitFor(
      async () =>
        (await world.hub.platform.producer.deadLetterQueue('orders').getFailedCount()) === 1,
      {
        what: 'the bad order to be parked in orders-dlq',
      },
    );
    const view = await world.bigcommerce.get<{ shippingAddresses: { id: number }[] }>(
      `/stores/${world.storeHash}/orders/${orderId}`,
    );
    await world.bigcommerce.patch(`/stores/${world.storeHash}/orders/${orderId}`, {
      shippingAddress: { id: view.shippingAddresses[0]!.id, zip: '78701' },
    });

    // The operator signs in to the console; its session cookie opens the dashboard too.
    const context = await browser.newContext();
    const signIn = await context.request.post(`${world.hub.ingressUrl}/console/api/session`, {
      data: { operatorToken: world.hub.env.ADMIN_TOKEN },
    });
    expect(signIn.status()).toBe(200);
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    await page.goto(dashboardUrl());
    for (const name of ['orders', 'orders-dlq', 'shipments', 'shipments-dlq']) {
      await page.getByText(name, { exact: true }).first().waitFor();
    }
    await page.goto(`${dashboardUrl()}/queue/orders-dlq?status=failed`);
    await page.getByText('shipstation.validation').first().waitFor();
    // Bulk replay of the queue's parked dead letters, as on-call does it.
    await page.getByRole('button', { name: /^retry all$/i }).click();
    await page.getByRole('button', { name: /^confirm$/i }).click();
    await world.shipStationOrder(orderId);
    await waitFor(
      async () =>
        (await world.hub.platform.producer.deadLetterQueue('orders').getFailedCount()) === 0,
    );
    await context.close();
  }, 60_000);
});
