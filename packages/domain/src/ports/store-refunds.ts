import type { Money } from '../money';

/** What a refund gives back: items by the store's line and quantity, shipping by destination. */
export interface RefundRequest {
  items: { lineRef: string; quantity: number }[];
  shipping: { addressRef: string; amount: Money }[];
  /** Written with the refund; the hub's marker is in it (see `refundMarker`). */
  reason: string;
}

/** The store's own reckoning of a refund: the amount, and how it would be paid back. */
export interface RefundQuote {
  total: Money;
  /** The payment it goes back through (the provider of the order's payment). */
  payment: { providerRef: string; amount: Money; offline: boolean } | null;
}

/** A refund the store made. */
export interface IssuedRefund {
  refundRef: string;
  total: Money;
}

/**
 * Refunds through the store (BigCommerce payment actions): a quote first, then the refund of
 * exactly what was quoted. A refund is never retried blindly: after an uncertain answer the
 * store's refunds of the order are read for the hub's marker.
 */
export interface StoreRefunds {
  quote(orderRef: string, request: RefundRequest): Promise<RefundQuote>;
  issue(orderRef: string, request: RefundRequest, quote: RefundQuote): Promise<IssuedRefund>;
  /** The store's refund of the order whose reason carries `marker`, if there is one. */
  find(orderRef: string, marker: string): Promise<IssuedRefund | undefined>;
}

/** A return as the store records it on the order (commercetools' return info). */
export interface StoreReturn {
  /** The hub's id of the return: the same return is recorded once. */
  returnRef: string;
  items: { lineRef: string; quantity: number; restock: boolean }[];
  trackingNumber: string | null;
  receivedAt: string | null;
}
