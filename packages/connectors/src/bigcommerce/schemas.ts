import { z } from 'zod';
import { count, decimal, text } from './vendor-values';

/*
 * BigCommerce v2/v3 shapes as the API returns them. They tolerate unknown fields and the
 * looseness the spec admits ("Float, Float-As-String, Integer", null where a string is
 * documented); the transforms only normalise, so the parsed value is easy to map.
 */

export * from './catalog-schemas';
export * from './hook-schemas';
export * from './inventory-schemas';
export * from './refund-schemas';
export * from './shipment-schemas';

export const BigCommerceResourceLinkSchema = z
  .object({ url: z.string(), resource: z.string() })
  .loose();
export type BigCommerceResourceLink = z.infer<typeof BigCommerceResourceLinkSchema>;

export const BigCommerceFormFieldSchema = z
  .object({
    name: z.string(),
    value: z.union([z.string(), z.number(), z.boolean(), z.array(z.unknown())]).nullish(),
  })
  .loose();
export type BigCommerceFormField = z.infer<typeof BigCommerceFormFieldSchema>;

const addressFields = {
  first_name: text,
  last_name: text,
  company: text,
  street_1: text,
  street_2: text,
  city: text,
  state: text,
  zip: text,
  country: text,
  country_iso2: text,
  phone: text,
  email: text,
};

export const BigCommerceBillingAddressSchema = z
  .object({ ...addressFields, form_fields: z.array(BigCommerceFormFieldSchema).default([]) })
  .loose();
export type BigCommerceBillingAddress = z.infer<typeof BigCommerceBillingAddressSchema>;

export const BigCommerceProductOptionSchema = z
  .object({
    id: z.number().optional(),
    display_name: text,
    display_value: text,
    display_name_merchant: z.string().nullish(),
    display_value_merchant: z.string().nullish(),
    name: z.string().nullish(),
    value: z.string().nullish(),
    type: z.string().nullish(),
  })
  .loose();
export type BigCommerceProductOption = z.infer<typeof BigCommerceProductOptionSchema>;

export const BigCommerceAppliedDiscountSchema = z
  .object({
    id: z.union([z.string(), z.number()]).nullish(),
    amount: decimal,
    code: z.string().nullish(),
  })
  .loose();

/** An order product; its `id` is the order_product_id that shipments and refunds refer to. */
export const BigCommerceOrderProductSchema = z
  .object({
    id: z.number().int(),
    order_id: z.number().int().optional(),
    product_id: count,
    variant_id: z.number().nullish(),
    order_address_id: count,
    order_pickup_method_id: count,
    name: z.string(),
    name_merchant: z.string().nullish(),
    sku: text,
    type: z.string().default('physical'),
    quantity: z.number().int(),
    quantity_shipped: count,
    quantity_refunded: count,
    base_price: decimal,
    price_ex_tax: decimal,
    price_inc_tax: decimal,
    total_ex_tax: decimal,
    total_inc_tax: decimal,
    weight: decimal,
    width: decimal,
    height: decimal,
    depth: decimal,
    wrapping_name: z.string().nullish(),
    wrapping_message: text,
    parent_order_product_id: z.number().nullish(),
    is_bundled_product: z.boolean().default(false),
    bin_picking_number: text,
    upc: text,
    product_options: z.array(BigCommerceProductOptionSchema).default([]),
    applied_discounts: z.array(BigCommerceAppliedDiscountSchema).default([]),
  })
  .loose();
export type BigCommerceOrderProduct = z.infer<typeof BigCommerceOrderProductSchema>;

/** A shipping address; its `id` is the order_address_id. */
export const BigCommerceShippingAddressSchema = z
  .object({
    id: z.number().int(),
    order_id: z.number().int().optional(),
    ...addressFields,
    form_fields: z.array(BigCommerceFormFieldSchema).default([]),
    shipping_method: text,
    items_total: count,
    items_shipped: count,
    base_cost: decimal,
    cost_ex_tax: decimal,
    cost_inc_tax: decimal,
    cost_tax: decimal,
    handling_cost_ex_tax: decimal,
    handling_cost_inc_tax: decimal,
    shipping_zone_name: text,
  })
  .loose();
export type BigCommerceShippingAddress = z.infer<typeof BigCommerceShippingAddressSchema>;

/** `line_items` hold links with `include=consignments`, whole products with `.line_items`. */
const consignmentLineItems = z
  .union([z.array(BigCommerceOrderProductSchema), z.array(BigCommerceResourceLinkSchema)])
  .default([]);

/** A shipping consignment carries the same id and fields as the shipping address it is. */
export const BigCommerceShippingConsignmentSchema = BigCommerceShippingAddressSchema.extend({
  line_items: consignmentLineItems,
});
export type BigCommerceShippingConsignment = z.infer<typeof BigCommerceShippingConsignmentSchema>;

const otherConsignment = z.object({ line_items: consignmentLineItems }).loose();

/** `include=consignments&consignment_structure=object` (the only structure the spec supports). */
export const BigCommerceConsignmentsSchema = z
  .object({
    shipping: z.array(BigCommerceShippingConsignmentSchema),
    pickups: z.array(otherConsignment).default([]),
    downloads: z.array(otherConsignment).default([]),
    email: z
      .object({ gift_certificates: z.array(otherConsignment).default([]) })
      .loose()
      .default({ gift_certificates: [] }),
  })
  .loose();
export type BigCommerceConsignments = z.infer<typeof BigCommerceConsignmentsSchema>;

export const BigCommerceOrderSchema = z
  .object({
    id: z.number().int(),
    customer_id: count,
    date_created: z.string(),
    date_modified: text,
    date_shipped: text,
    status_id: z.number().int(),
    status: text,
    custom_status: text,
    subtotal_ex_tax: decimal,
    subtotal_inc_tax: decimal,
    subtotal_tax: decimal,
    shipping_cost_ex_tax: decimal,
    shipping_cost_inc_tax: decimal,
    handling_cost_ex_tax: decimal,
    handling_cost_inc_tax: decimal,
    wrapping_cost_ex_tax: decimal,
    wrapping_cost_inc_tax: decimal,
    total_ex_tax: decimal,
    total_inc_tax: decimal,
    total_tax: decimal,
    discount_amount: decimal,
    coupon_discount: decimal,
    refunded_amount: decimal,
    is_tax_inclusive_pricing: z.boolean().default(false),
    items_total: count,
    items_shipped: count,
    payment_method: text,
    payment_status: text,
    currency_code: text,
    default_currency_code: text,
    staff_notes: text,
    customer_message: text,
    shipping_address_count: count,
    is_deleted: z.boolean().default(false),
    channel_id: z.number().nullish(),
    order_source: text,
    external_source: z.string().nullish(),
    external_id: z.string().nullish(),
    external_order_id: z.string().nullish(),
    customer_locale: text,
    billing_address: BigCommerceBillingAddressSchema,
    products: BigCommerceResourceLinkSchema.optional(),
    shipping_addresses: BigCommerceResourceLinkSchema.optional(),
    // A link without `include`, an unsupported array without `consignment_structure=object`.
    consignments: z
      .union([BigCommerceResourceLinkSchema, BigCommerceConsignmentsSchema, z.array(z.unknown())])
      .optional(),
  })
  .loose();
export type BigCommerceOrder = z.infer<typeof BigCommerceOrderSchema>;

/** Everything the order import needs about one order. */
export const BigCommerceOrderBundleSchema = z.object({
  order: BigCommerceOrderSchema,
  products: z.array(BigCommerceOrderProductSchema),
  shippingAddresses: z.array(BigCommerceShippingAddressSchema),
});
export type BigCommerceOrderBundle = z.infer<typeof BigCommerceOrderBundleSchema>;

export const BigCommerceOrderStatusSchema = z
  .object({ id: z.number().int(), name: z.string(), system_label: text, custom_label: text })
  .loose();
export type BigCommerceOrderStatus = z.infer<typeof BigCommerceOrderStatusSchema>;
