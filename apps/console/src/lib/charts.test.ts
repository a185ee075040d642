import { barLength, lineSegments, niceMax, ticks, wholeTicks } from './charts';

describe('chart arithmetic', () => {
  it.each([
    [0, 1],
    [-3, 1],
    [0.83, 1],
    [1, 1],
    [1.2, 2],
    [23, 25],
    [41, 50],
    [100, 100],
    [170, 200],
  ])('ends an axis for %p at %p', (value, max) => {
    expect(niceMax(value)).toBeCloseTo(max);
  });

  it('spaces ticks evenly from zero', () => {
    expect(ticks(100, 4)).toEqual([0, 25, 50, 75, 100]);
  });

  it.each([
    [1, [0, 1]],
    [2, [0, 1, 2]],
    [5, [0, 1, 2, 3, 4, 5]],
    [20, [0, 5, 10, 15, 20]],
    [25, [0, 5, 10, 15, 20, 25]],
  ])('puts the ticks of counts up to %p on whole numbers', (max, expected) => {
    expect(wholeTicks(max)).toEqual(expected);
  });

  it.each([
    [50, 100, 200, 100],
    [150, 100, 200, 200],
    [null, 100, 200, 0],
    [10, 0, 200, 0],
  ])('draws %p of %p on %p as %p', (value, max, length, expected) => {
    expect(barLength(value, max, length)).toBe(expected);
  });

  it('breaks a line where a value is missing', () => {
    expect(lineSegments([0, 1, null, 1, 0.5], 400, 100, 1)).toEqual([
      '0,100 100,0',
      '300,0 400,50',
    ]);
  });

  it('puts a single point in the middle', () => {
    expect(lineSegments([0.5], 400, 100, 1)).toEqual(['200,50']);
  });
});
