import type { CatalogVariant } from '@shiplink/domain';
import { productChanges, shipStationProductFields } from './products';
import { ShipStationProductSchema } from './schemas';

const NO_CUSTOMS = {
  description: null,
  valueAmount: null,
  currency: null,
  tariffCode: null,
  countryOfOrigin: null,
};

const variant = (overrides: Partial<CatalogVariant> = {}): CatalogVariant => ({
  sku: 'KETTLE-CAST-09',
  name: 'Cast iron kettle',
  weightGrams: 1_270,
  dimensionsCm: { length: 20.32, width: 17.78, height: 15.24 },
  customs: {
    description: 'Cast iron kettle',
    valueAmount: '42.5',
    currency: 'USD',
    tariffCode: '7323.91',
    countryOfOrigin: 'JP',
  },
  ...overrides,
});

const product = (fields: Record<string, unknown> = {}) =>
  ShipStationProductSchema.parse({ productId: 7, sku: 'KETTLE-CAST-09', ...fields });

describe('ShipStation product fields', () => {
  it('gives ounces and inches to two decimals, and the customs fields', () => {
    expect(shipStationProductFields(variant())).toEqual({
      weightOz: 44.8,
      length: 8,
      width: 7,
      height: 6,
      customsDescription: 'Cast iron kettle',
      customsValue: 42.5,
      customsTariffNo: '7323.91',
      customsCountryCode: 'JP',
    });
  });

  it.each([
    [453.592, 16],
    [310, 10.93],
    [28.35, 1],
    [0.4, 0.01],
  ])('%d g weighs %d oz', (weightGrams, weightOz) => {
    expect(shipStationProductFields(variant({ weightGrams })).weightOz).toBe(weightOz);
  });

  it('leaves out what the store says nothing of', () => {
    expect(
      shipStationProductFields(
        variant({ weightGrams: null, dimensionsCm: null, customs: NO_CUSTOMS }),
      ),
    ).toEqual({});
  });
});

describe('ShipStation product changes', () => {
  it('names only the fields that differ', () => {
    const held = product({
      weightOz: 44.8,
      length: 8,
      width: 7,
      height: 5,
      customsDescription: 'Cast iron kettle',
      customsValue: 40,
      customsTariffNo: null,
      customsCountryCode: 'JP',
    });
    expect(productChanges(held, variant())).toEqual({
      height: 6,
      customsValue: 42.5,
      customsTariffNo: '7323.91',
    });
  });

  it('has none when ShipStation holds the values already, rounding aside', () => {
    const held = product({
      weightOz: 44.8,
      length: 8.001,
      width: 7,
      height: 6,
      customsDescription: 'Cast iron kettle ',
      customsValue: 42.5,
      customsTariffNo: '7323.91',
      customsCountryCode: 'JP',
    });
    expect(productChanges(held, variant())).toBeUndefined();
  });

  it('never clears a field the store says nothing of', () => {
    const held = product({ weightOz: 12, customsTariffNo: '1234.56' });
    expect(productChanges(held, variant({ dimensionsCm: null, customs: NO_CUSTOMS }))).toEqual({
      weightOz: 44.8,
    });
  });
});
