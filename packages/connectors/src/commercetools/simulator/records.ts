import type { Address, DeliveryItem, ParcelMeasurements, TrackingData } from './draft-schemas';

/**
 * What the simulator keeps, in the API's own JSON shapes (OpenAPI `Order`, `Delivery`, `Type`,
 * `Message`, `Subscription`…), so a record is answered as it is stored.
 */

export type LocalizedString = Record<string, string>;

/** CentPrecisionMoney: integer minor units. */
export interface Money {
  type: 'centPrecision';
  currencyCode: string;
  centAmount: number;
  fractionDigits: number;
}

/** A Reference: `{ typeId, id }`. */
export interface Reference<T extends string = string> {
  typeId: T;
  id: string;
}

/** Who made a change (CreatedBy / LastModifiedBy). */
export interface ClientLogging {
  clientId?: string;
  isPlatformClient: boolean;
}

/** Custom Fields: the Type and the values. */
export interface CustomFields {
  type: Reference<'type'>;
  fields: Record<string, unknown>;
}

/** A parcel of a delivery. */
export interface Parcel {
  id: string;
  key?: string;
  createdAt: string;
  measurements?: ParcelMeasurements;
  trackingData?: TrackingData;
  items?: DeliveryItem[];
  custom?: CustomFields;
}

/** A delivery of an order (shipped items and their parcels). */
export interface Delivery {
  id: string;
  key?: string;
  createdAt: string;
  items: DeliveryItem[];
  parcels: Parcel[];
  address?: Address;
  custom?: CustomFields;
}

/** ShippingInfo of a shipping method, with its deliveries. */
export interface ShippingInfo {
  shippingMethodName: string;
  price: Money;
  shippingRate: { price: Money; tiers: unknown[] };
  shippingMethod?: Reference<'shipping-method'>;
  deliveries: Delivery[];
  shippingMethodState: 'MatchesCart' | 'DoesNotMatchCart';
}

/** One shipping method of a `Multiple` shipping mode order. */
export interface Shipping {
  shippingKey: string;
  shippingInfo: ShippingInfo;
  shippingAddress: Address;
}

/** A line item's share shipped to one address with one shipping method. */
export interface ItemShippingTarget {
  addressKey: string;
  quantity: number;
  shippingMethodKey?: string;
}

/** A line item of an order. */
export interface LineItem {
  id: string;
  productId: string;
  productKey?: string;
  name: LocalizedString;
  productType: Reference<'product-type'>;
  variant: {
    id: number;
    sku: string;
    prices: unknown[];
    images: unknown[];
    attributes: unknown[];
    assets: unknown[];
  };
  price: { id: string; value: Money };
  quantity: number;
  totalPrice: Money;
  discountedPricePerQuantity: unknown[];
  taxedPricePortions: unknown[];
  state: { quantity: number; state: Reference<'state'> }[];
  perMethodTaxRate: unknown[];
  priceMode: 'Platform';
  lineItemMode: 'Standard';
  distributionChannel?: Reference<'channel'>;
  supplyChannel?: Reference<'channel'>;
  shippingDetails?: { targets: ItemShippingTarget[]; valid: boolean };
  addedAt: string;
  lastModifiedAt: string;
}

/** ReturnShipmentState. */
export type ReturnShipmentState = 'Advised' | 'Returned' | 'BackInStock' | 'Unusable';
/** ReturnPaymentState. */
export type ReturnPaymentState = 'NonRefundable' | 'Initial' | 'Refunded' | 'NotRefunded';

/** A returned line item. */
export interface ReturnItem {
  type: 'LineItemReturnItem' | 'CustomLineItemReturnItem';
  id: string;
  key?: string;
  quantity: number;
  lineItemId?: string;
  customLineItemId?: string;
  comment?: string;
  shipmentState: ReturnShipmentState;
  paymentState: ReturnPaymentState;
  custom?: CustomFields;
  createdAt: string;
  lastModifiedAt: string;
}

/** One return: its items, tracking id and date. */
export interface ReturnInfo {
  items: ReturnItem[];
  returnTrackingId?: string;
  returnDate?: string;
}

/** A sync with an external system through a channel. */
export interface SyncInfo {
  channel: Reference<'channel'>;
  externalId?: string;
  syncedAt: string;
}

/** OrderState (note `Cancelled`). */
export type OrderState = 'Open' | 'Confirmed' | 'Complete' | 'Cancelled';
/** ShipmentState (note `Canceled`). */
export type ShipmentState =
  'Shipped' | 'Delivered' | 'Ready' | 'Pending' | 'Delayed' | 'Partial' | 'Backorder' | 'Canceled';
/** PaymentState. */
export type PaymentState = 'BalanceDue' | 'Failed' | 'Pending' | 'CreditOwed' | 'Paid';

/** An Order as the API answers it. */
export interface Order {
  id: string;
  version: number;
  createdAt: string;
  lastModifiedAt: string;
  lastModifiedBy: ClientLogging;
  createdBy: ClientLogging;
  orderNumber?: string;
  customerEmail?: string;
  store?: { typeId: 'store'; key: string };
  lineItems: LineItem[];
  customLineItems: unknown[];
  totalPrice: Money;
  taxMode: 'Platform';
  inventoryMode: 'None';
  taxRoundingMode: 'HalfEven';
  taxCalculationMode: 'LineItemLevel';
  origin: 'Customer';
  shippingMode: 'Single' | 'Multiple';
  shippingAddress?: Address;
  billingAddress?: Address;
  shippingInfo?: ShippingInfo;
  shipping: Shipping[];
  itemShippingAddresses: Address[];
  discountCodes: unknown[];
  directDiscounts: unknown[];
  refusedGifts: unknown[];
  orderState: OrderState;
  shipmentState?: ShipmentState;
  paymentState?: PaymentState;
  syncInfo: SyncInfo[];
  returnInfo: ReturnInfo[];
  custom?: CustomFields;
  completedAt?: string;
}

/** A Custom Field's type (FieldType). */
export type FieldType =
  | {
      name:
        | 'Boolean'
        | 'String'
        | 'LocalizedString'
        | 'Number'
        | 'Money'
        | 'Date'
        | 'Time'
        | 'DateTime';
    }
  | { name: 'Enum'; values: { key: string; label: string }[] }
  | { name: 'LocalizedEnum'; values: { key: string; label: LocalizedString }[] }
  | { name: 'Reference'; referenceTypeId: string }
  | { name: 'Set'; elementType: FieldType };

/** One field of a Type. */
export interface FieldDefinition {
  name: string;
  label: LocalizedString;
  required: boolean;
  type: FieldType;
  inputHint?: 'SingleLine' | 'MultiLine';
}

/** A Type as the API answers it. */
export interface TypeRecord {
  id: string;
  version: number;
  createdAt: string;
  lastModifiedAt: string;
  lastModifiedBy: ClientLogging;
  createdBy: ClientLogging;
  key: string;
  name: LocalizedString;
  description?: LocalizedString;
  resourceTypeIds: string[];
  fieldDefinitions: FieldDefinition[];
}

/** A Message as the Messages API answers it: the base fields plus the type's own. */
export interface MessageRecord {
  id: string;
  version: 1;
  createdAt: string;
  lastModifiedAt: string;
  lastModifiedBy: ClientLogging;
  createdBy: ClientLogging;
  sequenceNumber: number;
  resource: Reference;
  resourceVersion: number;
  resourceUserProvidedIdentifiers: Record<string, string>;
  type: string;
  [payload: string]: unknown;
}

/** A Subscription's health status. */
export type SubscriptionHealth =
  | 'Healthy'
  | 'ConfigurationError'
  | 'ConfigurationErrorDeliveryStopped'
  | 'TemporaryError'
  | 'ManuallySuspended';

/** A Subscription destination, as sent. */
export type Destination = { type: string } & Record<string, unknown>;

/** A Subscription as the API answers it. */
export interface SubscriptionRecord {
  id: string;
  version: number;
  createdAt: string;
  lastModifiedAt: string;
  lastModifiedBy: ClientLogging;
  createdBy: ClientLogging;
  key?: string;
  destination: Destination;
  messages: { resourceTypeId: string; types?: string[] }[];
  changes: { resourceTypeId: string }[];
  events: unknown[];
  format: { type: 'Platform' } | { type: 'CloudEvents'; cloudEventsVersion: '1.0' };
  status: SubscriptionHealth;
}
