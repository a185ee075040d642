import { toShipStationDate, toShipStationDateTime } from '../dates';
import { ounces as ouncesOf } from './catalog';
import type { SimItem, SimOrder, SimShipment, ShipStationState } from './state';
import type { SimAddressInput, SimWeight } from './validation';

/*
 * Internal records → ShipStation V1 JSON, with the nulls and defaults the real API returns, so a
 * client that copes with the simulator copes with ShipStation.
 */

export const SIM_USER_ID = '5d3a1c2e-7b4f-4e61-9a0b-2f6c8d9e1a37';

const round2 = (value: number) => Math.round(value * 100) / 100;

function dateOrNull(state: ShipStationState, value: string | null | undefined): string | null {
  if (!value) return null;
  const epoch = Date.parse(value);
  // ShipStation answers in its own style whatever style it was sent.
  return Number.isFinite(epoch) && /[zZ]|[+-]\d{2}:?\d{2}$/.test(value)
    ? toShipStationDateTime(new Date(epoch), state.timeZone)
    : value;
}

export function dateTime(state: ShipStationState, epochMs: number): string {
  return toShipStationDateTime(new Date(epochMs), state.timeZone);
}

export function renderAddress(address: SimAddressInput | null | undefined) {
  return {
    name: address?.name ?? null,
    company: address?.company ?? null,
    street1: address?.street1 ?? null,
    street2: address?.street2 ?? null,
    street3: address?.street3 ?? null,
    city: address?.city ?? null,
    state: address?.state ?? null,
    postalCode: address?.postalCode ?? null,
    country: address?.country ? address.country.toUpperCase() : null,
    phone: address?.phone ?? null,
    residential: address?.residential ?? null,
    addressVerified: 'Address not yet validated',
  };
}

function renderWeight(weight: SimWeight | null | undefined) {
  return weight ? { value: weight.value, units: weight.units } : null;
}

/** Order weight when none was given: the items' weights in ounces, as ShipStation totals them. */
function itemsWeight(items: { input: { weight?: SimWeight | null }; quantity: number }[]) {
  const ounces = items.reduce(
    (sum, { input, quantity }) => sum + (input.weight ? ouncesOf(input.weight) * quantity : 0),
    0,
  );
  return { value: round2(ounces), units: 'ounces' };
}

export function renderItem(state: ShipStationState, item: SimItem, quantity = item.input.quantity) {
  const input = item.input;
  return {
    orderItemId: item.orderItemId,
    lineItemKey: input.lineItemKey ?? null,
    sku: input.sku ?? null,
    name: input.name,
    imageUrl: input.imageUrl ?? null,
    weight: renderWeight(input.weight),
    quantity,
    unitPrice: input.unitPrice ?? 0,
    taxAmount: input.taxAmount ?? null,
    shippingAmount: input.shippingAmount ?? null,
    warehouseLocation: input.warehouseLocation ?? null,
    options: (input.options ?? []).map((option) => ({ name: option.name, value: option.value })),
    productId: item.productId,
    fulfillmentSku: input.fulfillmentSku ?? null,
    adjustment: input.adjustment ?? false,
    upc: input.upc ?? null,
    createDate: dateTime(state, item.createdAt),
    modifyDate: dateTime(state, item.modifiedAt),
  };
}

export function renderOrder(state: ShipStationState, order: SimOrder) {
  const input = order.input;
  const goods = order.items.reduce(
    (sum, item) => sum + (item.input.unitPrice ?? 0) * item.input.quantity,
    0,
  );
  const advanced = input.advancedOptions;
  return {
    orderId: order.orderId,
    orderNumber: input.orderNumber,
    orderKey: order.orderKey,
    orderDate: dateOrNull(state, input.orderDate),
    createDate: dateTime(state, order.createdAt),
    modifyDate: dateTime(state, order.modifiedAt),
    paymentDate: dateOrNull(state, input.paymentDate),
    shipByDate: dateOrNull(state, order.shipByDate),
    orderStatus: order.status,
    customerId: input.customerId ?? null,
    customerUsername: input.customerUsername ?? null,
    customerEmail: input.customerEmail ?? null,
    billTo: renderAddress(input.billTo),
    shipTo: renderAddress(input.shipTo),
    items: order.items.map((item) => renderItem(state, item)),
    orderTotal: round2(goods + (input.taxAmount ?? 0) + (input.shippingAmount ?? 0)),
    amountPaid: input.amountPaid ?? 0,
    taxAmount: input.taxAmount ?? 0,
    shippingAmount: input.shippingAmount ?? 0,
    customerNotes: input.customerNotes ?? null,
    internalNotes: input.internalNotes ?? null,
    gift: input.gift ?? false,
    giftMessage: input.giftMessage ?? null,
    paymentMethod: input.paymentMethod ?? null,
    requestedShippingService: input.requestedShippingService ?? null,
    carrierCode: input.carrierCode ?? null,
    serviceCode: input.serviceCode ?? null,
    packageCode: input.packageCode ?? null,
    confirmation: input.confirmation ?? 'none',
    shipDate: input.shipDate ?? null,
    holdUntilDate: order.holdUntilDate,
    weight:
      renderWeight(input.weight) ??
      itemsWeight(
        order.items.map((item) => ({ input: item.input, quantity: item.input.quantity })),
      ),
    dimensions: input.dimensions ?? null,
    insuranceOptions: input.insuranceOptions ?? {
      provider: null,
      insureShipment: false,
      insuredValue: 0,
    },
    internationalOptions: input.internationalOptions ?? { contents: null, customsItems: null },
    advancedOptions: {
      warehouseId: order.warehouseId,
      nonMachinable: false,
      saturdayDelivery: false,
      containsAlcohol: false,
      mergedOrSplit: false,
      mergedIds: [],
      parentId: null,
      storeId: advanced?.storeId ?? null,
      customField1: advanced?.customField1 ?? null,
      customField2: advanced?.customField2 ?? null,
      customField3: advanced?.customField3 ?? null,
      source: advanced?.source ?? null,
      billToParty: null,
      billToAccount: null,
      billToPostalCode: null,
      billToCountryCode: null,
    },
    tagIds: order.tagIds.length ? [...order.tagIds] : null,
    userId: null,
    externallyFulfilled: false,
    externallyFulfilledBy: null,
    labelMessages: null,
  };
}

export function renderShipment(
  state: ShipStationState,
  shipment: SimShipment,
  order: SimOrder,
  includeItems: boolean,
) {
  const lines = shipment.items.flatMap(({ orderItemId, quantity }) => {
    const item = order.items.find((candidate) => candidate.orderItemId === orderItemId);
    return item ? [{ item, quantity }] : [];
  });
  return {
    shipmentId: shipment.shipmentId,
    orderId: order.orderId,
    orderKey: order.orderKey,
    userId: SIM_USER_ID,
    orderNumber: order.input.orderNumber,
    createDate: dateTime(state, shipment.createdAt),
    shipDate: shipment.shipDate,
    shipmentCost: shipment.cost,
    insuranceCost: shipment.insuranceCost,
    trackingNumber: shipment.trackingNumber,
    isReturnLabel: shipment.isReturnLabel,
    batchNumber: shipment.batchNumber,
    carrierCode: shipment.carrierCode,
    serviceCode: shipment.serviceCode,
    packageCode: shipment.packageCode,
    confirmation: order.input.confirmation ?? 'none',
    warehouseId: shipment.warehouseId,
    voided: shipment.voided,
    voidDate: shipment.voidedAt === null ? null : dateTime(state, shipment.voidedAt),
    marketplaceNotified: false,
    notifyErrorMessage: null,
    // A return label goes from the customer back to the warehouse's return address.
    shipTo: renderAddress(
      shipment.isReturnLabel
        ? state.warehouses.get(shipment.warehouseId)?.returnAddress
        : order.input.shipTo,
    ),
    weight: itemsWeight(lines.map(({ item, quantity }) => ({ input: item.input, quantity }))),
    dimensions: null,
    insuranceOptions: { provider: null, insureShipment: false, insuredValue: 0 },
    advancedOptions: {
      billToParty: null,
      billToAccount: null,
      billToPostalCode: null,
      billToCountryCode: null,
      storeId: order.input.advancedOptions?.storeId ?? null,
    },
    shipmentItems: includeItems
      ? lines.map(({ item, quantity }) => renderItem(state, item, quantity))
      : null,
    labelData: null,
    formData: null,
  };
}

export function shipDateFor(state: ShipStationState): string {
  return toShipStationDate(new Date(state.now()), state.timeZone);
}
