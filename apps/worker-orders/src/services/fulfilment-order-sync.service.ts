import type { Platform } from '@shiplink/app-kit';
import { parseStoreSettings, storeStatusForFulfilment } from '@shiplink/connectors';
import type { FulfilmentOrderRecord, OrderRecord } from '@shiplink/db';
import { storeOrderWriteLock, withNoteLines, type FulfilmentOrderState } from '@shiplink/domain';
import { withLogContext } from '@shiplink/logger';

/**
 * A fulfilment order changed at the fulfilment system on its own (cancelled in the warehouse):
 * its status is recorded, so that later store changes are not pushed onto a settled order, and
 * the store order shows it as the store's settings say (a status, and one staff-note line).
 */
export class FulfilmentOrderSyncService {
  constructor(private readonly platform: Platform) {}

  async sync({
    connectionId,
    fulfilmentOrderRef,
  }: {
    connectionId: string;
    fulfilmentOrderRef: string;
  }): Promise<void> {
    const { repos, ports, logger } = this.platform;
    const connection = await repos.tenancy.requireConnection(
      connectionId,
      ports.providersFor('fulfilment'),
    );
    const state = await ports.fulfilment(connection).orderState(fulfilmentOrderRef);
    if (!state) {
      logger.warn('fulfilment order no longer exists', { fulfilmentOrderRef });
      return;
    }
    const record = await repos.orders.findFulfilmentOrderByExternalId(
      connectionId,
      state.externalId,
    );
    const order = record && (await repos.orders.find(record.orderId));
    if (!record || !order) {
      logger.info('fulfilment order was not exported by the hub', { externalId: state.externalId });
      return;
    }
    await withLogContext({ orderRef: order.orderNumber }, () => this.show(order, record, state));
  }

  private async show(
    order: OrderRecord,
    record: FulfilmentOrderRecord,
    state: FulfilmentOrderState,
  ) {
    const { repos, ports, logger } = this.platform;
    await repos.orders.recordExport({
      orderId: record.orderId,
      connectionId: record.connectionId,
      externalAddressId: record.externalAddressId,
      orderKey: record.orderKey,
      externalId: state.externalId,
      status: state.rawStatus,
    });
    const storeConnection = await repos.tenancy.requireStoreConnectionAmong(
      order.storeId,
      ports.providersFor('store'),
    );
    const settings = parseStoreSettings(storeConnection.store.settings, order.storeId);
    const target = storeStatusForFulfilment(settings, state);
    const store = ports.store(storeConnection);
    const line = `[Shiplink] The warehouse reports fulfilment order ${record.orderKey} as ${state.rawStatus}.`;
    await repos.locks.withLock(storeOrderWriteLock(order.id), async () => {
      const current = await store.readOrderState(order.externalId);
      if (!current) {
        logger.warn('store order no longer exists');
        return;
      }
      const patch = {
        ...(current.staffNotes.includes(line)
          ? {}
          : { staffNotes: withNoteLines(current.staffNotes, [line]) }),
        ...(typeof target === 'number' && target !== current.storeStatusId
          ? { storeStatusId: target }
          : {}),
      };
      if (Object.keys(patch).length > 0) await store.updateOrder(order.externalId, patch);
      logger.info('fulfilment order change shown on the store order', {
        orderKey: record.orderKey,
        status: state.rawStatus,
        storeStatusId: patch.storeStatusId,
      });
    });
  }
}
