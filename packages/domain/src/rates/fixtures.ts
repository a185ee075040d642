/**
 * A store's rule set and carts for the rates tests (not exported by the barrel): mainland
 * Finland with the four Posti services on band prices, Åland on a flat rate, Sweden with home
 * delivery. EUR and SEK are priced, NOK is not.
 */
import { type Cart, type CartItem } from './cart';
import { RateRuleSetSchema, type RateRuleSet, type RateRuleSetInput } from './rule-set';

const pickup = {
  code: 'posti-pickup',
  product: '2103',
  kind: 'pickup',
  names: {
    en: 'Posti parcel to a pickup point',
    fi: 'Postipaketti noutopisteeseen',
    sv: 'Postpaket till ett utlämningsställe',
  },
  promise: { en: 'Ready to collect in 1–3 business days', fi: 'Noudettavissa 1–3 arkipäivässä' },
  transit: { minDays: 1, maxDays: 3 },
  pricing: {
    EUR: {
      bands: [
        { upToKg: 2, price: '5.90' },
        { upToKg: 5, price: '7.90' },
        { upToKg: 10, price: '9.90' },
        { upToKg: 25, price: '14.90' },
      ],
      perExtraParcel: '2.00',
    },
    SEK: {
      bands: [
        { upToKg: 2, price: '69' },
        { upToKg: 5, price: '89' },
        { upToKg: 10, price: '119' },
        { upToKg: 25, price: '169' },
      ],
      perExtraParcel: '25',
    },
  },
  limits: { maxWeightKg: 25, maxLengthCm: 100, maxLengthPlusGirthCm: 300, maxParcels: 5 },
  freeAbove: [
    { currency: 'EUR', amount: '50.00' },
    { currency: 'SEK', amount: '600' },
  ],
} as const satisfies RateRuleSetInput['zones'][number]['services'][number];

export const RULES = {
  version: 3,
  storeId: 'store-abc123',
  defaultCurrency: 'EUR',
  zones: [
    {
      id: 'fi-mainland',
      name: 'Finland (mainland)',
      countries: ['FI'],
      services: [
        pickup,
        {
          code: 'posti-home',
          product: '2104',
          kind: 'home',
          names: { en: 'Home delivery', fi: 'Kotipaketti', sv: 'Hempaket' },
          transit: { minDays: 1, maxDays: 2 },
          pricing: {
            EUR: {
              bands: [
                { upToKg: 2, price: '8.90' },
                { upToKg: 5, price: '10.90' },
                { upToKg: 10, price: '12.90' },
                { upToKg: 20, price: '16.90' },
                { upToKg: null, price: '22.90' },
              ],
              perExtraParcel: '3.00',
              surcharges: [
                { when: { minLongestSideCm: 100 }, add: '10.00', label: 'long parcel' },
                { when: { minVolumeLitres: 150 }, add: '5.00' },
              ],
            },
            SEK: {
              bands: [
                { upToKg: 5, price: '119' },
                { upToKg: null, price: '199' },
              ],
            },
          },
          limits: { maxWeightKg: 35, maxLengthCm: 200, maxParcels: 3 },
        },
        {
          code: 'posti-express',
          product: '2102',
          kind: 'express',
          names: { en: 'Express parcel', fi: 'Express-paketti', sv: 'Expresspaket' },
          transit: { minDays: 1, maxDays: 1 },
          pricing: {
            EUR: {
              bands: [
                { upToKg: 5, price: '19.90' },
                { upToKg: 30, price: '29.90' },
              ],
            },
          },
          limits: { maxWeightKg: 30, maxLengthCm: 100, maxParcels: 1 },
        },
        {
          code: 'posti-small',
          product: '2461',
          kind: 'small',
          names: { en: 'Small parcel', fi: 'Pikkupaketti', sv: 'Småpaket' },
          transit: { minDays: 1, maxDays: 4 },
          pricing: {
            EUR: { bands: [{ upToKg: 2, price: '3.90' }] },
            SEK: { bands: [{ upToKg: 2, price: '45' }] },
          },
          limits: { maxWeightKg: 2, maxLengthCm: 40, maxGirthCm: 80, maxParcels: 1 },
          addressTypes: ['residential'],
        },
      ],
    },
    {
      id: 'aland',
      name: 'Åland',
      countries: ['FI', 'AX'],
      postcodes: { prefixes: ['22'] },
      services: [
        {
          code: 'posti-flat',
          product: '2103',
          kind: 'flat',
          names: { en: 'Åland flat rate', fi: 'Ahvenanmaa, kiinteä hinta', sv: 'Åland, fast pris' },
          transit: { minDays: 2, maxDays: 5 },
          pricing: { EUR: { flat: '12.00' }, SEK: { flat: '139' } },
          limits: { maxWeightKg: 25, maxLengthCm: 100, maxParcels: 2 },
          freeAbove: { currency: 'EUR', amount: '100.00' },
        },
        // Kept for switching Åland back to band prices; the flat rate replaces it meanwhile.
        pickup,
      ],
    },
    {
      id: 'sweden',
      name: 'Sweden',
      countries: ['SE'],
      services: [
        {
          code: 'posti-home',
          product: '2104',
          kind: 'home',
          names: { en: 'Home delivery', sv: 'Hemleverans' },
          promise: { en: 'Delivered in 2–4 business days', sv: 'Levereras inom 2–4 vardagar' },
          transit: { minDays: 2, maxDays: 4 },
          pricing: {
            SEK: {
              bands: [
                { upToKg: 5, price: '149' },
                { upToKg: 20, price: '249' },
              ],
            },
            EUR: {
              bands: [
                { upToKg: 5, price: '14.90' },
                { upToKg: 20, price: '24.90' },
              ],
            },
          },
          limits: { maxWeightKg: 20, maxLengthCm: 150, maxParcels: 2 },
        },
      ],
    },
  ],
} as const satisfies RateRuleSetInput;

/** A fresh, writable copy of the rule set as written (no part shared), for tests that break it. */
export const rulesInput = (): RateRuleSetInput =>
  JSON.parse(JSON.stringify(RULES)) as RateRuleSetInput;

export const ruleSet: RateRuleSet = RateRuleSetSchema.parse(RULES);

/** One kind of unit: weight in kg, sides in cm. */
export function item(
  sku: string,
  weightKg: number,
  options: { quantity?: number; sides?: [number, number, number]; price?: string } = {},
): CartItem {
  const [lengthCm, widthCm, heightCm] = options.sides ?? [20, 15, 10];
  return {
    sku,
    quantity: options.quantity ?? 1,
    weightKg,
    lengthCm,
    widthCm,
    heightCm,
    priceEach: options.price ?? '10.00',
  };
}

export function cart(
  items: CartItem[],
  destination: Partial<Cart['destination']> = {},
  currency = 'EUR',
): Cart {
  return {
    currency,
    destination: { country: 'FI', postcode: '00100', addressType: 'residential', ...destination },
    items,
  };
}
