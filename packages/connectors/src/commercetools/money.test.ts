import { decimalOf, sumCents } from './money';
import type { CommercetoolsMoney } from './schemas';

const cents = (
  centAmount: number,
  fractionDigits = 2,
  currencyCode = 'EUR',
): CommercetoolsMoney => ({
  type: 'centPrecision',
  currencyCode,
  centAmount,
  fractionDigits,
});

const precise = (
  centAmount: number,
  preciseAmount: number,
  fractionDigits: number,
): CommercetoolsMoney => ({
  type: 'highPrecision',
  currencyCode: 'EUR',
  centAmount,
  preciseAmount,
  fractionDigits,
});

describe('decimalOf', () => {
  it.each<[number, number, string]>([
    [1999, 2, '19.99'],
    [5, 2, '0.05'],
    [0, 2, '0.00'],
    [100000, 2, '1000.00'],
    [-250, 2, '-2.50'],
    [-5, 2, '-0.05'],
    [1500, 0, '1500'],
    [0, 0, '0'],
    [-7, 0, '-7'],
    [12345, 3, '12.345'],
    [5, 3, '0.005'],
    [1000, 3, '1.000'],
  ])('%i with %i fraction digits is %s', (amount, digits, text) => {
    expect(decimalOf(cents(amount, digits))).toBe(text);
  });

  it('reads high-precision money by its precise amount, not its rounded cents', () => {
    expect(decimalOf(precise(1235, 1234567, 5))).toBe('12.34567');
    expect(decimalOf(precise(0, 42, 4))).toBe('0.0042');
    expect(decimalOf(precise(-1235, -1234567, 5))).toBe('-12.34567');
  });

  it('is 0 for no money', () => {
    expect(decimalOf(undefined)).toBe('0');
    expect(decimalOf(null)).toBe('0');
  });
});

describe('sumCents', () => {
  it('adds amounts of one currency, skipping missing ones', () => {
    const sum = sumCents([cents(1290), undefined, cents(2450), null, cents(0)]);
    expect(sum).toMatchObject({ currencyCode: 'EUR', centAmount: 3740, fractionDigits: 2 });
    expect(decimalOf(sum)).toBe('37.40');
  });

  it('keeps the precision of currencies with 0 and 3 digits', () => {
    expect(decimalOf(sumCents([cents(590, 0, 'JPY'), cents(10, 0, 'JPY')]))).toBe('600');
    expect(decimalOf(sumCents([cents(1290, 3, 'KWD'), cents(15, 3, 'KWD')]))).toBe('1.305');
  });

  it('adds high-precision amounts exactly, in the finest precision among them', () => {
    const sum = sumCents([cents(1000), precise(1235, 1234567, 5)]);
    expect(decimalOf(sum)).toBe('22.34567');
  });

  it('is undefined when there is nothing to add', () => {
    expect(sumCents([])).toBeUndefined();
    expect(sumCents([undefined, null])).toBeUndefined();
  });
});
