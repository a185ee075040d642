import { RULES, rulesInput } from './fixtures';
import { RateRuleSetSchema, validateRateRuleSet, type RateRuleSetInput } from './rule-set';

type Zone = RateRuleSetInput['zones'][number];
type Service = Zone['services'][number];
type Edit = (rules: RateRuleSetInput) => void;

const zone = (rules: RateRuleSetInput, index = 0): Zone => rules.zones[index]!;
const service = (rules: RateRuleSetInput, index = 0, zoneIndex = 0): Record<string, unknown> =>
  zone(rules, zoneIndex).services[index]! as unknown as Record<string, unknown>;
/** The EUR table of the first zone's pickup service. */
const eur = (rules: RateRuleSetInput) =>
  (service(rules).pricing as Record<string, { bands: { upToKg: number | null; price: string }[] }>)
    .EUR!;

describe('RateRuleSetSchema', () => {
  it('accepts the fixture and fills in the defaults', () => {
    const parsed = RateRuleSetSchema.parse(RULES);
    expect(parsed.packing).toEqual({ tareKg: 0 });
    const [pickup, home] = parsed.zones[0]!.services;
    expect(pickup!.transit.units).toBe('BUSINESS_DAYS');
    expect(home!.addressTypes).toEqual(['residential', 'commercial']);
    expect(parsed.zones[1]!.services[0]!.freeAbove).toEqual([
      { currency: 'EUR', amount: '100.00' },
    ]);
    expect(parsed.zones[1]!.postcodes).toEqual({ prefixes: ['22'], ranges: [] });
  });

  it('reads its own output back unchanged (a saved rule set parses again)', () => {
    const once = RateRuleSetSchema.parse(RULES);
    expect(RateRuleSetSchema.parse(once)).toEqual(once);
  });
});

describe('validateRateRuleSet: errors say where and what', () => {
  const cases: [string, Edit, string, string][] = [
    [
      'descending bands',
      (r) => {
        eur(r).bands = [
          { upToKg: 5, price: '7.90' },
          { upToKg: 2, price: '5.90' },
          { upToKg: 25, price: '14.90' },
        ];
      },
      'zones[0].services[0].pricing.EUR.bands[1].upToKg',
      'bands go up by weight: 2 kg comes after 5 kg',
    ],
    [
      'a band repeated',
      (r) => {
        eur(r).bands = [
          { upToKg: 25, price: '7.90' },
          { upToKg: 25, price: '8.90' },
        ];
      },
      'zones[0].services[0].pricing.EUR.bands[1].upToKg',
      '25 kg comes after 25 kg',
    ],
    [
      'an open-ended band before the last',
      (r) => {
        eur(r).bands = [
          { upToKg: null, price: '7.90' },
          { upToKg: 25, price: '9.90' },
        ];
      },
      'zones[0].services[0].pricing.EUR.bands[0].upToKg',
      'only the last band may be open-ended',
    ],
    [
      'bands that stop below the weight limit',
      (r) => {
        eur(r).bands = [{ upToKg: 10, price: '9.90' }];
      },
      'zones[0].services[0].pricing.EUR.bands',
      'the EUR bands end at 10 kg but parcels may weigh up to 25 kg',
    ],
    [
      'no bands',
      (r) => {
        eur(r).bands = [];
      },
      'zones[0].services[0].pricing.EUR.bands',
      'at least one weight band',
    ],
    [
      'a missing English name',
      (r) => {
        service(r).names = { fi: 'Postipaketti' };
      },
      'zones[0].services[0].names.en',
      'an English name is required',
    ],
    [
      'an empty Swedish name',
      (r) => {
        service(r).names = { en: 'Pickup', sv: ' ' };
      },
      'zones[0].services[0].names.sv',
      'may not be empty',
    ],
    [
      'a negative price',
      (r) => {
        eur(r).bands[0]!.price = '-5.90';
      },
      'zones[0].services[0].pricing.EUR.bands[0].price',
      'must be a non-negative amount with at most 2 decimals',
    ],
    [
      'a price as a number',
      (r) => {
        (eur(r).bands[0] as { price: unknown }).price = 5.9;
      },
      'zones[0].services[0].pricing.EUR.bands[0].price',
      'must be an amount as a string',
    ],
    [
      'a price with 3 decimals',
      (r) => {
        eur(r).bands[0]!.price = '5.905';
      },
      'zones[0].services[0].pricing.EUR.bands[0].price',
      'at most 2 decimals',
    ],
    [
      'a currency in lower case',
      (r) => {
        const pricing = service(r).pricing as Record<string, unknown>;
        pricing.eur = pricing.EUR;
        delete pricing.EUR;
      },
      'zones[0].services[0].pricing.eur',
      'eur: must be a three-letter ISO 4217 currency code',
    ],
    [
      'no currency priced',
      (r) => {
        service(r).pricing = {};
      },
      'zones[0].services[0].pricing',
      'price the service in at least one currency',
    ],
    [
      'a kind its product is not',
      (r) => {
        service(r).product = '2104';
      },
      'zones[0].services[0].kind',
      'product 2104 is Kotipaketti (home), not pickup',
    ],
    [
      'an unknown kind',
      (r) => {
        service(r).kind = 'drone';
      },
      'zones[0].services[0].kind',
      "Expected 'home' | 'pickup' | 'express' | 'small' | 'flat'",
    ],
    [
      'a flat rate priced by bands',
      (r) => {
        const flat = service(r, 0, 1);
        flat.pricing = { EUR: { bands: [{ upToKg: 25, price: '12.00' }] } };
      },
      'zones[1].services[0].pricing.EUR.flat',
      'must be an amount as a string',
    ],
    [
      'minDays over maxDays',
      (r) => {
        service(r).transit = { minDays: 4, maxDays: 2 };
      },
      'zones[0].services[0].transit.maxDays',
      'minDays may not be more than maxDays',
    ],
    [
      'a surcharge without a condition',
      (r) => {
        (eur(r) as Record<string, unknown>).surcharges = [{ when: {}, add: '5.00' }];
      },
      'zones[0].services[0].pricing.EUR.surcharges[0].when',
      'a surcharge needs a condition',
    ],
    [
      'two thresholds in one currency',
      (r) => {
        service(r).freeAbove = [
          { currency: 'EUR', amount: '50.00' },
          { currency: 'EUR', amount: '60.00' },
        ];
      },
      'zones[0].services[0].freeAbove',
      'one free-above threshold per currency',
    ],
    [
      'no parcels allowed',
      (r) => {
        (service(r).limits as Record<string, unknown>).maxParcels = 0;
      },
      'zones[0].services[0].limits.maxParcels',
      'maxParcels must be at least 1',
    ],
    [
      'a service code used twice in a zone',
      (r) => {
        service(r, 1).code = 'posti-pickup';
      },
      'zones[0].services[1].code',
      'service code posti-pickup is used twice in zone fi-mainland',
    ],
    [
      'a zone id used twice',
      (r) => {
        zone(r, 2).id = 'fi-mainland';
      },
      'zones[2].id',
      'zone id fi-mainland is used twice',
    ],
    [
      'a country covered whole by two zones',
      (r) => {
        zone(r, 2).countries = ['SE', 'FI'];
      },
      'zones[2].countries',
      'FI is covered whole by zones fi-mainland and sweden',
    ],
    [
      'a country code in lower case',
      (r) => {
        zone(r, 2).countries = ['se'];
      },
      'zones[2].countries[0]',
      'ISO 3166-1 alpha-2',
    ],
    [
      'a postcode range that goes down',
      (r) => {
        zone(r, 1).postcodes = { ranges: [{ from: '22999', to: '22000' }] };
      },
      'zones[1].postcodes.ranges[0].to',
      'a range goes up',
    ],
    [
      'postcode rules with nothing in them',
      (r) => {
        zone(r, 1).postcodes = {};
      },
      'zones[1].postcodes',
      'give a prefix or a range',
    ],
    [
      'a postcode prefix with a space',
      (r) => {
        zone(r, 1).postcodes = { prefixes: ['22 1'] };
      },
      'zones[1].postcodes.prefixes[0]',
      'without spaces',
    ],
    [
      'version 0',
      (r) => {
        r.version = 0;
      },
      'version',
      'version starts at 1',
    ],
    [
      'an unknown field',
      (r) => {
        (service(r) as Record<string, unknown>).colour = 'blue';
      },
      'zones[0].services[0]',
      'colour',
    ],
  ];

  it.each(cases)('%s', (_name, edit, path, message) => {
    const rules = rulesInput();
    edit(rules);
    const result = validateRateRuleSet(rules);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues).toContainEqual({ path, message: expect.stringContaining(message) });
  });

  it('lists every problem at once', () => {
    const rules = rulesInput();
    eur(rules).bands[0]!.price = '-1';
    service(rules, 1).names = { fi: 'Kotipaketti' } as Service['names'];
    const result = validateRateRuleSet(rules);
    expect(result.ok ? [] : result.issues.map((issue) => issue.path)).toEqual([
      'zones[0].services[0].pricing.EUR.bands[0].price',
      'zones[0].services[1].names.en',
    ]);
  });

  it.each<[string, Edit]>([
    ['a rule set with no zones yet', (r) => void (r.zones = [])],
    ['a zone that delivers nothing', (r) => void (zone(r, 2).services = [])],
    ['a product the table does not know', (r) => void (service(r, 0, 2).product = '2352')],
    ['a country covered only in part', (r) => void (zone(r, 2).postcodes = { prefixes: ['1'] })],
  ])('accepts %s', (_name, edit) => {
    const rules = rulesInput();
    edit(rules);
    expect(validateRateRuleSet(rules)).toMatchObject({ ok: true });
  });
});
