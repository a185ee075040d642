import type { OrderForTrackingWriteback } from '@shiplink/db';
import type { TrackingStatus } from '@shiplink/domain';

/** One staff-note line to write: `key` records it, `marker` finds it in the notes already. */
export interface StaffNote {
  key: string;
  marker: string;
  line: string;
}

const words = (code: string) => code.replace(/_/g, ' ');

/**
 * The staff-note lines due for an order: one per parcel and status it moved to, among
 * `noteStatuses`, not written yet (`done` holds `staff_note:<number>:<status>`). They follow the
 * tracking's history, not its current status, so an exception overtaken by a delivery before
 * the write-back ran is still noted, with the reason and time of the event that brought it.
 * When a parcel returns to a status, its first arrival there is the one noted. Oldest first.
 */
export function staffNotesDue(
  order: Pick<OrderForTrackingWriteback, 'shipments'>,
  noteStatuses: readonly TrackingStatus[],
  done: ReadonlySet<string>,
): StaffNote[] {
  const due = new Map<string, StaffNote & { at: number }>();
  for (const { tracking, transitions } of order.shipments) {
    if (!tracking) continue;
    for (const move of transitions) {
      const key = `${tracking.trackingNumber}:${move.status}`;
      if (!noteStatuses.includes(move.status) || done.has(`staff_note:${key}`) || due.has(key))
        continue;
      const marker = `[Shiplink] Parcel ${tracking.trackingNumber} (${tracking.slug ?? 'carrier unknown'}): ${words(move.status)}`;
      const why = move.reason ? ` (${words(move.reason)})` : '';
      const when = ` at ${move.occurredAt.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
      due.set(key, { key, marker, line: `${marker}${why}${when}`, at: move.occurredAt.getTime() });
    }
  }
  return [...due.values()]
    .sort((a, b) => a.at - b.at)
    .map(({ key, marker, line }) => ({ key, marker, line }));
}

/** Every parcel of the order has a tracking and every one is delivered now. */
export function allDelivered(order: Pick<OrderForTrackingWriteback, 'shipments'>): boolean {
  return (
    order.shipments.length > 0 &&
    order.shipments.every((shipment) => shipment.tracking?.current.status === 'delivered')
  );
}
