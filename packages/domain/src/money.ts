import { z } from 'zod';

/** Money stays a decimal string end to end ("8.0000"); never a float until a vendor needs one. */
export const MoneySchema = z.string().regex(/^-?\d+(\.\d+)?$/, 'must be a decimal string');
export type Money = z.infer<typeof MoneySchema>;

/** For vendors that take JSON numbers. Rounds half away from zero to 2 decimals via integer cents. */
export function moneyToNumber(value: Money): number {
  const negative = value.startsWith('-');
  const [whole = '0', fraction = ''] = value.replace('-', '').split('.');
  const cents = Number(whole) * 100 + Number((fraction + '000').slice(0, 3)) / 10;
  const rounded = Math.round(cents) / 100;
  return negative ? -rounded : rounded;
}

/** The sum of decimal strings, to the cent, as a decimal string ("12.50"). */
export function sumMoney(...values: Money[]): Money {
  const cents = values.reduce((sum, value) => sum + Math.round(moneyToNumber(value) * 100), 0);
  return (cents / 100).toFixed(2);
}
