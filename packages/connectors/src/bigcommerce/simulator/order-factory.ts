import { z } from 'zod';
import { PAYMENT_PROVIDER_IDS } from './payment-providers';
import {
  toCents,
  type BigCommerceSimState,
  type SimAddress,
  type SimFormField,
  type SimOrder,
  type SimOrderProduct,
  type SimShippingAddress,
} from './state';

/** The compact order description the control API accepts; the factory fills in the rest. */

const amount = z.union([z.string().regex(/^\d+(\.\d+)?$/), z.number().nonnegative()]);

export const SimAddressInputSchema = z
  .object({
    firstName: z.string().min(1),
    lastName: z.string().default(''),
    company: z.string().default(''),
    street1: z.string().min(1),
    street2: z.string().default(''),
    city: z.string().min(1),
    state: z.string().default(''),
    zip: z.string().min(1),
    country: z.string().default('United States'),
    countryIso2: z.string().length(2).default('US'),
    phone: z.string().default(''),
    email: z.string().default(''),
  })
  .strict();
export type SimAddressInput = z.infer<typeof SimAddressInputSchema>;

const FormFieldsSchema = z
  .record(z.string(), z.union([z.string(), z.number(), z.array(z.string())]))
  .default({});

export const SimLineInputSchema = z
  .object({
    sku: z.string(),
    name: z.string().min(1),
    quantity: z.number().int().positive(),
    price: amount.default('10.00'),
    /** In the store's weight unit. */
    weight: amount.default(1),
    productId: z.number().int().nonnegative().optional(),
    variantId: z.number().int().nonnegative().optional(),
    options: z.record(z.string(), z.string()).default({}),
    giftMessage: z.string().optional(),
    giftWrapping: z.string().optional(),
    type: z.enum(['physical', 'digital']).default('physical'),
  })
  .strict();

export const SimShipToInputSchema = SimAddressInputSchema.extend({
  method: z.string().default('Flat Rate'),
  cost: amount.default('10.00'),
  formFields: FormFieldsSchema,
  lines: z.array(SimLineInputSchema).default([]),
}).strict();

export const PlaceOrderSchema = z
  .object({
    id: z.number().int().positive().optional(),
    /** 0 = guest checkout. */
    customerId: z.number().int().nonnegative().default(0),
    billing: SimAddressInputSchema,
    billingFormFields: FormFieldsSchema,
    /** One entry per shipping address; more than one makes a multi-address order. */
    shipTo: z.array(SimShipToInputSchema).optional(),
    /** Shorthand: lines for the first `shipTo`, or for the billing address when there is none. */
    lines: z.array(SimLineInputSchema).default([]),
    shippingMethod: z.string().default('Flat Rate'),
    shippingCost: amount.default('10.00'),
    statusId: z.number().int().min(0).max(14).default(11),
    staffNotes: z.string().default(''),
    customerMessage: z.string().default(''),
    paymentMethod: z.string().default('Credit Card'),
    /** The gateway that took the payment; refunds go back through it. */
    paymentProvider: z.enum(PAYMENT_PROVIDER_IDS).default('testgateway'),
    currency: z.string().length(3).default('USD'),
    channelId: z.number().int().positive().default(1),
    externalSource: z.string().nullable().default(null),
    /** e.g. 0.0825; prices are given without tax unless `taxInclusive`. */
    taxRate: z.number().min(0).max(1).default(0),
    taxInclusive: z.boolean().default(false),
    coupon: z
      .object({ code: z.string().min(1), amount })
      .strict()
      .optional(),
    /** ISO or RFC-2822; defaults to now. */
    dateCreated: z.string().optional(),
  })
  .strict();
export type PlaceOrderInput = z.input<typeof PlaceOrderSchema>;

export function toSimAddress(input: SimAddressInput): SimAddress {
  return {
    first_name: input.firstName,
    last_name: input.lastName,
    company: input.company,
    street_1: input.street1,
    street_2: input.street2,
    city: input.city,
    state: input.state,
    zip: input.zip,
    country: input.country,
    country_iso2: input.countryIso2,
    phone: input.phone,
    email: input.email,
  };
}

const formFields = (record: Record<string, string | number | string[]>): SimFormField[] =>
  Object.entries(record).map(([name, value]) => ({ name, value }));

/** Weight as the API prints it, four decimals. */
const weightString = (value: string | number) => Number(value).toFixed(4);

/** Builds a stored order with realistic ids, prices with and without tax, and totals. */
export function buildOrder(
  state: BigCommerceSimState,
  input: z.output<typeof PlaceOrderSchema>,
): SimOrder | { error: string } {
  const shipTo =
    input.shipTo && input.shipTo.length > 0
      ? input.shipTo
      : [
          SimShipToInputSchema.parse({
            ...input.billing,
            method: input.shippingMethod,
            cost: input.shippingCost,
          }),
        ];
  const withTax = (cents: number) => Math.round(cents * (1 + input.taxRate));
  const withoutTax = (cents: number) => Math.round(cents / (1 + input.taxRate));
  const split = (price: string | number) => {
    const cents = toCents(price);
    return input.taxInclusive
      ? { ex: withoutTax(cents), inc: cents }
      : { ex: cents, inc: withTax(cents) };
  };

  const products: SimOrderProduct[] = [];
  const addresses: SimShippingAddress[] = shipTo.map((target, index) => {
    const addressId = state.nextId('address');
    const lines = index === 0 ? [...input.lines, ...target.lines] : target.lines;
    for (const line of lines) {
      const price = split(line.price);
      products.push({
        id: state.nextId('product'),
        product_id: line.productId ?? 0,
        variant_id: line.variantId ?? 0,
        order_address_id: line.type === 'digital' ? 0 : addressId,
        name: line.name,
        sku: line.sku,
        type: line.type,
        quantity: line.quantity,
        quantity_shipped: 0,
        quantity_refunded: 0,
        refundCents: 0,
        priceExCents: price.ex,
        priceIncCents: price.inc,
        weight: weightString(line.weight),
        options: Object.entries(line.options).map(([name, value]) => ({ name, value })),
        wrapping_name: line.giftWrapping ?? (line.giftMessage ? 'Gift Wrap' : null),
        wrapping_message: line.giftMessage ?? '',
        coupon: null,
      });
    }
    const cost = split(target.cost);
    return {
      ...toSimAddress(target),
      id: addressId,
      shipping_method: target.method,
      costExCents: cost.ex,
      costIncCents: cost.inc,
      refundedCents: 0,
      form_fields: formFields(target.formFields),
    };
  });
  if (products.length === 0) return { error: 'an order needs at least one line' };

  const couponCents = input.coupon ? toCents(input.coupon.amount) : 0;
  const first = products[0];
  if (input.coupon && first) first.coupon = { code: input.coupon.code, amountCents: couponCents };

  const created = input.dateCreated
    ? Math.floor(Date.parse(input.dateCreated) / 1_000)
    : state.nowSec();
  if (!Number.isFinite(created)) return { error: 'dateCreated is not a date' };
  const id = input.id ?? state.nextId('order');
  state.reserveOrderId(id);
  return {
    id,
    customer_id: input.customerId,
    created,
    modified: Math.max(created, state.nowSec()),
    shipped: null,
    status_id: input.statusId,
    billing: { ...toSimAddress(input.billing), form_fields: formFields(input.billingFormFields) },
    products,
    addresses,
    couponCents,
    taxInclusive: input.taxInclusive,
    currency: input.currency.toUpperCase(),
    payment_method: input.paymentMethod,
    payment_provider: input.paymentProvider,
    refundedCents: 0,
    staff_notes: input.staffNotes,
    customer_message: input.customerMessage,
    channel_id: input.channelId,
    external_source: input.externalSource,
    is_deleted: false,
  };
}
