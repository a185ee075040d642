import type { SimOrder, SimOrderProduct } from './state';

/** An order's sums in cents, as the v2 order prints them and refunds are bounded by. */
export interface OrderTotals {
  subtotalEx: number;
  subtotalInc: number;
  shippingEx: number;
  shippingInc: number;
  tax: number;
  totalEx: number;
  /** What the customer paid, and so the most refunds can give back. */
  totalInc: number;
}

export function orderTotals(order: SimOrder): OrderTotals {
  const sum = (pick: (product: SimOrderProduct) => number) =>
    order.products.reduce((total, product) => total + pick(product) * product.quantity, 0);
  const subtotalEx = sum((product) => product.priceExCents);
  const subtotalInc = sum((product) => product.priceIncCents);
  const shippingEx = order.addresses.reduce((total, address) => total + address.costExCents, 0);
  const shippingInc = order.addresses.reduce((total, address) => total + address.costIncCents, 0);
  const tax = subtotalInc - subtotalEx + (shippingInc - shippingEx);
  const totalEx = subtotalEx + shippingEx - order.couponCents;
  return {
    subtotalEx,
    subtotalInc,
    shippingEx,
    shippingInc,
    tax,
    totalEx,
    totalInc: totalEx + tax,
  };
}

/** `payment_status` once refunds have been made; before any, what the payment itself says. */
export function paymentStatus(order: SimOrder): string {
  if (order.refundedCents > 0) {
    return order.refundedCents >= orderTotals(order).totalInc ? 'refunded' : 'partially refunded';
  }
  return order.status_id === 7 || order.status_id === 0 ? '' : 'captured';
}
