import type { Platform } from '@shiplink/app-kit';
import {
  BigCommerceSettingsSchema,
  parseSettings,
  ShipStationSettingsSchema,
} from '@shiplink/connectors';
import { toCanonicalOrder } from '@shiplink/connectors/bigcommerce';
import { orderStatusFor, toShipStationOrder } from '@shiplink/connectors/shipstation';
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

  async importOrder(input: { connectionId: string; orderId: string }): Promise<void> {
    // A store fires several events per change (created, updated, statusUpdated); their imports
    // are serialised per order so that each one sees what the previous one exported.
    await withLogContext({ orderRef: input.orderId }, () =>
      this.platform.repos.locks.withLock(
        `order-import:${input.connectionId}:${input.orderId}`,
        () => this.run(input),
      ),
    );
  }

  private async run({ connectionId, orderId }: { connectionId: string; orderId: string }) {
    const { repos, clients, logger } = this.platform;
    const store = await repos.tenancy.requireConnection(connectionId, 'bigcommerce');
    const bundle = await clients.bigcommerce(store).getOrderBundle(Number(orderId));
    if (!bundle) {
      logger.warn('store order no longer exists', { orderId });
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
      if (record?.status && SETTLED.has(record.status)) {
        if (record.status !== target) {
          logger.warn('store change not applied: fulfilment order is settled', {
            orderKey,
            status: record.status,
            target,
          });
        }
        continue;
      }
      const body = toShipStationOrder(canonical, destination, {
        orderKey,
        mapping: fulfilmentSettings.customFields,
        ...(fulfilmentSettings.storeId ? { storeId: fulfilmentSettings.storeId } : {}),
      });
      const saved = await shipstation.upsertOrder(body);
      await repos.orders.recordExport({
        orderId: order.id,
        connectionId: fulfilment.id,
        externalAddressId: destination.addressExternalId,
        orderKey,
        externalId: String(saved.orderId),
        status: saved.orderStatus,
      });
      logger.info('order exported', {
        orderKey,
        fulfilmentOrderId: saved.orderId,
        status: saved.orderStatus,
      });
    }
  }
}
