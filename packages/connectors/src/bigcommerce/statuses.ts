import type { OrderStatus } from '@shiplink/domain';

export type BigCommerceStatusId = 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10 | 11 | 12 | 13 | 14;

/**
 * Every BigCommerce order status. Merchants may rename them (`custom_status`) but ids never
 * change, so we key on the id. Partially Refunded says nothing about shipping; see
 * `bigCommerceOrderStatus`, which refines it from the shipped counts.
 */
export const BIGCOMMERCE_ORDER_STATUSES = {
  0: { label: 'Incomplete', status: 'incomplete' },
  1: { label: 'Pending', status: 'awaiting_payment' },
  2: { label: 'Shipped', status: 'shipped' },
  3: { label: 'Partially Shipped', status: 'partially_shipped' },
  4: { label: 'Refunded', status: 'refunded' },
  5: { label: 'Cancelled', status: 'cancelled' },
  6: { label: 'Declined', status: 'cancelled' },
  7: { label: 'Awaiting Payment', status: 'awaiting_payment' },
  8: { label: 'Awaiting Pickup', status: 'awaiting_fulfilment' },
  9: { label: 'Awaiting Shipment', status: 'awaiting_fulfilment' },
  10: { label: 'Completed', status: 'completed' },
  11: { label: 'Awaiting Fulfillment', status: 'awaiting_fulfilment' },
  12: { label: 'Manual Verification Required', status: 'on_hold' },
  13: { label: 'Disputed', status: 'on_hold' },
  14: { label: 'Partially Refunded', status: 'awaiting_fulfilment' },
} as const satisfies Record<BigCommerceStatusId, { label: string; status: OrderStatus }>;

/** Named ids for the statuses the hub writes. */
export const BigCommerceStatusIds = {
  pending: 1,
  shipped: 2,
  partiallyShipped: 3,
  cancelled: 5,
  awaitingShipment: 9,
  completed: 10,
  awaitingFulfillment: 11,
  manualVerificationRequired: 12,
} as const satisfies Record<string, BigCommerceStatusId>;

function isKnownStatusId(id: number): id is BigCommerceStatusId {
  return Object.hasOwn(BIGCOMMERCE_ORDER_STATUSES, id);
}

/** What besides the status id decides the canonical status. */
export interface BigCommerceOrderFacts {
  itemsShipped: number;
  itemsTotal: number;
  /** `is_deleted`: archived (`DELETE /v2/orders/{id}`, or `is_deleted: true` in a PUT). */
  isDeleted?: boolean;
}

/**
 * The canonical status for a status id. An id we do not know (BigCommerce adds one) holds the
 * order for a person instead of guessing. A partial refund leaves the rest of the order to ship,
 * so status 14 follows what has shipped already. Archiving keeps the status id as it was, so
 * `is_deleted` outranks every id: an archived "Awaiting Fulfillment" order is not to be shipped.
 */
export function bigCommerceOrderStatus(
  statusId: number,
  facts: BigCommerceOrderFacts = { itemsShipped: 0, itemsTotal: 0 },
): { status: OrderStatus; label: string; known: boolean } {
  const known = isKnownStatusId(statusId);
  const label = known ? BIGCOMMERCE_ORDER_STATUSES[statusId].label : `Unknown status ${statusId}`;
  if (facts.isDeleted) return { status: 'archived', label, known };
  if (!known) return { status: 'on_hold', label, known };
  const { status } = BIGCOMMERCE_ORDER_STATUSES[statusId];
  if (statusId === 14 && facts.itemsShipped > 0) {
    const all = facts.itemsTotal > 0 && facts.itemsShipped >= facts.itemsTotal;
    return { status: all ? 'shipped' : 'partially_shipped', label, known };
  }
  return { status, label, known };
}
