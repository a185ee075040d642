import { z } from 'zod';
import { MoneySchema } from './money';

export const AddressSchema = z
  .object({
    name: z.string(),
    company: z.string().nullable(),
    street1: z.string(),
    street2: z.string().nullable(),
    city: z.string(),
    state: z.string().nullable(),
    postalCode: z.string().nullable(),
    /** ISO 3166-1 alpha-2. */
    country: z.string().length(2).nullable(),
    phone: z.string().nullable(),
    email: z.string().nullable(),
  })
  .strict();
export type Address = z.infer<typeof AddressSchema>;

/**
 * Where an order stands from the merchant's side, whatever the store calls it. Fulfilment
 * connectors map this to their own status; the store mapping derives it from its own codes.
 * `archived`: the store deleted or archived the order. It has left the merchant's lists whatever
 * its status still says, so nothing of it is to ship.
 */
export const ORDER_STATUSES = [
  'incomplete',
  'awaiting_payment',
  'awaiting_fulfilment',
  'on_hold',
  'partially_shipped',
  'shipped',
  'completed',
  'cancelled',
  'refunded',
  'archived',
] as const;
export const OrderStatusSchema = z.enum(ORDER_STATUSES);

/**
 * Statuses in which no fulfilment system is asked to do anything: an incomplete checkout was
 * never placed, and once goods move the warehouse owns the shipping state.
 */
export const HANDS_OFF_STATUSES = [
  'incomplete',
  'partially_shipped',
  'shipped',
  'completed',
] as const satisfies readonly (typeof ORDER_STATUSES)[number][];
export type OrderStatus = z.infer<typeof OrderStatusSchema>;

export const OrderLineSchema = z
  .object({
    /** The store's line id (BigCommerce order_product_id). */
    externalId: z.string(),
    /** The store's destination id this line ships to (BigCommerce order_address_id). */
    addressExternalId: z.string(),
    productExternalId: z.string().nullable(),
    sku: z.string(),
    name: z.string(),
    quantity: z.number().int().positive(),
    quantityShipped: z.number().int().nonnegative(),
    unitPrice: MoneySchema,
    weightGrams: z.number().nonnegative().nullable(),
    options: z.array(z.object({ name: z.string(), value: z.string() }).strict()),
    giftMessage: z.string().nullable(),
  })
  .strict();
export type OrderLine = z.infer<typeof OrderLineSchema>;

export const DestinationSchema = z
  .object({
    addressExternalId: z.string(),
    shipTo: AddressSchema,
    shippingMethod: z.string().nullable(),
    shippingCost: MoneySchema,
  })
  .strict();
export type Destination = z.infer<typeof DestinationSchema>;

export const CanonicalOrderSchema = z
  .object({
    externalId: z.string(),
    orderNumber: z.string(),
    storeStatusId: z.number().int(),
    storeStatus: z.string(),
    status: OrderStatusSchema,
    createdAt: z.iso.datetime({ offset: true }),
    modifiedAt: z.iso.datetime({ offset: true }),
    currency: z.string().length(3),
    customer: z
      .object({
        externalId: z.string().nullable(),
        email: z.string().nullable(),
        name: z.string(),
      })
      .strict(),
    billTo: AddressSchema,
    destinations: z.array(DestinationSchema).min(1),
    lines: z.array(OrderLineSchema),
    totals: z
      .object({
        subtotal: MoneySchema,
        shipping: MoneySchema,
        tax: MoneySchema,
        /** Order-level discounts and coupons the customer got (0 for orders stored before). */
        discount: MoneySchema.default('0'),
        total: MoneySchema,
      })
      .strict(),
    paymentMethod: z.string().nullable(),
    notes: z.object({ customer: z.string().nullable(), staff: z.string().nullable() }).strict(),
    /** Named values a merchant may map to fulfilment custom fields, notes or tags. */
    customFields: z.record(z.string(), z.string()),
  })
  .strict();
export type CanonicalOrder = z.infer<typeof CanonicalOrderSchema>;

/** Lines of an order that ship to one destination. */
export function linesFor(order: CanonicalOrder, addressExternalId: string): OrderLine[] {
  return order.lines.filter((line) => line.addressExternalId === addressExternalId);
}
