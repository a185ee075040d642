import {
  carrierFromName,
  type Address,
  type CanonicalOrder,
  type Destination,
  type OrderLine,
  type OrderStatus,
  type StoreShipment,
} from '@shiplink/domain';
import { decimalOf, sumCents } from './money';
import type {
  CommercetoolsAddress,
  CommercetoolsDelivery,
  CommercetoolsLineItem,
  CommercetoolsOrder,
  CommercetoolsParcel,
  LocalizedString,
} from './schemas';
import type { CommercetoolsSettings } from './settings';

/**
 * commercetools has no numeric order status ids; settings that speak in the store's status ids
 * use these for its four order states.
 */
export const ORDER_STATE_IDS: Readonly<Record<string, number>> = {
  Open: 1,
  Confirmed: 2,
  Complete: 3,
  Cancelled: 4,
};

/** The destination key of a Single-mode order's one shipping address. */
export const SINGLE_DESTINATION = 'shipping';

/** The parcel key the hub gives parcels it adds, and the marker its shipment matching reads. */
export const hubParcelKey = (shipmentId: string) => `shiplink-${shipmentId}`;
const HUB_KEY = /^shiplink-([0-9a-f-]{36})$/i;

const trimmed = (value: string | null | undefined) => value?.trim() || null;

/** A localized name in the order's locale, else English, else any. */
export function localized(name: LocalizedString, locale: string | null | undefined): string {
  const language = locale?.split('-')[0];
  return (
    (locale && name[locale]) ||
    (language && name[language]) ||
    name.en ||
    Object.values(name)[0] ||
    ''
  );
}

function toAddress(
  address: CommercetoolsAddress | null | undefined,
  email: string | null,
): Address {
  const street = [address?.streetName, address?.streetNumber].filter(Boolean).join(' ');
  const name = [address?.firstName, address?.lastName].filter(Boolean).join(' ');
  const country = address?.country?.toUpperCase() ?? '';
  return {
    name,
    company: trimmed(address?.company),
    street1: street || trimmed(address?.building) || '',
    street2: trimmed(address?.additionalStreetInfo) ?? trimmed(address?.apartment),
    city: address?.city ?? '',
    state: trimmed(address?.state) ?? trimmed(address?.region),
    postalCode: trimmed(address?.postalCode),
    country: /^[A-Z]{2}$/.test(country) ? country : null,
    phone: trimmed(address?.phone) ?? trimmed(address?.mobile),
    email: trimmed(address?.email) ?? email,
  };
}

/** The canonical status an order's three states say, most decisive first. */
export function statusOf(order: CommercetoolsOrder): OrderStatus {
  if (order.orderState === 'Cancelled') return 'cancelled';
  if (order.orderState === 'Complete') return 'completed';
  switch (order.shipmentState) {
    case 'Shipped':
    case 'Delivered':
      return 'shipped';
    case 'Partial':
      return 'partially_shipped';
    case 'Backorder':
      return 'on_hold';
    case 'Delayed':
      // Delayed in transit (the hub writes it for held-up parcels): still shipped, in full or not.
      if (deliveriesOf(order).length > 0) {
        return everythingDelivered(order) ? 'shipped' : 'partially_shipped';
      }
      break;
    default:
      break;
  }
  if (order.paymentState === 'BalanceDue' || order.paymentState === 'Failed') {
    return 'awaiting_payment';
  }
  return 'awaiting_fulfilment';
}

/** Whether every line item's whole quantity is in one of the order's deliveries. */
function everythingDelivered(order: CommercetoolsOrder): boolean {
  const shipped = shippedQuantities(order);
  return order.lineItems.every((line) => (shipped.get(line.id) ?? 0) >= line.quantity);
}

/** Every delivery of the order, in both shipping modes, with the shipping it belongs to. */
export function deliveriesOf(
  order: CommercetoolsOrder,
): { delivery: CommercetoolsDelivery; shippingKey: string; methodName: string }[] {
  if (order.shipping.length > 0) {
    return order.shipping.flatMap((shipping) =>
      shipping.shippingInfo.deliveries.map((delivery) => ({
        delivery,
        shippingKey: shipping.shippingKey,
        methodName: shipping.shippingInfo.shippingMethodName,
      })),
    );
  }
  const info = order.shippingInfo;
  return (info?.deliveries ?? []).map((delivery) => ({
    delivery,
    shippingKey: SINGLE_DESTINATION,
    methodName: info?.shippingMethodName ?? '',
  }));
}

function destinationsOf(order: CommercetoolsOrder, email: string | null): Destination[] {
  if (order.shipping.length > 0) {
    return order.shipping.map((shipping) => ({
      addressExternalId: shipping.shippingKey,
      shipTo: toAddress(shipping.shippingAddress, email),
      shippingMethod: shipping.shippingInfo.shippingMethodName,
      shippingCost: decimalOf(shipping.shippingInfo.price),
    }));
  }
  return [
    {
      addressExternalId: SINGLE_DESTINATION,
      shipTo: toAddress(order.shippingAddress ?? order.billingAddress, email),
      shippingMethod: order.shippingInfo?.shippingMethodName ?? null,
      shippingCost: decimalOf(order.shippingInfo?.price),
    },
  ];
}

function shippedQuantities(order: CommercetoolsOrder): Map<string, number> {
  const shipped = new Map<string, number>();
  for (const { delivery } of deliveriesOf(order)) {
    for (const item of delivery.items) {
      shipped.set(item.id, (shipped.get(item.id) ?? 0) + item.quantity);
    }
  }
  return shipped;
}

function toLine(
  line: CommercetoolsLineItem,
  order: CommercetoolsOrder,
  shipped: Map<string, number>,
): OrderLine | undefined {
  if (line.quantity <= 0) return undefined;
  // In Multiple mode a line names the shipping it goes with; split lines go with the first.
  const target = line.shippingDetails?.targets[0]?.shippingMethodKey;
  const weight = line.variant.attributes?.find((attribute) => attribute.name === 'weight')?.value;
  return {
    externalId: line.id,
    addressExternalId:
      order.shipping.length > 0
        ? (target ?? order.shipping[0]?.shippingKey ?? SINGLE_DESTINATION)
        : SINGLE_DESTINATION,
    productExternalId: line.productId,
    sku: line.variant.sku ?? '',
    name: localized(line.name, order.locale),
    quantity: line.quantity,
    quantityShipped: Math.min(line.quantity, shipped.get(line.id) ?? 0),
    unitPrice: decimalOf(line.price.value),
    weightGrams: typeof weight === 'number' && weight >= 0 ? weight : null,
    options: [],
    giftMessage: null,
  };
}

function customFieldsOf(order: CommercetoolsOrder): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const [name, value] of Object.entries(order.custom?.fields ?? {})) {
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
      fields[name] = String(value);
    }
  }
  return fields;
}

/** The order's tax: `totalTax`, which the API may leave out, else gross less net. */
function taxOf(order: CommercetoolsOrder) {
  const taxed = order.taxedPrice;
  if (!taxed) return undefined;
  const { totalGross: gross, totalNet: net } = taxed;
  return taxed.totalTax ?? { ...gross, centAmount: gross.centAmount - net.centAmount };
}

/** A commercetools order in the hub's terms; ids and the order number are commercetools' own. */
export function toCanonicalOrder(order: CommercetoolsOrder): CanonicalOrder {
  const email = trimmed(order.customerEmail) ?? trimmed(order.billingAddress?.email);
  const billTo = toAddress(order.billingAddress ?? order.shippingAddress, email);
  const shipped = shippedQuantities(order);
  const lines = order.lineItems.flatMap((line) => toLine(line, order, shipped) ?? []);
  const shipping = sumCents([
    order.shippingInfo?.price,
    ...order.shipping.map((entry) => entry.shippingInfo.price),
  ]);
  return {
    externalId: order.id,
    orderNumber: order.orderNumber ?? order.id,
    storeStatusId: ORDER_STATE_IDS[order.orderState] ?? 0,
    storeStatus: order.orderState,
    status: statusOf(order),
    createdAt: new Date(order.createdAt).toISOString(),
    modifiedAt: new Date(order.lastModifiedAt).toISOString(),
    currency: order.totalPrice.currencyCode,
    customer: { externalId: order.customerId ?? null, email, name: billTo.name },
    billTo,
    destinations: destinationsOf(order, email),
    lines,
    totals: {
      subtotal: decimalOf(sumCents(order.lineItems.map((line) => line.totalPrice))),
      shipping: decimalOf(shipping),
      tax: decimalOf(taxOf(order)),
      discount: decimalOf(order.discountOnTotalPrice?.discountedAmount),
      total: decimalOf(order.taxedPrice?.totalGross ?? order.totalPrice),
    },
    paymentMethod: null,
    notes: { customer: null, staff: null },
    customFields: customFieldsOf(order),
  };
}

/**
 * The courier slug of a parcel's free-text carrier: the merchant's own spelling map first, then
 * the canonical carrier table; null when neither knows it (detection or a person decides).
 */
export function carrierSlugOf(
  carrier: string | null | undefined,
  settings: Pick<CommercetoolsSettings, 'carriers'>,
): string | null {
  const text = carrier?.trim();
  if (!text) return null;
  const own = Object.entries(settings.carriers).find(
    ([spelling]) => spelling.trim().toLowerCase() === text.toLowerCase(),
  );
  if (own) return own[1];
  return carrierFromName(text)?.slug ?? null;
}

/** One parcel as a store shipment: its tracking, its items (else its delivery's). */
export function parcelShipment(
  parcel: CommercetoolsParcel,
  delivery: CommercetoolsDelivery,
  methodName: string,
  settings: Pick<CommercetoolsSettings, 'carriers'>,
): StoreShipment {
  const items = parcel.items?.length ? parcel.items : delivery.items;
  const ours = HUB_KEY.exec(parcel.key ?? '')?.[1];
  return {
    shipmentRef: parcel.id,
    trackingNumber: trimmed(parcel.trackingData?.trackingId),
    carrierSlug: carrierSlugOf(parcel.trackingData?.carrier, settings),
    shippingMethod: trimmed(methodName),
    shippingCost: null,
    comments: ours ? `shiplink:${ours}` : '',
    createdAt: parcel.createdAt,
    items: items.map((item) => ({ lineRef: item.id, quantity: item.quantity })),
    raw: { deliveryId: delivery.id, parcel },
  };
}

/** Every parcel of every delivery, as store shipments. */
export function parcelShipments(
  order: CommercetoolsOrder,
  settings: Pick<CommercetoolsSettings, 'carriers'>,
): StoreShipment[] {
  return deliveriesOf(order).flatMap(({ delivery, methodName }) =>
    delivery.parcels.map((parcel) => parcelShipment(parcel, delivery, methodName, settings)),
  );
}

/** Whether the order belongs to this connection: its store, channels and custom field. */
export function inRoute(
  order: CommercetoolsOrder,
  storeKey: string | null,
  settings: Pick<CommercetoolsSettings, 'route'>,
): boolean {
  if (storeKey && order.store?.key !== storeKey) return false;
  const { distributionChannels, customField } = settings.route;
  if (distributionChannels.length > 0) {
    const channels = order.lineItems.flatMap((line) => {
      const ref = line.distributionChannel as { id?: string; obj?: { key?: unknown } } | null;
      return [ref?.id, typeof ref?.obj?.key === 'string' ? ref.obj.key : undefined];
    });
    if (!channels.some((channel) => channel && distributionChannels.includes(channel)))
      return false;
  }
  if (customField) {
    const value = order.custom?.fields[customField.name];
    if (typeof value !== 'string' || !customField.values.includes(value)) return false;
  }
  return true;
}
