import { randomUUID } from 'node:crypto';
import { withShippingKey, type ActionContext } from './action-context';
import { customFieldsFrom, setCustomField } from './custom-fields';
import type { ParcelDraft, TrackingData } from './draft-schemas';
import type { ActionOf } from './order-action-schemas';
import {
  checkItems,
  checkUniqueKeys,
  deliveryListFor,
  findDelivery,
  findParcel,
} from './order-deliveries';
import type { Delivery, Parcel } from './records';

/**
 * Deliveries and parcels, as a 3PL writes them back. Messages: DeliveryAdded (the delivery
 * without its parcels) then one ParcelAddedToDelivery per parcel, ParcelTrackingDataUpdated,
 * ParcelItemsUpdated, ParcelMeasurementsUpdated, ParcelRemovedFromDelivery, DeliveryRemoved,
 * DeliveryItemsUpdated, DeliveryAddressSet. Parcel custom fields have no message of their own.
 */

const copy = <T>(value: T): T => structuredClone(value);

/** TrackingData as stored: `isReturn` defaults to false. */
const tracking = (data: TrackingData): TrackingData => ({
  ...data,
  isReturn: data.isReturn ?? false,
});

function newParcel(ctx: ActionContext, draft: ParcelDraft): Parcel {
  checkItems(ctx.order, draft.items);
  return {
    id: randomUUID(),
    ...(draft.key !== undefined ? { key: draft.key } : {}),
    createdAt: ctx.now,
    ...(draft.measurements ? { measurements: draft.measurements } : {}),
    ...(draft.trackingData ? { trackingData: tracking(draft.trackingData) } : {}),
    ...(draft.items ? { items: draft.items } : {}),
    ...(draft.custom
      ? { custom: customFieldsFrom(ctx.project, draft.custom, 'order-parcel') }
      : {}),
  };
}

/** addDelivery: a delivery with its parcels (Single: shippingInfo; Multiple: the shipping of `shippingKey`). */
export function addDelivery(ctx: ActionContext, action: ActionOf<'addDelivery'>): void {
  const list = deliveryListFor(ctx.order, action.shippingKey);
  const parcelDrafts = action.parcels ?? [];
  checkUniqueKeys(
    ctx.order,
    action.deliveryKey,
    parcelDrafts.map((parcel) => parcel.key),
  );
  checkItems(ctx.order, action.items);
  const delivery: Delivery = {
    id: randomUUID(),
    ...(action.deliveryKey !== undefined ? { key: action.deliveryKey } : {}),
    createdAt: ctx.now,
    items: action.items ?? [],
    parcels: [],
    ...(action.address ? { address: action.address } : {}),
    ...(action.custom
      ? { custom: customFieldsFrom(ctx.project, action.custom, 'order-delivery') }
      : {}),
  };
  const parcels = parcelDrafts.map((draft) => newParcel(ctx, draft));
  list.push(delivery);
  const shippingKey = ctx.order.shippingMode === 'Multiple' ? action.shippingKey : undefined;
  ctx.emit('DeliveryAdded', { delivery: copy(delivery), ...withShippingKey(shippingKey) });
  for (const parcel of parcels) {
    delivery.parcels.push(parcel);
    ctx.emit('ParcelAddedToDelivery', {
      delivery: copy(delivery),
      parcel: copy(parcel),
      ...withShippingKey(shippingKey),
    });
  }
}

/** addParcelToDelivery: one more parcel in a delivery named by id or key. */
export function addParcelToDelivery(
  ctx: ActionContext,
  action: ActionOf<'addParcelToDelivery'>,
): void {
  const { delivery, shippingKey } = findDelivery(ctx.order, action);
  checkUniqueKeys(ctx.order, undefined, [action.parcelKey]);
  const parcel = newParcel(ctx, {
    key: action.parcelKey,
    measurements: action.measurements,
    trackingData: action.trackingData,
    items: action.items,
    custom: action.custom,
  });
  delivery.parcels.push(parcel);
  ctx.emit('ParcelAddedToDelivery', {
    delivery: copy(delivery),
    parcel: copy(parcel),
    ...withShippingKey(shippingKey),
  });
}

/** setParcelTrackingData: sets, or (omitted) removes, a parcel's tracking data. */
export function setParcelTrackingData(
  ctx: ActionContext,
  action: ActionOf<'setParcelTrackingData'>,
): void {
  const { delivery, parcel, shippingKey } = findParcel(ctx.order, action);
  if (action.trackingData) parcel.trackingData = tracking(action.trackingData);
  else delete parcel.trackingData;
  ctx.emit('ParcelTrackingDataUpdated', {
    deliveryId: delivery.id,
    parcelId: parcel.id,
    ...(parcel.trackingData ? { trackingData: copy(parcel.trackingData) } : {}),
    ...withShippingKey(shippingKey),
  });
}

/** setParcelItems: replaces a parcel's items. */
export function setParcelItems(ctx: ActionContext, action: ActionOf<'setParcelItems'>): void {
  const { delivery, parcel, shippingKey } = findParcel(ctx.order, action);
  checkItems(ctx.order, action.items);
  const oldItems = parcel.items ?? [];
  parcel.items = action.items;
  ctx.emit('ParcelItemsUpdated', {
    parcelId: parcel.id,
    deliveryId: delivery.id,
    items: copy(action.items),
    oldItems: copy(oldItems),
    ...withShippingKey(shippingKey),
  });
}

/** setParcelMeasurements: sets, or (omitted) removes, a parcel's measurements. */
export function setParcelMeasurements(
  ctx: ActionContext,
  action: ActionOf<'setParcelMeasurements'>,
): void {
  const { delivery, parcel, shippingKey } = findParcel(ctx.order, action);
  if (action.measurements) parcel.measurements = action.measurements;
  else delete parcel.measurements;
  ctx.emit('ParcelMeasurementsUpdated', {
    deliveryId: delivery.id,
    parcelId: parcel.id,
    ...(parcel.measurements ? { measurements: copy(parcel.measurements) } : {}),
    ...withShippingKey(shippingKey),
  });
}

/** removeParcelFromDelivery: takes a parcel out of its delivery. */
export function removeParcelFromDelivery(
  ctx: ActionContext,
  action: ActionOf<'removeParcelFromDelivery'>,
): void {
  const { delivery, parcel, shippingKey } = findParcel(ctx.order, action);
  delivery.parcels = delivery.parcels.filter((candidate) => candidate.id !== parcel.id);
  ctx.emit('ParcelRemovedFromDelivery', {
    deliveryId: delivery.id,
    parcel: copy(parcel),
    ...withShippingKey(shippingKey),
  });
}

/** removeDelivery: takes a delivery, parcels and all, off the order. */
export function removeDelivery(ctx: ActionContext, action: ActionOf<'removeDelivery'>): void {
  const { delivery, list, shippingKey } = findDelivery(ctx.order, action);
  list.splice(list.indexOf(delivery), 1);
  ctx.emit('DeliveryRemoved', { delivery: copy(delivery), ...withShippingKey(shippingKey) });
}

/** setDeliveryItems: replaces a delivery's items. */
export function setDeliveryItems(ctx: ActionContext, action: ActionOf<'setDeliveryItems'>): void {
  const { delivery, shippingKey } = findDelivery(ctx.order, action);
  checkItems(ctx.order, action.items);
  const oldItems = delivery.items;
  delivery.items = action.items;
  ctx.emit('DeliveryItemsUpdated', {
    deliveryId: delivery.id,
    items: copy(action.items),
    oldItems: copy(oldItems),
    ...withShippingKey(shippingKey),
  });
}

/** setDeliveryAddress: sets, or (omitted) removes, a delivery's address. */
export function setDeliveryAddress(
  ctx: ActionContext,
  action: ActionOf<'setDeliveryAddress'>,
): void {
  const { delivery, shippingKey } = findDelivery(ctx.order, action);
  const oldAddress = delivery.address;
  if (action.address) delivery.address = action.address;
  else delete delivery.address;
  ctx.emit('DeliveryAddressSet', {
    deliveryId: delivery.id,
    ...(action.address ? { address: copy(action.address) } : {}),
    ...(oldAddress ? { oldAddress: copy(oldAddress) } : {}),
    ...withShippingKey(shippingKey),
  });
}

/** setParcelCustomType: Custom Fields of a Type meant for `order-parcel`, or none. */
export function setParcelCustomType(
  ctx: ActionContext,
  action: ActionOf<'setParcelCustomType'>,
): void {
  const { parcel } = findParcel(ctx.order, action);
  if (action.type) {
    parcel.custom = customFieldsFrom(
      ctx.project,
      { type: action.type, fields: action.fields },
      'order-parcel',
    );
  } else {
    delete parcel.custom;
  }
  ctx.touch();
}

/** setParcelCustomField: one parcel Custom Field set or (value omitted) removed. */
export function setParcelCustomField(
  ctx: ActionContext,
  action: ActionOf<'setParcelCustomField'>,
): void {
  const { parcel } = findParcel(ctx.order, action);
  const change = setCustomField(ctx.project, parcel.custom, action.name, action.value);
  if (change.kind !== 'none') ctx.touch();
}
