/**
 * ShipStation V1 `carrierCode` → BigCommerce `tracking_carrier` (an AfterShip courier slug from
 * BigCommerce's list of accepted values). Every slug here is in that list; a code that maps to
 * `''` is known but has no honest single slug, and BigCommerce accepts `''` (no carrier) — a wrong
 * carrier would send the customer to the wrong tracking page, so we never guess.
 */
export const SHIPSTATION_STORE_CARRIERS = {
  // USPS, bought through ShipStation, Stamps.com, Endicia or Express 1.
  stamps_com: 'usps',
  usps: 'usps',
  endicia: 'usps',
  express_1: 'usps',
  ups: 'ups',
  ups_walleted: 'ups',
  fedex: 'fedex',
  fedex_walleted: 'fedex',
  dhl_express: 'dhl',
  dhl_express_worldwide: 'dhl',
  // DHL eCommerce (formerly DHL Global Mail) is its own network with its own tracking.
  dhl_global_mail: 'dhl-global-mail',
  dhl_ecommerce: 'dhl-global-mail',
  canada_post: 'canada-post',
  australia_post: 'australia-post',
  ontrac: 'ontrac',
  lasership: 'lasership',
  purolator_ca: 'purolator',
  sendle: 'sendle',
  // ShipStation's Asendia integration is Asendia USA.
  asendia: 'asendia-usa',
  apc: 'apc',
  globegistics: 'globegistics',
  newgistics: 'newgistics',
  firstmile: 'firstmile',
  imex: 'imexglobalsolutions',
  rr_donnelley: 'rrdonnelley',
  // BigCommerce's list has no Royal Mail value.
  royal_mail: '',
  // Amazon Buy Shipping resells UPS, USPS, FedEx… — the code does not say which one carried it.
  amazon_buy_shipping: '',
} as const satisfies Record<string, string>;

export type KnownShipStationCarrier = keyof typeof SHIPSTATION_STORE_CARRIERS;

const table = new Map<string, string>(Object.entries(SHIPSTATION_STORE_CARRIERS));

/** The store's tracking carrier for a ShipStation carrier code; `''` when unknown. */
export function storeCarrierFor(carrierCode: string | null | undefined): string {
  if (!carrierCode) return '';
  return table.get(carrierCode.trim().toLowerCase()) ?? '';
}
