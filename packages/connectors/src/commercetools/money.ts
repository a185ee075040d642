import type { CommercetoolsMoney } from './schemas';

/** Integer cents (or finer) as the hub's decimal string: 1999 with 2 digits → "19.99". */
export function decimalOf(money: CommercetoolsMoney | null | undefined): string {
  if (!money) return '0';
  const digits = money.fractionDigits;
  const negative = money.centAmount < 0;
  const whole = String(Math.abs(money.centAmount)).padStart(digits + 1, '0');
  const text = digits === 0 ? whole : `${whole.slice(0, -digits)}.${whole.slice(-digits)}`;
  return negative ? `-${text}` : text;
}

/** The sum of amounts of one currency, in the first one's precision. */
export function sumCents(amounts: readonly (CommercetoolsMoney | null | undefined)[]) {
  const present = amounts.filter((money): money is CommercetoolsMoney => Boolean(money));
  const [first] = present;
  if (!first) return undefined;
  return {
    ...first,
    centAmount: present.reduce((sum, money) => sum + money.centAmount, 0),
  };
}
