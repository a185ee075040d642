import type { Platform } from '@shiplink/app-kit';
import type { OrderRecord } from '@shiplink/db';
import { trackingRevision, type StorePlatform, type StoreShipment } from '@shiplink/domain';
import { PermanentError, RetryableError } from '@shiplink/errors';
import { jobs } from '@shiplink/jobs';
import { currentLogContext, withLogContext } from '@shiplink/logger';

/** Our write-back writes `shiplink:<shipment id>` into the store shipment's comments. */
const MARKER = /shiplink:([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})/i;

/**
 * Store shipments in (the store's shipment created and updated events): the store's shipment is read
 * back and matched to ours — the one our write-back created, or a new record for a parcel the
 * merchant shipped in the store's admin — and its tracking is (re)registered. What the store
 * shows is what the customer sees, so an edited number or carrier there wins. A shipment of an
 * order the store itself does not have can never be matched: it is dead-lettered at once as
 * `store.order_not_found` rather than retried as if an import were on its way.
 */
export class StoreShipmentService {
  constructor(private readonly platform: Platform) {}

  async sync(input: {
    connectionId: string;
    orderRef: string;
    shipmentRef: string;
    change: 'created' | 'updated';
    trigger: string;
  }) {
    const { repos, ports } = this.platform;
    const connection = await repos.tenancy.requireConnection(
      input.connectionId,
      ports.providersFor('store'),
    );
    const store = ports.store(connection);
    const order = await this.importedOrder(connection, store, input.orderRef, {
      cause: `shipment-${input.shipmentRef}`,
    });
    if (!order) {
      throw new PermanentError(
        `store has no order ${input.orderRef} for shipment ${input.shipmentRef}`,
        { provider: connection.provider, reason: 'store.order_not_found' },
      );
    }
    await withLogContext({ orderRef: order.orderNumber }, () =>
      repos.locks.withLock(`store-shipment:${order.id}:${input.shipmentRef}`, async () => {
        // A created shipment we already hold is one our write-back made (and queued tracking
        // for): nothing to read back. Changes are always read, since the number may be new.
        const known = await repos.shipments.holdsStoreShipment(order.id, input.shipmentRef);
        if (input.change === 'created' && known) return;
        const remote = await store.readShipment(input.orderRef, input.shipmentRef);
        if (!remote) {
          this.platform.logger.info('store shipment no longer exists', {
            storeShipmentId: input.shipmentRef,
          });
          return;
        }
        await this.adopt(order, connection.provider, remote, input.trigger);
      }),
    );
  }

  /**
   * The hub's record of a store order, for a shipment of it. Undefined when the store itself
   * has no such order (for this connection): waiting cannot help. An order the store has but
   * the hub has not imported yet (shipped before the store was connected, or before its import
   * ran) is imported first, and the job comes back once it is there.
   */
  async importedOrder(
    connection: { id: string; storeId: string },
    store: StorePlatform,
    orderRef: string,
    why: { cause: string },
  ): Promise<OrderRecord | undefined> {
    const { repos, producer } = this.platform;
    const order = await repos.orders.findByExternal(connection.storeId, orderRef);
    if (order) return order;
    if (!(await store.hasOrder(orderRef))) return undefined;
    await producer.enqueue(
      jobs.orderImport,
      { connectionId: connection.id, orderRef, trigger: why.cause.slice(0, 100) },
      { correlationId: currentLogContext().correlationId ?? why.cause },
    );
    throw new RetryableError(`store order ${orderRef} exists but is not imported yet`, {
      reason: 'shipment.order_not_imported',
    });
  }

  /** Records the store's shipment as ours and has its tracking (re)registered. */
  async adopt(
    order: OrderRecord,
    source: string,
    remote: StoreShipment,
    trigger: string,
  ): Promise<string> {
    const shipmentId = await this.record(order, source, remote);
    await this.platform.producer.enqueue(
      jobs.trackingRegister,
      {
        shipmentId,
        revision: trackingRevision(
          { trackingNumber: remote.trackingNumber, carrierSlug: remote.carrierSlug },
          trigger,
        ),
      },
      {
        correlationId: currentLogContext().correlationId ?? `store-shipment-${remote.shipmentRef}`,
      },
    );
    return shipmentId;
  }

  /** Our shipment record for the store's one, created or brought in line with it. */
  private async record(order: OrderRecord, source: string, remote: StoreShipment): Promise<string> {
    const { repos, logger } = this.platform;
    const storeShipmentId = remote.shipmentRef;
    const { trackingNumber, carrierSlug } = remote;
    const ours = await repos.shipments.findForStoreShipment(order.id, {
      storeShipmentId,
      markedId: MARKER.exec(remote.comments)?.[1],
      trackingNumber: trackingNumber ?? '',
    });
    if (ours) {
      if (ours.trackingNumber !== trackingNumber || (ours.carrierSlug || null) !== carrierSlug) {
        await repos.shipments.updateTrackingFromStore(ours.id, {
          trackingNumber,
          carrierSlug,
          storeShipmentId,
        });
        logger.info('shipment tracking changed in the store', { storeShipmentId });
      }
      return ours.id;
    }
    const lines = new Map(order.lines.map((line) => [line.externalId, line.id]));
    const items = remote.items.flatMap((item) => {
      const orderLineId = lines.get(item.lineRef);
      if (!orderLineId)
        logger.warn('store shipment item matches no order line', { lineRef: item.lineRef });
      return orderLineId ? [{ orderLineId, quantity: item.quantity }] : [];
    });
    const shipDate = new Date(remote.createdAt ?? '');
    const saved = await repos.shipments.upsertFromStore({
      orderId: order.id,
      source,
      storeShipmentId,
      trackingNumber,
      carrierCode: null,
      carrierSlug,
      serviceCode: null,
      shippingMethod: remote.shippingMethod,
      shippingCost: remote.shippingCost,
      shipDate: Number.isNaN(shipDate.getTime()) ? null : shipDate,
      voided: false,
      raw: remote.raw,
      items,
    });
    if (saved.created)
      logger.info('store shipment recorded', { storeShipmentId, items: items.length });
    return saved.id;
  }
}
