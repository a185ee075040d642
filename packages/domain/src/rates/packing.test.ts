import { item } from './fixtures';
import { packParcels, type PackingResult } from './packing';
import { type ServiceLimits } from './service';

const limits: ServiceLimits = {
  maxWeightKg: 25,
  maxLengthCm: 100,
  maxLengthPlusGirthCm: 300,
  maxParcels: 5,
};

const weights = (result: PackingResult) =>
  result.ok ? result.parcels.map((p) => p.weightKg) : result.reason;

describe('packParcels', () => {
  it('puts a small cart in one parcel, stacking units on their smallest side', () => {
    const result = packParcels([item('book', 1, { quantity: 3, sides: [4, 30, 20] })], limits, 0);
    expect(result).toEqual({
      ok: true,
      parcels: [
        {
          weightKg: 3,
          dimensionsCm: [30, 20, 12],
          volumeLitres: 7.2,
          items: [{ sku: 'book', quantity: 3 }],
        },
      ],
    });
  });

  it.each<
    [
      string,
      Parameters<typeof item>[],
      Partial<ServiceLimits>,
      number,
      (number | string)[] | string,
    ]
  >([
    ['three 12 kg units in 25 kg parcels', [['a', 12, { quantity: 3 }]], {}, 0, [24, 12]],
    [
      'weights that add up to a limit exactly',
      [['a', 0.1, { quantity: 250, sides: [1, 1, 0.1] }]],
      {},
      0,
      [25],
    ],
    [
      'heaviest first, the light ones filling the gaps',
      [
        ['light', 2, { quantity: 3 }],
        ['heavy', 20, { quantity: 2 }],
      ],
      {},
      0,
      [24, 22],
    ],
    ['the box weight counts (fits)', [['a', 12, { quantity: 2 }]], {}, 0.5, [24.5]],
    ['the box weight counts (splits)', [['a', 12.4, { quantity: 2 }]], {}, 0.5, [12.9, 12.9]],
    [
      'a stack too high for the longest side',
      [['a', 1, { quantity: 6, sides: [50, 40, 12] }]],
      { maxLengthCm: 60 },
      0,
      [5, 1],
    ],
    ['items without dimensions', [['a', 5, { quantity: 4, sides: [0, 0, 0] }]], {}, 0, [20]],
    [
      'many light units in bulk',
      [['pin', 0.01, { quantity: 10_000, sides: [0, 0, 0] }]],
      { maxParcels: 10 },
      0,
      [25, 25, 25, 25],
    ],
    [
      'more parcels than allowed',
      [['a', 20, { quantity: 3 }]],
      { maxParcels: 2 },
      0,
      'too_many_parcels',
    ],
    ['one parcel only', [['a', 10, { quantity: 3 }]], { maxParcels: 1 }, 0, 'too_many_parcels'],
    ['an item heavier than any parcel', [['anvil', 26]], {}, 0, 'item_too_heavy'],
    ['an item that is only too heavy with the box', [['anvil', 24.8]], {}, 0.5, 'item_too_heavy'],
    [
      'an item longer than any parcel',
      [['ski', 2, { sides: [180, 10, 10] }]],
      {},
      0,
      'item_too_long',
    ],
    [
      'an item over length plus girth',
      [['crate', 10, { sides: [90, 60, 60] }]],
      {},
      0,
      'item_too_large',
    ],
    [
      'an item over girth',
      [['flat', 1, { sides: [30, 30, 30] }]],
      { maxGirthCm: 100 },
      0,
      'item_too_large',
    ],
  ])('%s', (_name, items, limitChanges, tareKg, expected) => {
    expect(
      weights(
        packParcels(
          items.map((args) => item(...args)),
          { ...limits, ...limitChanges },
          tareKg,
        ),
      ),
    ).toEqual(expected);
  });

  it('says which item does not fit and by how much', () => {
    expect(packParcels([item('ski', 2, { sides: [10, 180, 10] })], limits, 0)).toEqual({
      ok: false,
      reason: 'item_too_long',
      detail: 'ski is 180 cm long; the limit is 100 cm',
    });
  });

  it('lists what each parcel holds', () => {
    const result = packParcels(
      [item('a', 15), item('b', 15), item('c', 5, { quantity: 2 })],
      limits,
      0,
    );
    expect(result.ok && result.parcels.map((p) => p.items)).toEqual([
      [
        { sku: 'a', quantity: 1 },
        { sku: 'c', quantity: 2 },
      ],
      [{ sku: 'b', quantity: 1 }],
    ]);
  });
});
