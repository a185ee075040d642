import { plannedDecrements, shipmentLowersStock } from './shipment-stock';

describe('stock after shipments', () => {
  it('lowers store stock for other channels only, by default', () => {
    expect(shipmentLowersStock('other_channels', 'other_channel')).toBe(true);
    expect(shipmentLowersStock('other_channels', 'store_order')).toBe(false);
    expect(shipmentLowersStock('every', 'store_order')).toBe(true);
    expect(shipmentLowersStock('never', 'other_channel')).toBe(false);
  });

  it('keys every shipped item once, by its line or its place', () => {
    expect(
      plannedDecrements([
        { lineRef: '7731', sku: 'TEA', quantity: 2 },
        { lineRef: null, sku: 'MUG', quantity: 1 },
        { lineRef: null, sku: 'MUG', quantity: 1 },
        { lineRef: null, sku: ' ', quantity: 1 },
        { lineRef: null, sku: 'GIFT', quantity: 0 },
      ]),
    ).toEqual([
      { itemKey: 'line:7731', sku: 'TEA', quantity: 2 },
      { itemKey: 'item:1:MUG', sku: 'MUG', quantity: 1 },
      { itemKey: 'item:2:MUG', sku: 'MUG', quantity: 1 },
    ]);
  });
});
