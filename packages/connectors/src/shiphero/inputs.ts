/**
 * The mutation inputs the hub sends, as ShipHero's schema names them (CreateOrderInput,
 * UpdateOrderInput, …): only the fields the hub fills. Money is a string, as ShipHero wants it.
 */
export interface ShipHeroAddressInput {
  first_name?: string;
  last_name?: string;
  company?: string;
  address1?: string;
  address2?: string;
  city?: string;
  state?: string;
  state_code?: string;
  zip?: string;
  country?: string;
  country_code?: string;
  email?: string;
  phone?: string;
}

export interface ShipHeroLineItemInput {
  sku: string;
  partner_line_item_id: string;
  quantity: number;
  price: string;
  product_name?: string;
  option_title?: string;
}

export interface ShipHeroNoteAttributeInput {
  name: string;
  value: string;
}

export interface ShipHeroCreateOrderInput {
  order_number: string;
  partner_order_id: string;
  shop_name: string;
  fulfillment_status: string;
  order_date?: string;
  total_tax?: string;
  subtotal?: string;
  total_discounts?: string;
  total_price?: string;
  currency?: string;
  shipping_lines?: { title: string; price: string; carrier?: string; method?: string };
  shipping_address: ShipHeroAddressInput;
  billing_address?: ShipHeroAddressInput;
  note_attributes?: ShipHeroNoteAttributeInput[];
  tags?: string[];
  line_items: ShipHeroLineItemInput[];
  gift_note?: string;
  packing_note?: string;
  email?: string;
  required_ship_date?: string;
  hold_until_date?: string;
}

/** What `order_update` takes: no line items, and no shop, currency or e-mail once created. */
export type ShipHeroUpdateOrderInput = Partial<
  Omit<
    ShipHeroCreateOrderInput,
    'line_items' | 'shipping_address' | 'shop_name' | 'currency' | 'email'
  >
> & {
  order_id: string;
  shipping_address?: ShipHeroAddressInput;
};

export interface ShipHeroHoldsInput {
  order_id: string;
  payment_hold?: boolean;
  operator_hold?: boolean;
  fraud_hold?: boolean;
  address_hold?: boolean;
  client_hold?: boolean;
}
