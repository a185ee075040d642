import { TRACKING_STATUSES } from '@shiplink/domain';
import { renderOrderPage as renderRaw } from './index';
import { MESSAGES } from './i18n';
import { PAGE_LOCALES } from './model';
import { compactHtml, sampleEvents, sampleOrderView, sampleParcel } from './samples';

const renderOrderPage = (...args: Parameters<typeof renderRaw>) => compactHtml(renderRaw(...args));

const count = (haystack: string, needle: string | RegExp) =>
  (haystack.match(new RegExp(needle, 'g')) ?? []).length;

const between = (page: string, start: string, end: string) => {
  const from = page.indexOf(start);
  return page.slice(from, page.indexOf(end, from));
};

describe('renderOrderPage structure', () => {
  const page = renderOrderPage(sampleOrderView('fi'));

  it('is a complete document in the page language', () => {
    expect(page.startsWith('<!doctype html>')).toBe(true);
    expect(page).toContain('<html lang="fi">');
    expect(page).toContain('<meta charset="utf-8">');
    expect(page).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(page).toMatch(/<title>Tilaus 1234 – Nordic Knits<\/title>/);
  });

  it('has one h1, the landmarks and a skip link', () => {
    expect(count(page, '<h1')).toBe(1);
    expect(page).toContain('<h1>Tilaus 1234</h1>');
    for (const landmark of ['<header', '<main id="main"', '<footer'])
      expect(page).toContain(landmark);
    expect(page).toMatch(/<a class="skip" href="#main">Siirry sisältöön<\/a>/);
  });

  it('has no script and one nonced style element', () => {
    expect(page).not.toMatch(/<script/i);
    expect(page).not.toMatch(/\son[a-z]+=/i);
    expect(count(page, '<style')).toBe(1);
    expect(page).toContain('<style nonce="n0nc3">');
    expect(page).not.toMatch(/<link|@import|url\(/);
    expect(page).not.toMatch(/ style="/);
  });

  it('gives each parcel a labelled section with a heading', () => {
    expect(count(page, '<section class="parcel" aria-labelledby="parcel-')).toBe(3);
    expect(page).toContain('<h2 id="parcel-2">Paketti 2/3</h2>');
  });

  it('lists the timeline newest first in an ordered list with datetimes', () => {
    const timeline = between(page, '<ol class="timeline">', '</ol>');
    const datetimes = [...timeline.matchAll(/<time datetime="([^"]+)"/g)].map((m) => m[1]);
    expect(datetimes).toHaveLength(10);
    expect(datetimes[0]).toBe('2025-03-20T22:02:11+02:00');
    const instants = datetimes.map((d) => Date.parse(d ?? ''));
    expect([...instants].sort((a, b) => b - a)).toEqual(instants);
    expect(timeline).toContain('20.3.2025 klo 22.02 (UTC+2)');
  });

  it('shows carrier, tracking number, link, status, estimate and items', () => {
    const first = between(page, 'id="parcel-1"', '</section>');
    expect(first).toContain('<dd>Posti</dd>');
    expect(first).toContain('<dd class="code">JJFI64355710000012345678</dd>');
    expect(first).toMatch(/<a href="https:\/\/www\.posti\.fi\/[^"]+" rel="noreferrer">/);
    expect(first).not.toContain('target=');
    expect(first).toContain('<p class="status">Matkalla</p>');
    expect(first).toContain('<time datetime="2025-03-22">');
    expect(first).toContain('<h3>Paketin tuotteet</h3>');
    expect(first).toContain('<li>2 × Wool socks</li>');
  });

  it('marks the current progress step in text, not colour only', () => {
    const first = between(page, 'id="parcel-1"', '</section>');
    expect(first).toContain('<li class="current" aria-current="step">Matkalla</li>');
    expect(first).toContain('<p>Vaihe 3/5</p>');
    expect(first).toContain('<span class="vh"> (valmis)</span>');
  });

  it('shows exceptions as a notice instead of progress', () => {
    const third = between(page, 'id="parcel-3"', '</section>');
    expect(third).not.toContain('class="progress"');
    expect(third).toContain('class="notice"');
    expect(third).toContain(MESSAGES.fi.statusNote.exception);
  });

  it('lists unshipped items and links back to the lookup form', () => {
    expect(page).toContain('<h2 id="unshipped">Vielä valmisteilla</h2>');
    expect(page).toContain('<li>1 × Beanie</li>');
    expect(page).toContain('<a href="/lookup">Hae toista tilausta</a>');
  });

  it('has a language switcher marking the current language', () => {
    const nav = between(page, '<nav', '</nav>');
    expect(nav).toContain('aria-label="Kieli"');
    expect(nav).toContain(
      '<a href="/t/abc123?lang=fi" lang="fi" hreflang="fi" aria-current="page">Suomi</a>',
    );
    expect(nav).toContain('<a href="/t/abc123?lang=de" lang="de" hreflang="de">Deutsch</a>');
    expect(count(nav, 'aria-current')).toBe(1);
  });

  it('shows branding and support contacts', () => {
    expect(page).toContain('<img src="https://cdn.example.com/logo.png" alt="Nordic Knits">');
    expect(page).toContain(
      '<a href="mailto:help@nordicknits.example">help@nordicknits.example</a>',
    );
    expect(page).toContain('<a href="tel:+358401234567">+358 40 123 4567</a>');
    expect(page).toContain('<a href="https://nordicknits.example/help" rel="noreferrer">');
  });
});

describe('renderOrderPage variants', () => {
  it('says "Your parcel" and shows no order details for a tracking-number lookup', () => {
    const page = renderOrderPage(
      sampleOrderView('en', {
        orderNumber: null,
        parcels: [sampleParcel({ items: null })],
        unshipped: null,
      }),
    );
    expect(page).toContain('<h1>Your parcel</h1>');
    expect(page).toContain('<title>Your parcel – Nordic Knits</title>');
    expect(page).not.toContain('Items in this parcel');
    expect(page).not.toContain('Still being prepared');
  });

  it('explains when nothing has shipped yet', () => {
    const page = renderOrderPage(sampleOrderView('en', { parcels: [] }));
    expect(page).toContain(MESSAGES.en.noParcelsYet);
    expect(page).toContain('Still being prepared');
  });

  it('renders every status in every language without a raw status key', () => {
    for (const locale of PAGE_LOCALES) {
      for (const status of TRACKING_STATUSES) {
        const page = renderOrderPage(
          sampleOrderView(locale, { parcels: [sampleParcel({ status, events: [] })] }),
        );
        expect(page).toContain(`<p class="status">${MESSAGES[locale].status[status]}</p>`);
        expect(count(page, '<h1')).toBe(1);
      }
    }
  });

  it('labels the pickup step as ready for pickup', () => {
    const page = renderOrderPage(
      sampleOrderView('sv', { parcels: [sampleParcel({ status: 'available_for_pickup' })] }),
    );
    expect(page).toContain('<li class="current" aria-current="step">Klar att hämta</li>');
  });

  it('shows a local event time without offset and an invalid one as given', () => {
    const page = renderOrderPage(
      sampleOrderView('en', {
        parcels: [
          sampleParcel({
            events: [
              {
                occurredAt: '2025-03-05T09:15:00',
                isLocal: true,
                status: 'delivered',
                message: null,
                location: null,
              },
              {
                occurredAt: 'soon <b>',
                isLocal: false,
                status: 'in_transit',
                message: null,
                location: null,
              },
            ],
          }),
        ],
      }),
    );
    expect(page).toMatch(/<time datetime="2025-03-05T09:15:00">5 Mar 2025, 09:15<\/time>/);
    expect(page).toContain('<span class="when">soon &lt;b&gt;</span>');
  });
});

describe('renderOrderPage escaping', () => {
  const evil = '<script>alert("x")</script>\'';
  const view = sampleOrderView('en', {
    orderNumber: `12"><script>1</script>`,
    styleNonce: 'abc"><script>',
    branding: {
      storeName: evil,
      logoUrl: 'javascript:alert(1)',
      primaryColor: '#000000;}</style><script>',
      accentColor: 'expression(alert(1))',
      supportEmail: 'javascript:alert(1)',
      supportPhone: '<script>',
      supportUrl: 'JavaScript:alert(1)',
    },
    languages: [
      { locale: 'en', href: 'javascript:alert(1)', current: true },
      { locale: 'fi', href: '/t/x?lang=fi&a="b"', current: false },
    ],
    lookupPath: ' javascript:alert(1)',
    parcels: [
      sampleParcel({
        carrierName: evil,
        trackingNumber: evil,
        trackingUrl: 'java\nscript:alert(1)',
        items: [{ name: evil, quantity: 1 }],
        events: [{ ...sampleEvents(1)[0]!, message: evil, location: evil }],
      }),
    ],
    unshipped: [{ name: evil, quantity: 2 }],
  });
  const page = renderOrderPage(view);

  it('never lets a script or an unescaped quote through', () => {
    expect(page).not.toMatch(/<script/i);
    expect(page).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&#39;');
    expect(page).toContain('<style nonce="abc&quot;&gt;&lt;script&gt;">');
  });

  it('never puts a javascript: URL in an href or src', () => {
    expect(page).not.toMatch(/javascript:/i);
    expect(page).not.toMatch(/(href|src|action)="(?!https:|\/|mailto:|tel:|#)/);
    expect(page).toContain('<div class="brand">&lt;script&gt;');
    expect(page).toContain('href="/t/x?lang=fi&amp;a=%22b%22"');
  });

  it('falls back to safe colours', () => {
    expect(page).toMatch(/:root\{--primary:#[0-9a-f]{6};--on-primary:#[0-9a-f]{6};/);
  });
});

describe('renderOrderPage timing', () => {
  it('renders 2,000 order pages of 3 parcels × 10 events', () => {
    const views = PAGE_LOCALES.map((locale) => sampleOrderView(locale));
    renderRaw(views[0]!);
    const started = performance.now();
    let bytes = 0;
    for (let i = 0; i < 2000; i++) bytes += renderRaw(views[i % views.length]!).length;
    const elapsed = performance.now() - started;
    process.stdout.write(
      `renderOrderPage: 2000 pages in ${elapsed.toFixed(0)} ms (${(elapsed / 2000).toFixed(3)} ms/page, ${Math.round(bytes / 2000)} bytes/page)\n`,
    );
    expect(bytes).toBeGreaterThan(0);
  });
});
