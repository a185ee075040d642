import { cart, item, ruleSet } from './fixtures';
import { FALLBACK_MESSAGE, fallbackQuotes, quoteRates, type QuoteResult } from './quote';
import { RateRuleSetSchema } from './rule-set';

/** Each quoted service's amount, by code. */
const amounts = (result: QuoteResult) =>
  Object.fromEntries(result.quotes.map((quote) => [quote.code, quote.cost.amount]));

const mainland = (...items: Parameters<typeof cart>[0]) => quoteRates(ruleSet, cart(items));

describe('quoteRates: weight bands (mainland Finland, EUR)', () => {
  it.each([
    [0.5, '5.90', '8.90', '19.90', '3.90'],
    [2, '5.90', '8.90', '19.90', '3.90'],
    [2.001, '7.90', '10.90', '19.90', undefined],
    [5, '7.90', '10.90', '19.90', undefined],
    [5.2, '9.90', '12.90', '29.90', undefined],
    [10, '9.90', '12.90', '29.90', undefined],
    [10.5, '14.90', '16.90', '29.90', undefined],
    [20, '14.90', '16.90', '29.90', undefined],
    [20.5, '14.90', '22.90', '29.90', undefined],
    [25, '14.90', '22.90', '29.90', undefined],
    [30, undefined, '22.90', '29.90', undefined],
    [35, undefined, '22.90', undefined, undefined],
  ])('%s kg → pickup %s, home %s, express %s, small %s', (kg, pickup, home, express, small) => {
    expect(amounts(mainland(item('a', kg)))).toEqual(
      Object.fromEntries(
        Object.entries({
          'posti-pickup': pickup,
          'posti-home': home,
          'posti-express': express,
          'posti-small': small,
        }).filter(([, amount]) => amount !== undefined),
      ),
    );
  });

  it('adds item weights exactly (1.9 kg + 0.1 kg is the 2 kg band)', () => {
    expect(amounts(mainland(item('a', 1.9), item('b', 0.1)))['posti-pickup']).toBe('5.90');
  });

  it('answers in decimal strings with two places', () => {
    const result = quoteRates(ruleSet, cart([item('a', 1)], {}, 'SEK'));
    for (const quote of result.quotes) expect(quote.cost.amount).toMatch(/^\d+\.\d{2}$/);
  });
});

describe('quoteRates: parcels', () => {
  it.each([
    ['3 × 12 kg', 3, { 'posti-pickup': ['31.80', 2], 'posti-home': ['42.80', 2] }],
    ['6 × 12 kg', 6, { 'posti-pickup': ['48.70', 3], 'posti-home': ['74.70', 3] }],
    ['10 × 12 kg', 10, { 'posti-pickup': ['82.50', 5] }],
    ['11 × 12 kg', 11, {}],
  ])('%s: each parcel by its band, plus the fee per extra parcel', (_name, quantity, expected) => {
    const result = mainland(item('a', 12, { quantity, price: '1.00' }));
    expect(
      Object.fromEntries(result.quotes.map((q) => [q.code, [q.cost.amount, q.parcels]])),
    ).toEqual(expected);
  });

  it('prices extra parcels in SEK too', () => {
    const result = quoteRates(
      ruleSet,
      cart([item('a', 12, { quantity: 3, price: '1' })], {}, 'SEK'),
    );
    expect(amounts(result)['posti-pickup']).toBe('363.00');
  });

  it('says so when no service can take the cart', () => {
    expect(mainland(item('a', 12, { quantity: 11, price: '1.00' })).messages).toEqual([
      'No delivery service can take this cart.',
    ]);
  });
});

describe('quoteRates: surcharges by size (home delivery)', () => {
  it.each<[string, number, [number, number, number], string]>([
    ['short and small', 8, [99.9, 10, 10], '12.90'],
    ['100 cm exactly: long', 8, [100, 10, 10], '22.90'],
    ['110 cm long, 99 l', 5, [110, 30, 30], '20.90'],
    ['192 l: bulky', 8, [80, 60, 40], '17.90'],
    ['long and bulky', 8, [120, 60, 40], '27.90'],
  ])('%s', (_name, kg, sides, expected) => {
    expect(amounts(mainland(item('a', kg, { sides, price: '1.00' })))['posti-home']).toBe(expected);
  });

  it('charges each parcel that meets the condition', () => {
    const result = mainland(item('a', 20, { quantity: 2, sides: [110, 30, 30], price: '1.00' }));
    expect(amounts(result)).toEqual({ 'posti-home': '56.80' });
  });
});

describe('quoteRates: the small parcel', () => {
  it.each<[string, Parameters<typeof item>[2] & { kg?: number }, string | undefined]>([
    ['fits', { sides: [30, 20, 5] }, '3.90'],
    ['two stacked still fit', { sides: [30, 20, 5], quantity: 2 }, '3.90'],
    ['too long', { sides: [45, 20, 5] }, undefined],
    ['over its girth', { sides: [35, 35, 10] }, undefined],
    ['needs a second parcel', { kg: 0.9, quantity: 3 }, undefined],
  ])('%s', (_name, { kg, ...options }, expected) => {
    const result = mainland(item('a', kg ?? 0.5, options));
    expect(amounts(result)['posti-small']).toBe(expected);
    expect(amounts(result)['posti-pickup']).toBe(kg ? '7.90' : '5.90');
  });

  it('is for residential addresses only', () => {
    const result = quoteRates(ruleSet, cart([item('a', 0.5)], { addressType: 'commercial' }));
    expect(result.quotes.map((q) => q.code)).toEqual([
      'posti-pickup',
      'posti-home',
      'posti-express',
    ]);
  });
});

describe('quoteRates: flat rates blended with band rates', () => {
  it.each<[string, string, number, number, string, Record<string, string>]>([
    ['Åland, 10 kg', '22100', 10, 1, 'EUR', { 'posti-flat': '12.00' }],
    ['Åland, 2 parcels', '22100', 20, 2, 'EUR', { 'posti-flat': '12.00' }],
    ['Åland, over its 2 parcels', '22100', 20, 3, 'EUR', {}],
    ['Åland in SEK', '22100', 10, 1, 'SEK', { 'posti-flat': '139.00' }],
    [
      'mainland, the same 10 kg',
      '00100',
      10,
      1,
      'EUR',
      { 'posti-pickup': '9.90', 'posti-home': '12.90', 'posti-express': '29.90' },
    ],
  ])('%s', (_name, postcode, kg, quantity, currency, expected) => {
    const result = quoteRates(
      ruleSet,
      cart([item('a', kg, { quantity, price: '1.00' })], { postcode }, currency),
    );
    expect(amounts(result)).toEqual(expected);
  });

  it('offers a pickup point with a flat rate on a pickup product', () => {
    const [quote] = quoteRates(
      ruleSet,
      cart([item('a', 1)], { country: 'AX', postcode: '22100' }),
    ).quotes;
    expect(quote).toMatchObject({
      code: 'posti-flat',
      kind: 'flat',
      product: '2103',
      needsPickupPoint: true,
    });
  });
});

describe('quoteRates: free above a subtotal', () => {
  it.each<[string, Parameters<typeof item>[2], string, string, boolean]>([
    ['49.99 EUR', { price: '49.99' }, 'EUR', '5.90', false],
    ['50.00 EUR exactly', { price: '50.00' }, 'EUR', '0.00', true],
    ['2 × 25.00 EUR', { price: '25.00', quantity: 2 }, 'EUR', '0.00', true],
    [
      '3 × 16.665 EUR (49.995, not rounded up)',
      { price: '16.665', quantity: 3 },
      'EUR',
      '5.90',
      false,
    ],
    ['3 × 16.667 EUR', { price: '16.667', quantity: 3 }, 'EUR', '0.00', true],
    ['599.99 SEK', { price: '599.99' }, 'SEK', '69.00', false],
    ['600 SEK', { price: '600' }, 'SEK', '0.00', true],
  ])('pickup at %s', (_name, options, currency, amount, free) => {
    const [pickup, home] = quoteRates(
      ruleSet,
      cart([item('a', 0.5, options)], {}, currency),
    ).quotes;
    expect(pickup).toMatchObject({ code: 'posti-pickup', cost: { currency, amount }, free });
    expect(home).toMatchObject({ code: 'posti-home', free: false });
  });

  it.each([
    ['EUR', '100.00', '0.00'],
    ['EUR', '99.99', '12.00'],
    ['SEK', '5000', '139.00'],
  ])(
    'the Åland flat rate at %s %s → %s (its threshold is in EUR only)',
    (currency, price, amount) => {
      const result = quoteRates(
        ruleSet,
        cart([item('a', 1, { price })], { postcode: '22100' }, currency),
      );
      expect(amounts(result)).toEqual({ 'posti-flat': amount });
    },
  );
});

describe('quoteRates: currencies', () => {
  it('quotes in the cart’s currency', () => {
    const result = quoteRates(ruleSet, cart([item('a', 1)], {}, 'SEK'));
    expect(amounts(result)).toEqual({
      'posti-pickup': '69.00',
      'posti-home': '119.00',
      'posti-small': '45.00',
    });
    expect(result.quotes.every((q) => q.cost.currency === 'SEK')).toBe(true);
    expect(result.messages).toEqual([
      'Not priced in SEK, and nothing is converted: posti-express.',
    ]);
  });

  it('converts nothing into a currency the rules do not price', () => {
    expect(quoteRates(ruleSet, cart([item('a', 1)], {}, 'NOK'))).toEqual({
      quotes: [],
      messages: [
        'Not priced in NOK, and nothing is converted: posti-pickup, posti-home, posti-express, posti-small.',
      ],
    });
  });
});

describe('quoteRates: zones', () => {
  it.each([
    ['FI', '00100', 'fi-mainland', 4],
    ['FI', '22100', 'aland', 1],
    ['AX', '22710', 'aland', 1],
    ['SE', '114 55', 'sweden', 1],
  ])('%s %s → %s', (country, postcode, zoneId, count) => {
    const { quotes } = quoteRates(ruleSet, cart([item('a', 1)], { country, postcode }));
    expect(quotes).toHaveLength(count);
    expect(quotes.every((q) => q.zoneId === zoneId)).toBe(true);
  });

  it('quotes nothing, and says why, where no zone delivers', () => {
    expect(quoteRates(ruleSet, cart([item('a', 1)], { country: 'NO', postcode: '0150' }))).toEqual({
      quotes: [],
      messages: ['No delivery zone covers NO 0150.'],
    });
  });

  it('says so of a zone that delivers nothing', () => {
    const closed = RateRuleSetSchema.parse({
      ...ruleSet,
      zones: ruleSet.zones.map((z) => (z.id === 'sweden' ? { ...z, services: [] } : z)),
    });
    expect(quoteRates(closed, cart([item('a', 1)], { country: 'SE', postcode: '11455' }))).toEqual({
      quotes: [],
      messages: ['Sweden has no delivery services.'],
    });
  });

  it('quotes nothing for a cart without items', () => {
    expect(quoteRates(ruleSet, cart([]))).toEqual({
      quotes: [],
      messages: ['The cart has no items to ship.'],
    });
  });
});

describe('quoteRates: names and promises in the shopper’s language', () => {
  it.each([
    [undefined, 'Posti parcel to a pickup point', 'Ready to collect in 1–3 business days', 'en'],
    ['en', 'Posti parcel to a pickup point', 'Ready to collect in 1–3 business days', 'en'],
    ['fi', 'Postipaketti noutopisteeseen', 'Noudettavissa 1–3 arkipäivässä', 'fi'],
    ['FI-fi', 'Postipaketti noutopisteeseen', 'Noudettavissa 1–3 arkipäivässä', 'fi'],
    ['sv-FI', 'Postpaket till ett utlämningsställe', 'Ready to collect in 1–3 business days', 'sv'],
    ['sv_SE', 'Postpaket till ett utlämningsställe', 'Ready to collect in 1–3 business days', 'sv'],
    ['de', 'Posti parcel to a pickup point', 'Ready to collect in 1–3 business days', 'en'],
  ])('%s → %s', (language, displayName, description, locale) => {
    const [pickup] = quoteRates(ruleSet, cart([item('a', 1)]), { language }).quotes;
    expect(pickup).toMatchObject({ displayName, description, language: locale });
  });

  it.each([
    ['sv', 'Hemleverans'],
    ['fi', 'Home delivery'],
  ])('Sweden in %s → %s (English where the service has no name)', (language, displayName) => {
    const [home] = quoteRates(ruleSet, cart([item('a', 1)], { country: 'SE', postcode: '11455' }), {
      language,
    }).quotes;
    expect(home?.displayName).toBe(displayName);
  });

  it('has no description where the service has no promise', () => {
    const home = quoteRates(ruleSet, cart([item('a', 1)])).quotes.find(
      (q) => q.code === 'posti-home',
    );
    expect(home?.description).toBeNull();
  });
});

describe('quoteRates: the quote', () => {
  it('carries what the app needs', () => {
    const [pickup] = quoteRates(ruleSet, cart([item('a', 1)])).quotes;
    expect(pickup).toEqual({
      code: 'posti-pickup',
      product: '2103',
      kind: 'pickup',
      needsPickupPoint: true,
      zoneId: 'fi-mainland',
      displayName: 'Posti parcel to a pickup point',
      description: 'Ready to collect in 1–3 business days',
      language: 'en',
      cost: { currency: 'EUR', amount: '5.90' },
      free: false,
      transit: { minDays: 1, maxDays: 3, units: 'BUSINESS_DAYS' },
      parcels: 1,
      rateId: expect.stringMatching(/^[0-9a-f]{24}$/),
      fallback: false,
    });
  });

  it.each([
    ['posti-pickup', true],
    ['posti-home', false],
    ['posti-express', false],
    ['posti-small', false],
  ])('%s needs a pickup point: %s', (code, needed) => {
    const quote = quoteRates(ruleSet, cart([item('a', 1)])).quotes.find((q) => q.code === code);
    expect(quote?.needsPickupPoint).toBe(needed);
  });
});

describe('quoteRates: rate ids', () => {
  const base = cart([item('a', 1), item('b', 2, { quantity: 2 })], { city: 'Helsinki' });
  const idOf = (result: QuoteResult, code = 'posti-pickup') =>
    result.quotes.find((q) => q.code === code)?.rateId;
  const id = idOf(quoteRates(ruleSet, base));

  it.each([
    ['the same cart again', base],
    ['the items in another order', { ...base, items: [...base.items].reverse() }],
    ['another city', { ...base, destination: { ...base.destination, city: 'Espoo' } }],
    [
      'the postcode spelled otherwise',
      { ...base, destination: { ...base.destination, postcode: 'FI-00100' } },
    ],
  ])('stay the same for %s', (_name, other) => {
    expect(idOf(quoteRates(ruleSet, other))).toBe(id);
    expect(idOf(quoteRates(ruleSet, other, { language: 'fi' }))).toBe(id);
  });

  it.each([
    ['another quantity', { ...base, items: [item('a', 1), item('b', 2, { quantity: 3 })] }],
    ['another postcode', { ...base, destination: { ...base.destination, postcode: '00200' } }],
    ['another price', { ...base, items: [item('a', 1, { price: '11.00' }), base.items[1]!] }],
  ])('change with %s', (_name, other) => {
    expect(idOf(quoteRates(ruleSet, other))).not.toBe(id);
  });

  it('differ by service and by rule-set version', () => {
    expect(idOf(quoteRates(ruleSet, base), 'posti-home')).not.toBe(id);
    expect(idOf(quoteRates({ ...ruleSet, version: ruleSet.version + 1 }, base))).not.toBe(id);
  });
});

describe('fallbackQuotes', () => {
  it('gives the same prices and rate ids, marked, and says so first', () => {
    const live = quoteRates(ruleSet, cart([item('a', 1)], {}, 'SEK'));
    const fallback = fallbackQuotes(ruleSet, cart([item('a', 1)], {}, 'SEK'));
    expect(fallback.quotes).toEqual(live.quotes.map((quote) => ({ ...quote, fallback: true })));
    expect(fallback.messages).toEqual([FALLBACK_MESSAGE, ...live.messages]);
  });

  it('adds nothing when there is nothing to quote', () => {
    const cartToNorway = cart([item('a', 1)], { country: 'NO', postcode: '0150' });
    expect(fallbackQuotes(ruleSet, cartToNorway)).toEqual(quoteRates(ruleSet, cartToNorway));
  });
});
