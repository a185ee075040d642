import {
  money,
  rfc2822,
  type SimHook,
  type SimOrder,
  type SimOrderProduct,
  type SimShipment,
  type SimShippingAddress,
  type SimStore,
} from './state';

/** Renders stored state in the exact shapes the v2/v3 APIs answer with. */

export const link = (base: string, hash: string, resource: string) => ({
  url: `${base}/stores/${hash}/v2${resource}`,
  resource,
});

export function renderProduct(order: SimOrder, product: SimOrderProduct): Record<string, unknown> {
  const totalEx = product.priceExCents * product.quantity;
  const totalInc = product.priceIncCents * product.quantity;
  return {
    id: product.id,
    order_id: order.id,
    product_id: product.product_id,
    variant_id: product.variant_id,
    order_pickup_method_id: 0,
    order_address_id: product.order_address_id,
    name: product.name,
    name_customer: product.name,
    name_merchant: product.name,
    sku: product.sku,
    upc: '',
    type: product.type,
    base_price: money(product.priceExCents),
    price_ex_tax: money(product.priceExCents),
    price_inc_tax: money(product.priceIncCents),
    price_tax: money(product.priceIncCents - product.priceExCents),
    base_total: money(totalEx),
    total_ex_tax: money(totalEx),
    total_inc_tax: money(totalInc),
    total_tax: money(totalInc - totalEx),
    weight: product.weight,
    width: '0.0000',
    height: '0.0000',
    depth: '0.0000',
    quantity: product.quantity,
    base_cost_price: '0.0000',
    // Set once every unit is refunded; partly refunded products show it in quantity_refunded.
    is_refunded: product.quantity_refunded >= product.quantity,
    quantity_refunded: product.quantity_refunded,
    refund_amount: money(product.refundCents),
    return_id: 0,
    wrapping_id: product.wrapping_name ? 1 : 0,
    wrapping_name: product.wrapping_name,
    base_wrapping_cost: '0.0000',
    wrapping_cost_ex_tax: '0.0000',
    wrapping_cost_inc_tax: '0.0000',
    wrapping_message: product.wrapping_message,
    quantity_shipped: product.quantity_shipped,
    event_name: null,
    event_date: null,
    fixed_shipping_cost: '0.0000',
    ebay_item_id: '',
    ebay_transaction_id: '',
    option_set_id: product.options.length > 0 ? 1 : null,
    parent_order_product_id: null,
    is_bundled_product: false,
    bin_picking_number: '',
    external_id: null,
    brand: '',
    applied_discounts: product.coupon
      ? [
          {
            id: 'coupon',
            amount: money(product.coupon.amountCents),
            name: product.coupon.code,
            code: product.coupon.code,
            target: 'order',
          },
        ]
      : [],
    product_options: product.options.map((option, index) => ({
      id: product.id * 100 + index,
      option_id: index + 1,
      order_product_id: product.id,
      product_option_id: index + 100,
      display_name: option.name,
      display_name_customer: option.name,
      display_name_merchant: option.name,
      display_value: option.value,
      display_value_customer: option.value,
      display_value_merchant: option.value,
      value: option.value,
      type: 'Multiple choice',
      name: option.name,
      display_style: 'Dropdown',
    })),
    configurable_fields: [],
    gift_certificate_id: null,
    discounted_total_inc_tax: money(totalInc - (product.coupon?.amountCents ?? 0)),
  };
}

export function itemsOf(order: SimOrder, addressId: number) {
  return order.products.filter((product) => product.order_address_id === addressId);
}

export function renderShippingAddress(
  base: string,
  hash: string,
  order: SimOrder,
  address: SimShippingAddress,
): Record<string, unknown> {
  const items = itemsOf(order, address.id);
  const { costExCents, costIncCents, refundedCents: _refunded, ...fields } = address;
  return {
    ...fields,
    order_id: order.id,
    items_total: items.reduce((sum, item) => sum + item.quantity, 0),
    items_shipped: items.reduce((sum, item) => sum + item.quantity_shipped, 0),
    base_cost: money(costExCents),
    cost_ex_tax: money(costExCents),
    cost_inc_tax: money(costIncCents),
    cost_tax: money(costIncCents - costExCents),
    cost_tax_class_id: 2,
    base_handling_cost: '0.0000',
    handling_cost_ex_tax: '0.0000',
    handling_cost_inc_tax: '0.0000',
    handling_cost_tax: '0.0000',
    handling_cost_tax_class_id: 2,
    shipping_zone_id: 1,
    shipping_zone_name: address.country || 'Default',
    shipping_quotes: link(
      base,
      hash,
      `/orders/${order.id}/shipping_addresses/${address.id}/shipping_quotes`,
    ),
  };
}

const PROVIDER_NAMES: Record<string, string> = {
  usps: 'USPS',
  endicia: 'Endicia',
  ups: 'UPS',
  upsready: 'UPS',
  upsonline: 'UPS',
  fedex: 'FedEx',
  auspost: 'Australia Post',
  canadapost: 'Canada Post',
  royalmail: 'Royal Mail',
  shipperhq: 'ShipperHQ',
};

export function renderShipment(
  store: SimStore,
  order: SimOrder,
  shipment: SimShipment,
): Record<string, unknown> {
  const address = order.addresses.find((candidate) => candidate.id === shipment.order_address_id);
  const { created, ...fields } = shipment;
  const shippingAddress = address
    ? (({
        id: _id,
        shipping_method: _m,
        costExCents: _e,
        costIncCents: _i,
        refundedCents: _r,
        form_fields: _f,
        ...rest
      }) => rest)(address)
    : null;
  const { form_fields: _formFields, ...billing } = order.billing;
  // The real API builds a carrier or AfterShip link; an AfterShip-style one stands in here.
  const generated =
    shipment.tracking_link === '' &&
    shipment.tracking_number !== '' &&
    shipment.tracking_carrier !== ''
      ? `https://${store.hash}.aftership.com/${shipment.tracking_carrier}/${shipment.tracking_number}`
      : '';
  return {
    ...fields,
    customer_id: order.customer_id,
    date_created: rfc2822(created),
    billing_address: billing,
    shipping_address: shippingAddress,
    shipping_provider_display_name: PROVIDER_NAMES[shipment.shipping_provider] ?? '',
    generated_tracking_link: generated,
  };
}

export function renderHook(hook: SimHook): Record<string, unknown> {
  return { ...hook };
}
