import type { StoreOrderState, StorePlatform } from '@shiplink/domain';
import { PermanentError } from '@shiplink/errors';
import type { CommercetoolsClient } from './client';
import {
  deliveriesOf,
  hubParcelKey,
  inRoute,
  ORDER_STATE_IDS,
  parcelShipment,
  parcelShipments,
  statusOf,
  toCanonicalOrder,
} from './mapping';
import { planReturnWrites } from './return-writes';
import { planParcelWrites } from './parcel-writes';
import { writeStock } from './stock';
import { ensureParcelType } from './parcel-type';
import { COMMERCETOOLS_PROVIDER } from './profile';
import type { CommercetoolsOrder } from './schemas';
import type { CommercetoolsSettings } from './settings';

const MARKER = /shiplink:([0-9a-f-]{36})/i;

/** The order-state name of a status id of `ORDER_STATE_IDS`. */
const STATE_BY_ID = new Map(Object.entries(ORDER_STATE_IDS).map(([state, id]) => [id, state]));

function unsupported(what: string): never {
  throw new PermanentError(`commercetools orders have no ${what}`, {
    provider: COMMERCETOOLS_PROVIDER,
    reason: `${COMMERCETOOLS_PROVIDER}.unsupported_${what.replace(/\s+/g, '_')}`,
  });
}

/**
 * commercetools as a store platform. Order refs are commercetools order ids; shipment refs are
 * parcel ids, one store shipment per parcel of every delivery. An order outside the
 * connection's route (another store, channel or custom-field value) is not this connection's:
 * it reads as absent.
 */
export function commercetoolsStorePlatform(
  client: CommercetoolsClient,
  settings: CommercetoolsSettings,
): StorePlatform {
  let parcelTypeId: Promise<string> | undefined;
  const typeId = () => {
    parcelTypeId ??= ensureParcelType(client, settings.parcelTypeKey).then(({ type }) => type.id);
    parcelTypeId.catch(() => (parcelTypeId = undefined));
    return parcelTypeId;
  };
  const routed = async (orderRef: string): Promise<CommercetoolsOrder | undefined> => {
    const order = await client.order(orderRef);
    return order && inRoute(order, client.storeKey, settings) ? order : undefined;
  };

  return {
    staffNotes: false,
    async readOrder(orderRef) {
      const order = await routed(orderRef);
      return order ? toCanonicalOrder(order) : undefined;
    },
    async hasOrder(orderRef) {
      return (await routed(orderRef)) !== undefined;
    },
    async ordersChangedSince(since) {
      const orders = await client.ordersModifiedSince(since);
      return orders
        .filter((order) => inRoute(order, client.storeKey, settings))
        .map((order) => ({ orderRef: order.id, changedAt: order.lastModifiedAt }));
    },
    async readOrderState(orderRef): Promise<StoreOrderState | undefined> {
      const order = await routed(orderRef);
      if (!order) return undefined;
      return {
        status: statusOf(order),
        storeStatusId: ORDER_STATE_IDS[order.orderState] ?? 0,
        shippedStatusId: ORDER_STATE_IDS.Complete ?? 3,
        staffNotes: '',
      };
    },
    async updateOrder(orderRef, patch) {
      if (patch.staffNotes !== undefined) unsupported('staff notes');
      if (patch.storeStatusId === undefined) return;
      const orderState = STATE_BY_ID.get(patch.storeStatusId);
      if (!orderState) unsupported(`order state ${patch.storeStatusId}`);
      await client.applyToOrder(orderRef, (order) =>
        order.orderState === orderState ? [] : [{ action: 'changeOrderState', orderState }],
      );
    },
    async listShipments(orderRef) {
      const order = await routed(orderRef);
      return order ? parcelShipments(order, settings) : [];
    },
    async readShipment(orderRef, shipmentRef) {
      const order = await routed(orderRef);
      return order
        ? parcelShipments(order, settings).find((shipment) => shipment.shipmentRef === shipmentRef)
        : undefined;
    },
    async createShipment(orderRef, draft) {
      const marker = MARKER.exec(draft.comments)?.[1];
      if (!marker) unsupported('shipment without the hub marker');
      const parcelKey = hubParcelKey(marker);
      const find = (order: CommercetoolsOrder) =>
        deliveriesOf(order).flatMap(({ delivery, methodName }) =>
          delivery.parcels
            .filter((parcel) => parcel.key === parcelKey)
            .map((parcel) => parcelShipment(parcel, delivery, methodName, settings)),
        )[0];
      const applied = await client.applyToOrder(orderRef, (order) => {
        // A delivery written before a crash is found by its parcel key, not added twice.
        if (find(order)) return [];
        const items = draft.items.map((item) => ({ id: item.lineRef, quantity: item.quantity }));
        return [
          {
            action: 'addDelivery',
            deliveryKey: `shiplink-delivery-${marker}`,
            items,
            ...(order.shipping.length > 0 ? { shippingKey: draft.addressRef } : {}),
            parcels: [
              {
                key: parcelKey,
                items,
                ...(draft.trackingNumber
                  ? {
                      trackingData: {
                        trackingId: draft.trackingNumber,
                        ...(draft.carrierSlug ? { carrier: draft.carrierSlug } : {}),
                      },
                    }
                  : {}),
              },
            ],
          },
        ];
      });
      const created = applied && find(applied.order);
      if (!created) {
        throw new PermanentError(`commercetools order ${orderRef} is gone or outside the route`, {
          provider: COMMERCETOOLS_PROVIDER,
          reason: 'store.order_not_found',
        });
      }
      return created;
    },
    setStock: (levels) => writeStock(client, levels),
    async readStock(skus, locationRefs) {
      const entries = await client.inventoryOf(skus);
      return entries
        .map((entry) => ({
          sku: entry.sku,
          locationRef: entry.supplyChannel?.id ?? '',
          quantity: entry.quantityOnStock,
        }))
        .filter((level) => locationRefs.includes(level.locationRef));
    },
    knownSkus: (skus) => client.knownSkus(skus),
    async writeParcelTracking(orderRef, update) {
      const id = await typeId();
      let missing: string[] = [];
      let foreign: string[] = [];
      const applied = await client.applyToOrder(orderRef, (order) => {
        if (!inRoute(order, client.storeKey, settings)) return [];
        const plan = planParcelWrites(order, update, id, settings);
        missing = plan.missing;
        foreign = plan.foreign;
        return plan.actions;
      });
      if (!applied) return { changes: 0, missing: update.parcels.map((p) => p.shipmentRef) };
      return { changes: applied.actions, missing: [...missing, ...foreign] };
    },
    async recordReturn(orderRef, record) {
      await client.applyToOrder(orderRef, (order) =>
        inRoute(order, client.storeKey, settings) ? planReturnWrites(order, record) : [],
      );
    },
  };
}
