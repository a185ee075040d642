import { invalidInput, invalidOperation } from './errors';
import type { DeliveryItem } from './draft-schemas';
import type { Delivery, Order, Parcel } from './records';

/**
 * Where an order keeps its deliveries: `shippingInfo.deliveries` (Single shipping mode) or each
 * `shipping[].shippingInfo.deliveries` (Multiple), and lookups by id or key across all of them.
 */

export interface PlacedDelivery {
  delivery: Delivery;
  /** Set for Multiple shipping mode: the shipping the delivery belongs to. */
  shippingKey?: string;
  list: Delivery[];
}

/** A parcel, with the delivery (and shipping) it is in. */
export interface PlacedParcel extends PlacedDelivery {
  parcel: Parcel;
}

/** Every delivery of the order, with the list it is in and, in Multiple mode, its shipping's key. */
export function allDeliveries(order: Order): PlacedDelivery[] {
  if (order.shippingMode === 'Multiple') {
    return order.shipping.flatMap((entry) =>
      entry.shippingInfo.deliveries.map((delivery) => ({
        delivery,
        shippingKey: entry.shippingKey,
        list: entry.shippingInfo.deliveries,
      })),
    );
  }
  const list = order.shippingInfo?.deliveries ?? [];
  return list.map((delivery) => ({ delivery, list }));
}

/** The delivery list a new delivery joins, or 400 when the order has no shipping for it. */
export function deliveryListFor(order: Order, shippingKey: string | undefined): Delivery[] {
  if (order.shippingMode === 'Multiple') {
    if (shippingKey === undefined) {
      throw invalidInput("'shippingKey' is required for an order with 'Multiple' ShippingMode.");
    }
    const entry = order.shipping.find((candidate) => candidate.shippingKey === shippingKey);
    if (!entry) throw invalidOperation(`The order has no shipping with key '${shippingKey}'.`);
    return entry.shippingInfo.deliveries;
  }
  if (!order.shippingInfo) {
    throw invalidOperation('A delivery can only be added to an order that has a shippingInfo.');
  }
  return order.shippingInfo.deliveries;
}

/** The delivery named by `deliveryId` or `deliveryKey`, or 400. */
export function findDelivery(
  order: Order,
  ref: { deliveryId?: string; deliveryKey?: string },
): PlacedDelivery {
  if (ref.deliveryId === undefined && ref.deliveryKey === undefined) {
    throw invalidInput('Either deliveryId or deliveryKey must be provided.');
  }
  const found = allDeliveries(order).find(({ delivery }) =>
    ref.deliveryId !== undefined
      ? delivery.id === ref.deliveryId
      : delivery.key === ref.deliveryKey,
  );
  if (!found) {
    throw invalidOperation(
      ref.deliveryId !== undefined
        ? `A delivery with ID '${ref.deliveryId}' does not exist.`
        : `A delivery with key '${ref.deliveryKey}' does not exist.`,
    );
  }
  return found;
}

/** The parcel named by `parcelId` or `parcelKey`, or 400. */
export function findParcel(
  order: Order,
  ref: { parcelId?: string; parcelKey?: string },
): PlacedParcel {
  if (ref.parcelId === undefined && ref.parcelKey === undefined) {
    throw invalidInput('Either parcelId or parcelKey must be provided.');
  }
  for (const placed of allDeliveries(order)) {
    const parcel = placed.delivery.parcels.find((candidate) =>
      ref.parcelId !== undefined ? candidate.id === ref.parcelId : candidate.key === ref.parcelKey,
    );
    if (parcel) return { ...placed, parcel };
  }
  throw invalidOperation(
    ref.parcelId !== undefined
      ? `A parcel with ID '${ref.parcelId}' does not exist.`
      : `A parcel with key '${ref.parcelKey}' does not exist.`,
  );
}

/** Delivery items must name the order's line items (quantities are not checked, as the API). */
export function checkItems(order: Order, items: readonly DeliveryItem[] | undefined): void {
  for (const item of items ?? []) {
    if (!order.lineItems.some((line) => line.id === item.id)) {
      throw invalidOperation(
        `The order has no line item or custom line item with ID '${item.id}'.`,
      );
    }
  }
}

/** Keys are unique among the order's deliveries, and among its parcels. */
export function checkUniqueKeys(
  order: Order,
  deliveryKey?: string,
  parcelKeys: (string | undefined)[] = [],
): void {
  const placed = allDeliveries(order);
  if (deliveryKey !== undefined && placed.some(({ delivery }) => delivery.key === deliveryKey)) {
    throw invalidOperation(`A delivery with key '${deliveryKey}' already exists.`);
  }
  const taken = new Set(
    placed.flatMap(({ delivery }) => delivery.parcels.map((parcel) => parcel.key)),
  );
  for (const key of parcelKeys) {
    if (key === undefined) continue;
    if (taken.has(key)) throw invalidOperation(`A parcel with key '${key}' already exists.`);
    taken.add(key);
  }
}
