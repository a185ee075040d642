import type { Platform } from '@shiplink/app-kit';
import type { OrderRecord } from '@shiplink/db';
import { storeOrderWriteLock, withNoteLines } from '@shiplink/domain';

/** One staff-note line on the store order, never twice (under the order's write lock). */
export async function noteOnStoreOrder(
  platform: Platform,
  order: OrderRecord,
  line: string,
): Promise<void> {
  const { repos, ports, logger } = platform;
  const connection = await repos.tenancy.requireStoreConnectionAmong(
    order.storeId,
    ports.providersFor('store'),
  );
  const store = ports.store(connection);
  await repos.locks.withLock(storeOrderWriteLock(order.id), async () => {
    const current = await store.readOrderState(order.externalId);
    if (!current) {
      logger.warn('store order no longer exists');
      return;
    }
    if (current.staffNotes.includes(line)) return;
    await store.updateOrder(order.externalId, {
      staffNotes: withNoteLines(current.staffNotes, [line]),
    });
  });
}
