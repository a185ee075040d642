import {
  destinationIndex,
  destinationMoney,
  destinationOrderNumber,
  linesFor,
  moneyToNumber,
  type Address,
  type CanonicalOrder,
  type Destination,
  type OrderLine,
  type OrderStatus,
} from '@shiplink/domain';
import { PermanentError } from '@shiplink/errors';
import { carrierSlugForCode } from './carriers';
import { applyCustomFields, type CustomFieldMapping } from './custom-fields';
import { toShipStationDateTime } from './dates';
import { SHIPSTATION_PROVIDER } from './profile';
import type { ShipStationRouting } from './routing';
import type {
  ShipStationAddressInput,
  ShipStationCreateOrder,
  ShipStationOrderStatus,
  ShipStationShipment,
} from './schemas';

export {
  CustomFieldMappingSchema,
  CustomFieldRuleSchema,
  type CustomFieldMapping,
  type CustomFieldRule,
} from './custom-fields';
export { SHIPSTATION_ORDER_STATUSES, type ShipStationOrderStatus } from './schemas';

/**
 * Which ShipStation status a store order is pushed with. `undefined` means "do not push":
 * incomplete checkouts are never exported, and once goods move ShipStation owns the shipping
 * state — pushing `shipped` back would fight it. An order the store archived is off the
 * merchant's books, so the warehouse must not ship it: it is cancelled like a cancelled one.
 */
export const SHIPSTATION_STATUS_FOR = {
  incomplete: undefined,
  awaiting_payment: 'awaiting_payment',
  awaiting_fulfilment: 'awaiting_shipment',
  on_hold: 'on_hold',
  partially_shipped: undefined,
  shipped: undefined,
  completed: undefined,
  cancelled: 'cancelled',
  refunded: 'cancelled',
  archived: 'cancelled',
} as const satisfies Record<OrderStatus, ShipStationOrderStatus | undefined>;

export function orderStatusFor(status: OrderStatus): ShipStationOrderStatus | undefined {
  return SHIPSTATION_STATUS_FOR[status];
}

export interface ToShipStationContext {
  /** The upsert key (see `fulfilmentOrderKey`); the same key always updates the same order. */
  orderKey: string;
  mapping: CustomFieldMapping;
  storeId?: number;
  /** `advancedOptions.source`, shown in ShipStation's order grid. */
  source?: string;
  timeZone?: string;
  /** What the store's routing rules decided, in ShipStation's ids. */
  routing?: ShipStationRouting;
  /** The store's status table's word for this order, over `orderStatusFor`. */
  status?: ShipStationOrderStatus;
}

function address(value: Address, residential: boolean | null): ShipStationAddressInput {
  return {
    name: value.name,
    company: value.company || null,
    street1: value.street1,
    street2: value.street2 || null,
    street3: null,
    city: value.city,
    state: value.state || null,
    postalCode: value.postalCode || null,
    country: value.country ? value.country.toUpperCase() : null,
    phone: value.phone || null,
    residential,
  };
}

function giftFor(lines: OrderLine[]): { gift: boolean; giftMessage: string | null } {
  const gifts = lines.flatMap((line) => {
    const message = line.giftMessage?.trim();
    return message ? [{ name: line.name, message }] : [];
  });
  const distinct = [...new Set(gifts.map((gift) => gift.message))];
  if (distinct.length === 0) return { gift: false, giftMessage: null };
  if (distinct.length === 1) return { gift: true, giftMessage: distinct[0] ?? null };
  // ShipStation has one gift message per order; keep every line's message and say whose it is.
  return {
    gift: true,
    giftMessage: gifts.map((gift) => `${gift.name}: ${gift.message}`).join('\n'),
  };
}

const joinNotes = (lines: (string | null)[]) => {
  const kept = lines.filter((line): line is string => !!line?.trim());
  return kept.length ? kept.join('\n') : null;
};

/** The `createorder` body for one destination of a store order. */
export function toShipStationOrder(
  order: CanonicalOrder,
  destination: Destination,
  ctx: ToShipStationContext,
): ShipStationCreateOrder {
  const orderStatus = ctx.status ?? orderStatusFor(order.status);
  if (!orderStatus) {
    throw new PermanentError(`order status ${order.status} is not exported to ShipStation`, {
      provider: SHIPSTATION_PROVIDER,
      reason: `${SHIPSTATION_PROVIDER}.status_not_exported`,
    });
  }
  const position = destinationIndex(order, destination);
  if (position < 0) {
    throw new PermanentError('destination does not belong to the order', {
      provider: SHIPSTATION_PROVIDER,
      reason: 'mapping.unknown_destination',
    });
  }
  const lines = linesFor(order, destination.addressExternalId);
  const money = destinationMoney(order, destination);
  const custom = applyCustomFields(order, ctx.mapping);
  const orderDate = toShipStationDateTime(order.createdAt, ctx.timeZone);
  const orderNumber = destinationOrderNumber(order, position);
  const routing = ctx.routing;
  // A routed hold applies to an order ready to ship; one awaiting payment or held by the store
  // keeps its own status.
  const held = routing?.holdUntilDate !== undefined && orderStatus === 'awaiting_shipment';
  const tagIds = [...new Set([...custom.tagIds, ...(routing?.tagIds ?? [])])];

  return {
    orderNumber,
    orderKey: ctx.orderKey,
    orderDate,
    paymentDate: orderStatus === 'awaiting_payment' ? null : orderDate,
    orderStatus: held ? 'on_hold' : orderStatus,
    ...(held ? { holdUntilDate: routing?.holdUntilDate ?? null } : {}),
    customerUsername: order.customer.email,
    customerEmail: order.customer.email,
    billTo: address(order.billTo, null),
    // Carriers add residential surcharges; a company name is the only hint the store gives.
    shipTo: address(destination.shipTo, !destination.shipTo.company),
    items: lines.map((line) => ({
      lineItemKey: line.externalId,
      sku: line.sku,
      name: line.name,
      imageUrl: null,
      weight: line.weightGrams === null ? null : { value: line.weightGrams, units: 'grams' },
      quantity: line.quantity,
      unitPrice: moneyToNumber(line.unitPrice),
      options: line.options.map((option) => ({ name: option.name, value: option.value })),
      adjustment: false,
    })),
    amountPaid: money.total,
    taxAmount: money.tax,
    shippingAmount: moneyToNumber(destination.shippingCost),
    customerNotes: joinNotes([order.notes.customer, ...custom.customerNotes]),
    internalNotes: joinNotes([order.notes.staff, ...custom.internalNotes]),
    ...giftFor(lines),
    paymentMethod: order.paymentMethod,
    requestedShippingService: routing?.requestedService ?? destination.shippingMethod,
    advancedOptions: {
      storeId: routing?.storeId ?? ctx.storeId ?? null,
      ...(routing?.warehouseId === undefined ? {} : { warehouseId: routing.warehouseId }),
      customField1: custom.customField1,
      customField2: custom.customField2,
      customField3: custom.customField3,
      source: ctx.source ?? null,
    },
    ...(tagIds.length ? { tagIds } : {}),
  };
}

/** A ShipStation label as the shipment write-back needs it. */
export interface InboundShipment {
  sourceId: string;
  orderKey: string | null;
  fulfilmentOrderId: string | null;
  orderNumber: string | null;
  trackingNumber: string | null;
  carrierCode: string | null;
  /** The courier slug (domain carrier table); `''` when the carrier code has no known slug. */
  carrierSlug: string;
  serviceCode: string | null;
  /** ISO calendar date (`2024-05-02`) in the ShipStation account's zone. */
  shipDate: string | null;
  /** Label cost as a decimal string. */
  shippingCost: string | null;
  insuranceCost: string | null;
  voided: boolean;
  isReturnLabel: boolean;
  warehouseId: string | null;
  items: { lineItemKey: string | null; sku: string | null; quantity: number }[];
}

const costString = (value: number | null | undefined) =>
  value === null || value === undefined ? null : (Math.round(value * 100) / 100).toFixed(2);

export function fromShipStationShipment(shipment: ShipStationShipment): InboundShipment {
  const shipDate = /^\d{4}-\d{2}-\d{2}/.exec(shipment.shipDate ?? '')?.[0] ?? null;
  return {
    sourceId: String(shipment.shipmentId),
    orderKey: shipment.orderKey ?? null,
    fulfilmentOrderId:
      shipment.orderId === null || shipment.orderId === undefined ? null : String(shipment.orderId),
    orderNumber: shipment.orderNumber ?? null,
    trackingNumber: shipment.trackingNumber?.trim() || null,
    carrierCode: shipment.carrierCode ?? null,
    carrierSlug: carrierSlugForCode(shipment.carrierCode),
    serviceCode: shipment.serviceCode ?? null,
    shipDate,
    shippingCost: costString(shipment.shipmentCost),
    insuranceCost: costString(shipment.insuranceCost),
    voided: shipment.voided === true,
    isReturnLabel: shipment.isReturnLabel === true,
    warehouseId:
      shipment.warehouseId === null || shipment.warehouseId === undefined
        ? null
        : String(shipment.warehouseId),
    // Discount lines (adjustment) are not goods; they never ship.
    items: (shipment.shipmentItems ?? [])
      .filter((item) => item.adjustment !== true)
      .map((item) => ({
        lineItemKey: item.lineItemKey ?? null,
        sku: item.sku ?? null,
        quantity: item.quantity,
      })),
  };
}
