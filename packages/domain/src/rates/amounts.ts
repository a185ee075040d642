import { z } from 'zod';
import { type Money } from '../money';

/**
 * Checkout prices in integer minor units. Shipping prices are configured and returned in 2
 * decimals (cents, öre): every currency the rule sets price (EUR, SEK, NOK, DKK) has two.
 * Cart prices may carry more, so the subtotal is kept in ten-thousandths and never rounded
 * before it is compared with a free-above threshold.
 */
export const PRICE_DECIMALS = 2;
export const SUBTOTAL_DECIMALS = 4;

/** ISO 4217, upper case. */
export const CurrencyCodeSchema = z
  .string()
  .regex(/^[A-Z]{3}$/, 'must be a three-letter ISO 4217 currency code in upper case, e.g. "EUR"');

/** A configured price: never negative, at most two decimals ("6.90", "69"). */
export const PriceSchema = z
  .string({ error: 'must be an amount as a string, e.g. "6.90"' })
  .regex(/^\d+(\.\d{1,2})?$/, 'must be a non-negative amount with at most 2 decimals, e.g. "6.90"');

const DECIMAL = /^(-)?(\d+)(?:\.(\d+))?$/;

/**
 * A decimal string as an integer count of 10^-decimals, rounding half away from zero beyond
 * that; undefined when it is not a decimal string. Exact: no float ever holds the fraction.
 */
export function toUnits(value: string, decimals: number): number | undefined {
  const match = DECIMAL.exec(value.trim());
  if (!match) return undefined;
  const [, sign, whole = '0', fraction = ''] = match;
  const padded = fraction.padEnd(decimals + 1, '0');
  const kept = Number(whole + padded.slice(0, decimals));
  const units = kept + (Number(padded[decimals]) >= 5 ? 1 : 0);
  return sign && units !== 0 ? -units : units;
}

/** Minor units (cents) of a configured price; prices are validated, so this cannot fail. */
export function priceUnits(price: Money): number {
  return toUnits(price, PRICE_DECIMALS) ?? 0;
}

/** Integer units back to a decimal string with exactly `decimals` places ("1290" → "12.90"). */
export function fromUnits(units: number, decimals = PRICE_DECIMALS): Money {
  const sign = units < 0 ? '-' : '';
  const digits = String(Math.abs(units)).padStart(decimals + 1, '0');
  if (decimals === 0) return sign + digits;
  return `${sign}${digits.slice(0, -decimals)}.${digits.slice(-decimals)}`;
}
