import {
  catalogVariantDigest,
  centimetresToInches,
  gramsToOunces,
  lengthToCentimetres,
  productRecheckDelayMs,
  roundTo,
  weightToGrams,
  type CatalogVariant,
} from './catalog';

const variant = (overrides: Partial<CatalogVariant> = {}): CatalogVariant => ({
  sku: 'TENT-2P',
  name: 'Tent, 2 person',
  weightGrams: 1_814.369,
  dimensionsCm: { length: 50.8, width: 20.32, height: 20.32 },
  customs: {
    description: 'Camping tent',
    valueAmount: '89.00',
    currency: 'USD',
    tariffCode: '6306.22',
    countryOfOrigin: 'VN',
  },
  ...overrides,
});

describe('catalog units', () => {
  it.each([
    [1, 'lbs', 453.592],
    [4, 'lbs', 1_814.369],
    [16, 'oz', 453.592],
    [0.25, 'kg', 250],
    [125, 'g', 125],
    [0, 'g', 0],
  ] as const)('%d %s is %d g', (value, unit, grams) => {
    expect(weightToGrams(value, unit)).toBe(grams);
  });

  it.each([
    [10, 'in', 25.4],
    [3.33, 'in', 8.458],
    [42.5, 'cm', 42.5],
  ] as const)('%d %s is %d cm', (value, unit, centimetres) => {
    expect(lengthToCentimetres(value, unit)).toBe(centimetres);
  });

  it('has no measure for a negative or non-finite value', () => {
    expect(weightToGrams(-1, 'kg')).toBeNull();
    expect(weightToGrams(Number.NaN, 'g')).toBeNull();
    expect(lengthToCentimetres(Number.POSITIVE_INFINITY, 'in')).toBeNull();
  });

  it.each([
    [453.592, 16],
    [1_814.369, 64],
    [310, 10.93],
    [1, 0.04],
    [0, 0],
  ])('%d g is %d oz (two decimals)', (grams, ounces) => {
    expect(gramsToOunces(grams)).toBe(ounces);
  });

  it('gets a store’s own pounds and inches back after the trip through metric', () => {
    for (const pounds of [0.1, 1.2, 2.75, 13.3]) {
      expect(gramsToOunces(weightToGrams(pounds, 'lbs')!)).toBe(roundTo(pounds * 16, 2));
    }
    for (const inches of [0.5, 3.33, 10, 17.25]) {
      expect(centimetresToInches(lengthToCentimetres(inches, 'in')!)).toBe(inches);
    }
  });

  it('rounds half away from zero, as people do', () => {
    expect(roundTo(1.005, 2)).toBe(1.01);
    expect(roundTo(2.675, 2)).toBe(2.68);
    expect(roundTo(10.925, 2)).toBe(10.93);
    expect(roundTo(1.004, 2)).toBe(1);
  });
});

describe('catalogVariantDigest', () => {
  it('is the same for the same values and ignores the name', () => {
    expect(catalogVariantDigest(variant())).toBe(catalogVariantDigest(variant({ name: 'Tent' })));
  });

  it.each<[string, Partial<CatalogVariant>]>([
    ['the weight', { weightGrams: 1_800 }],
    ['no weight', { weightGrams: null }],
    ['a dimension', { dimensionsCm: { length: 50.8, width: 20.32, height: 21 } }],
    ['no dimensions', { dimensionsCm: null }],
    ['a customs field', { customs: { ...variant().customs, tariffCode: '6306.29' } }],
    ['the SKU', { sku: 'TENT-3P' }],
  ])('changes with %s', (_what, change) => {
    expect(catalogVariantDigest(variant(change))).not.toBe(catalogVariantDigest(variant()));
  });
});

describe('productRecheckDelayMs', () => {
  it.each([
    [1, 15],
    [2, 30],
    [3, 60],
    [6, 480],
    [7, 960],
    [8, 1_440],
    [40, 1_440],
  ])('after %d checks waits %d minutes', (checks, minutes) => {
    expect(productRecheckDelayMs(checks)).toBe(minutes * 60_000);
  });
});
