import { fromUnits, toUnits } from './amounts';

describe('toUnits (exact, rounding half away from zero)', () => {
  it.each<[string, number, number | undefined]>([
    ['12.50', 2, 1250],
    ['12.5', 2, 1250],
    ['12', 2, 1200],
    ['0.1', 2, 10],
    ['19.995', 2, 2000],
    ['19.994', 2, 1999],
    ['-2.505', 2, -251],
    ['16.665', 4, 166650],
    [' 7.00 ', 2, 700],
    ['1,50', 2, undefined],
    ['', 2, undefined],
    ['1e3', 2, undefined],
  ])('%j at %s decimals → %s', (value, decimals, expected) => {
    expect(toUnits(value, decimals)).toBe(expected);
  });
});

describe('fromUnits', () => {
  it.each<[number, number, string]>([
    [1290, 2, '12.90'],
    [5, 2, '0.05'],
    [0, 2, '0.00'],
    [-590, 2, '-5.90'],
    [499950, 4, '49.9950'],
    [42, 0, '42'],
  ])('%s at %s decimals → %s', (units, decimals, expected) => {
    expect(fromUnits(units, decimals)).toBe(expected);
  });
});
