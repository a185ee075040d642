import { z } from 'zod';
import { count, text } from './vendor-values';

/** orders.v3 payment actions: refund quotes and refunds, requests and answers. */

/** Money as the v3 API prints it: a number, tolerated as a decimal string. */
const amount = z.union([
  z.number(),
  z
    .string()
    .regex(/^-?\d+(\.\d+)?$/)
    .transform(Number),
]);
const reason = z.string().max(1000);
const id = z.number().int().positive();

/**
 * What a refund gives back: PRODUCT (and GIFT_WRAPPING) by order product id and quantity;
 * SHIPPING and HANDLING by order address id, ORDER by the order id, TAX and FEE, by amount.
 */
export const BigCommerceRefundItemRequestSchema = z.discriminatedUnion('item_type', [
  z.object({
    item_type: z.enum(['PRODUCT', 'GIFT_WRAPPING']),
    item_id: id,
    quantity: z.number().int().positive(),
    reason: reason.optional(),
  }),
  z.object({
    item_type: z.enum(['ORDER', 'SHIPPING', 'HANDLING', 'TAX', 'FEE']),
    item_id: id,
    amount: z.number().positive(),
    reason: reason.optional(),
  }),
]);
export type BigCommerceRefundItemRequest = z.infer<typeof BigCommerceRefundItemRequestSchema>;

/** One payment of a refund: the provider of one of the quote's refund methods, its amount. */
export const BigCommerceRefundPaymentRequestSchema = z.object({
  provider_id: z.string().min(1),
  amount: z.number().nonnegative(),
  offline: z.boolean(),
});
export type BigCommerceRefundPaymentRequest = z.infer<typeof BigCommerceRefundPaymentRequestSchema>;

/** `reason` is put on the items that have none: the request body has a reason per item. */
export const BigCommerceRefundCreateSchema = z.object({
  items: z.array(BigCommerceRefundItemRequestSchema).min(1),
  payments: z.array(BigCommerceRefundPaymentRequestSchema).min(1),
  reason: reason.optional(),
});
export type BigCommerceRefundCreate = z.infer<typeof BigCommerceRefundCreateSchema>;

export const BigCommercePaymentOptionSchema = z
  .object({
    provider_id: z.string(),
    provider_description: text,
    amount,
    offline: z.boolean().default(false),
    offline_provider: z.boolean().default(false),
    offline_reason: text,
  })
  .loose();
export type BigCommercePaymentOption = z.infer<typeof BigCommercePaymentOptionSchema>;

/** `refund_methods` holds alternatives, each a list of payments that together pay the total. */
export const BigCommerceRefundQuoteSchema = z
  .object({
    order_id: z.number().int().optional(),
    total_refund_amount: amount,
    total_refund_tax_amount: amount.default(0),
    order_level_refund_amount: amount.optional(),
    rounding: amount.default(0),
    adjustment: amount.default(0),
    tax_inclusive: z.boolean().default(false),
    refund_methods: z.array(z.array(BigCommercePaymentOptionSchema)).default([]),
  })
  .loose();
export type BigCommerceRefundQuote = z.infer<typeof BigCommerceRefundQuoteSchema>;

export const BigCommerceRefundItemSchema = z
  .object({
    item_type: z.string(),
    item_id: z.number().int(),
    quantity: z.number().int().nullish(),
    /** Amount-bound items only ("10.00"); null for quantity-bound ones. */
    requested_amount: z.union([z.string(), z.number()]).nullish(),
    reason: z.string().nullish(),
  })
  .loose();

export const BigCommerceRefundPaymentSchema = z
  .object({
    id: z.number().int(),
    provider_id: z.string(),
    amount,
    offline: z.boolean().default(false),
    is_declined: z.boolean().default(false),
    declined_message: text,
    transaction_id: z.string().nullish(),
  })
  .loose();

export const BigCommerceRefundSchema = z
  .object({
    id: z.number().int(),
    order_id: z.number().int(),
    user_id: count,
    created: text,
    reason: text,
    total_amount: amount,
    total_tax: amount.default(0),
    uses_merchant_override_values: z.boolean().default(false),
    items: z.array(BigCommerceRefundItemSchema).default([]),
    payments: z.array(BigCommerceRefundPaymentSchema).default([]),
  })
  .loose();
export type BigCommerceRefund = z.infer<typeof BigCommerceRefundSchema>;
