import { readFile } from 'node:fs/promises';
import type { Download, Page } from 'playwright-core';
import { waitFor } from '@shiplink/testing';
import {
  addConsoleUsers,
  finnishOrder,
  startPostiWorld,
  type PostiWorld,
} from '@shiplink/test-world';
import { ConsoleBrowser, openScreen as open, violations } from './console-browser';

const OWNER = 'owner@nordic-trail.example';

/**
 * A store that ships its own parcels with Posti, in the console in Chromium: two orders' labels
 * picked, dry-run and printed as one PDF, the shipping cost reconciliation for the period, and
 * the delivery analytics once Posti has delivered both parcels, and a dry run of the checkout
 * rates.
 */
describe('console: labels, reconciliation, analytics and checkout rates', () => {
  let world: PostiWorld;
  let browser: ConsoleBrowser;
  const orders: string[] = [];

  beforeAll(async () => {
    world = await startPostiWorld();
    const { data: stores } =
      await world.admin.http.get<{ id: string; tenantId: string }[]>('/stores');
    const tenantId = stores.find((store) => store.id === world.storeId)!.tenantId;
    await addConsoleUsers(world.hub, tenantId, [{ email: OWNER, role: 'owner' }]);
    for (let i = 0; i < 2; i += 1) {
      const orderId = await world.placeOrder(finnishOrder());
      await world.bigCommerceShipments(orderId, 1);
      orders.push(String(orderId));
    }
    // Labels are kept as the consignments are made; the print reads them from the database.
    for (const orderNumber of orders) {
      await waitFor(
        async () => {
          const kept = await world.hub.platform.repos.carrierShipments.forOrder(
            world.storeId,
            orderNumber,
          );
          return kept[0]?.hasLabel ? true : undefined;
        },
        { what: `the label of order ${orderNumber}` },
      );
    }
    browser = await ConsoleBrowser.launch();
  }, 90_000);

  afterEach(() => browser.closePages());

  afterAll(async () => {
    await browser?.close();
    await world?.close();
  });

  const signedIn = (width = 1280) => browser.signedIn(world.hub.ingressUrl, OWNER, width);

  /** What the browser saved when `start` made it download a file. */
  async function downloaded(page: Page, start: () => Promise<void>) {
    const [download] = await Promise.all([page.waitForEvent('download'), start()]);
    const path = await (download as Download).path();
    return { name: (download as Download).suggestedFilename(), body: await readFile(path) };
  }

  it('prints the labels of two orders as one PDF after its dry run', async () => {
    const page = await signedIn();
    await open(page, 'Labels');
    await page.getByRole('heading', { name: 'Print labels', level: 2 }).waitFor();
    expect(await violations(page)).toEqual([]);

    for (const orderNumber of orders) {
      await page.getByLabel('Order number', { exact: true }).fill(orderNumber);
      await page.getByRole('button', { name: 'Show consignments' }).click();
      const consignments = page.getByRole('region', {
        name: `Consignments of order ${orderNumber}`,
      });
      await consignments.getByText('Stored').waitFor();
      await page.getByRole('button', { name: `Add order ${orderNumber} to the print` }).click();
    }
    const picked = await page.getByLabel('Order numbers (one a line)').inputValue();
    expect(picked.split('\n').filter(Boolean)).toEqual(orders);
    expect(await violations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Dry run print' }).click();
    await page.getByText('The print would hold 2 labels; 0 labels missing.').waitFor();
    const planned = await page
      .getByRole('region', { name: 'Labels in the print' })
      .getByRole('row')
      .allInnerTexts();
    for (const orderNumber of orders) {
      expect(planned.some((row) => row.startsWith(`${orderNumber}\t`))).toBe(true);
    }
    expect(await violations(page)).toEqual([]);

    const pdf = await downloaded(page, () =>
      page.getByRole('button', { name: 'Print labels (PDF)' }).click(),
    );
    expect(pdf.name).toMatch(/^labels-.*\.pdf$/);
    expect(pdf.body.subarray(0, 5).toString()).toBe('%PDF-');
    await page.getByText(`Downloaded ${pdf.name}: 2 labels, 0 missing.`).waitFor();
  }, 60_000);

  it('shows the shipping cost reconciliation for a period, with its CSV', async () => {
    const page = await signedIn();
    await open(page, 'Labels');
    const section = page.getByRole('region', { name: 'Shipping cost reconciliation' });
    await section.getByRole('button', { name: 'Show report' }).click();
    await section.getByText('The report covers 2 order destinations.').waitFor();
    const rows = await section
      .getByRole('region', { name: 'Orders' })
      .getByRole('row')
      .allInnerTexts();
    for (const orderNumber of orders) {
      expect(rows.some((row) => row.includes(orderNumber))).toBe(true);
    }
    await section.getByRole('region', { name: 'Totals' }).waitFor();
    await section.getByRole('region', { name: 'By shipping method' }).waitFor();
    expect(await violations(page)).toEqual([]);

    const csv = await downloaded(page, () =>
      section.getByRole('link', { name: 'Download CSV' }).click(),
    );
    expect(csv.name).toMatch(/^shipping-.*\.csv$/);
    const lines = csv.body.toString('utf8').trim().split('\n');
    expect(lines).toHaveLength(3);
    for (const orderNumber of orders) {
      expect(lines.some((line) => line.includes(orderNumber))).toBe(true);
    }

    // A period that ends before it starts is refused before anything is asked.
    await section.getByLabel('From', { exact: true }).fill('2026-05-10');
    await section.getByLabel('To', { exact: true }).fill('2026-05-01');
    await section.getByRole('button', { name: 'Show report' }).click();
    await section.getByRole('alert').getByText('The last day comes before the first.').waitFor();
  }, 60_000);

  it('charts delivery for a period once Posti has delivered the parcels', async () => {
    const consignments = (await world.postiShipments()).filter((s) => orders.includes(s.reference));
    for (const consignment of consignments) {
      await world.posti.post(`/shipments/${consignment.reference}/run`, { journey: 'home' });
    }
    for (const orderNumber of orders) {
      await waitFor(
        async () => {
          const [parcel] = (await world.admin.timeline(orderNumber)).shipments;
          return parcel?.status === 'delivered' ? true : undefined;
        },
        { what: `the parcel of order ${orderNumber} delivered` },
      );
    }

    const page = await signedIn();
    await open(page, 'Analytics', 'Delivery analytics');
    await page.getByRole('heading', { name: 'Transit time by carrier', level: 2 }).waitFor();
    await page.getByRole('heading', { name: 'On-time rate by carrier', level: 2 }).waitFor();
    await page.getByRole('heading', { name: 'Over time, by day', level: 2 }).waitFor();
    await page.getByRole('img', { name: /^Transit time by carrier, in hours/ }).waitFor();
    await page.getByRole('img', { name: /^Parcels per day/ }).waitFor();
    const figures = page.getByRole('table', { name: 'Delivery figures by carrier' });
    const posti = figures.getByRole('row', { name: /^posti/i });
    const cells = (await posti.getByRole('cell').allInnerTexts()).slice(0, 2);
    expect(cells).toEqual(['2', '2']);
    expect(await violations(page)).toEqual([]);

    await page.getByLabel('Group by').selectOption('store');
    await page.getByLabel('Series interval').selectOption('week');
    await page.getByRole('button', { name: 'Show analytics' }).click();
    await page.getByRole('heading', { name: 'Delivery figures by store', level: 2 }).waitFor();
    await page.getByRole('heading', { name: 'Over time, by week', level: 2 }).waitFor();
    const byStore = page.getByRole('table', { name: 'Delivery figures by store' });
    await byStore.getByRole('row', { name: /^Nordic Trail/ }).waitFor();
    const csv = await downloaded(page, () =>
      page.getByRole('link', { name: 'Download CSV' }).click(),
    );
    expect(csv.name).toMatch(/^delivery-by-store-.*\.csv$/);
    expect(csv.body.toString('utf8')).toContain('Nordic Trail');
    expect(await violations(page)).toEqual([]);
  }, 90_000);

  it('dry-runs the saved checkout rate rules on the sample cart', async () => {
    const page = await signedIn();
    await open(page, 'Rules');
    await page
      .getByRole('navigation', { name: 'Kinds of rules' })
      .getByRole('link', { name: 'Checkout rate rules' })
      .click();
    await page.getByText('Version 1, saved').waitFor();
    await page.getByLabel('Language (optional, e.g. fi)').fill('fi');
    await page.getByRole('button', { name: 'Dry run rates' }).click();
    await page.getByText(/^Checkout would show [1-9]\d* rates?\.$/).waitFor();
    const rates = await page
      .getByRole('table', { name: 'Rates checkout would show' })
      .getByRole('row')
      .allInnerTexts();
    expect(rates.some((row) => row.includes('Kotipaketti'))).toBe(true);
    expect(await violations(page)).toEqual([]);
  });

  it('fits a 360 px phone with the labels and the analytics shown', async () => {
    const page = await signedIn(360);
    const scrollWidth = () => page.evaluate('document.documentElement.scrollWidth');
    await open(page, 'Labels');
    await page.getByLabel('Order numbers (one a line)').fill(orders.join('\n'));
    await page.getByRole('button', { name: 'Dry run print' }).click();
    await page.getByRole('region', { name: 'Labels in the print' }).waitFor();
    await page.getByRole('button', { name: 'Show report' }).click();
    await page.getByRole('region', { name: 'Totals' }).waitFor();
    expect(await scrollWidth()).toBeLessThanOrEqual(360);
    await open(page, 'Analytics', 'Delivery analytics');
    await page.getByRole('table', { name: 'Delivery figures by carrier' }).waitFor();
    expect(await scrollWidth()).toBeLessThanOrEqual(360);
  }, 60_000);
});
