import type { CatalogVariant } from '@shiplink/domain';
import { ShipHeroProductDetailsSchema } from './product-documents';
import { shipHeroCreateInput, shipHeroProductChanges, shipHeroProductFields } from './products';

const NO_CUSTOMS = {
  description: null,
  valueAmount: null,
  currency: null,
  tariffCode: null,
  countryOfOrigin: null,
};

const lantern = (overrides: Partial<CatalogVariant> = {}): CatalogVariant => ({
  sku: 'LANTERN-LED',
  name: 'LED lantern (Green)',
  weightGrams: 340.194,
  dimensionsCm: { length: 12.7, width: 10.16, height: 22.86 },
  customs: {
    description: 'Camping lantern',
    valueAmount: '24.00',
    currency: 'USD',
    tariffCode: '9405.40',
    countryOfOrigin: 'CN',
  },
  ...overrides,
});

const held = (fields: Record<string, unknown>) =>
  ShipHeroProductDetailsSchema.parse({ id: 'UHJvZHVjdDox', sku: 'LANTERN-LED', ...fields });

describe('ShipHero product fields', () => {
  it('gives ounces and inches as decimal strings, and the customs fields', () => {
    expect(shipHeroProductFields(lantern())).toEqual({
      dimensions: { weight: '12', length: '5', width: '4', height: '9' },
      tariff_code: '9405.40',
      country_of_manufacture: 'CN',
      customs_description: 'Camping lantern',
    });
    expect(shipHeroProductFields(lantern({ weightGrams: 310, dimensionsCm: null }))).toEqual(
      expect.objectContaining({ dimensions: { weight: '10.93' } }),
    );
    expect(
      shipHeroProductFields(
        lantern({ weightGrams: null, dimensionsCm: null, customs: NO_CUSTOMS }),
      ),
    ).toEqual({});
  });

  it('creates with the name, the customs value and nothing on hand in every warehouse', () => {
    expect(shipHeroCreateInput(lantern(), ['W1', 'W2'])).toEqual({
      sku: 'LANTERN-LED',
      name: 'LED lantern (Green)',
      warehouse_products: [
        { warehouse_id: 'W1', on_hand: 0 },
        { warehouse_id: 'W2', on_hand: 0 },
      ],
      dimensions: { weight: '12', length: '5', width: '4', height: '9' },
      tariff_code: '9405.40',
      country_of_manufacture: 'CN',
      customs_description: 'Camping lantern',
      customs_value: '24.00',
    });
  });
});

describe('ShipHero product changes', () => {
  it('has none when ShipHero holds the values, however it writes its decimals', () => {
    const same = held({
      dimensions: { weight: '12.00', length: '5.0', width: '4', height: '9.00' },
      tariff_code: '9405.40',
      country_of_manufacture: 'CN',
      customs_description: 'Camping lantern',
    });
    expect(shipHeroProductChanges(same, lantern())).toBeUndefined();
  });

  it('sends the whole measures when one differs, and the customs fields that differ', () => {
    const different = held({
      dimensions: { weight: '12.00', length: '5.00', width: '4.00', height: '0.00' },
      tariff_code: null,
      country_of_manufacture: 'CN',
      customs_description: 'Lantern',
    });
    expect(shipHeroProductChanges(different, lantern())).toEqual({
      dimensions: { weight: '12', length: '5', width: '4', height: '9' },
      tariff_code: '9405.40',
      customs_description: 'Camping lantern',
    });
  });

  it('never clears what the store says nothing of', () => {
    const measured = held({
      dimensions: { weight: '3.00', length: '1.00', width: '1.00', height: '1.00' },
      tariff_code: '1111.11',
    });
    expect(
      shipHeroProductChanges(measured, lantern({ dimensionsCm: null, customs: NO_CUSTOMS })),
    ).toEqual({ dimensions: { weight: '12' } });
  });
});
