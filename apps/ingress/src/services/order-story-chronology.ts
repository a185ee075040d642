import type { InboxEventSummary, OrderStoryRecord } from '@shiplink/db';
import type { ShipmentTimelineView } from './timeline.service';

export type StorySection =
  | 'order'
  | 'event'
  | 'call'
  | 'fulfilment'
  | 'shipment'
  | 'tracking'
  | 'notification'
  | 'return'
  | 'store';

/** One thing that happened to an order, for its story's single chronological list. */
export interface StoryEntry {
  at: string;
  section: StorySection;
  title: string;
  detail: string | null;
}

/** One audit trail row as the story shows it: a call out, an event in, a job's step. */
export interface CallView {
  at: string;
  direction: string;
  kind: string;
  provider: string | null;
  method: string | null;
  endpoint: string | null;
  status: number | null;
  durationMs: number | null;
  error: string | null;
  correlationId: string | null;
}

/** The parts that are there, joined for a person to read; null when none is. */
const joined = (...parts: (string | number | null | undefined)[]) =>
  parts.filter((part) => part !== null && part !== undefined && part !== '').join(' · ') || null;

/** Everything the sections say happened, as one list, oldest first. */
export function chronology(
  order: OrderStoryRecord,
  calls: CallView[],
  events: InboxEventSummary[],
  tracking: ShipmentTimelineView[],
): StoryEntry[] {
  const entries: StoryEntry[] = [];
  const add = (
    at: Date | string | null,
    section: StorySection,
    title: string,
    detail: string | null = null,
  ) => {
    if (at)
      entries.push({ at: typeof at === 'string' ? at : at.toISOString(), section, title, detail });
  };
  add(order.placedAt, 'order', 'order placed', order.customerEmailMasked);
  for (const event of events) {
    add(
      event.receivedAt,
      'event',
      `${event.provider} ${event.topic} received`,
      joined(event.status, event.error),
    );
  }
  for (const call of calls) {
    const status = call.status === null ? null : `${call.status}`;
    add(
      call.at,
      'call',
      joined(call.direction, call.kind, call.provider) ?? call.kind,
      joined(
        call.endpoint,
        status,
        call.durationMs === null ? null : `${call.durationMs} ms`,
        call.error,
      ),
    );
  }
  for (const fo of order.fulfilmentOrders)
    add(fo.exportedAt, 'fulfilment', 'exported', joined(fo.orderKey, fo.status));
  for (const ex of order.exceptions) {
    add(ex.openedAt, 'fulfilment', `exception: ${ex.kind}`, joined(ex.rawStatus, ex.detail));
    add(ex.resolvedAt, 'fulfilment', `exception resolved: ${ex.kind}`);
  }
  for (const review of order.reviews) {
    add(
      review.createdAt,
      'fulfilment',
      'held for review',
      joined(review.reason, review.skus.join(' ')),
    );
    add(review.resolvedAt, 'fulfilment', `review ${review.status}`);
  }
  for (const shipment of order.shipments) {
    add(
      shipment.createdAt,
      'shipment',
      shipment.voided ? 'shipment voided' : 'shipment recorded',
      joined(shipment.source, shipment.carrierSlug, shipment.trackingNumber),
    );
  }
  for (const consignment of order.carrierShipments) {
    add(
      consignment.consignedAt,
      'shipment',
      'consignment created',
      joined(consignment.serviceName, consignment.shipmentRef),
    );
  }
  for (const parcel of tracking) {
    for (const checkpoint of parcel.checkpoints) {
      add(
        checkpoint.occurredAtUtc,
        'tracking',
        `${parcel.trackingNumber ?? 'parcel'}: ${checkpoint.status}`,
        joined(checkpoint.message, checkpoint.location),
      );
    }
  }
  for (const n of order.notifications) {
    add(
      n.sentAt ?? n.createdAt,
      'notification',
      `${n.channel} ${n.trigger} ${n.state}`,
      joined(n.recipientMasked, n.deliveryStatus, n.note),
    );
  }
  for (const entry of order.returns) {
    add(entry.createdAt, 'return', 'return reported', joined(entry.source, entry.reason));
    add(entry.receivedAt, 'return', 'return received');
    add(entry.approvedAt, 'return', 'refund approved', entry.approvedBy);
    add(entry.refundedAt, 'return', 'refunded', joined(entry.refundTotal, order.currency));
  }
  for (const writeback of order.trackingWritebacks) {
    add(writeback.createdAt, 'store', `store updated: ${writeback.kind}`, writeback.key);
  }
  return entries.sort((a, b) => a.at.localeCompare(b.at));
}
