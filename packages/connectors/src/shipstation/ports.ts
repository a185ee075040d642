import type {
  FulfilmentOrderState,
  FulfilmentOrderStatus,
  FulfilmentSystem,
  InboundShipment,
} from '@shiplink/domain';
import type { ShipStationClient } from './client';
import { fromShipStationShipment, orderStatusFor, toShipStationOrder } from './mapping';
import { shipStationRouting } from './routing';
import type { ShipStationOrder, ShipStationShipment } from './schemas';
import type { ShipStationSettings } from './settings';

/**
 * ShipStation statuses in canonical terms. ShipStation refuses updates to `shipped` and
 * `cancelled` orders, so those are settled: the store's later edits stop there.
 */
const CANONICAL_STATUS: Readonly<Record<string, FulfilmentOrderStatus>> = {
  awaiting_payment: 'open',
  awaiting_shipment: 'open',
  pending_fulfillment: 'open',
  on_hold: 'on_hold',
  shipped: 'shipped',
  cancelled: 'cancelled',
};

/** A status word ShipStation may add later is an open order: only the known settled ones stop. */
export function shipStationOrderStatus(rawStatus: string): FulfilmentOrderStatus {
  return CANONICAL_STATUS[rawStatus] ?? 'open';
}

export function orderState(order: ShipStationOrder): FulfilmentOrderState {
  return {
    externalId: String(order.orderId),
    status: shipStationOrderStatus(order.orderStatus),
    rawStatus: order.orderStatus,
  };
}

/** A label as the hub records it: the carrier as a courier slug, line keys as line refs. */
export function inboundShipment(raw: ShipStationShipment): InboundShipment {
  const shipment = fromShipStationShipment(raw);
  return {
    sourceId: shipment.sourceId,
    orderKey: shipment.orderKey,
    fulfilmentOrderId: shipment.fulfilmentOrderId,
    trackingNumber: shipment.trackingNumber,
    carrierCode: shipment.carrierCode,
    carrierSlug: shipment.carrierCode ? shipment.carrierSlug : null,
    serviceCode: shipment.serviceCode,
    shippingCost: shipment.shippingCost,
    insuranceCost: shipment.insuranceCost,
    shipDate: shipment.shipDate,
    voided: shipment.voided,
    isReturn: shipment.isReturnLabel,
    warehouseRef: shipment.warehouseId,
    items: shipment.items.map((item) => ({
      lineRef: item.lineItemKey,
      sku: item.sku,
      quantity: item.quantity,
    })),
    raw,
  };
}

/** ShipStation V1 as a fulfilment system, with the connection's custom fields and store. */
export function shipStationFulfilmentSystem(
  client: ShipStationClient,
  settings: ShipStationSettings,
): FulfilmentSystem {
  const context = (orderKey: string) => ({
    orderKey,
    mapping: settings.customFields,
    ...(settings.storeId ? { storeId: settings.storeId } : {}),
  });
  return {
    async upsertOrder(order, destination, { orderKey }, decision) {
      if (!orderStatusFor(order.status)) return undefined;
      const routing = decision ? await shipStationRouting(client, decision) : undefined;
      const saved = await client.upsertOrder(
        toShipStationOrder(order, destination, { ...context(orderKey), routing }),
      );
      return { ...orderState(saved), ...(routing ? { unapplied: routing.unapplied } : {}) };
    },
    /**
     * Without a recorded id the order is looked up by number and key: a crash between creating
     * and recording it would otherwise leave it shippable.
     */
    async findOrder(order, destination, { orderKey, externalId }) {
      if (externalId) {
        const found = await client.getOrder(externalId);
        return found ? orderState(found) : undefined;
      }
      const { orderNumber } = toShipStationOrder(order, destination, context(orderKey));
      const candidates = await client.listOrders({ orderNumber });
      const match = candidates.find((candidate) => candidate.orderKey === orderKey);
      return match ? orderState(match) : undefined;
    },
    async orderState(externalId) {
      const found = await client.getOrder(externalId);
      return found ? orderState(found) : undefined;
    },
    intentFor(status) {
      const target = orderStatusFor(status);
      if (!target) return 'skip';
      return target === 'cancelled' ? 'cancel' : 'export';
    },
    statusOf: shipStationOrderStatus,
    async shipmentsIn(batchRef) {
      return (await client.fetchShipmentsResource(batchRef)).map(inboundShipment);
    },
    async shipmentsSince(since) {
      return (await client.listShipments({ createDateStart: since })).map(inboundShipment);
    },
  };
}
