import { localDateTimeToIso } from './period';

/** The most orders one print takes (the API's limit). */
export const PRINT_LIMIT = 500;

export type PrintMode = 'orders' | 'period';

export interface PrintBody {
  orderNumbers?: string[];
  since?: string;
  until?: string;
}

export type PrintInput = { ok: true; body: PrintBody } | { ok: false; message: string };

/** Order numbers typed one a line (commas too), blank lines and repeats left out. */
export function orderNumbersOf(text: string): string[] {
  const numbers = text
    .split(/[\n,]/)
    .map((line) => line.trim())
    .filter(Boolean);
  return [...new Set(numbers)];
}

/** What a print (and its dry run) asks for: the orders listed, or the labels made in a window. */
export function printBody(
  mode: PrintMode,
  form: { orders: string; since: string; until: string },
): PrintInput {
  if (mode === 'orders') {
    const orderNumbers = orderNumbersOf(form.orders);
    if (orderNumbers.length === 0) return { ok: false, message: 'List at least one order number.' };
    if (orderNumbers.length > PRINT_LIMIT) {
      return { ok: false, message: `One print takes at most ${PRINT_LIMIT} orders.` };
    }
    return { ok: true, body: { orderNumbers } };
  }
  const since = localDateTimeToIso(form.since);
  if (!since) return { ok: false, message: 'Give the time the labels were made from.' };
  const until = localDateTimeToIso(form.until);
  if (form.until && !until) return { ok: false, message: 'The end time is not a time.' };
  if (until && Date.parse(until) <= Date.parse(since)) {
    return { ok: false, message: 'The end comes after the start.' };
  }
  return { ok: true, body: { since, ...(until ? { until } : {}) } };
}

/** Adds an order to the list typed so far, once. */
export function withOrder(text: string, orderNumber: string): string {
  const numbers = orderNumbersOf(text);
  return numbers.includes(orderNumber) ? text : [...numbers, orderNumber].join('\n');
}
