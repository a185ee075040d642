import {
  CanonicalOrderSchema,
  sumMoney,
  type Address,
  type CanonicalOrder,
  type Destination,
  type OrderLine,
} from '@shiplink/domain';
import { PermanentError } from '@shiplink/errors';
import type {
  BigCommerceBillingAddress,
  BigCommerceFormField,
  BigCommerceOrderBundle,
  BigCommerceOrderProduct,
} from './schemas';
import { bigCommerceOrderStatus } from './statuses';

// The status table and the shipment body are part of the mapping surface.
export * from './shipment-mapping';
export * from './statuses';

export type BigCommerceWeightUnit = 'lbs' | 'oz' | 'kg' | 'g';
const GRAMS_PER_UNIT: Record<BigCommerceWeightUnit, number> = {
  lbs: 453.59237,
  oz: 28.349523125,
  kg: 1_000,
  g: 1,
};

/** Weights are in the store's unit (a store setting, not in the order). */
export function bigCommerceWeightToGrams(
  weight: string,
  unit: BigCommerceWeightUnit,
): number | null {
  const value = Number(weight);
  if (weight.trim() === '' || !Number.isFinite(value) || value < 0) return null;
  return Math.round(value * GRAMS_PER_UNIT[unit] * 1_000) / 1_000;
}

/** RFC-2822 (`Tue, 05 Mar 2019 21:40:11 +0000`) or ISO → ISO-8601 UTC; `""` → null. */
export function bigCommerceDateToIso(value: string): string | null {
  if (value.trim() === '') return null;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

const orNull = (value: string | null | undefined): string | null => {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
};

type AddressLike = Pick<
  BigCommerceBillingAddress,
  | 'first_name'
  | 'last_name'
  | 'company'
  | 'street_1'
  | 'street_2'
  | 'city'
  | 'state'
  | 'zip'
  | 'country_iso2'
  | 'phone'
  | 'email'
>;

function toAddress(address: AddressLike): Address {
  const iso2 = address.country_iso2.trim().toUpperCase();
  return {
    name: [address.first_name, address.last_name]
      .map((part) => part.trim())
      .filter(Boolean)
      .join(' '),
    company: orNull(address.company),
    street1: address.street_1.trim(),
    street2: orNull(address.street_2),
    city: address.city.trim(),
    state: orNull(address.state),
    postalCode: orNull(address.zip),
    country: iso2.length === 2 ? iso2 : null,
    phone: orNull(address.phone),
    email: orNull(address.email),
  };
}

function formValue(value: BigCommerceFormField['value']): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map((item) => String(item)).join(', ');
  return String(value);
}

function toLine(
  product: BigCommerceOrderProduct,
  taxInclusive: boolean,
  unit: BigCommerceWeightUnit,
): OrderLine | null {
  // What the customer still expects: refunded units are not sent, shipped ones stay counted.
  const quantity = Math.max(product.quantity - product.quantity_refunded, product.quantity_shipped);
  if (quantity <= 0) return null;
  const options = product.product_options.map((option) => ({
    name: option.display_name || option.name || '',
    value: option.display_value,
  }));
  if (product.wrapping_name) options.push({ name: 'Gift wrapping', value: product.wrapping_name });
  return {
    externalId: String(product.id),
    addressExternalId: String(product.order_address_id),
    productExternalId: product.product_id > 0 ? String(product.product_id) : null,
    sku: product.sku,
    name: product.name,
    quantity,
    quantityShipped: Math.min(product.quantity_shipped, quantity),
    unitPrice: taxInclusive ? product.price_inc_tax : product.price_ex_tax,
    weightGrams: bigCommerceWeightToGrams(product.weight, unit),
    options,
    giftMessage: orNull(product.wrapping_message),
  };
}

function customFieldsOf(bundle: BigCommerceOrderBundle): Record<string, string> {
  const { order } = bundle;
  const fields: Record<string, string> = {};
  const put = (key: string, value: string | number | null | undefined) => {
    const text = value === null || value === undefined ? '' : String(value).trim();
    if (text !== '' && fields[key] === undefined) fields[key] = text;
  };
  // Values a merchant may route on or copy into fulfilment fields; personal data (IP, geo) stays out.
  put('order.payment_method', order.payment_method);
  put('order.customer_message', order.customer_message);
  put('order.staff_notes', order.staff_notes);
  put('order.external_source', order.external_source);
  put('order.external_order_id', order.external_order_id);
  put('order.order_source', order.order_source);
  put('order.channel_id', order.channel_id);
  put('order.customer_locale', order.customer_locale);
  const coupons = new Set(
    bundle.products.flatMap((product) =>
      product.applied_discounts.map((discount) => discount.code ?? ''),
    ),
  );
  coupons.delete('');
  put('order.coupon_codes', [...coupons].join(', '));
  for (const field of order.billing_address.form_fields)
    put(`form.${field.name}`, formValue(field.value));
  // Checkout fields on a shipping address (pickup point ids…): by name, and by address when split.
  const split = bundle.shippingAddresses.length > 1;
  for (const address of bundle.shippingAddresses) {
    for (const field of address.form_fields) {
      put(`shipping.${field.name}`, formValue(field.value));
      if (split) put(`shipping.${address.id}.${field.name}`, formValue(field.value));
    }
  }
  return fields;
}

/**
 * A BigCommerce order (with its products and shipping addresses) as the canonical order.
 * Amounts follow the store's tax display: tax-inclusive stores give prices with tax, others
 * without; `totals.tax` is always the order's tax and `totals.total` what the customer paid.
 * Digital products, gift certificates and pickup items have no shipping address and are not lines.
 */
export function toCanonicalOrder(
  bundle: BigCommerceOrderBundle,
  options: { weightUnit: BigCommerceWeightUnit },
): CanonicalOrder {
  const { order } = bundle;
  const details = { provider: 'bigcommerce', reason: 'bigcommerce.unmappable_order' };
  const createdAt = bigCommerceDateToIso(order.date_created);
  if (!createdAt) throw new PermanentError(`order ${order.id} has no valid date_created`, details);
  if (bundle.shippingAddresses.length === 0) {
    throw new PermanentError(`order ${order.id} has no shipping address`, {
      ...details,
      reason: 'bigcommerce.no_shipping_address',
    });
  }
  const taxInclusive = order.is_tax_inclusive_pricing;
  const destinations: Destination[] = bundle.shippingAddresses.map((address) => ({
    addressExternalId: String(address.id),
    shipTo: toAddress(address),
    shippingMethod: orNull(address.shipping_method),
    shippingCost: taxInclusive ? address.cost_inc_tax : address.cost_ex_tax,
  }));
  const addressIds = new Set(bundle.shippingAddresses.map((address) => address.id));
  const lines = bundle.products
    .filter((product) => product.type === 'physical' && addressIds.has(product.order_address_id))
    .map((product) => toLine(product, taxInclusive, options.weightUnit))
    .filter((line): line is OrderLine => line !== null);
  const billTo = toAddress(order.billing_address);
  const status = bigCommerceOrderStatus(order.status_id, {
    itemsShipped: order.items_shipped,
    itemsTotal: order.items_total,
    isDeleted: order.is_deleted,
  });

  const candidate: CanonicalOrder = {
    externalId: String(order.id),
    orderNumber: String(order.id),
    storeStatusId: order.status_id,
    storeStatus: order.custom_status || order.status || status.label,
    status: status.status,
    createdAt,
    modifiedAt: bigCommerceDateToIso(order.date_modified) ?? createdAt,
    currency: (order.default_currency_code || order.currency_code).toUpperCase(),
    customer: {
      externalId: order.customer_id > 0 ? String(order.customer_id) : null,
      email: billTo.email,
      name: billTo.name || destinations[0]?.shipTo.name || '',
    },
    billTo,
    destinations,
    lines,
    totals: {
      subtotal: taxInclusive ? order.subtotal_inc_tax : order.subtotal_ex_tax,
      shipping: taxInclusive ? order.shipping_cost_inc_tax : order.shipping_cost_ex_tax,
      tax: order.total_tax,
      discount: sumMoney(order.discount_amount, order.coupon_discount),
      total: order.total_inc_tax,
    },
    paymentMethod: orNull(order.payment_method),
    notes: { customer: orNull(order.customer_message), staff: orNull(order.staff_notes) },
    customFields: customFieldsOf(bundle),
  };
  const parsed = CanonicalOrderSchema.safeParse(candidate);
  if (!parsed.success) {
    const issues = parsed.error.issues
      .slice(0, 3)
      .map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new PermanentError(`order ${order.id} does not map: ${issues.join('; ')}`, details);
  }
  return parsed.data;
}
