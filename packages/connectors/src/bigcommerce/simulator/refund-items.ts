import { z } from 'zod';
import type { SimOrder } from './state';
import { orderTotals } from './totals';

/**
 * The items of a refund quote or refund (orders.v3 "payment actions"), checked and priced
 * against what is left to refund: PRODUCT by order product and quantity (the price paid, tax
 * and the product's share of a coupon included), SHIPPING and HANDLING by order address and
 * amount, ORDER by the order id and an amount that carries no tax. Money here is in cents.
 */

/** "A non-negative 2 decimal place rounded value". */
export const amount = z
  .number()
  .nonnegative()
  .refine((value) => Math.abs(value * 100 - Math.round(value * 100)) < 1e-6, {
    message: 'must have at most 2 decimal places',
  });
const id = z.number().int().positive();
const reason = z.string().max(1000);

const QuantityBoundItemSchema = z
  .object({
    item_type: z.enum(['PRODUCT', 'GIFT_WRAPPING']),
    item_id: id,
    quantity: z.number().int().positive(),
    reason: reason.optional(),
  })
  .loose();

const AmountBoundItemSchema = z
  .object({
    item_type: z.enum(['ORDER', 'SHIPPING', 'HANDLING', 'TAX', 'FEE']),
    item_id: id,
    amount: amount.refine((value) => value > 0, { message: 'must be more than 0' }),
    reason: reason.optional(),
  })
  .loose();

export const RefundItemSchema = z.discriminatedUnion('item_type', [
  QuantityBoundItemSchema,
  AmountBoundItemSchema,
]);
export type RefundItem = z.infer<typeof RefundItemSchema>;

export interface PricedRefund {
  items: RefundItem[];
  totalCents: number;
  taxCents: number;
  /** What ORDER items ask for. */
  orderLevelCents: number;
  /** Books the items on the order's products and addresses (not the order total: the caller). */
  apply(): void;
}

const cents = (dollars: number) => Math.round(dollars * 100);
export const dollars = (value: number) => Math.round(value) / 100;

/** The share of `total` that `from`..`to` of `of` units make, in whole cents without drift. */
const share = (total: number, from: number, to: number, of: number) =>
  Math.round((total * to) / of) - Math.round((total * from) / of);

/** Left to refund on the order as a whole. */
export function refundableCents(order: SimOrder): number {
  return Math.max(0, orderTotals(order).totalInc - order.refundedCents);
}

export function priceRefund(order: SimOrder, items: RefundItem[]): PricedRefund | string {
  let totalCents = 0;
  let taxCents = 0;
  let orderLevelCents = 0;
  const bookings: (() => void)[] = [];
  const refundedQuantity = new Map<number, number>();
  const refundedShipping = new Map<number, number>();
  for (const item of items) {
    if (item.item_type === 'PRODUCT') {
      const product = order.products.find((candidate) => candidate.id === item.item_id);
      if (!product) return `Order product ${item.item_id} is not part of order ${order.id}`;
      const before = refundedQuantity.get(product.id) ?? product.quantity_refunded;
      const after = before + item.quantity;
      if (after > product.quantity) {
        return `Cannot refund ${item.quantity} of order product ${product.id}: only ${product.quantity - before} left to refund`;
      }
      refundedQuantity.set(product.id, after);
      const line = product.priceIncCents * product.quantity - (product.coupon?.amountCents ?? 0);
      const lineTax = (product.priceIncCents - product.priceExCents) * product.quantity;
      const paid = share(line, before, after, product.quantity);
      totalCents += paid;
      taxCents += share(lineTax, before, after, product.quantity);
      bookings.push(() => {
        product.quantity_refunded += item.quantity;
        product.refundCents += paid;
      });
    } else if (item.item_type === 'GIFT_WRAPPING') {
      return `Order product ${item.item_id} has no gift wrapping cost to refund`;
    } else if (item.item_type === 'SHIPPING' || item.item_type === 'HANDLING') {
      const address = order.addresses.find((candidate) => candidate.id === item.item_id);
      if (!address) return `Order address ${item.item_id} is not part of order ${order.id}`;
      const asked = cents(item.amount);
      // The simulator charges no handling, so none is ever left to refund.
      const cost = item.item_type === 'SHIPPING' ? address.costIncCents : 0;
      const before = refundedShipping.get(address.id) ?? address.refundedCents;
      const left = item.item_type === 'SHIPPING' ? cost - before : 0;
      if (asked > left) {
        return `Cannot refund ${dollars(asked).toFixed(2)} of ${item.item_type.toLowerCase()} for order address ${address.id}: only ${dollars(left).toFixed(2)} left to refund`;
      }
      refundedShipping.set(address.id, before + asked);
      totalCents += asked;
      taxCents += cost > 0 ? Math.round((asked * (cost - address.costExCents)) / cost) : 0;
      bookings.push(() => {
        address.refundedCents += asked;
      });
    } else if (item.item_type === 'ORDER') {
      if (item.item_id !== order.id) {
        return `An ORDER item must name the order: item_id ${item.item_id} is not order ${order.id}`;
      }
      // "When item_type is set to ORDER, tax is not re-calculated."
      totalCents += cents(item.amount);
      orderLevelCents += cents(item.amount);
    } else {
      return `Order ${order.id} has no separate ${item.item_type === 'TAX' ? 'tax' : 'fee'} to refund; refund the items it was charged on`;
    }
  }
  const left = refundableCents(order);
  if (totalCents > left) {
    return `The refund of ${dollars(totalCents).toFixed(2)} exceeds the ${dollars(left).toFixed(2)} left to refund on order ${order.id}`;
  }
  return {
    items,
    totalCents,
    taxCents,
    orderLevelCents,
    apply: () => bookings.forEach((book) => book()),
  };
}
