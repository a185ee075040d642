import type { CommercetoolsMoney } from './schemas';

/**
 * The amount in the units its `fractionDigits` count: `centAmount` for cent-precision money;
 * `preciseAmount` for high-precision money, whose `centAmount` is still in the currency's cents.
 */
function exactUnits(money: CommercetoolsMoney): { units: number; digits: number } {
  const precise = money.preciseAmount;
  if (money.type === 'highPrecision' && typeof precise === 'number' && Number.isInteger(precise)) {
    return { units: precise, digits: money.fractionDigits };
  }
  return { units: money.centAmount, digits: money.fractionDigits };
}

/** Integer cents (or finer) as the hub's decimal string: 1999 with 2 digits → "19.99". */
export function decimalOf(money: CommercetoolsMoney | null | undefined): string {
  if (!money) return '0';
  const { units, digits } = exactUnits(money);
  const negative = units < 0;
  const whole = String(Math.abs(units)).padStart(digits + 1, '0');
  const text = digits === 0 ? whole : `${whole.slice(0, -digits)}.${whole.slice(-digits)}`;
  return negative ? `-${text}` : text;
}

/** The sum of amounts of one currency, in the finest precision among them. */
export function sumCents(
  amounts: readonly (CommercetoolsMoney | null | undefined)[],
): CommercetoolsMoney | undefined {
  const present = amounts.filter((money): money is CommercetoolsMoney => Boolean(money));
  const [first] = present;
  if (!first) return undefined;
  const parts = present.map(exactUnits);
  const digits = Math.max(...parts.map((part) => part.digits));
  return {
    type: 'centPrecision',
    currencyCode: first.currencyCode,
    centAmount: parts.reduce((sum, part) => sum + part.units * 10 ** (digits - part.digits), 0),
    fractionDigits: digits,
  };
}
