import type { Platform } from '@shiplink/app-kit';
import { parseStoreSettings } from '@shiplink/connectors';
import type { ConnectionRecord } from '@shiplink/db';
import {
  plannedDecrements,
  shipmentLowersStock,
  type InboundShipment,
  type ShipmentOrigin,
} from '@shiplink/domain';
import { jobs } from '@shiplink/jobs';
import { currentLogContext } from '@shiplink/logger';

/**
 * Stock after shipments, the recording half: a shipment the store's policy says lowers its stock
 * has its items recorded once each (replays land on the same rows), and the inventory worker is
 * asked to move them. A store whose stock a warehouse system owns is left to that system.
 */
export class ShipmentStockPlanner {
  constructor(private readonly platform: Platform) {}

  async plan(
    connection: ConnectionRecord,
    shipment: InboundShipment,
    origin: ShipmentOrigin,
  ): Promise<void> {
    const { repos, producer, logger } = this.platform;
    const settings = parseStoreSettings(connection.store.settings, connection.storeId).inventory;
    if (!shipmentLowersStock(settings.shipmentStock, origin)) return;
    if (await this.stockOwnedElsewhere(connection.storeId)) {
      logger.info('shipment leaves store stock alone: a warehouse system owns it', {
        sourceId: shipment.sourceId,
      });
      return;
    }
    const locationRef =
      (shipment.warehouseRef ? settings.warehouseLocations[shipment.warehouseRef] : undefined) ??
      settings.locationRef;
    const planned = shipment.voided
      ? 0
      : await repos.stockMovements.plan({
          storeId: connection.storeId,
          connectionId: connection.id,
          sourceRef: shipment.sourceId,
          locationRef,
          origin,
          sign: -1,
          items: plannedDecrements(shipment.items),
        });
    await producer.enqueue(
      jobs.stockMoves,
      { connectionId: connection.id, sourceRef: shipment.sourceId, revert: shipment.voided },
      { correlationId: currentLogContext().correlationId ?? `shipment-${shipment.sourceId}` },
    );
    logger.info('shipment stock recorded', { sourceId: shipment.sourceId, origin, planned });
  }

  private async stockOwnedElsewhere(storeId: string): Promise<boolean> {
    const { repos, ports } = this.platform;
    const owner = await repos.tenancy.findStoreConnectionAmong(
      storeId,
      ports.providersWith('stock'),
    );
    return owner !== undefined && ports.stock(owner).ownsStoreStock;
  }
}
