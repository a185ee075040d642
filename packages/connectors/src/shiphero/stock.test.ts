import { observationOf, shipHeroTime } from './stock';

describe('ShipHero stock rows as observations', () => {
  it.each([
    ['2026-03-01T10:00:05', '2026-03-01T10:00:05.000Z'],
    ['2026-03-01T10:00:05.250', '2026-03-01T10:00:05.250Z'],
    ['2026-03-01T10:00:05Z', '2026-03-01T10:00:05.000Z'],
    ['2026-03-01T12:00:05+02:00', '2026-03-01T10:00:05.000Z'],
    ['not a time', undefined],
  ])('reads ShipHero time %j as %j (naive means UTC)', (text, iso) => {
    expect(shipHeroTime(text)).toBe(iso);
  });

  const row = {
    warehouse_id: 'V2FyZWhvdXNlOjE=',
    on_hand: 7,
    available: 5,
    allocated: 2,
    updated_at: '2026-03-01T10:00:05',
  };

  it.each([
    ['available as ShipHero counts it', row, { available: 5, onHand: 7 }],
    ['never negative when backordered', { ...row, available: -3 }, { available: 0, onHand: 7 }],
    [
      'on hand minus allocated when available is missing',
      { ...row, available: null },
      { available: 5, onHand: 7 },
    ],
    [
      'on hand alone when nothing is allocated',
      { ...row, available: null, allocated: null },
      { available: 7, onHand: 7 },
    ],
  ])('takes %s', (_case, input, expected) => {
    expect(observationOf('TENT-2P', input)).toEqual({
      sku: 'TENT-2P',
      warehouseRef: 'V2FyZWhvdXNlOjE=',
      observedAt: '2026-03-01T10:00:05.000Z',
      ...expected,
    });
  });

  it.each([
    ['no warehouse', { ...row, warehouse_id: null }],
    ['no time', { ...row, updated_at: null }],
    ['an unreadable time', { ...row, updated_at: 'yesterday' }],
    ['no count at all', { ...row, available: null, on_hand: null }],
  ])('leaves out a row with %s instead of taking it as zero', (_case, input) => {
    expect(observationOf('TENT-2P', input)).toBeUndefined();
  });
});
