import type { TrackingStatus } from '@shiplink/domain';
import type { EventView, OrderPageView, PageChrome, PageLocale, ParcelView } from './model';
import { PAGE_LOCALES } from './model';

// Realistic views for the tests, previews and the timing run.

export function sampleChrome(
  locale: PageLocale = 'en',
  overrides: Partial<PageChrome> = {},
): PageChrome {
  return {
    locale,
    branding: {
      storeName: 'Nordic Knits',
      logoUrl: 'https://cdn.example.com/logo.png',
      primaryColor: '#0b3d2e',
      accentColor: '#2e7d32',
      supportEmail: 'help@nordicknits.example',
      supportPhone: '+358 40 123 4567',
      supportUrl: 'https://nordicknits.example/help',
    },
    languages: PAGE_LOCALES.map((code) => ({
      locale: code,
      href: `/t/abc123?lang=${code}`,
      current: code === locale,
    })),
    lookupPath: '/lookup',
    styleNonce: 'n0nc3',
    ...overrides,
  };
}

function statusAt(index: number, count: number): TrackingStatus {
  if (index === count - 1) return 'info_received';
  return index === count - 2 ? 'picked_up' : 'in_transit';
}

/** Newest first, three checkpoints a day, all at UTC+2. */
export function sampleEvents(count: number): EventView[] {
  return Array.from({ length: count }, (_, i) => {
    const day = String(20 - Math.floor(i / 3)).padStart(2, '0');
    const hour = String(22 - (i % 3) * 7).padStart(2, '0');
    return {
      occurredAt: `2025-03-${day}T${hour}:02:11+02:00`,
      isLocal: false,
      status: statusAt(i, count),
      message: `Shipment processed at terminal ${count - i}`,
      location: 'Vantaa, FI',
    };
  });
}

export function sampleParcel(overrides: Partial<ParcelView> = {}): ParcelView {
  return {
    carrierName: 'Posti',
    trackingNumber: 'JJFI64355710000012345678',
    trackingUrl: 'https://www.posti.fi/fi/seuranta#/lahetys/JJFI64355710000012345678',
    status: 'in_transit',
    estimatedDelivery: '2025-03-22',
    items: [
      { name: 'Wool socks', quantity: 2 },
      { name: 'Mittens', quantity: 1 },
    ],
    events: sampleEvents(10),
    ...overrides,
  };
}

export function sampleOrderView(
  locale: PageLocale = 'en',
  overrides: Partial<OrderPageView> = {},
): OrderPageView {
  return {
    ...sampleChrome(locale),
    orderNumber: '1234',
    parcels: [
      sampleParcel(),
      sampleParcel({ status: 'delivered' }),
      sampleParcel({ status: 'exception' }),
    ],
    unshipped: [{ name: 'Beanie', quantity: 1 }],
    ...overrides,
  };
}

const WHITESPACE = /\s+/g;
const BETWEEN_TAGS = />\s</g;
const BEFORE_TAG_END = /\s(\/?)>/g;

/**
 * Rendered markup with insignificant whitespace squeezed out (source formatting puts newlines
 * between tags, and `<br />`-style slashes), so tests can compare against one-line fragments.
 */
export function compactHtml(markup: string): string {
  return markup.replace(WHITESPACE, ' ').replace(BETWEEN_TAGS, '><').replace(BEFORE_TAG_END, '>');
}
