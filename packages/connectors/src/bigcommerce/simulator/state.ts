import { createHash } from 'node:crypto';
import { SimInventory } from './inventory-state';
import type { SimDimensionUnit, SimRefund, SimWeightUnit } from './state-records';

export type { SimDimensionUnit, SimRefund, SimWeightUnit } from './state-records';

/** What the simulator keeps per store. Shapes follow the API's field names where they surface. */

export interface SimAddress {
  first_name: string;
  last_name: string;
  company: string;
  street_1: string;
  street_2: string;
  city: string;
  state: string;
  zip: string;
  country: string;
  country_iso2: string;
  phone: string;
  email: string;
}

export interface SimFormField {
  name: string;
  value: string | number | string[];
}

export interface SimOption {
  name: string;
  value: string;
}

export interface SimOrderProduct {
  id: number;
  product_id: number;
  variant_id: number;
  /** 0 for digital products: they ship nowhere. */
  order_address_id: number;
  name: string;
  sku: string;
  type: 'physical' | 'digital';
  quantity: number;
  quantity_shipped: number;
  quantity_refunded: number;
  /** What refunds of this product have paid back so far. */
  refundCents: number;
  priceExCents: number;
  priceIncCents: number;
  weight: string;
  options: SimOption[];
  wrapping_name: string | null;
  wrapping_message: string;
  coupon: { code: string; amountCents: number } | null;
}

export interface SimShippingAddress extends SimAddress {
  id: number;
  shipping_method: string;
  costExCents: number;
  costIncCents: number;
  /** Shipping cost refunded so far (SHIPPING refund items). */
  refundedCents: number;
  form_fields: SimFormField[];
}

export interface SimOrder {
  id: number;
  customer_id: number;
  /** Unix seconds: BigCommerce keeps whole seconds. */
  created: number;
  modified: number;
  shipped: number | null;
  status_id: number;
  billing: SimAddress & { form_fields: SimFormField[] };
  products: SimOrderProduct[];
  addresses: SimShippingAddress[];
  couponCents: number;
  taxInclusive: boolean;
  currency: string;
  payment_method: string;
  /** The gateway that took the payment; refunds are offered through it (see payment-providers.ts). */
  payment_provider: string;
  /** Every refund so far, tax included. */
  refundedCents: number;
  staff_notes: string;
  customer_message: string;
  channel_id: number;
  external_source: string | null;
  is_deleted: boolean;
}

export interface SimShipment {
  id: number;
  order_id: number;
  order_address_id: number;
  created: number;
  tracking_number: string;
  tracking_carrier: string;
  tracking_link: string;
  shipping_provider: string;
  shipping_method: string;
  merchant_shipping_cost: string;
  comments: string;
  items: { order_product_id: number; product_id: number; quantity: number }[];
}

export interface SimHook {
  id: number;
  client_id: string;
  store_hash: string;
  scope: string;
  destination: string;
  is_active: boolean;
  headers: Record<string, string> | null;
  created_at: number;
  updated_at: number;
}

export interface SimStore {
  hash: string;
  /** The numeric store id webhooks carry (as a string). */
  storeId: string;
  clientSecret: string;
  /** access token → the API client it belongs to (hooks are visible to their client only). */
  tokens: Map<string, string>;
  orders: Map<number, SimOrder>;
  shipments: Map<number, SimShipment[]>;
  hooks: Map<number, SimHook>;
  refunds: Map<number, SimRefund>;
  units: { weight: SimWeightUnit; dimension: SimDimensionUnit };
  /** v3 catalog (products, variants) and stock per inventory location. */
  inventory: SimInventory;
}

export interface NewStore {
  hash: string;
  accessToken: string;
  clientSecret: string;
  storeId?: string;
  /** BigCommerce's defaults are ounces and inches. */
  weightUnit?: SimWeightUnit;
  dimensionUnit?: SimDimensionUnit;
}

/** A client id derived from the token, 31 lowercase characters like BigCommerce's. */
export function clientIdFor(token: string): string {
  return createHash('sha1').update(token).digest('hex').slice(0, 31);
}

export class BigCommerceSimState {
  readonly stores = new Map<string, SimStore>();
  private counters = {
    order: 100,
    product: 1,
    address: 1,
    shipment: 1,
    hook: 22_561_593,
    store: 1_025_646,
    refund: 1,
    refundPayment: 1,
  };

  constructor(readonly now: () => number = Date.now) {}

  /** Unix seconds now. */
  nowSec(): number {
    return Math.floor(this.now() / 1_000);
  }

  /** Registers a store, or adds a token / replaces the secret (and units given) of an existing one. */
  addStore(input: NewStore): SimStore {
    const existing = this.stores.get(input.hash);
    if (existing) {
      existing.tokens.set(input.accessToken, clientIdFor(input.accessToken));
      existing.clientSecret = input.clientSecret;
      if (input.weightUnit) existing.units.weight = input.weightUnit;
      if (input.dimensionUnit) existing.units.dimension = input.dimensionUnit;
      return existing;
    }
    const store: SimStore = {
      hash: input.hash,
      storeId: input.storeId ?? String(this.counters.store++),
      clientSecret: input.clientSecret,
      tokens: new Map([[input.accessToken, clientIdFor(input.accessToken)]]),
      orders: new Map(),
      shipments: new Map(),
      hooks: new Map(),
      refunds: new Map(),
      units: { weight: input.weightUnit ?? 'Ounces', dimension: input.dimensionUnit ?? 'Inches' },
      inventory: new SimInventory(this.now),
    };
    this.stores.set(input.hash, store);
    return store;
  }

  nextId(
    kind: 'order' | 'product' | 'address' | 'shipment' | 'hook' | 'refund' | 'refundPayment',
  ): number {
    return this.counters[kind]++;
  }

  /** Keeps explicit order ids from colliding with generated ones. */
  reserveOrderId(id: number): void {
    if (id >= this.counters.order) this.counters.order = id + 1;
  }

  reset(): void {
    this.stores.clear();
    this.counters = {
      order: 100,
      product: 1,
      address: 1,
      shipment: 1,
      hook: 22_561_593,
      store: 1_025_646,
      refund: 1,
      refundPayment: 1,
    };
  }
}

/** Money in the API's four-decimal string form, from integer cents. */
export function money(cents: number): string {
  return (Math.round(cents) / 100).toFixed(4);
}

/** Cents from a decimal string or number ("12.5", 12.5, "12.5000"). */
export function toCents(value: string | number): number {
  return Math.round(Number(value) * 100);
}

/** RFC-2822 in UTC, as the v2 API prints dates (`Tue, 05 Mar 2019 21:40:11 +0000`). */
export function rfc2822(seconds: number | null): string {
  if (seconds === null) return '';
  return new Date(seconds * 1_000).toUTCString().replace('GMT', '+0000');
}
