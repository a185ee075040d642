import type { StoreOrderState, StorePlatform, StoreShipment } from '@shiplink/domain';
import type { BigCommerceClient } from './client';
import { toCanonicalOrder } from './mapping';
import type { BigCommerceOrder, BigCommerceShipment } from './schemas';
import type { BigCommerceSettings } from './settings';
import { toShipmentCreate } from './shipment-mapping';
import { bigCommerceCatalog } from './catalog-port';
import { bigCommerceRefunds } from './refund-port';
import { bigCommerceStock } from './stock-port';
import { bigCommerceOrderStatus, BigCommerceStatusIds } from './statuses';

const orNull = (value: string) => value.trim() || null;

/** A store shipment in the hub's terms: `tracking_carrier` values are courier slugs already. */
export function storeShipment(shipment: BigCommerceShipment): StoreShipment {
  return {
    shipmentRef: String(shipment.id),
    trackingNumber: orNull(shipment.tracking_number),
    carrierSlug: orNull(shipment.tracking_carrier),
    shippingMethod: orNull(shipment.shipping_method),
    shippingCost: shipment.merchant_shipping_cost,
    comments: shipment.comments,
    createdAt: shipment.date_created || null,
    items: shipment.items.map((item) => ({
      lineRef: String(item.order_product_id),
      quantity: item.quantity,
    })),
    raw: shipment,
  };
}

export function storeOrderState(order: BigCommerceOrder): StoreOrderState {
  return {
    status: bigCommerceOrderStatus(order.status_id, {
      itemsShipped: order.items_shipped,
      itemsTotal: order.items_total,
      isDeleted: order.is_deleted,
    }).status,
    storeStatusId: order.status_id,
    shippedStatusId: BigCommerceStatusIds.shipped,
    staffNotes: order.staff_notes,
  };
}

/**
 * BigCommerce as a store platform; order, shipment and inventory location refs are its numeric
 * ids as text.
 */
export function bigCommerceStorePlatform(
  client: BigCommerceClient,
  settings: BigCommerceSettings,
): StorePlatform {
  return {
    staffNotes: true,
    async readOrder(orderRef) {
      const bundle = await client.getOrderBundle(Number(orderRef));
      return bundle ? toCanonicalOrder(bundle, settings) : undefined;
    },
    async hasOrder(orderRef) {
      return (await client.getOrder(Number(orderRef))) !== undefined;
    },
    async ordersChangedSince(since) {
      const orders = await client.listOrdersModifiedSince(since);
      return orders.map((order) => ({
        orderRef: String(order.id),
        changedAt: order.date_modified,
      }));
    },
    async readOrderState(orderRef) {
      const order = await client.getOrder(Number(orderRef));
      return order ? storeOrderState(order) : undefined;
    },
    async updateOrder(orderRef, patch) {
      await client.updateOrder(Number(orderRef), {
        ...(patch.staffNotes !== undefined ? { staff_notes: patch.staffNotes } : {}),
        ...(patch.storeStatusId !== undefined ? { status_id: patch.storeStatusId } : {}),
      });
    },
    async listShipments(orderRef) {
      return (await client.listShipments(Number(orderRef))).map(storeShipment);
    },
    async readShipment(orderRef, shipmentRef) {
      const shipment = await client.getShipment(Number(orderRef), Number(shipmentRef));
      return shipment ? storeShipment(shipment) : undefined;
    },
    async createShipment(orderRef, draft) {
      const created = await client.createShipment(
        Number(orderRef),
        toShipmentCreate({
          orderAddressId: draft.addressRef,
          items: draft.items.map((item) => ({
            orderProductId: item.lineRef,
            quantity: item.quantity,
          })),
          trackingNumber: draft.trackingNumber,
          // A slug becomes the store's value through its validated list, or `""`.
          trackingCarrier: draft.carrierSlug,
          shippingMethod: draft.shippingMethod,
          shippingCost: draft.shippingCost,
          comments: draft.comments,
          trackingLink: draft.trackingUrl ?? null,
        }),
      );
      return storeShipment(created);
    },
    ...bigCommerceStock(client),
    ...bigCommerceCatalog(client, settings),
    refunds: bigCommerceRefunds(client),
  };
}
