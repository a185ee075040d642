import { PermanentError } from '@shiplink/errors';
import type {
  FulfilmentOrderState,
  FulfilmentOrderStatus,
  FulfilmentSystem,
  InboundShipment,
} from '@shiplink/domain';
import type { ShipStationClient } from './client';
import { fromShipStationShipment, orderStatusFor, toShipStationOrder } from './mapping';
import { parseShipStationDateTime } from './dates';
import { shipStationProductSync } from './products';
import { shipStationRouting } from './routing';
import { SHIPSTATION_PROVIDER } from './profile';
import type { ShipStationOrder, ShipStationOrderStatus, ShipStationShipment } from './schemas';
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
  rejected_fulfillment: 'rejected',
  shipped: 'shipped',
  cancelled: 'cancelled',
};

/** The statuses `createorder` takes; the others are ShipStation's to set. */
const EXPORTABLE = new Set<string>([
  'awaiting_payment',
  'awaiting_shipment',
  'pending_fulfillment',
  'on_hold',
  'cancelled',
]);

function exportableStatus(word: string): ShipStationOrderStatus {
  if (!EXPORTABLE.has(word)) {
    throw new PermanentError(
      `the store's status table exports with "${word}", which ShipStation does not take (${[...EXPORTABLE].join(', ')})`,
      { provider: SHIPSTATION_PROVIDER, reason: 'store.bad_settings' },
    );
  }
  return word as ShipStationOrderStatus;
}

/** A status word ShipStation may add later is an open order: only the known settled ones stop. */
export function shipStationOrderStatus(rawStatus: string): FulfilmentOrderStatus {
  return CANONICAL_STATUS[rawStatus] ?? 'open';
}

/** ShipStation's statuses that are exceptions when the warehouse moves an order there. */
const EXCEPTIONS: Readonly<Record<string, 'on_hold' | 'awaiting_payment' | 'rejected'>> = {
  on_hold: 'on_hold',
  awaiting_payment: 'awaiting_payment',
  rejected_fulfillment: 'rejected',
};

/** The newest line of the internal notes: where ShipStation and partners say why. */
const lastNote = (notes: string | null | undefined) =>
  notes?.trim().split('\n').at(-1)?.trim().slice(0, 300) || null;

export function orderState(order: ShipStationOrder): FulfilmentOrderState {
  const kind = EXCEPTIONS[order.orderStatus];
  const shipBy = order.shipByDate ? parseShipStationDateTime(order.shipByDate) : undefined;
  return {
    externalId: String(order.orderId),
    status: shipStationOrderStatus(order.orderStatus),
    rawStatus: order.orderStatus,
    ...(kind
      ? {
          exception: {
            kind,
            // A partner's refusal is appended to the internal notes; a hold says only its date
            // (the notes hold the store's own staff notes too).
            detail:
              kind === 'rejected'
                ? lastNote(order.internalNotes)
                : order.holdUntilDate
                  ? `held until ${order.holdUntilDate.slice(0, 10)}`
                  : null,
          },
        }
      : {}),
    shipBy: shipBy ? shipBy.toISOString() : null,
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
    async upsertOrder(order, destination, { orderKey }, options = {}) {
      const status = options.status === undefined ? undefined : exportableStatus(options.status);
      if (!status && !orderStatusFor(order.status)) return undefined;
      const routing = options.routing
        ? await shipStationRouting(client, options.routing)
        : undefined;
      const saved = await client.upsertOrder(
        toShipStationOrder(order, destination, {
          ...context(orderKey),
          routing,
          ...(status ? { status } : {}),
        }),
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
    async ordersIn(batchRef) {
      return (await client.fetchOrdersResource(batchRef)).map(orderState);
    },
    async ordersChangedSince(since) {
      return (await client.listOrders({ modifyDateStart: since })).map(orderState);
    },
    async shipmentsIn(batchRef) {
      return (await client.fetchShipmentsResource(batchRef)).map(inboundShipment);
    },
    async shipmentsSince(since) {
      return (await client.listShipments({ createDateStart: since })).map(inboundShipment);
    },
    syncProducts: shipStationProductSync(client),
  };
}
