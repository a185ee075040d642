import type { Platform } from '@shiplink/app-kit';
import { parseStoreSettings, type StoreSettings } from '@shiplink/connectors';
import { storeOrderWriteLock, withNoteLines } from '@shiplink/domain';
import { withLogContext } from '@shiplink/logger';
import { parcelTrackingUpdate } from './parcel-writeback';
import { allDelivered, staffNotesDue } from './writeback-plan';

type WritebackSettings = StoreSettings['tracking']['writeback'];

/**
 * Tracking on the store order. A store that keeps tracking per parcel (commercetools) gets each
 * parcel's fields and the order's shipment state, written where they differ. Otherwise, as the
 * store's settings say (defaults in `StoreSettingsSchema`):
 * the order moves to `deliveredStatusId` (Completed) once it is fully shipped and every parcel is
 * delivered; each parcel reaching one of `noteStatuses` adds one line to the staff notes, for
 * every such status in its history (see `staffNotesDue`). Each effect is recorded and the notes
 * are checked for our line before writing, so replays and racing jobs write it once.
 */
export class TrackingWritebackService {
  constructor(private readonly platform: Platform) {}

  async writeBack({ orderId }: { orderId: string }): Promise<void> {
    const { repos } = this.platform;
    const order = await repos.timelines.orderForWriteback(orderId);
    if (!order) return;
    const settings = parseStoreSettings(order.storeSettings, order.storeId).tracking.writeback;
    if (!settings.enabled) return;
    await withLogContext({ orderRef: order.orderNumber }, () =>
      repos.locks.withLock(storeOrderWriteLock(orderId), () => this.run(orderId, settings)),
    );
  }

  private async run(orderId: string, settings: WritebackSettings): Promise<void> {
    const { repos, ports, logger } = this.platform;
    const order = await repos.timelines.orderForWriteback(orderId);
    if (!order) return;
    const connection = await repos.tenancy.findStoreConnectionAmong(
      order.storeId,
      ports.providersFor('store'),
    );
    if (!connection) {
      logger.warn('no store connection to write tracking back to', { storeId: order.storeId });
      return;
    }
    const store = ports.store(connection);
    if (store.writeParcelTracking) {
      // The store holds each parcel's tracking itself and says what differs: nothing to record.
      const update = parcelTrackingUpdate(order);
      if (update.parcels.length === 0) return;
      const result = await store.writeParcelTracking(order.externalId, update);
      logger.info('parcel tracking written back to the store', {
        parcels: update.parcels.length,
        changes: result.changes,
        progress: update.progress,
        ...(result.missing.length ? { notWritable: result.missing } : {}),
      });
      return;
    }
    const done = await repos.timelines.writebacksDone(orderId);
    const notes = staffNotesDue(order, settings.noteStatuses, done);
    const target = settings.deliveredStatusId;
    const completing =
      target !== null && !done.has('order_status:delivered') && allDelivered(order);
    if (notes.length === 0 && !completing) return;
    const storeOrder = await store.readOrderState(order.externalId);
    if (!storeOrder) {
      logger.warn('store order no longer exists', { orderId: order.externalId });
      return;
    }
    const existing = storeOrder.staffNotes;
    const lines = notes.filter((note) => !existing.includes(note.marker)).map((note) => note.line);
    // Only a fully shipped order completes: Partially Shipped means parcels are still to come,
    // and a status the merchant chose (cancelled, refunded, completed) is theirs to keep.
    const completes = completing && storeOrder.storeStatusId === storeOrder.shippedStatusId;
    const patch = {
      ...(lines.length > 0 ? { staffNotes: withNoteLines(existing, lines) } : {}),
      ...(completes && target !== null ? { storeStatusId: target } : {}),
    };
    if (Object.keys(patch).length > 0) await store.updateOrder(order.externalId, patch);
    const settled = completes || (completing && storeOrder.storeStatusId === target);
    await repos.timelines.recordWritebacks(orderId, [
      ...notes.map(({ key, line }) => ({ kind: 'staff_note' as const, key, detail: line })),
      ...(settled
        ? [{ kind: 'order_status' as const, key: 'delivered', detail: `status ${target}` }]
        : []),
    ]);
    logger.info('tracking written back to the store', {
      notes: lines.length,
      statusId: completes ? target : undefined,
    });
  }
}
