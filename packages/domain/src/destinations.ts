import { linesFor, type CanonicalOrder, type Destination, type OrderLine } from './order';
import { moneyToNumber, type Money } from './money';

/**
 * A store order with several ship-to addresses becomes one fulfilment order per destination.
 * These say which one a destination is, what it is numbered, and its share of the order's money,
 * the same way for every fulfilment system.
 */

/** The destination's position in the order; -1 when it is not one of the order's. */
export function destinationIndex(order: CanonicalOrder, destination: Destination): number {
  return order.destinations.findIndex((d) => d.addressExternalId === destination.addressExternalId);
}

/** The store's order number, suffixed per destination so pickers can tell the parcels apart. */
export function destinationOrderNumber(order: CanonicalOrder, index: number): string {
  return order.destinations.length > 1 ? `${order.orderNumber}-${index + 1}` : order.orderNumber;
}

const toCents = (value: Money) => Math.round(moneyToNumber(value) * 100);
const fromCents = (cents: number) => Math.round(cents) / 100;

/** Splits `total` cents over `weights` so the parts add up exactly (largest remainder). */
function allocate(total: number, weights: number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (sum <= 0) return weights.map((_, i) => (i === 0 ? total : 0));
  const raw = weights.map((w) => (total * w) / sum);
  const parts = raw.map(Math.floor);
  let left = total - parts.reduce((a, b) => a + b, 0);
  const ranked = raw
    .map((r, i) => ({ i, frac: r - Math.floor(r) }))
    .sort((a, b) => b.frac - a.frac);
  for (const { i } of ranked) {
    if (left <= 0) break;
    parts[i] = (parts[i] ?? 0) + 1;
    left -= 1;
  }
  return parts;
}

const goodsCents = (lines: OrderLine[]) =>
  lines.reduce((sum, line) => sum + toCents(line.unitPrice) * line.quantity, 0);

/**
 * Order-level money for one destination: the store's total, tax and discount spread by each
 * destination's goods + shipping, so the fulfilment orders add up to what the customer paid.
 */
export function destinationMoney(
  order: CanonicalOrder,
  destination: Destination,
): { total: number; tax: number; discount: number; goods: number } {
  const goods = fromCents(goodsCents(linesFor(order, destination.addressExternalId)));
  if (order.destinations.length === 1) {
    return {
      total: moneyToNumber(order.totals.total),
      tax: moneyToNumber(order.totals.tax),
      discount: moneyToNumber(order.totals.discount),
      goods,
    };
  }
  const weights = order.destinations.map(
    (d) => goodsCents(linesFor(order, d.addressExternalId)) + toCents(d.shippingCost),
  );
  const index = destinationIndex(order, destination);
  const total = allocate(toCents(order.totals.total), weights)[index] ?? 0;
  const tax = allocate(toCents(order.totals.tax), weights)[index] ?? 0;
  const discount = allocate(toCents(order.totals.discount), weights)[index] ?? 0;
  return { total: fromCents(total), tax: fromCents(tax), discount: fromCents(discount), goods };
}
