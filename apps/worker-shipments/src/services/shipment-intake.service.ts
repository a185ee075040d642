import type { Platform } from '@shiplink/app-kit';
import type { ConnectionRecord } from '@shiplink/db';
import type { InboundShipment } from '@shiplink/domain';
import { jobs } from '@shiplink/jobs';
import { currentLogContext, withLogContext } from '@shiplink/logger';
import { ShipmentStockPlanner } from './shipment-stock-planner';

const CURSOR = 'shipments.created';
const OVERLAP_MS = 10 * 60_000;
const FIRST_LOOKBACK_MS = 24 * 3600_000;

/**
 * Shipments in: what the fulfilment system reports (by its webhook or the delta poll) is
 * recorded once per shipment id of that system and handed to the write-back job.
 */
export class ShipmentIntakeService {
  private readonly stock: ShipmentStockPlanner;

  constructor(private readonly platform: Platform) {
    this.stock = new ShipmentStockPlanner(platform);
  }

  async fetchBatch({ connectionId, batchRef }: { connectionId: string; batchRef: string }) {
    const { repos, ports } = this.platform;
    const connection = await repos.tenancy.requireConnection(
      connectionId,
      ports.providersFor('fulfilment'),
    );
    const shipments = await ports.fulfilment(connection).shipmentsIn(batchRef);
    for (const shipment of shipments) await this.record(connection, shipment);
    this.platform.logger.info('shipment batch recorded', { count: shipments.length });
  }

  async poll({ connectionId }: { connectionId: string }) {
    const { repos, ports, logger } = this.platform;
    const connection = await repos.tenancy.requireConnection(
      connectionId,
      ports.providersFor('fulfilment'),
    );
    const stored = await repos.cursors.get(connectionId, CURSOR);
    const pollStarted = new Date();
    const since = new Date(
      (stored ? new Date(stored).getTime() : Date.now() - FIRST_LOOKBACK_MS) - OVERLAP_MS,
    );
    const shipments = await ports.fulfilment(connection).shipmentsSince(since);
    for (const shipment of shipments) await this.record(connection, shipment);
    await repos.cursors.set(connectionId, CURSOR, pollStarted.toISOString());
    logger.info('shipments polled', { found: shipments.length, since: since.toISOString() });
  }

  /**
   * A label for goods coming back is no parcel leaving, never a store shipment: it is how the
   * fulfilment system logs a return, for the returns worker. A voided one is no return.
   */
  private async returnLogged(connection: ConnectionRecord, shipment: InboundShipment) {
    const { producer, logger } = this.platform;
    if (shipment.voided) return;
    await producer.enqueue(
      jobs.returnReported,
      {
        connectionId: connection.id,
        report: {
          sourceRef: shipment.sourceId,
          orderKey: shipment.orderKey,
          fulfilmentOrderId: shipment.fulfilmentOrderId,
          state: 'received',
          reason: 'return label logged at the fulfilment system',
          trackingNumber: shipment.trackingNumber,
          items: shipment.items.map((item) => ({ ...item, condition: null })),
        },
      },
      { correlationId: currentLogContext().correlationId ?? `return-${shipment.sourceId}` },
    );
    logger.info('return label handed to returns', { sourceId: shipment.sourceId });
  }

  private async record(connection: ConnectionRecord, shipment: InboundShipment): Promise<void> {
    const { repos, producer, logger } = this.platform;
    if (shipment.isReturn) {
      await this.returnLogged(connection, shipment);
      return;
    }
    const fulfilment =
      (shipment.orderKey
        ? await repos.orders.findFulfilmentOrder(connection.id, shipment.orderKey)
        : null) ??
      (shipment.fulfilmentOrderId
        ? await repos.orders.findFulfilmentOrderByExternalId(
            connection.id,
            shipment.fulfilmentOrderId,
          )
        : null);
    if (!fulfilment) {
      // An order created in the fulfilment system by hand or by another channel: not ours to
      // write back, but what it carried left the same shelves the store sells from.
      logger.info('shipment for an order the hub did not export', { sourceId: shipment.sourceId });
      await this.stock.plan(connection, shipment, 'other_channel');
      return;
    }
    const order = await repos.orders.find(fulfilment.orderId);
    if (!order) return;
    await withLogContext({ orderRef: order.orderNumber }, async () => {
      const destinationLines = order.lines.filter(
        (l) => l.externalAddressId === fulfilment.externalAddressId,
      );
      const items = shipment.items.length
        ? shipment.items.flatMap((item) => {
            const line =
              destinationLines.find((l) => l.externalId === item.lineRef) ??
              destinationLines.find((l) => item.sku && l.sku === item.sku);
            if (!line)
              logger.warn('shipment item matches no order line', {
                sku: item.sku,
                lineRef: item.lineRef,
              });
            return line ? [{ orderLineId: line.id, quantity: item.quantity }] : [];
          })
        : // Without item detail a shipment is taken to carry the whole destination.
          destinationLines.map((line) => ({ orderLineId: line.id, quantity: line.quantity }));
      const saved = await repos.shipments.upsertFromSource({
        orderId: order.id,
        fulfilmentOrderId: fulfilment.id,
        source: connection.provider,
        sourceId: shipment.sourceId,
        trackingNumber: shipment.trackingNumber,
        carrierCode: shipment.carrierCode,
        carrierSlug: shipment.carrierSlug,
        serviceCode: shipment.serviceCode,
        // "usps_priority_mail" → "usps priority mail": readable on the store's shipment.
        shippingMethod: shipment.serviceCode?.replace(/_/g, ' ') ?? null,
        shippingCost: shipment.shippingCost,
        insuranceCost: shipment.insuranceCost,
        shipDate: shipment.shipDate ? new Date(shipment.shipDate) : null,
        voided: shipment.voided,
        raw: shipment.raw,
        items,
      });
      await repos.orders.markShippedIfComplete(fulfilment.id);
      await this.stock.plan(connection, shipment, 'store_order');
      await producer.enqueue(
        jobs.shipmentWriteback,
        { shipmentId: saved.id },
        { correlationId: currentLogContext().correlationId ?? `shipment-${shipment.sourceId}` },
      );
    });
  }
}
