import { columnsOf, columnTitle, recordRows } from './table';

describe('generic tables', () => {
  it('takes the object rows of a non-empty list', () => {
    expect(recordRows([{ a: 1 }, 'x'])).toEqual([{ a: 1 }]);
    expect(recordRows([])).toBeUndefined();
    expect(recordRows({ a: 1 })).toBeUndefined();
    expect(recordRows(['x'])).toBeUndefined();
  });

  it('lists every key once, in the order first seen', () => {
    expect(
      columnsOf([
        { at: 1, kind: 'x' },
        { kind: 'y', status: 2 },
      ]),
    ).toEqual(['at', 'kind', 'status']);
    expect(columnsOf([{ a: 1, b: 2, c: 3 }], 2)).toEqual(['a', 'b']);
  });

  it.each([
    ['durationMs', 'Duration ms'],
    ['order_number', 'Order number'],
    ['trackingNumber', 'Tracking number'],
    ['at', 'At'],
  ])('titles %s as %s', (key, title) => {
    expect(columnTitle(key)).toBe(title);
  });
});
