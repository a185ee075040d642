/**
 * ShipHero's input types for the simulated mutations, complete: any input ShipHero accepts
 * validates here.
 */
export const SHIPHERO_INPUTS_SDL = /* GraphQL */ `
  input ReplaceInventoryInput {
    customer_account_id: String
    sku: String!
    warehouse_id: String!
    quantity: Int!
    reason: String
    location_id: String
    includes_non_sellable: Boolean
  }

  input CreateOrderInput {
    customer_account_id: String
    order_number: String
    partner_order_id: String
    shop_name: String
    fulfillment_status: String
    order_date: ISODateTime
    total_tax: String
    subtotal: String
    total_discounts: String
    total_price: String
    box_name: String
    currency: String
    ready_to_ship: Boolean
    insurance_amount: Decimal
    shipping_lines: CreateShippingLinesInput
    shipping_address: CreateOrderAddressInput!
    billing_address: CreateOrderAddressInput
    from_name: String
    note_attributes: [OrderNoteAttributeInput]
    tags: [String]
    line_items: [CreateLineItemInput]
    gift_note: String
    gift_invoice: Boolean
    require_signature: Boolean
    adult_signature_required: Boolean
    alcohol: Boolean
    insurance: Boolean
    allow_partial: Boolean
    allow_split: Boolean
    custom_invoice_url: String
    email: String
    profile: String
    packing_note: String
    required_ship_date: ISODateTime
    auto_print_return_label: Boolean
    hold_until_date: ISODateTime
    incoterms: String
    tax_id: String
    tax_type: String
    flagged: Boolean
    saturday_delivery: Boolean
    ignore_address_validation_errors: Boolean
    skip_address_validation: Boolean
    priority_flag: Boolean
    allocation_priority: Int
    holds: HoldsInput
    dry_ice_weight_in_lbs: String
    ftr_exemption: Decimal
    address_is_business: Boolean
  }

  input CreateShippingLinesInput {
    title: String!
    price: String!
    carrier: String
    method: String
  }

  input CreateOrderAddressInput {
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

  input OrderNoteAttributeInput {
    name: String
    value: String
  }

  input CreateLineItemInput {
    sku: String!
    partner_line_item_id: String!
    quantity: Int!
    price: String!
    product_name: String
    option_title: String
    fulfillment_status: String
    quantity_pending_fulfillment: Int
    custom_options: GenericScalar
    custom_barcode: String
    eligible_for_return: Boolean
    customs_value: String
    barcode: String
    warehouse_id: String
  }

  input HoldsInput {
    payment_hold: Boolean
    operator_hold: Boolean
    fraud_hold: Boolean
    address_hold: Boolean
    client_hold: Boolean
  }

  input CancelOrderInput {
    customer_account_id: String
    order_id: String!
    reason: String
    void_on_platform: Boolean
    force: Boolean
  }

  input UpdateOrderFulfillmentStatusInput {
    customer_account_id: String
    order_id: String!
    fulfillment_status: String!
    remove_inventory: Boolean
    reason: String
    void_on_platform: Boolean
  }

  input UserNoteInput {
    source: String
    message: String
  }

  input UpdateOrderInput {
    customer_account_id: String
    order_id: String!
    order_number: String
    partner_order_id: String
    fulfillment_status: String
    order_date: ISODateTime
    total_tax: String
    subtotal: String
    total_discounts: String
    total_price: String
    box_name: String
    ready_to_ship: Boolean
    insurance_amount: Decimal
    required_ship_date: ISODateTime
    allocation_priority: Int
    shipping_lines: CreateShippingLinesInput
    shipping_address: CreateOrderAddressInput
    billing_address: CreateOrderAddressInput
    profile: String
    packing_note: String
    note_attributes: [OrderNoteAttributeInput]
    tags: [String]
    gift_note: String
    gift_invoice: Boolean
    require_signature: Boolean
    adult_signature_required: Boolean
    alcohol: Boolean
    insurance: Boolean
    allow_partial: Boolean
    allow_split: Boolean
    priority_flag: Boolean
    hold_until_date: ISODateTime
    incoterms: String
    tax_id: String
    tax_type: String
    history_entry: UserNoteInput
    ignore_address_validation_errors: Boolean
    skip_address_validation: Boolean
    custom_invoice_url: String
    auto_print_return_label: Boolean
    dry_ice_weight_in_lbs: String
    ftr_exemption: Decimal
    address_is_business: Boolean
  }

  input UpdateOrderHoldsInput {
    customer_account_id: String
    order_id: String!
    payment_hold: Boolean
    operator_hold: Boolean
    fraud_hold: Boolean
    address_hold: Boolean
    client_hold: Boolean
  }

  input CreateWebhookInput {
    customer_account_id: String
    name: String!
    url: String!
    shop_name: String
  }

  input DeleteWebhookInput {
    customer_account_id: String
    name: String!
    shop_name: String
  }
`;
