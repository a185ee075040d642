import { BIGCOMMERCE_ORDER_STATUSES, type BigCommerceStatusId } from '../statuses';
import { itemsOf, link, renderProduct, renderShippingAddress } from './render';
import { money, rfc2822, type SimOrder, type SimOrderProduct, type SimStore } from './state';
import { orderTotals, paymentStatus } from './totals';

/** The v2 order as `GET /v2/orders/{id}` answers it, consignments included on request. */

export function statusLabel(statusId: number): string {
  return Object.hasOwn(BIGCOMMERCE_ORDER_STATUSES, statusId)
    ? BIGCOMMERCE_ORDER_STATUSES[statusId as BigCommerceStatusId].label
    : 'Unknown';
}

export interface ConsignmentView {
  /** `consignments.line_items` embeds whole products; plain `consignments` links them. */
  lineItems: boolean;
  /** Without `consignment_structure=object` the (unspecified) legacy array form is returned. */
  object: boolean;
}

const CONSIGNMENT_NUMBERS = [
  'base_cost',
  'cost_ex_tax',
  'cost_inc_tax',
  'cost_tax',
  'base_handling_cost',
  'handling_cost_ex_tax',
  'handling_cost_inc_tax',
  'handling_cost_tax',
] as const;

function renderConsignments(
  base: string,
  hash: string,
  order: SimOrder,
  view: ConsignmentView,
): unknown {
  const lineItems = (products: SimOrderProduct[]) =>
    products.map((product) =>
      view.lineItems
        ? renderProduct(order, product)
        : link(base, hash, `/orders/${order.id}/products/${product.id}`),
    );
  const digital = order.products.filter((product) => product.type === 'digital');
  const consignments = {
    pickups: [],
    shipping: order.addresses.map((address) => {
      const rendered = renderShippingAddress(base, hash, order, address);
      delete rendered.order_id;
      // Consignments print costs as JSON numbers, unlike the shipping-address endpoint.
      for (const field of CONSIGNMENT_NUMBERS) rendered[field] = Number(rendered[field]);
      return { ...rendered, line_items: lineItems(itemsOf(order, address.id)) };
    }),
    downloads:
      digital.length > 0
        ? [{ recipient_email: order.billing.email, line_items: lineItems(digital) }]
        : [],
    email: { gift_certificates: [] },
  };
  return view.object ? consignments : [consignments];
}

export function renderOrder(
  base: string,
  store: SimStore,
  order: SimOrder,
  consignments?: ConsignmentView,
): Record<string, unknown> {
  const { subtotalEx, subtotalInc, shippingEx, shippingInc, tax, totalEx } = orderTotals(order);
  const label = statusLabel(order.status_id);
  return {
    id: order.id,
    customer_id: order.customer_id,
    date_created: rfc2822(order.created),
    date_modified: rfc2822(order.modified),
    date_shipped: rfc2822(order.shipped),
    status_id: order.status_id,
    status: label,
    custom_status: label,
    subtotal_ex_tax: money(subtotalEx),
    subtotal_inc_tax: money(subtotalInc),
    subtotal_tax: money(subtotalInc - subtotalEx),
    base_shipping_cost: money(shippingEx),
    shipping_cost_ex_tax: money(shippingEx),
    shipping_cost_inc_tax: money(shippingInc),
    shipping_cost_tax: money(shippingInc - shippingEx),
    shipping_cost_tax_class_id: 2,
    base_handling_cost: '0.0000',
    handling_cost_ex_tax: '0.0000',
    handling_cost_inc_tax: '0.0000',
    handling_cost_tax: '0.0000',
    handling_cost_tax_class_id: 2,
    base_wrapping_cost: '0.0000',
    wrapping_cost_ex_tax: '0.0000',
    wrapping_cost_inc_tax: '0.0000',
    wrapping_cost_tax: '0.0000',
    wrapping_cost_tax_class_id: 3,
    total_ex_tax: money(totalEx),
    total_inc_tax: money(totalEx + tax),
    total_tax: money(tax),
    is_tax_inclusive_pricing: order.taxInclusive,
    items_total: order.products.reduce((total, product) => total + product.quantity, 0),
    items_shipped: order.products.reduce((total, product) => total + product.quantity_shipped, 0),
    payment_method: order.payment_method,
    payment_provider_id: '',
    payment_status: paymentStatus(order),
    refunded_amount: money(order.refundedCents),
    order_is_digital: order.products.every((product) => product.type === 'digital'),
    store_credit_amount: '0.0000',
    gift_certificate_amount: '0.0000',
    ip_address: '',
    ip_address_v6: '',
    geoip_country: '',
    geoip_country_iso2: '',
    currency_id: 1,
    currency_code: order.currency,
    currency_exchange_rate: '1.0000000000',
    default_currency_id: 1,
    default_currency_code: order.currency,
    staff_notes: order.staff_notes,
    customer_message: order.customer_message,
    discount_amount: '0.0000',
    coupon_discount: money(order.couponCents),
    shipping_address_count: order.addresses.length,
    is_deleted: order.is_deleted,
    ebay_order_id: '0',
    cart_id: '',
    billing_address: order.billing,
    is_email_opt_in: false,
    credit_card_type: null,
    order_source: 'www',
    channel_id: order.channel_id,
    external_source: order.external_source,
    external_id: null,
    external_merchant_id: null,
    tax_provider_id: 'BasicTaxProvider',
    store_default_currency_code: order.currency,
    store_default_to_transactional_exchange_rate: '1.0000000000',
    customer_locale: 'en',
    external_order_id: '',
    products: link(base, store.hash, `/orders/${order.id}/products`),
    shipping_addresses: link(base, store.hash, `/orders/${order.id}/shipping_addresses`),
    coupons: link(base, store.hash, `/orders/${order.id}/coupons`),
    consignments: consignments
      ? renderConsignments(base, store.hash, order, consignments)
      : link(base, store.hash, `/orders/${order.id}/consignments`),
  };
}
