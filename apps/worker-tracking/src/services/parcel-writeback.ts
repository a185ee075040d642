import type { OrderForTrackingWriteback } from '@shiplink/db';
import { orderShipmentProgress, type ParcelTrackingUpdate } from '@shiplink/domain';

type Shipment = OrderForTrackingWriteback['shipments'][number];

/** The last checkpoint in words: its message, and where it happened when the carrier says. */
function lastEventOf(shipment: Shipment): string | null {
  const checkpoint = shipment.lastCheckpoint;
  if (!checkpoint?.message) return null;
  return checkpoint.city ? `${checkpoint.message} (${checkpoint.city})` : checkpoint.message;
}

/** Whether every ordered item is in one of the order's (not voided) shipments. */
export function everythingInShipments(order: OrderForTrackingWriteback): boolean {
  const shipped = new Map<string, number>();
  for (const shipment of order.shipments) {
    for (const item of shipment.items) {
      shipped.set(item.orderLineId, (shipped.get(item.orderLineId) ?? 0) + item.quantity);
    }
  }
  return order.lines.every((line) => (shipped.get(line.id) ?? 0) >= line.quantity);
}

/**
 * What a store that keeps tracking per parcel is told: each tracked parcel the store holds, with
 * its status, last event, estimate and link, and the order's state over all of them
 * (`orderShipmentProgress`: a parcel still without a tracking does not count yet).
 */
export function parcelTrackingUpdate(order: OrderForTrackingWriteback): ParcelTrackingUpdate {
  const tracked = order.shipments.flatMap((shipment) =>
    shipment.tracking && shipment.storeShipmentId
      ? [{ shipment, tracking: shipment.tracking, shipmentRef: shipment.storeShipmentId }]
      : [],
  );
  return {
    parcels: tracked.map(({ shipment, tracking, shipmentRef }) => ({
      shipmentRef,
      trackingNumber: tracking.trackingNumber,
      status: tracking.current.status,
      subStatus: tracking.current.subStatus,
      lastEvent: lastEventOf(shipment),
      lastEventAt: shipment.lastCheckpoint?.occurredAtUtc.toISOString() ?? null,
      estimatedDelivery: tracking.estimatedDelivery,
      trackingUrl: tracking.trackingUrl,
    })),
    progress: deliveredOnlyWhenAllTracked(
      orderShipmentProgress(
        tracked.map(({ tracking }) => tracking.current),
        everythingInShipments(order),
      ),
      tracked.length === order.shipments.length,
    ),
  };
}

/**
 * A shipment the store does not hold as a tracked parcel (no tracking yet, or no store parcel
 * yet) may still be on its way: its items are shipped, but the order is not delivered.
 */
function deliveredOnlyWhenAllTracked(
  progress: ParcelTrackingUpdate['progress'],
  allTracked: boolean,
): ParcelTrackingUpdate['progress'] {
  return progress === 'delivered' && !allTracked ? 'shipped' : progress;
}
