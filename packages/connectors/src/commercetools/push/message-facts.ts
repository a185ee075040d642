import { z } from 'zod';
import type { CommercetoolsNotification } from './notification';

/*
 * What an order notification names, for deciding the work it asks for: a new order to import, a
 * change to its deliveries/parcels/returns (the reader re-reads the order), or something else.
 * Ids are read leniently from the message's own fields; a message without them (or with
 * `payloadNotIncluded`) still names its order.
 */

/**
 * Order message types that announce a new order. The API reference has no
 * `OrderCreatedFromQuote` message, and these names go into subscription drafts, so only types it
 * defines are listed.
 */
export const ORDER_CREATED_MESSAGE_TYPES: ReadonlySet<string> = new Set([
  'OrderCreated',
  'OrderImported',
  'OrderCreatedFromRecurringOrder',
]);

/** Order message types about deliveries, parcels and returns (shipping and tracking data). */
export const ORDER_SHIPPING_MESSAGE_TYPES: ReadonlySet<string> = new Set([
  'DeliveryAdded',
  'DeliveryRemoved',
  'DeliveryItemsUpdated',
  'DeliveryAddressSet',
  'ParcelAddedToDelivery',
  'ParcelRemovedFromDelivery',
  'ParcelTrackingDataUpdated',
  'ParcelItemsUpdated',
  'ParcelMeasurementsUpdated',
  'ReturnInfoAdded',
  'ReturnInfoSet',
]);

/** Change notifications after which the reader re-reads the order as if its shipping changed. */
export const ORDER_SHIPPING_CHANGE_TYPES: ReadonlySet<string> = new Set([
  'ResourceCreated',
  'ResourceUpdated',
]);

/** What an order notification is about. */
export interface OrderMessageFacts {
  kind: 'order-created' | 'order-shipping' | 'order-other';
  orderId: string;
  /** The delivery the message is about, where it names one. */
  deliveryId?: string;
  /** Parcels the message names (its parcel, or the parcels of its delivery or order). */
  parcelIds: string[];
  /** Carrier tracking ids of those parcels. */
  trackingIds: string[];
  /** Return tracking ids of the return infos the message carries. */
  returnTrackingIds: string[];
}

const text = z.string().min(1).max(256);
const TrackingDataSchema = z.looseObject({ trackingId: text.nullish() });
const ParcelSchema = z.looseObject({ id: text, trackingData: TrackingDataSchema.nullish() });
const DeliverySchema = z.looseObject({ id: text, parcels: z.array(z.unknown()).nullish() });
const ReturnInfoSchema = z.looseObject({ returnTrackingId: text.nullish() });
const ShippingInfoSchema = z.looseObject({ deliveries: z.array(z.unknown()).nullish() });
const OrderSchema = z.looseObject({
  shippingInfo: ShippingInfoSchema.nullish(),
  shipping: z.array(z.looseObject({ shippingInfo: ShippingInfoSchema.nullish() })).nullish(),
  returnInfo: z.array(z.unknown()).nullish(),
});

/**
 * For a notification about an order, what it names; undefined for other resources. Messages are
 * classed by type (ORDER_CREATED_MESSAGE_TYPES, ORDER_SHIPPING_MESSAGE_TYPES); order
 * ResourceCreated/ResourceUpdated changes count as `order-shipping`, ResourceDeleted as other.
 */
export function messageFacts(
  notification: CommercetoolsNotification,
): OrderMessageFacts | undefined {
  if (notification.resource.typeId !== 'order') return undefined;
  const facts = new FactsCollector();
  const payload = notification.payload;
  facts.parcel(payload.parcel);
  facts.parcelId(payload.parcelId);
  facts.trackingData(payload.trackingData);
  facts.delivery(payload.delivery);
  facts.returnInfo(payload.returnInfo);
  facts.order(payload.order);
  const deliveryId = read(text, payload.deliveryId) ?? facts.deliveryId;
  return {
    kind: kindOf(notification),
    orderId: notification.resource.id,
    ...(deliveryId ? { deliveryId } : {}),
    parcelIds: [...facts.parcelIds],
    trackingIds: [...facts.trackingIds],
    returnTrackingIds: [...facts.returnTrackingIds],
  };
}

function kindOf(notification: CommercetoolsNotification): OrderMessageFacts['kind'] {
  if (notification.notificationType !== 'Message') {
    return ORDER_SHIPPING_CHANGE_TYPES.has(notification.notificationType)
      ? 'order-shipping'
      : 'order-other';
  }
  if (ORDER_CREATED_MESSAGE_TYPES.has(notification.type)) return 'order-created';
  if (ORDER_SHIPPING_MESSAGE_TYPES.has(notification.type)) return 'order-shipping';
  return 'order-other';
}

function read<T>(schema: z.ZodType<T>, value: unknown): T | undefined {
  const parsed = schema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

/** Gathers ids without duplicates, in the order they are met. */
class FactsCollector {
  deliveryId: string | undefined;
  readonly parcelIds = new Set<string>();
  readonly trackingIds = new Set<string>();
  readonly returnTrackingIds = new Set<string>();

  parcelId(value: unknown): void {
    const id = read(text, value);
    if (id) this.parcelIds.add(id);
  }

  trackingData(value: unknown): void {
    const trackingId = read(TrackingDataSchema, value)?.trackingId;
    if (trackingId) this.trackingIds.add(trackingId);
  }

  parcel(value: unknown): void {
    const parcel = read(ParcelSchema, value);
    if (!parcel) return;
    this.parcelIds.add(parcel.id);
    this.trackingData(parcel.trackingData);
  }

  /** The message's delivery: its id is the message's delivery, its parcels are named too. */
  delivery(value: unknown, isTheMessages = true): void {
    const delivery = read(DeliverySchema, value);
    if (!delivery) return;
    if (isTheMessages) this.deliveryId ??= delivery.id;
    for (const parcel of delivery.parcels ?? []) this.parcel(parcel);
  }

  /** One ReturnInfo (ReturnInfoAdded) or a list of them (ReturnInfoSet). */
  returnInfo(value: unknown): void {
    for (const item of Array.isArray(value) ? value : [value]) {
      const trackingId = read(ReturnInfoSchema, item)?.returnTrackingId;
      if (trackingId) this.returnTrackingIds.add(trackingId);
    }
  }

  /** A whole order (OrderCreated, OrderImported): the parcels of all its deliveries. */
  order(value: unknown): void {
    const order = read(OrderSchema, value);
    if (!order) return;
    const infos = [order.shippingInfo, ...(order.shipping ?? []).map((s) => s.shippingInfo)];
    for (const info of infos) {
      for (const delivery of info?.deliveries ?? []) this.delivery(delivery, false);
    }
    for (const info of order.returnInfo ?? []) this.returnInfo(info);
  }
}
