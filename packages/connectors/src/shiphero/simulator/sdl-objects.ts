/**
 * ShipHero's entities, pruned to the fields the simulator answers (names, types and
 * nullability exactly as in ShipHero's schema).
 */
export const SHIPHERO_OBJECTS_SDL = /* GraphQL */ `
  type Account {
    id: String
    legacy_id: Int
    email: String
    username: String
    status: String
    is_multi_warehouse: Boolean
    is_3pl: Boolean
    warehouses: [Warehouse]
  }

  type Warehouse {
    id: String
    legacy_id: Int
    account_id: String
    identifier: String
    company_name: String
  }

  scalar ISODateTime

  type WarehouseProduct {
    id: String
    legacy_id: Int
    account_id: String
    sku: String
    warehouse_id: String
    warehouse_identifier: String
    on_hand: Int
    backorder: Int
    allocated: Int
    available: Int
    created_at: ISODateTime
    updated_at: ISODateTime
    product: Product
  }

  type LegacyId {
    legacy_id: Int
    id: String
  }

  enum EntityType {
    Account
    User
    Warehouse
    PurchaseOrder
    Order
    LineItem
    Return
    Product
    Bin
    LocationType
    PurchaseOrderLineItem
    ReturnItem
    Shipment
    ShippedLineItem
    WarehouseProduct
    Vendor
    Tote
  }

  type Order {
    id: String
    legacy_id: Int
    order_number: String
    partner_order_id: String
    shop_name: String
    fulfillment_status: String
    order_date: ISODateTime
    total_tax: String
    subtotal: String
    total_discounts: String
    total_price: String
    account_id: String
    updated_at: ISODateTime
    email: String
    profile: String
    gift_note: String
    packing_note: String
    required_ship_date: ISODateTime
    shipping_lines: ShippingLines
    shipping_address: OrderAddress
    billing_address: OrderAddress
    tags: [String]
    line_items(
      sort: String
      search: GenericScalar
      before: String
      after: String
      first: Int
      last: Int
    ): LineItemQuerySpecConnection
    holds: OrderHolds
    shipments: [Shipment]
    allow_partial: Boolean
    currency: String
    allow_split: Boolean
  }

  type ShippingLines {
    title: String
    carrier: String
    method: String
    price: String
  }

  type OrderAddress {
    first_name: String
    last_name: String
    company: String
    address1: String
    address2: String
    city: String
    state: String
    state_code: String
    zip: String
    country: String
    country_code: String
    email: String
    phone: String
  }

  type LineItem {
    id: String
    legacy_id: Int
    sku: String
    partner_line_item_id: String
    quantity: Int
    price: String
    product_name: String
    option_title: String
    fulfillment_status: String
    quantity_pending_fulfillment: Int
    quantity_shipped: Int
    quantity_allocated: Int
    backorder_quantity: Int
    barcode: String
    created_at: ISODateTime
    updated_at: ISODateTime
    order_id: String
  }

  scalar GenericScalar

  type OrderHolds {
    fraud_hold: Boolean
    address_hold: Boolean
    shipping_method_hold: Boolean
    operator_hold: Boolean
    payment_hold: Boolean
    client_hold: Boolean
  }

  type Shipment {
    id: String
    legacy_id: Int
    order_id: String
    warehouse_id: String
    shipped_off_shiphero: Boolean
    completed: Boolean
    created_date: ISODateTime
    line_items(
      sort: String
      before: String
      after: String
      first: Int
      last: Int
    ): ShipmentLineItemConnection
    shipping_labels: [ShippingLabel]
    warehouse: Warehouse
    order: Order
    total_packages: Int
  }

  type ShipmentLineItem {
    id: String
    legacy_id: Int
    line_item_id: String
    shipment_id: String
    shipping_label_id: String
    quantity: Int
    line_item: LineItem
  }

  type ShippingLabel {
    id: String
    legacy_id: Int
    account_id: String
    shipment_id: String
    order_id: String
    status: String
    tracking_number: String
    order_number: String
    carrier: String
    shipping_name: String
    shipping_method: String
    cost: String
    warehouse: String
    warehouse_id: String
    created_date: ISODateTime
    tracking_url: String
    package_number: Int
  }

  scalar Decimal

  type Webhook {
    id: String
    legacy_id: Int
    account_id: String
    shop_name: String
    name: String
    url: String
    source: String
    shared_signature_secret: String
  }
`;
