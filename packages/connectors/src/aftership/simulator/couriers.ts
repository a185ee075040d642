/** The couriers the simulator knows, with the number patterns its detection recognizes. */
export interface SimCourier {
  slug: string;
  name: string;
  web_url: string;
  trackingLink(trackingNumber: string): string;
}

export const SIM_COURIERS: readonly SimCourier[] = [
  {
    slug: 'ups',
    name: 'UPS',
    web_url: 'https://www.ups.com',
    trackingLink: (n) => `https://www.ups.com/track?tracknum=${n}`,
  },
  {
    slug: 'usps',
    name: 'USPS',
    web_url: 'https://www.usps.com',
    trackingLink: (n) => `https://tools.usps.com/go/TrackConfirmAction?tLabels=${n}`,
  },
  {
    slug: 'fedex',
    name: 'FedEx',
    web_url: 'https://www.fedex.com',
    trackingLink: (n) => `https://www.fedex.com/fedextrack/?trknbr=${n}`,
  },
  {
    slug: 'dhl',
    name: 'DHL Express',
    web_url: 'https://www.dhl.com',
    trackingLink: (n) => `https://www.dhl.com/global-en/home/tracking.html?tracking-id=${n}`,
  },
  {
    slug: 'posti',
    name: 'Posti',
    web_url: 'https://www.posti.fi',
    trackingLink: (n) => `https://www.posti.fi/en/tracking#/lahetys/${n}`,
  },
];

export const courierBySlug = (slug: string) => SIM_COURIERS.find((c) => c.slug === slug);

/**
 * Number patterns → candidate slugs, best first. Some numbers are honestly ambiguous (22-digit
 * "92…" numbers are USPS but also FedEx SmartPost hand-offs; `JJD…` piece numbers are used by
 * DHL and by Posti), so detection can return several — as AfterShip's does.
 */
const PATTERNS: readonly [RegExp, readonly string[]][] = [
  [/^1Z[0-9A-Z]{16}$/i, ['ups']],
  [/^9[345]\d{20}$/, ['usps']],
  [/^92\d{20}$/, ['usps', 'fedex']],
  [/^[A-Z]{2}\d{9}US$/i, ['usps']],
  [/^(\d{12}|\d{15})$/, ['fedex']],
  [/^\d{10}$/, ['dhl']],
  [/^JJFI\d{5,30}$/i, ['posti']],
  [/^[A-Z]{2}\d{9}FI$/i, ['posti']],
  [/^JJD\d{16,20}$/i, ['posti', 'dhl']],
];

export function detectCouriers(trackingNumber: string): SimCourier[] {
  const number = trackingNumber.replace(/\s+/g, '');
  const match = PATTERNS.find(([pattern]) => pattern.test(number));
  return (match?.[1] ?? []).flatMap((slug) => courierBySlug(slug) ?? []);
}

/** What AfterShip answers for a courier in lists and detection. */
export function courierJson(courier: SimCourier) {
  return {
    slug: courier.slug,
    name: courier.name,
    phone: null,
    other_name: null,
    web_url: courier.web_url,
    required_fields: [],
    optional_fields: [],
    default_language: 'en',
    support_languages: ['en'],
  };
}
