/**
 * Carriers as the hub knows them, whoever named them. Each system spells a carrier its own way
 * (a fulfilment system's carrier code, a store's tracking value, a tracking provider's courier
 * slug); this one table says which canonical carrier every known spelling stands for, so no
 * connector has to know another one's vocabulary.
 *
 * `slug` is the courier slug tracking uses (AfterShip's list, which store platforms share) and
 * the value shipments carry. It is null where no single slug is honest: a reseller's code does
 * not say who carried the parcel, and a wrong courier sends the customer to someone else's
 * parcel, so tracking detection decides instead. `storeValue` is the store's `tracking_carrier`
 * (BigCommerce's list of accepted values), `''` where that list has none.
 */
export interface CanonicalCarrier {
  id: CarrierId;
  name: string;
  slug: string | null;
  storeValue: string;
}

interface CarrierRow {
  name: string;
  slug: string | null;
  storeValue: string;
  /** Each system's own codes for the carrier, by provider id. */
  codes: Readonly<Record<string, readonly string[]>>;
}

export const CARRIERS = {
  usps: {
    name: 'USPS',
    slug: 'usps',
    storeValue: 'usps',
    // USPS, bought through ShipStation, Stamps.com, Endicia or Express 1.
    codes: {
      shipstation: ['stamps_com', 'usps', 'endicia', 'express_1'],
      // ShipHero labels name the carrier in lower case.
      shiphero: ['usps', 'endicia'],
    },
  },
  ups: {
    name: 'UPS',
    slug: 'ups',
    storeValue: 'ups',
    codes: { shipstation: ['ups', 'ups_walleted'], shiphero: ['ups'] },
  },
  fedex: {
    name: 'FedEx',
    slug: 'fedex',
    storeValue: 'fedex',
    codes: { shipstation: ['fedex', 'fedex_walleted'], shiphero: ['fedex'] },
  },
  dhl: {
    name: 'DHL Express',
    slug: 'dhl',
    storeValue: 'dhl',
    codes: {
      shipstation: ['dhl_express', 'dhl_express_worldwide'],
      shiphero: ['dhl', 'dhl_express'],
    },
  },
  // DHL eCommerce (formerly DHL Global Mail) is its own network with its own tracking.
  dhl_ecommerce: {
    name: 'DHL eCommerce',
    slug: 'dhl-global-mail',
    storeValue: 'dhl-global-mail',
    codes: { shipstation: ['dhl_global_mail', 'dhl_ecommerce'] },
  },
  canada_post: {
    name: 'Canada Post',
    slug: 'canada-post',
    storeValue: 'canada-post',
    codes: { shipstation: ['canada_post'] },
  },
  australia_post: {
    name: 'Australia Post',
    slug: 'australia-post',
    storeValue: 'australia-post',
    codes: { shipstation: ['australia_post'] },
  },
  ontrac: {
    name: 'OnTrac',
    slug: 'ontrac',
    storeValue: 'ontrac',
    codes: { shipstation: ['ontrac'] },
  },
  lasership: {
    name: 'LaserShip',
    slug: 'lasership',
    storeValue: 'lasership',
    codes: { shipstation: ['lasership'] },
  },
  purolator: {
    name: 'Purolator',
    slug: 'purolator',
    storeValue: 'purolator',
    codes: { shipstation: ['purolator_ca'] },
  },
  sendle: {
    name: 'Sendle',
    slug: 'sendle',
    storeValue: 'sendle',
    codes: { shipstation: ['sendle'] },
  },
  // ShipStation's Asendia integration is Asendia USA.
  asendia_usa: {
    name: 'Asendia USA',
    slug: 'asendia-usa',
    storeValue: 'asendia-usa',
    codes: { shipstation: ['asendia'] },
  },
  apc: { name: 'APC', slug: 'apc', storeValue: 'apc', codes: { shipstation: ['apc'] } },
  globegistics: {
    name: 'Globegistics',
    slug: 'globegistics',
    storeValue: 'globegistics',
    codes: { shipstation: ['globegistics'] },
  },
  newgistics: {
    name: 'Newgistics',
    slug: 'newgistics',
    storeValue: 'newgistics',
    codes: { shipstation: ['newgistics'] },
  },
  firstmile: {
    name: 'FirstMile',
    slug: 'firstmile',
    storeValue: 'firstmile',
    codes: { shipstation: ['firstmile'] },
  },
  imex: {
    name: 'IMEX Global Solutions',
    slug: 'imexglobalsolutions',
    storeValue: 'imexglobalsolutions',
    codes: { shipstation: ['imex'] },
  },
  rr_donnelley: {
    name: 'RR Donnelley',
    slug: 'rrdonnelley',
    storeValue: 'rrdonnelley',
    codes: { shipstation: ['rr_donnelley'] },
  },
  // Known, but the store's list has no Royal Mail value and shipments carry what the store can
  // show, so its parcels are left to tracking detection like any carrier without a slug.
  royal_mail: {
    name: 'Royal Mail',
    slug: null,
    storeValue: '',
    codes: { shipstation: ['royal_mail'] },
  },
  // Amazon Buy Shipping resells UPS, USPS, FedEx… — the code does not say which one carried it.
  amazon_buy_shipping: {
    name: 'Amazon Buy Shipping',
    slug: null,
    storeValue: '',
    codes: { shipstation: ['amazon_buy_shipping'] },
  },
} as const satisfies Record<string, CarrierRow>;

export type CarrierId = keyof typeof CARRIERS;

const normalized = (code: string) => code.trim().toLowerCase();

const BY_CODE = new Map<string, CanonicalCarrier>();
for (const [id, row] of Object.entries(CARRIERS) as [CarrierId, CarrierRow][]) {
  const carrier: CanonicalCarrier = {
    id,
    name: row.name,
    slug: row.slug,
    storeValue: row.storeValue,
  };
  for (const [provider, codes] of Object.entries(row.codes)) {
    for (const code of codes) BY_CODE.set(`${provider}:${normalized(code)}`, carrier);
  }
}

/** The canonical carrier a provider's carrier code stands for; undefined when the code is unknown. */
export function carrierFromCode(
  provider: string,
  code: string | null | undefined,
): CanonicalCarrier | undefined {
  if (!code) return undefined;
  return BY_CODE.get(`${provider}:${normalized(code)}`);
}

/** The courier slug a provider's carrier code stands for; `''` when there is no honest one. */
export function carrierSlugFromCode(provider: string, code: string | null | undefined): string {
  return carrierFromCode(provider, code)?.slug ?? '';
}

/** Every provider code the table knows, with what it maps to (for table tests and docs). */
export function carrierCodes(provider: string): [code: string, carrier: CanonicalCarrier][] {
  return [...BY_CODE.entries()]
    .filter(([key]) => key.startsWith(`${provider}:`))
    .map(([key, carrier]) => [key.slice(provider.length + 1), carrier]);
}

const comparable = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, '');

const BY_NAME = new Map<string, CanonicalCarrier>();
for (const carrier of BY_CODE.values()) {
  for (const spelling of [carrier.name, carrier.id, carrier.slug ?? '', carrier.storeValue]) {
    if (comparable(spelling)) BY_NAME.set(comparable(spelling), carrier);
  }
}
for (const [key, carrier] of BY_CODE) {
  const code = comparable(key.slice(key.indexOf(':') + 1));
  if (code && !BY_NAME.has(code)) BY_NAME.set(code, carrier);
}

/**
 * The canonical carrier free text names ("DHL Express", "fedex", "U.P.S."), for stores whose
 * carrier field is typed by people or 3PLs (commercetools' `trackingData.carrier`): its name, id,
 * slug, store value or any system's code, compared without case, spaces or punctuation.
 */
export function carrierFromName(text: string | null | undefined): CanonicalCarrier | undefined {
  if (!text) return undefined;
  return BY_NAME.get(comparable(text));
}
