import type { OrderRecord } from '@shiplink/db';
import { storeOrderWriteLock, withNoteLines, type StorePlatform } from '@shiplink/domain';
import type { Platform } from './platform';

/**
 * Adds one staff-note line to the store order, never twice, under the order's write lock (the
 * tracking write-back and the fulfilment changes rewrite the same notes). False when the store
 * keeps no staff notes, no longer has the order or already shows the line. `store` is the order's
 * store port, when the caller has it.
 */
export async function noteOnStoreOrder(
  platform: Platform,
  order: Pick<OrderRecord, 'id' | 'storeId' | 'externalId'>,
  line: string,
  store?: StorePlatform,
): Promise<boolean> {
  const { repos, ports, logger } = platform;
  const port =
    store ??
    ports.store(
      await repos.tenancy.requireStoreConnectionAmong(order.storeId, ports.providersFor('store')),
    );
  // Stores without staff notes show the same facts their own way (parcels, return info).
  if (!port.staffNotes) return false;
  return repos.locks.withLock(storeOrderWriteLock(order.id), async () => {
    const current = await port.readOrderState(order.externalId);
    if (!current) {
      logger.warn('store order no longer exists');
      return false;
    }
    if (current.staffNotes.includes(line)) return false;
    await port.updateOrder(order.externalId, {
      staffNotes: withNoteLines(current.staffNotes, [line]),
    });
    return true;
  });
}
