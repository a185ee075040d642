import type { TrackingStatus } from './status';

/**
 * Where an order's delivery stands as a whole, from its parcels: what a store that keeps one
 * shipment state per order (commercetools' `shipmentState`) shows.
 */
export type OrderShipmentProgress = 'shipped' | 'partial' | 'delayed' | 'delivered';

/** Parcel statuses that mean the customer is kept waiting: the order shows it as delayed. */
export const DELAYING_STATUSES: readonly TrackingStatus[] = [
  'delayed',
  'on_hold',
  'attempt_failed',
  'exception',
  'return_to_sender',
  'failed',
  'expired',
];

/**
 * The order's shipment state from its tracked parcels, by this rule, first match wins:
 * 1. no parcel is tracked yet: nothing to say (`undefined`, the store keeps its own);
 * 2. a parcel is held up (`DELAYING_STATUSES`: exception, failed attempt, on its way back…) →
 *    `delayed`, so the merchant's team sees it before the customer writes;
 * 3. every ordered item is in a parcel and every parcel is delivered → `delivered`;
 * 4. some ordered items are in no parcel yet → `partial`;
 * 5. otherwise → `shipped`. A parcel back at the merchant (`returned`) stays here: the return
 *    itself is shown on the order as its own record, and it is not a delivery.
 */
export function orderShipmentProgress(
  parcels: readonly { status: TrackingStatus }[],
  everythingInParcels: boolean,
): OrderShipmentProgress | undefined {
  if (parcels.length === 0) return undefined;
  if (parcels.some((parcel) => DELAYING_STATUSES.includes(parcel.status))) return 'delayed';
  if (everythingInParcels && parcels.every((parcel) => parcel.status === 'delivered'))
    return 'delivered';
  if (!everythingInParcels) return 'partial';
  return 'shipped';
}
