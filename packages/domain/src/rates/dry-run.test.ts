import { explainQuote } from './dry-run';
import { type ServiceExplanation } from './evaluate';
import { cart, item, ruleSet } from './fixtures';
import { quoteRates } from './quote';

/** Each service's outcome: its amount when quoted, else why not. */
const outcomes = (services: ServiceExplanation[]) =>
  Object.fromEntries(
    services.map((s) => [s.code, s.outcome === 'quoted' ? s.quote.cost.amount : s.reason]),
  );

describe('explainQuote', () => {
  const heavy = cart([item('crate', 12, { quantity: 3, sides: [60, 40, 30], price: '1.00' })]);

  it('shows the zone, the subtotal and every service with its outcome', () => {
    const explanation = explainQuote(ruleSet, heavy);
    expect(explanation).toMatchObject({
      ruleSet: { storeId: 'store-abc123', version: 3 },
      destination: { country: 'FI', postcode: '00100', addressType: 'residential' },
      currency: 'EUR',
      subtotal: '3.00',
      language: 'en',
      zone: { id: 'fi-mainland', name: 'Finland (mainland)' },
    });
    expect(outcomes(explanation.services)).toEqual({
      'posti-pickup': '31.80',
      'posti-home': '42.80',
      'posti-express': 'too_many_parcels',
      'posti-small': 'item_too_heavy',
    });
  });

  it('lists the parcels and the price line by line', () => {
    const home = explainQuote(ruleSet, heavy).services.find((s) => s.code === 'posti-home');
    expect(home).toEqual({
      code: 'posti-home',
      kind: 'home',
      product: '2104',
      name: 'Home delivery',
      outcome: 'quoted',
      parcels: [
        {
          weightKg: 24,
          dimensionsCm: [60, 60, 40],
          volumeLitres: 144,
          items: [{ sku: 'crate', quantity: 2 }],
        },
        {
          weightKg: 12,
          dimensionsCm: [60, 40, 30],
          volumeLitres: 72,
          items: [{ sku: 'crate', quantity: 1 }],
        },
      ],
      breakdown: [
        { kind: 'band', label: 'Parcel 1 (24 kg): open band', amount: '22.90', parcel: 1 },
        { kind: 'band', label: 'Parcel 2 (12 kg): band up to 20 kg', amount: '16.90', parcel: 2 },
        { kind: 'extra_parcel', label: 'Parcel 2: extra parcel', amount: '3.00', parcel: 2 },
      ],
      quote: expect.objectContaining({
        code: 'posti-home',
        cost: { currency: 'EUR', amount: '42.80' },
      }),
    });
  });

  it('names surcharges in the breakdown', () => {
    const explanation = explainQuote(
      ruleSet,
      cart([item('rug', 8, { sides: [120, 60, 40], price: '1' })]),
    );
    const home = explanation.services.find((s) => s.code === 'posti-home');
    expect(
      home?.outcome === 'quoted' && home.breakdown.map((line) => [line.label, line.amount]),
    ).toEqual([
      ['Parcel 1 (8 kg): band up to 10 kg', '12.90'],
      ['Parcel 1: long parcel', '10.00'],
      ['Parcel 1: surcharge (volume ≥ 150 l)', '5.00'],
    ]);
  });

  it('shows free-above as a line that cancels the rest', () => {
    const explanation = explainQuote(ruleSet, cart([item('gift', 1, { price: '50.00' })]));
    const pickup = explanation.services.find((s) => s.code === 'posti-pickup');
    expect(pickup?.outcome === 'quoted' && pickup.breakdown).toEqual([
      { kind: 'band', label: 'Parcel 1 (1 kg): band up to 2 kg', amount: '5.90', parcel: 1 },
      { kind: 'free', label: 'Free at or above 50.00 EUR', amount: '-5.90' },
    ]);
  });

  it.each([
    [
      'an item too long for the small parcel',
      cart([item('poster', 0.3, { sides: [70, 8, 8] })]),
      'posti-small',
      'item_too_long',
      'poster is 70 cm long; the limit is 40 cm',
    ],
    [
      'an item too heavy',
      cart([item('anvil', 31)]),
      'posti-express',
      'item_too_heavy',
      'anvil weighs 31 kg packed; the limit is 30 kg',
    ],
    [
      'a commercial address',
      cart([item('a', 1)], { addressType: 'commercial' }),
      'posti-small',
      'address_type',
      'not offered to commercial addresses',
    ],
    [
      'a currency not priced',
      cart([item('a', 1)], {}, 'SEK'),
      'posti-express',
      'not_priced_in_currency',
      'posti-express has no SEK prices',
    ],
    [
      'a flat-rate zone',
      cart([item('a', 1)], { postcode: '22100' }),
      'posti-pickup',
      'replaced_by_flat',
      'zone aland has flat rates, which replace band prices',
    ],
  ])('says why a service is left out: %s', (_name, input, code, reason, detail) => {
    const service = explainQuote(ruleSet, input).services.find((s) => s.code === code);
    expect(service).toMatchObject({ outcome: 'excluded', reason, detail });
  });

  it('shows the flat rate beside the band service it replaces', () => {
    const explanation = explainQuote(ruleSet, cart([item('a', 3)], { postcode: '22100' }));
    expect(explanation.zone?.id).toBe('aland');
    expect(outcomes(explanation.services)).toEqual({
      'posti-flat': '12.00',
      'posti-pickup': 'replaced_by_flat',
    });
  });

  it('has no zone and no services where no zone delivers', () => {
    expect(
      explainQuote(ruleSet, cart([item('a', 1)], { country: 'NO', postcode: '0150' })),
    ).toMatchObject({
      zone: null,
      services: [],
      quotes: [],
      messages: ['No delivery zone covers NO 0150.'],
    });
  });

  it('keeps the subtotal unrounded', () => {
    expect(
      explainQuote(ruleSet, cart([item('a', 1, { price: '16.665', quantity: 3 })])).subtotal,
    ).toBe('49.995');
  });

  it.each([
    ['mainland', cart([item('a', 12, { quantity: 3 })])],
    ['Åland', cart([item('a', 1)], { postcode: '22100' })],
    ['SEK', cart([item('a', 1)], {}, 'SEK')],
    ['nowhere', cart([item('a', 1)], { country: 'US', postcode: '94105' })],
  ])('answers exactly what checkout answers (%s)', (_name, input) => {
    const { quotes, messages } = explainQuote(ruleSet, input, { language: 'fi' });
    expect({ quotes, messages }).toEqual(quoteRates(ruleSet, input, { language: 'fi' }));
  });
});
