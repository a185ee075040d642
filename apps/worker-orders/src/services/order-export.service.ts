import type { Platform } from '@shiplink/app-kit';
import {
  BigCommerceSettingsSchema,
  parseSettings,
  ShipStationSettingsSchema,
} from '@shiplink/connectors';
import { toCanonicalOrder } from '@shiplink/connectors/bigcommerce';
import {
  orderStatusFor,
  toShipStationOrder,
  type ShipStationClient,
  type ShipStationOrder,
} from '@shiplink/connectors/shipstation';
import type { FulfilmentOrderRecord } from '@shiplink/db';
import { fulfilmentOrderKey } from '@shiplink/domain';
import { withLogContext } from '@shiplink/logger';

/** ShipStation refuses updates to orders in these states; the store's later edits stop here. */
const SETTLED = new Set(['shipped', 'cancelled']);

/**
 * Order out: read the store order, keep the canonical copy, and upsert one ShipStation order per
 * destination under a stable orderKey — so replays and duplicate events update, never duplicate.
 */
export class OrderExportService {
  constructor(private readonly platform: Platform) {}

  async importOrder(input: { connectionId: string; orderRef: string }): Promise<void> {
    // A store fires several events per change (created, updated, statusUpdated); their imports
    // are serialised per order so that each one sees what the previous one exported.
    await withLogContext({ orderRef: input.orderRef }, () =>
      this.platform.repos.locks.withLock(
        `order-import:${input.connectionId}:${input.orderRef}`,
        () => this.run(input),
      ),
    );
  }

  private async run({ connectionId, orderRef }: { connectionId: string; orderRef: string }) {
    const { repos, clients, logger } = this.platform;
    const store = await repos.tenancy.requireConnection(connectionId, 'bigcommerce');
    const bundle = await clients.bigcommerce(store).getOrderBundle(Number(orderRef));
    if (!bundle) {
      logger.warn('store order no longer exists', { orderRef });
      return;
    }
    const settings = parseSettings(BigCommerceSettingsSchema, store.settings, store.id);
    const canonical = toCanonicalOrder(bundle, settings);
    const order = await repos.orders.upsert(store.storeId, canonical);

    const target = orderStatusFor(canonical.status);
    if (!target) {
      logger.info('order not exported in this status', { status: canonical.status });
      return;
    }
    const fulfilment = await repos.tenancy.requireStoreConnection(store.storeId, 'shipstation');
    const fulfilmentSettings = parseSettings(
      ShipStationSettingsSchema,
      fulfilment.settings,
      fulfilment.id,
    );
    const shipstation = clients.shipstation(fulfilment);
    for (const destination of canonical.destinations) {
      const orderKey = fulfilmentOrderKey(
        store.store.externalRef,
        canonical.externalId,
        destination.addressExternalId,
        canonical.destinations.length,
      );
      const record = order.fulfilmentOrders.find(
        (f) =>
          f.connectionId === fulfilment.id && f.externalAddressId === destination.addressExternalId,
      );
      const settled = (status: string) => {
        if (status !== target) {
          logger.warn('store change not applied: fulfilment order is settled', {
            orderKey,
            status,
            target,
            storeStatus: canonical.status,
          });
        }
      };
      const remember = (saved: ShipStationOrder) =>
        repos.orders.recordExport({
          orderId: order.id,
          connectionId: fulfilment.id,
          externalAddressId: destination.addressExternalId,
          orderKey,
          externalId: String(saved.orderId),
          status: saved.orderStatus,
        });
      if (record?.status && SETTLED.has(record.status)) {
        settled(record.status);
        continue;
      }
      const body = toShipStationOrder(canonical, destination, {
        orderKey,
        mapping: fulfilmentSettings.customFields,
        ...(fulfilmentSettings.storeId ? { storeId: fulfilmentSettings.storeId } : {}),
      });
      if (target === 'cancelled') {
        const live = await this.toCancel(shipstation, record, orderKey, body.orderNumber);
        if (!live) {
          logger.info('nothing to cancel in fulfilment', {
            orderKey,
            status: canonical.status,
            exported: Boolean(record?.externalId),
          });
          continue;
        }
        if (SETTLED.has(live.orderStatus)) {
          await remember(live);
          settled(live.orderStatus);
          continue;
        }
      }
      const saved = await shipstation.upsertOrder(body);
      await remember(saved);
      logger.info('order exported', {
        orderKey,
        fulfilmentOrderId: saved.orderId,
        status: saved.orderStatus,
      });
    }
  }

  /**
   * The fulfilment order a cancellation (cancelled, refunded or archived in the store) applies
   * to, as ShipStation holds it now. Cancelling only ever updates: an order the warehouse never
   * saw is not created just to be cancelled, and one it shipped before its SHIP_NOTIFY reached us
   * must be left alone. Without a recorded export it is looked up by number and key, since a
   * crash between creating and recording it would otherwise leave it shippable.
   */
  private async toCancel(
    shipstation: ShipStationClient,
    record: FulfilmentOrderRecord | undefined,
    orderKey: string,
    orderNumber: string,
  ): Promise<ShipStationOrder | undefined> {
    if (record?.externalId) return shipstation.getOrder(record.externalId);
    const candidates = await shipstation.listOrders({ orderNumber });
    return candidates.find((candidate) => candidate.orderKey === orderKey);
  }
}
