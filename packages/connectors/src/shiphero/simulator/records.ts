/** What the simulator keeps per entity; the GraphQL views in `views.ts` render these. */

export interface AccountRecord {
  id: string;
  legacy_id: number;
  email: string;
  username: string;
  password: string;
  /** A developer user's company name, shown as the warehouses' company. */
  company_name: string;
}

export interface WarehouseRecord {
  id: string;
  legacy_id: number;
  account_id: string;
  identifier: string;
  company_name: string;
}

/** Weight and dimensions as ShipHero keeps them: decimal strings in the account's units. */
export interface DimensionsRecord {
  weight: string;
  height: string;
  width: string;
  length: string;
}

export interface ProductRecord {
  id: string;
  legacy_id: number;
  account_id: string;
  sku: string;
  name: string;
  barcode: string | null;
  dimensions: DimensionsRecord;
  /** Every other product input field, kept as given (tariff_code, customs_value, tags, …). */
  fields: Record<string, unknown>;
  created_at: number;
  updated_at: number;
}

/** ShipHero's WarehouseProduct: one SKU's stock in one warehouse. */
export interface StockRecord {
  id: string;
  legacy_id: number;
  account_id: string;
  sku: string;
  warehouse_id: string;
  on_hand: number;
  created_at: number;
  updated_at: number;
}

export interface Holds {
  fraud_hold: boolean;
  address_hold: boolean;
  shipping_method_hold: boolean;
  operator_hold: boolean;
  payment_hold: boolean;
  client_hold: boolean;
}

export interface LineItemRecord {
  id: string;
  legacy_id: number;
  order_id: string;
  sku: string;
  partner_line_item_id: string;
  quantity: number;
  quantity_pending_fulfillment: number;
  quantity_shipped: number;
  fulfillment_status: string;
  /** Where it ships from: its own `warehouse_id` input, else the order's warehouse. */
  warehouse_id: string;
  /** Every other CreateLineItemInput field, kept as given (price, product_name, barcode, …). */
  fields: Record<string, unknown>;
  created_at: number;
  updated_at: number;
}

export interface OrderRecord {
  id: string;
  legacy_id: number;
  account_id: string;
  /** The warehouse that fulfils it: the first line item's `warehouse_id`, else the first one. */
  warehouse_id: string;
  shop_name: string;
  order_number: string;
  partner_order_id: string | null;
  fulfillment_status: string;
  order_date: number;
  required_ship_date: number | null;
  tags: string[];
  holds: Holds;
  line_items: LineItemRecord[];
  /** Every other order input field, kept as given (totals, addresses, shipping_lines, notes, …). */
  fields: Record<string, unknown>;
  history: { source: string | null; message: string | null; at: number }[];
  created_at: number;
  updated_at: number;
}

export interface ShippingLabelRecord {
  id: string;
  legacy_id: number;
  package_number: number;
  carrier: string;
  shipping_method: string;
  shipping_name: string;
  tracking_number: string;
  tracking_url: string | null;
  cost: string;
  created_date: number;
}

export interface ShippedLineItemRecord {
  id: string;
  legacy_id: number;
  line_item_id: string;
  shipping_label_id: string;
  quantity: number;
}

export interface ShipmentRecord {
  id: string;
  legacy_id: number;
  account_id: string;
  order_id: string;
  warehouse_id: string;
  shipped_off_shiphero: boolean;
  created_date: number;
  labels: ShippingLabelRecord[];
  line_items: ShippedLineItemRecord[];
}

export interface WebhookRecord {
  id: string;
  legacy_id: number;
  account_id: string;
  name: string;
  url: string;
  shop_name: string;
  shared_signature_secret: string;
}

export interface ReturnItemRecord {
  id: string;
  legacy_id: number;
  line_item: LineItemRecord;
  quantity: number;
  condition: string;
}

export interface ReturnRecord {
  id: string;
  legacy_id: number;
  order_id: string;
  status: string;
  reason: string;
  line_items: {
    id: string;
    legacy_id: number;
    line_item: LineItemRecord;
    quantity: number;
    condition: string;
  }[];
  created_at: number;
}
