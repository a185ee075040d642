import { CanonicalOrderSchema, type CanonicalOrder, type OrderLine } from './order';
import {
  levelsInStoreSkus,
  AUTO_RESOLVER,
  destinationSkus,
  hasGaps,
  orderWithFulfilmentSkus,
  releasedBy,
  reviewReasonOf,
  reviewTrigger,
  skuGaps,
  stillWaiting,
  storeSkusOf,
  withFulfilmentSkus,
  type SkuMapping,
} from './sku-mapping';

const line = (externalId: string, sku: string, addressExternalId = 'a1'): OrderLine => ({
  externalId,
  addressExternalId,
  productExternalId: null,
  sku,
  name: `Product ${externalId}`,
  quantity: 1,
  quantityShipped: 0,
  unitPrice: '10.00',
  weightGrams: null,
  options: [],
  giftMessage: null,
});

const mapping = (storeSku: string, fulfilmentSku: string, extra: Partial<SkuMapping> = {}) => ({
  storeSku,
  fulfilmentSku,
  productRef: `p-${fulfilmentSku}`,
  source: 'matched' as const,
  mappedBy: null,
  mappedAt: '2026-12-01T10:00:00.000Z',
  ...extra,
});

const address = {
  name: 'Maya Lindqvist',
  company: null,
  street1: '401 Congress Ave',
  street2: null,
  city: 'Austin',
  state: 'TX',
  postalCode: '78701',
  country: 'US',
  phone: null,
  email: null,
};

const order = (lines: OrderLine[]): CanonicalOrder =>
  CanonicalOrderSchema.parse({
    externalId: '100',
    orderNumber: '100',
    storeStatusId: 11,
    storeStatus: 'Awaiting Fulfillment',
    status: 'awaiting_fulfilment',
    createdAt: '2026-12-01T10:00:00.000Z',
    modifiedAt: '2026-12-01T10:00:00.000Z',
    currency: 'USD',
    customer: { externalId: null, email: null, name: 'Maya' },
    billTo: address,
    destinations: ['a1', 'a2'].map((addressExternalId) => ({
      addressExternalId,
      shipTo: address,
      shippingMethod: null,
      shippingCost: '0.00',
    })),
    lines,
    totals: { subtotal: '0.00', shipping: '0.00', tax: '0.00', total: '0.00' },
    paymentMethod: null,
    notes: { customer: null, staff: null },
    customFields: {},
  });

describe('storeSkusOf', () => {
  it.each([
    { skus: ['A', 'B'], expected: ['A', 'B'] },
    { skus: ['A', 'B', 'A'], expected: ['A', 'B'] },
    { skus: ['', 'A', '  '], expected: ['A'] },
    { skus: [], expected: [] },
  ])('$skus → $expected', ({ skus, expected }) => {
    expect(storeSkusOf(skus.map((sku, i) => line(String(i), sku)))).toEqual(expected);
  });

  it('takes the lines of one destination', () => {
    const placed = order([line('1', 'A', 'a1'), line('2', 'B', 'a2'), line('3', 'C', 'a2')]);
    expect(destinationSkus(placed, placed.destinations[1]!)).toEqual(['B', 'C']);
  });
});

describe('skuGaps', () => {
  it.each([
    { skus: ['A', 'B'], mapped: ['A', 'B'], unmapped: [], withoutSku: [], reason: 'unmapped_sku' },
    {
      skus: ['A', 'B', 'B'],
      mapped: ['A'],
      unmapped: ['B'],
      withoutSku: [],
      reason: 'unmapped_sku',
    },
    { skus: ['A', ''], mapped: ['A'], unmapped: [], withoutSku: ['1'], reason: 'missing_sku' },
    { skus: ['', 'B'], mapped: [], unmapped: ['B'], withoutSku: ['0'], reason: 'missing_sku' },
  ])(
    '$skus with $mapped mapped: unmapped $unmapped, without SKU $withoutSku',
    ({ skus, mapped, unmapped, withoutSku, reason }) => {
      const gaps = skuGaps(
        skus.map((sku, i) => line(String(i), sku)),
        new Set(mapped),
      );
      expect(gaps).toEqual({ unmapped, withoutSku });
      expect(hasGaps(gaps)).toBe(unmapped.length + withoutSku.length > 0);
      expect(reviewReasonOf(gaps)).toBe(reason);
    },
  );

  it('never takes a mapping of the blank SKU for a line without one', () => {
    const gaps = skuGaps([line('1', '')], new Set(['']));
    expect(gaps.withoutSku).toEqual(['1']);
  });

  it('tells which SKUs of a review still wait', () => {
    expect(stillWaiting(['A', 'B', 'C'], new Set(['B']))).toEqual(['A', 'C']);
  });
});

describe('withFulfilmentSkus', () => {
  it('substitutes mapped SKUs and leaves everything else of the line alone', () => {
    const lines = [line('1', 'BC-TENT'), line('2', 'SAME'), line('3', '')];
    const sent = withFulfilmentSkus(lines, [
      mapping('BC-TENT', 'SH-TENT'),
      mapping('SAME', 'SAME'),
      mapping('', 'NEVER'),
    ]);
    expect(sent.map((l) => l.sku)).toEqual(['SH-TENT', 'SAME', '']);
    expect(sent[0]).toEqual({ ...lines[0], sku: 'SH-TENT' });
    expect(sent[1]).toBe(lines[1]);
    expect(lines[0]!.sku).toBe('BC-TENT');
  });

  it('substitutes on every line of the order, whichever destination it ships to', () => {
    const placed = order([line('1', 'A', 'a1'), line('2', 'A', 'a2'), line('3', 'B', 'a2')]);
    const sent = orderWithFulfilmentSkus(placed, [mapping('A', 'X')]);
    expect(sent.lines.map((l) => l.sku)).toEqual(['X', 'X', 'B']);
    expect(placed.lines.map((l) => l.sku)).toEqual(['A', 'A', 'B']);
  });
});

describe('releasedBy', () => {
  const manual = (storeSku: string, mappedBy: string, mappedAt: string) =>
    mapping(storeSku, storeSku, { source: 'manual', mappedBy, mappedAt });

  it.each([
    { name: 'matched only', mappings: [mapping('A', 'A')], expected: AUTO_RESOLVER },
    {
      name: 'a manual mapping of a SKU it waited for',
      mappings: [mapping('A', 'A'), manual('B', 'ana', '2026-12-01T11:00:00.000Z')],
      expected: 'ana',
    },
    {
      name: 'the newest of two manual mappings',
      mappings: [
        manual('A', 'ana', '2026-12-01T11:00:00.000Z'),
        manual('B', 'ben', '2026-12-01T12:00:00.000Z'),
      ],
      expected: 'ben',
    },
    {
      name: 'a manual mapping of a SKU it did not wait for',
      mappings: [mapping('A', 'A'), manual('Z', 'zoe', '2026-12-01T11:00:00.000Z')],
      expected: AUTO_RESOLVER,
    },
  ])('$name → $expected', ({ mappings, expected }) => {
    expect(releasedBy(['A', 'B'], mappings)).toBe(expected);
  });
});

describe('reviewTrigger', () => {
  it('names the review and its version, within a trigger’s bounds', () => {
    const id = '4b0e7e9f-3c1a-4f8e-9a57-2f7f6f3d1c2b';
    expect(reviewTrigger(id, 1764583200000)).toBe(`review-${id}-1764583200000`);
    expect(reviewTrigger(id, 1)).not.toBe(reviewTrigger(id, 2));
    expect(reviewTrigger(id, Date.now()).length).toBeLessThanOrEqual(100);
  });
});

describe('levelsInStoreSkus', () => {
  const level = (sku: string, quantity: number) => ({ sku, locationRef: '1', quantity });

  it('sends a renamed product’s stock to every store SKU mapped onto it, and keeps the rest', () => {
    const renamed = new Map([['BEANIE-01', ['HAT-BEANIE', 'HAT-BEANIE-RED']]]);
    expect(levelsInStoreSkus([level('BEANIE-01', 60), level('TENT-2P', 4)], renamed)).toEqual([
      level('HAT-BEANIE', 60),
      level('HAT-BEANIE-RED', 60),
      level('TENT-2P', 4),
    ]);
  });
});
