import { quantile, ratio, sortedAscending } from './stats';

describe('quantile', () => {
  it.each([
    [[], 0.5, null],
    [[7], 0.5, 7],
    [[7], 0.9, 7],
    [[1, 2], 0.5, 1.5],
    [[1, 2, 3], 0.5, 2],
    [[1, 2, 3, 4], 0.5, 2.5],
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9, 9.1],
    [[10, 20, 30, 40, 50], 0.9, 46],
    [[10, 20, 30, 40, 50], 0, 10],
    [[10, 20, 30, 40, 50], 1, 50],
    [[24, 24, 24, 100], 0.5, 24],
  ])('of %j at %p is %p', (values, q, expected) => {
    const result = quantile(values, q);
    if (expected === null) expect(result).toBeNull();
    else expect(result).toBeCloseTo(expected, 10);
  });

  it.each([-0.1, 1.5, Number.NaN])('refuses q = %p', (q) => {
    expect(() => quantile([1, 2], q)).toThrow(RangeError);
  });

  it('sorts numerically, not as text, and leaves its input alone', () => {
    const values = [10, 9, 100, 1];
    expect(sortedAscending(values)).toEqual([1, 9, 10, 100]);
    expect(values).toEqual([10, 9, 100, 1]);
  });
});

describe('ratio', () => {
  it.each([
    [0, 0, null],
    [3, 0, null],
    [0, 4, 0],
    [1, 4, 0.25],
    [4, 4, 1],
  ])('%p of %p is %p', (part, whole, expected) => {
    expect(ratio(part, whole)).toBe(expected);
  });
});
