import type { Platform } from '@shiplink/app-kit';
import { openDeltaWindow } from '@shiplink/db';
import { digest } from '@shiplink/domain';
import { jobs } from '@shiplink/jobs';
import { currentLogContext, withLogContext } from '@shiplink/logger';
import type { StoreShipmentService } from './store-shipment.service';

const CURSOR = 'parcels.modified';
/** Two minutes before the cursor; a new connection's first poll looks back a day. */
const BOUNDS = { overlapMs: 2 * 60_000, firstLookbackMs: 24 * 3600_000 };

/**
 * Parcels of stores that keep them on the order (commercetools deliveries): a message about an
 * order's deliveries reads all of the order's parcels, records each and has it tracked; a parcel
 * the store no longer has retires its tracking. Messages are numbered per order: the work reads
 * the order as it is now, so one older than a message already acted on is superseded. The
 * reconciling poll finds orders changed since its cursor and reads theirs the same way.
 */
export class StoreParcelsService {
  constructor(
    private readonly platform: Platform,
    private readonly shipments: StoreShipmentService,
  ) {}

  async sync(input: {
    connectionId: string;
    orderRef: string;
    sequence: number | null;
    trigger: string;
  }): Promise<void> {
    const { repos, ports, logger } = this.platform;
    const connection = await repos.tenancy.requireConnection(
      input.connectionId,
      ports.providersFor('store'),
    );
    const { sequence, orderRef } = input;
    if (
      sequence !== null &&
      (await repos.sequences.superseded(connection.id, orderRef, sequence))
    ) {
      logger.info('store message superseded by a newer one', { orderId: orderRef, sequence });
      return;
    }
    const store = ports.store(connection);
    const order = await this.shipments.importedOrder(connection, store, orderRef, {
      cause: `parcels-${input.trigger}`,
    });
    if (!order) {
      // Another store's order in a shared project, or one deleted since: not this connection's.
      logger.info('store order is not this connection’s', { orderId: orderRef });
      if (sequence !== null) await repos.sequences.acted(connection.id, orderRef, sequence);
      return;
    }
    await withLogContext({ orderRef: order.orderNumber }, () =>
      repos.locks.withLock(`store-parcels:${order.id}`, async () => {
        const parcels = await store.listShipments(orderRef);
        for (const parcel of parcels) {
          await this.shipments.adopt(order, connection.provider, parcel, input.trigger);
        }
        const present = new Set(parcels.map((parcel) => parcel.shipmentRef));
        for (const gone of await repos.shipments.storeShipmentsOf(order.id)) {
          if (gone.voided || present.has(gone.storeShipmentId)) continue;
          await repos.shipments.markVoided(gone.id);
          await this.platform.producer.enqueue(
            jobs.trackingRegister,
            { shipmentId: gone.id, revision: digest(`removed|${input.trigger}`, 16) },
            { correlationId: currentLogContext().correlationId ?? `store-parcels-${orderRef}` },
          );
          logger.info('parcel removed in the store', { storeShipmentId: gone.storeShipmentId });
        }
        if (sequence !== null) await repos.sequences.acted(connection.id, orderRef, sequence);
        logger.info('store parcels read', { parcels: parcels.length, sequence });
      }),
    );
  }

  /** Orders changed since the cursor: each one's parcels are read (deduplicated by change). */
  async poll({ connectionId }: { connectionId: string }): Promise<void> {
    const { repos, ports, producer, logger } = this.platform;
    const connection = await repos.tenancy.requireConnection(
      connectionId,
      ports.providersFor('store'),
    );
    const window = await openDeltaWindow(repos.cursors, connectionId, CURSOR, BOUNDS);
    const { since } = window;
    const changes = await ports.store(connection).ordersChangedSince(since);
    for (const change of changes) {
      window.see(change.changedAt);
      await producer.enqueue(
        jobs.storeParcelsSync,
        {
          connectionId,
          orderRef: change.orderRef,
          sequence: null,
          trigger: `m${digest(change.changedAt, 12)}`,
        },
        { correlationId: `poll-${connectionId}` },
      );
    }
    await window.close();
    logger.info('store parcels polled', { orders: changes.length, since: since.toISOString() });
  }
}
