import type { Language, Localized } from './languages';

/** One specifier of an additional service, as `/shipping-methods/list` describes it. */
export interface SpecifierInfo {
  name: string;
  type: 'number' | 'text' | 'url';
  step?: string;
  min?: string;
}

interface AdditionalServiceInfo {
  name: Localized;
  specifiers: SpecifierInfo[] | null;
}

/** Pakettikauppa's additional services for Posti products, keyed by `service_code`. */
export const ADDITIONAL_SERVICES = {
  '2106': {
    name: { FI: 'Noutopiste', SE: 'Utlämningsställe', EN: 'Pickup point' },
    specifiers: [{ name: 'pickup_point_id', type: 'number' }],
  },
  '3101': {
    name: { FI: 'Postiennakko', SE: 'Postförskott', EN: 'Cash on delivery' },
    specifiers: [
      { name: 'amount', type: 'number', step: '0.01', min: '0' },
      { name: 'account', type: 'text' },
      { name: 'reference', type: 'text' },
      { name: 'codbic', type: 'text' },
    ],
  },
  '3102': {
    name: { FI: 'Monipakettilähetys', SE: 'Flerkollisändning', EN: 'Multiparcel shipment' },
    specifiers: [{ name: 'count', type: 'number' }],
  },
  '3104': {
    name: { FI: 'Särkyvä', SE: 'Ömtåligt', EN: 'Fragile' },
    specifiers: null,
  },
  '3139': {
    name: {
      FI: 'Sähköinen saapumisilmoitus',
      SE: 'Elektroniskt ankomstmeddelande',
      EN: 'Electronic arrival notification',
    },
    specifiers: null,
  },
  '3143': {
    name: { FI: 'LQ Lähetys', SE: 'LQ-försändelse', EN: 'LQ shipment' },
    specifiers: [
      { name: 'lqcount', type: 'number' },
      { name: 'lqweight', type: 'number' },
    ],
  },
  '3163': {
    name: {
      FI: 'Henkilökohtaisesti luovutettava',
      SE: 'Personlig utlämning',
      EN: 'Personal delivery',
    },
    specifiers: null,
  },
  '3165': {
    name: { FI: 'Säilytysajan pidennys', SE: 'Förlängd förvaringstid', EN: 'Extended storage' },
    specifiers: null,
  },
  '3174': {
    name: { FI: 'Suuri', SE: 'Stor', EN: 'Large' },
    specifiers: null,
  },
  '9901': {
    name: { FI: 'Seurantakutsu', SE: 'Spårningsanrop', EN: 'Tracking callback' },
    specifiers: [{ name: 'url', type: 'url' }],
  },
  '9902': {
    name: { FI: 'Lähetyskoodi', SE: 'Sändningskod', EN: 'Label code' },
    specifiers: null,
  },
} as const satisfies Record<string, AdditionalServiceInfo>;

/** A service code the simulator knows. */
export type AdditionalServiceCode = keyof typeof ADDITIONAL_SERVICES;

/** An additional service as `additional_services[]` lists it. */
export interface AdditionalServiceJson {
  name: string;
  service_code: string;
  specifiers: SpecifierInfo[] | null;
}

/** The service in the asked language. */
export function additionalServiceJson(
  code: AdditionalServiceCode,
  language: Language,
): AdditionalServiceJson {
  const info: AdditionalServiceInfo = ADDITIONAL_SERVICES[code];
  return {
    name: info.name[language],
    service_code: code,
    specifiers: info.specifiers ? info.specifiers.map((specifier) => ({ ...specifier })) : null,
  };
}
