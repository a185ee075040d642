import http from 'node:http';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { PAGE_LANGUAGES, statusWords } from '@shiplink/domain';
import { waitFor } from '@shiplink/testing';
import {
  finnishOrder,
  heavyLines,
  startPostiWorld,
  startTrackingPage,
  type PostiWorld,
  type RunningTrackingPage,
} from '@shiplink/test-world';
import { contrastOnWhite, hueOf, rgbOf } from './colours';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const AXE = require.resolve('axe-core');

interface AxeResult {
  violations: { id: string; impact: string | null; nodes: unknown[] }[];
}

/**
 * What the customer sees: a Finnish store's order of two Posti parcels, looked up by order
 * number and e-mail or postcode, opened from its link, in a real browser.
 */
describe('the customer tracking page in a real browser', () => {
  let world: PostiWorld;
  let page: RunningTrackingPage;
  let browser: Browser;
  let orderId: number;
  let link: string;

  beforeAll(async () => {
    world = await startPostiWorld();
    // Deployed behind one proxy, whose X-Forwarded-For names each client.
    page = await startTrackingPage(world.hub.platform, {
      LOOKUPS_PER_ORDER: '6',
      TRUST_PROXY_HOPS: '1',
    });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
    await world.admin.storeSettings(world.storeId, {
      trackingPage: {
        slug: 'nordic-trail',
        brand: {
          name: 'Nordic Trail',
          primaryColor: '#ffd400',
          accentColor: '#66ccff',
          supportEmail: 'help@nordictrail.example',
        },
        defaultLanguage: 'fi',
      },
    });
    orderId = await world.placeOrder(finnishOrder({ lines: heavyLines() }));
    await world.bigCommerceShipments(orderId, 2);
    await world.posti.post(`/shipments/${orderId}/run`, { journey: 'home', until: '71' });
    await waitFor(
      async () => {
        const { shipments } = await world.admin.timeline(String(orderId));
        return shipments.length === 2 && shipments.every((s) => s.status === 'out_for_delivery')
          ? true
          : undefined;
      },
      { what: 'both parcels out for delivery' },
    );
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await page?.close();
    await world?.close();
  });

  const lookup = (fields: Record<string, string>, headers: Record<string, string> = {}) =>
    fetch(`${page.url}/s/nordic-trail/lookup`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
      body: new URLSearchParams(fields).toString(),
      redirect: 'manual',
    });

  it('finds the order by its number and e-mail, and sends the customer to its link', async () => {
    const found = await lookup({ orderNumber: String(orderId), contact: 'AINO@example.fi ' });
    expect(found.status).toBe(303);
    link = found.headers.get('location') ?? '';
    expect(link).toMatch(/^\/t\/[A-Za-z0-9_-]{32}$/);
    const byPostcode = await lookup({ orderNumber: String(orderId), contact: '00 100' });
    expect(byPostcode.headers.get('location')).toBe(link);
  });

  it('answers a wrong e-mail exactly as an order that does not exist', async () => {
    const wrong = await lookup({ orderNumber: String(orderId), contact: 'someone@example.fi' });
    const none = await lookup({ orderNumber: '999999', contact: 'someone@example.fi' });
    expect([wrong.status, none.status]).toEqual([404, 404]);
    // The same page, but for what each visitor typed (and the style's nonce).
    const strip = (body: string, typed: string) =>
      body.replace(/nonce="[^"]*"/g, '').replace(`value="${typed}"`, 'value=""');
    expect(strip(await wrong.text(), String(orderId))).toBe(strip(await none.text(), '999999'));
  });

  it('limits lookups of one order, whoever asks', async () => {
    const target = { orderNumber: '424242', contact: 'guess@example.fi' };
    const statuses: number[] = [];
    // Eight clients, one lookup each: none of them reaches its own limit.
    for (let i = 0; i < 8; i++) {
      statuses.push((await lookup(target, { 'x-forwarded-for': `10.0.0.${i}` })).status);
    }
    expect(statuses.slice(0, 6).every((status) => status === 404)).toBe(true);
    expect(statuses.slice(6)).toEqual([429, 429]);
  });

  /** A request as it arrives on one of the store's own host names (fetch cannot set Host). */
  const onHost = (host: string, path: string) =>
    new Promise<{ status: number; body: string }>((resolve, reject) => {
      const request = http.get(`${page.url}${path}`, { headers: { host } }, (response) => {
        let body = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (body += chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
      });
      request.on('error', reject);
    });

  const open = async (context: BrowserContext, path: string) => {
    const tab = await context.newPage();
    const response = await tab.goto(`${page.url}${path}`);
    return { tab, status: response?.status() };
  };

  it('shows both parcels with their timelines in the store’s language and colours', async () => {
    const context = await browser.newContext({ locale: 'sv-SE' });
    const { tab, status } = await open(context, link);
    expect(status).toBe(200);
    // The store's default is Finnish, but the browser asks for Swedish.
    expect(await tab.getAttribute('html', 'lang')).toBe('sv');
    expect(await tab.locator('h1').count()).toBe(1);
    const text = await tab.locator('main').innerText();
    expect(text).toContain(String(orderId));
    for (const code of (await world.postiShipments()).find((s) => s.reference === String(orderId))!
      .trackingCodes) {
      expect(text).toContain(code);
    }
    expect(await tab.locator('main ol li').count()).toBeGreaterThanOrEqual(8);
    expect(text).toMatch(/UTC\+2/);
    // The header band is the store's yellow, its text black; a band that pale gets a dark edge.
    const styleOf = (selector: string, property: string) =>
      tab.evaluate(`getComputedStyle(document.querySelector('${selector}')).${property}`);
    expect(await styleOf('header.site', 'backgroundColor')).toBe('rgb(255, 212, 0)');
    expect(await styleOf('header.site .brand', 'color')).toBe('rgb(0, 0, 0)');
    expect(await styleOf('header.site', 'borderBottomColor')).toBe('rgb(26, 26, 26)');
    // Links are the store's light blue, darkened (same hue) until they read on white.
    const linkColour = rgbOf(String(await styleOf('main a', 'color')));
    expect(Math.abs(hueOf(linkColour) - hueOf(rgbOf('rgb(102, 204, 255)')))).toBeLessThan(2);
    expect(contrastOnWhite(linkColour)).toBeGreaterThanOrEqual(4.5);
    // The switcher's Finnish link is the customer's pick from then on.
    await tab.click('nav a[hreflang="fi"]');
    expect(await tab.getAttribute('html', 'lang')).toBe('fi');
    const again = await open(context, link);
    expect(await again.tab.getAttribute('html', 'lang')).toBe('fi');
    await context.close();
  });

  it('speaks each of its languages, the link’s own winning over the browser’s', async () => {
    const context = await browser.newContext({ locale: 'de-DE' });
    for (const language of PAGE_LANGUAGES) {
      const { tab, status } = await open(
        context,
        `${link}${link.includes('?') ? '&' : '?'}lang=${language}`,
      );
      expect(status).toBe(200);
      expect(await tab.getAttribute('html', 'lang')).toBe(language);
      const text = await tab.locator('main').innerText();
      expect(text).toContain(statusWords('out_for_delivery', language));
      await tab.close();
    }
    await context.close();
  });

  it('fits a 360 px phone and has no serious accessibility violations', async () => {
    const context = await browser.newContext({
      viewport: { width: 360, height: 740 },
      bypassCSP: true,
    });
    for (const path of [link, '/s/nordic-trail']) {
      const { tab } = await open(context, path);
      const width = await tab.evaluate('document.documentElement.scrollWidth');
      expect(width).toBeLessThanOrEqual(360);
      await tab.addScriptTag({ path: AXE });
      const result = (await tab.evaluate('axe.run()')) as AxeResult;
      const serious = result.violations.filter(
        (v) => v.impact === 'serious' || v.impact === 'critical',
      );
      expect(serious.map((v) => v.id)).toEqual([]);
    }
    await context.close();
  });

  it('shows a parcel found by its tracking number alone, without the order', async () => {
    const [code] = (await world.postiShipments()).find(
      (s) => s.reference === String(orderId),
    )!.trackingCodes;
    const found = await lookup({ trackingNumber: code! });
    expect(found.status).toBe(303);
    const context = await browser.newContext();
    const { tab } = await open(context, found.headers.get('location') ?? '');
    const text = await tab.locator('main').innerText();
    expect(text).toContain(code);
    expect(text.replaceAll(code!, '')).not.toContain(String(orderId));
    expect(text).not.toMatch(/Kettlebell/);
    await context.close();
  });

  it('serves the store on its own host name, and only its own orders there', async () => {
    await world.admin.storeSettings(world.storeId, {
      trackingPage: { slug: 'nordic-trail', domains: ['track.nordictrail.example'] },
    });
    const own = await waitFor(
      async () => {
        const answer = await onHost('track.nordictrail.example', '/');
        return answer.status === 200 ? answer : undefined;
      },
      { what: 'the store’s own host (its settings are cached for 30 s)', timeoutMs: 40_000 },
    );
    expect(own.body).toContain('<form');
    expect((await onHost('track.nordictrail.example', link)).status).toBe(200);
    // The shared host has no page at its root, and a store's own host no other store's paths.
    expect((await fetch(`${page.url}/`)).status).toBe(404);
    expect((await onHost('track.nordictrail.example', '/s/nordic-trail')).status).toBe(404);
  }, 60_000);

  it('answers a revoked link as gone', async () => {
    const token = link.slice('/t/'.length);
    const opened = await world.hub.platform.repos.trackingPages.resolve(token);
    await world.hub.platform.repos.trackingPages.revoke(opened!.orderId);
    const answer = await fetch(`${page.url}${link}`);
    expect(answer.status).toBe(410);
    expect((await fetch(`${page.url}/t/${'x'.repeat(32)}`)).status).toBe(404);
  });
});
