import http from 'node:http';
import { chromium, type Browser } from 'playwright-core';
import { waitFor } from '@shiplink/testing';
import {
  finnishOrder,
  startPostiWorld,
  startTrackingPage,
  type PostiWorld,
  type RunningTrackingPage,
} from '@shiplink/test-world';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const UUID = /[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}/i;
const PER_CLIENT = 5;

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A lookup form posted from one local address (`127.0.0.x`), as a separate client would. */
function lookupFrom(
  page: RunningTrackingPage,
  fields: Record<string, string>,
  from: { localAddress?: string; forwardedFor?: string } = {},
): Promise<Answer> {
  const body = new URLSearchParams(fields).toString();
  return new Promise((resolve, reject) => {
    const request = http.request(
      `${page.url}/s/privacy-trail/lookup`,
      {
        method: 'POST',
        localAddress: from.localAddress,
        agent: false,
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          'content-length': Buffer.byteLength(body),
          ...(from.forwardedFor ? { 'x-forwarded-for': from.forwardedFor } : {}),
        },
      },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (text += chunk));
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, headers: response.headers, body: text }),
        );
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}

/**
 * What the tracking page gives away: each client has its own lookup budget, counted from the
 * address a trusted proxy saw or, with no proxy trusted, the connection's own (a forged
 * X-Forwarded-For changes nothing); a cached page is never served with another answer's style
 * nonce; and no internal id appears in a page or in any address.
 */
describe('the tracking page’s limits, its cached pages, and what it never shows', () => {
  let world: PostiWorld;
  let behindProxy: RunningTrackingPage;
  let direct: RunningTrackingPage;
  let browser: Browser;
  let orderId: number;

  beforeAll(async () => {
    world = await startPostiWorld();
    const limits = { LOOKUPS_PER_CLIENT: String(PER_CLIENT), LOOKUPS_PER_ORDER: '100' };
    // As deployed behind one load balancer, which appends the address it saw.
    behindProxy = await startTrackingPage(world.hub.platform, { ...limits, TRUST_PROXY_HOPS: '1' });
    // Pages cached as in production, where many customers refresh one order's page.
    direct = await startTrackingPage(world.hub.platform, { ...limits, PAGE_CACHE_MS: '15000' });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
    await world.admin.storeSettings(world.storeId, {
      trackingPage: { slug: 'privacy-trail', brand: { name: 'Nordic Trail' } },
    });
    orderId = await world.placeOrder(finnishOrder());
    await world.bigCommerceShipments(orderId, 1);
    await world.posti.post(`/shipments/${orderId}/run`, { journey: 'home', until: '71' });
    await waitFor(
      async () => {
        const { shipments } = await world.admin.timeline(String(orderId));
        return shipments[0]?.status === 'out_for_delivery' ? true : undefined;
      },
      { what: 'the parcel out for delivery' },
    );
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await behindProxy?.close();
    await direct?.close();
    await world?.close();
  });

  /** Lookups of orders that do not exist, one order number each: only the client limit counts. */
  const guesses = async (
    page: RunningTrackingPage,
    from: (i: number) => Parameters<typeof lookupFrom>[2],
    count: number,
    series: string,
  ) => {
    const statuses: number[] = [];
    for (let i = 0; i < count; i++) {
      const fields = { orderNumber: `${series}${i}`, contact: 'guess@example.fi' };
      statuses.push((await lookupFrom(page, fields, from(i))).status);
    }
    return statuses;
  };

  it('behind a trusted proxy, counts each client the proxy names, whatever the client adds', async () => {
    const guessing = await guesses(
      behindProxy,
      () => ({ forwardedFor: '203.0.113.10' }),
      PER_CLIENT + 1,
      '7100',
    );
    expect(guessing).toEqual([...Array<number>(PER_CLIENT).fill(404), 429]);
    // The same client, pretending to be someone else in front of the proxy's own entry.
    const forged = await lookupFrom(
      behindProxy,
      { orderNumber: '7200', contact: 'guess@example.fi' },
      { forwardedFor: '198.51.100.7, 203.0.113.10' },
    );
    expect(forged.status).toBe(429);
    expect(Number(forged.headers['retry-after'])).toBeGreaterThan(0);
    // Another customer behind the same proxy is not held back, and finds their order.
    const other = await lookupFrom(
      behindProxy,
      { orderNumber: String(orderId), contact: 'aino@example.fi' },
      { forwardedFor: '203.0.113.11' },
    );
    expect(other.status).toBe(303);
    expect(other.headers.location).toMatch(/^\/t\/[A-Za-z0-9_-]{32}$/);
  });

  it('with no proxy trusted, counts each connection’s own address and ignores X-Forwarded-For', async () => {
    const guessing = await guesses(
      direct,
      (i) => ({ localAddress: '127.0.0.2', forwardedFor: `192.0.2.${i}` }),
      PER_CLIENT + 1,
      '7300',
    );
    expect(guessing).toEqual([...Array<number>(PER_CLIENT).fill(404), 429]);
    const elsewhere = await lookupFrom(
      direct,
      { orderNumber: String(orderId), contact: 'aino@example.fi' },
      { localAddress: '127.0.0.3' },
    );
    expect(elsewhere.status).toBe(303);
  });

  it('serves a cached page again with each answer’s own style nonce, which the browser accepts', async () => {
    const found = await lookupFrom(
      direct,
      { orderNumber: String(orderId), contact: '00100' },
      { localAddress: '127.0.0.4' },
    );
    const link = `${direct.url}${found.headers.location}`;
    // One after the other: the second is served from what the first rendered.
    const answers = [await fetch(link), await fetch(link)];
    const pages = await Promise.all(
      answers.map(async (answer) => {
        const body = await answer.text();
        const policy = answer.headers.get('content-security-policy') ?? '';
        return {
          body,
          inPolicy: /style-src 'nonce-([^']+)'/.exec(policy)?.[1],
          inPage: /<style nonce="([^"]+)">/.exec(body)?.[1],
        };
      }),
    );
    for (const page of pages) expect(page.inPage).toBe(page.inPolicy);
    expect(pages[0]!.inPage).not.toBe(pages[1]!.inPage);
    const unNonced = pages.map((page) => page.body.replace(page.inPage!, ''));
    expect(unNonced[0]).toBe(unNonced[1]);
    const context = await browser.newContext();
    const tab = await context.newPage();
    await tab.goto(link);
    expect(
      await tab.evaluate(`getComputedStyle(document.querySelector('header.site')).backgroundColor`),
    ).toBe('rgb(31, 58, 95)');
    await context.close();
  });

  it('puts no internal id in a page, a link, a form or an address the browser visits', async () => {
    const { db } = world.hub.platform.repos;
    const order = await db.order.findFirstOrThrow({
      where: { storeId: world.storeId, orderNumber: String(orderId) },
      select: { id: true, store: { select: { id: true, tenantId: true } } },
    });
    const rows = await Promise.all([
      db.shipment.findMany({ where: { orderId: order.id }, select: { id: true } }),
      db.tracking.findMany({ where: { orderId: order.id }, select: { id: true } }),
      db.connection.findMany({ where: { storeId: world.storeId }, select: { id: true } }),
    ]);
    const internalIds = [
      order.id,
      order.store.id,
      order.store.tenantId,
      ...rows.flat().map((r) => r.id),
    ];
    expect(rows[0].length).toBeGreaterThan(0);
    expect(order.id).toMatch(UUID);

    const context = await browser.newContext({ locale: 'en-GB' });
    const tab = await context.newPage();
    const seen: string[] = [];
    tab.on('request', (request) => seen.push(request.url()));
    tab.on('response', (response) => seen.push(response.headers().location ?? ''));
    const keep = async () => seen.push(tab.url(), await tab.content());

    await tab.goto(`${direct.url}/s/privacy-trail`);
    await keep();
    // A wrong e-mail first, then the right one: both answers are pages the customer sees.
    await tab.fill('input[name="orderNumber"]', String(orderId));
    await tab.fill('input[name="contact"]', 'someone@example.fi');
    await Promise.all([tab.waitForNavigation(), tab.click('#order-form + form button')]);
    await keep();
    await tab.fill('input[name="orderNumber"]', String(orderId));
    await tab.fill('input[name="contact"]', 'aino@example.fi');
    await Promise.all([tab.waitForNavigation(), tab.click('#order-form + form button')]);
    expect(new URL(tab.url()).pathname).toMatch(/^\/t\/[A-Za-z0-9_-]{32}$/);
    expect(await tab.locator('main').innerText()).toContain(String(orderId));
    await keep();
    await Promise.all([tab.waitForNavigation(), tab.click('nav a[hreflang="sv"]')]);
    await keep();
    const [parcel] = (await world.postiShipments()).find(
      (s) => s.reference === String(orderId),
    )!.trackingCodes;
    await tab.goto(`${direct.url}/s/privacy-trail`);
    await tab.fill('input[name="trackingNumber"]', parcel!);
    await Promise.all([tab.waitForNavigation(), tab.click('#tracking-form + form button')]);
    expect(new URL(tab.url()).pathname).toBe(`/s/privacy-trail/parcel/${parcel}`);
    await keep();
    await context.close();

    const everything = seen.join('\n');
    expect(everything).toContain(parcel);
    expect(everything).not.toMatch(UUID);
    for (const id of internalIds) {
      expect(everything).not.toContain(id);
      expect(everything).not.toContain(id.replaceAll('-', ''));
    }
  });
});
