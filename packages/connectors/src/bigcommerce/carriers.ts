/**
 * The `tracking_carrier` values we send. BigCommerce accepts `""` or a value from its tracking
 * carrier list (AfterShip courier slugs, ~900 of them); these are the ones fulfilment services
 * actually hand us, each checked against that list. Note what is absent there: no `royal-mail`,
 * `parcelforce`, `dhl-ecommerce` (DHL eCommerce is `dhl-global-mail`) or `evri` (`myhermes-uk`).
 */
export const BIGCOMMERCE_TRACKING_CARRIERS = [
  'usps',
  'ups',
  'ups-mi',
  'ups-freight',
  'fedex',
  'fedex-uk',
  'fedex-fims',
  'fedex-freight',
  'dhl',
  'dhl-global-mail',
  'dhl-global-mail-asia',
  'dhl-germany',
  'deutsch-post',
  'dhlparcel-nl',
  'dhlparcel-uk',
  'dhl-poland',
  'dhl-benelux',
  'canada-post',
  'purolator',
  'australia-post',
  'star-track',
  'couriers-please',
  'sendle',
  'aramex',
  'fastway-au',
  'new-zealand-post',
  'ontrac',
  'lasership',
  'speedee',
  'osm-worldwide',
  'pitney-bowes',
  'newgistics',
  'firstmile',
  'imexglobalsolutions',
  'rrdonnelley',
  'landmark-global',
  'apc',
  'apc-overnight',
  'tforce-finalmile',
  'estes',
  'xpo-logistics',
  'old-dominion',
  'asendia-usa',
  'globegistics',
  'asendia-uk',
  'asendia-de',
  'amazon',
  'amazon-uk-api',
  'yodel',
  'myhermes-uk',
  'hermes',
  'hermes-de',
  'dpd',
  'dpd-uk',
  'dpd-de',
  'dpd-ireland',
  'dpd-poland',
  'interlink-express',
  'gls',
  'gls-italy',
  'gls-netherlands',
  'tnt',
  'tnt-uk',
  'tnt-it',
  'tnt-fr',
  'tnt-au',
  'posti',
  'postnord',
  'danmark-post',
  'sweden-posten',
  'posten-norge',
  'bring',
  'an-post',
  'postnl',
  'postnl-international',
  'bpost',
  'colissimo',
  'la-poste-colissimo',
  'chronopost-france',
  'swiss-post',
  'austrian-post',
  'poste-italiane',
  'spain-correos-es',
  'correosexpress',
  'omniva',
  'inpost-paczkomaty',
  'japan-post',
  'china-post',
  'china-ems',
  'hong-kong-post',
  'singapore-post',
  'sf-express',
  'yanwen',
  '4px',
  'cainiao',
  'delhivery',
  'bluedart',
] as const;
export type BigCommerceTrackingCarrier = (typeof BIGCOMMERCE_TRACKING_CARRIERS)[number];

const VALID = new Set<string>(BIGCOMMERCE_TRACKING_CARRIERS);

export function isValidTrackingCarrier(value: string): value is BigCommerceTrackingCarrier {
  return VALID.has(value);
}

/**
 * Carrier names as fulfilment services spell them (ShipStation carrier codes, ShipHero and
 * Posti names) → BigCommerce values. Keys are normalised: lower case, `_`/space → `-`.
 */
const ALIASES: Record<string, BigCommerceTrackingCarrier> = {
  'stamps-com': 'usps',
  'express-1': 'usps',
  endicia: 'usps',
  'usps-first-class': 'usps',
  'ups-walleted': 'ups',
  'ups-ground-saver': 'ups-mi',
  'ups-mail-innovations': 'ups-mi',
  'fedex-walleted': 'fedex',
  'fedex-international-mailservice': 'fedex-fims',
  'dhl-express': 'dhl',
  'dhl-express-worldwide': 'dhl',
  'dhl-express-uk': 'dhl',
  'dhl-ecommerce': 'dhl-global-mail',
  'dhl-paket': 'dhl-germany',
  'deutsche-post': 'deutsch-post',
  'canada-post-walleted': 'canada-post',
  canadapost: 'canada-post',
  auspost: 'australia-post',
  'australia-post-mypost': 'australia-post',
  startrack: 'star-track',
  'spee-dee': 'speedee',
  'purolator-ca': 'purolator',
  imex: 'imexglobalsolutions',
  'rr-donnelley': 'rrdonnelley',
  evri: 'myhermes-uk',
  'hermes-uk': 'myhermes-uk',
  'amazon-shipping': 'amazon',
  'amazon-shipping-us': 'amazon',
  'amazon-shipping-uk': 'amazon-uk-api',
  'dpd-local': 'interlink-express',
  'posti-finland': 'posti',
  itella: 'posti',
  'postnord-denmark': 'danmark-post',
  'postnord-sweden': 'sweden-posten',
  correos: 'spain-correos-es',
  'nz-post': 'new-zealand-post',
  sf: 'sf-express',
};

/**
 * The `tracking_carrier` for a carrier name we were given, or `""` when BigCommerce has no
 * value for it (Royal Mail, Parcelforce…). An empty value is valid: BigCommerce then relies on
 * `shipping_provider`, `shipping_method` or a custom `tracking_link`.
 */
export function toBigCommerceTrackingCarrier(
  carrier: string | null | undefined,
): BigCommerceTrackingCarrier | '' {
  if (!carrier) return '';
  const key = carrier
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, '-');
  if (isValidTrackingCarrier(key)) return key;
  return ALIASES[key] ?? '';
}
