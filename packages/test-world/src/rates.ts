/**
 * A Finnish store's checkout rate rules (the domain's RateRuleSet, without the store and version
 * the hub sets): Posti home delivery, pickup point and express in mainland Finland, a flat rate
 * for Åland, free pickup above 60 €, and cheaper home delivery only for the outlet storefront
 * (BigCommerce channel 2).
 */
export function finnishRateRules() {
  return {
    defaultCurrency: 'EUR',
    zones: [
      {
        id: 'fi-mainland',
        name: 'Finland (mainland)',
        countries: ['FI'],
        services: [
          {
            code: 'posti-pickup',
            product: '2103',
            kind: 'pickup',
            names: {
              en: 'Posti parcel to a pickup point',
              fi: 'Postipaketti noutopisteeseen',
              sv: 'Postpaket till ett utlämningsställe',
            },
            transit: { minDays: 1, maxDays: 3 },
            pricing: {
              EUR: {
                bands: [
                  { upToKg: 2, price: '5.90' },
                  { upToKg: 10, price: '8.90' },
                  { upToKg: 25, price: '13.90' },
                ],
                perExtraParcel: '2.00',
              },
            },
            limits: { maxWeightKg: 25, maxLengthCm: 100, maxParcels: 5 },
            freeAbove: { currency: 'EUR', amount: '60.00' },
          },
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
                  { upToKg: 10, price: '11.90' },
                  { upToKg: null, price: '19.90' },
                ],
                perExtraParcel: '3.00',
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
            pricing: { EUR: { bands: [{ upToKg: 30, price: '24.90' }] } },
            limits: { maxWeightKg: 30, maxLengthCm: 100, maxParcels: 1 },
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
            code: 'posti-aland',
            product: '2104',
            kind: 'flat',
            names: {
              en: 'Home delivery to Åland',
              fi: 'Kotipaketti Ahvenanmaalle',
              sv: 'Hempaket till Åland',
            },
            transit: { minDays: 2, maxDays: 4 },
            pricing: { EUR: { flat: '14.90' } },
            limits: { maxWeightKg: 35, maxLengthCm: 200, maxParcels: 3 },
          },
        ],
      },
      {
        id: 'fi-outlet',
        name: 'Finland, outlet storefront',
        countries: ['FI'],
        channels: ['2'],
        services: [
          {
            code: 'posti-home',
            product: '2104',
            kind: 'home',
            names: { en: 'Home delivery', fi: 'Kotipaketti', sv: 'Hempaket' },
            transit: { minDays: 2, maxDays: 4 },
            pricing: { EUR: { bands: [{ upToKg: 30, price: '4.90' }], perExtraParcel: '3.00' } },
            limits: { maxWeightKg: 30, maxLengthCm: 200, maxParcels: 3 },
          },
        ],
      },
    ],
  };
}
