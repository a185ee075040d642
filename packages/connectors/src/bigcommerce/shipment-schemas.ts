import { z } from 'zod';
import { count, decimal, text } from './vendor-values';

/** v2 order shipments. */

export const BigCommerceShipmentItemSchema = z
  .object({ order_product_id: z.number().int(), product_id: count, quantity: z.number().int() })
  .loose();

export const BigCommerceShipmentSchema = z
  .object({
    id: z.number().int(),
    order_id: z.number().int(),
    customer_id: count,
    order_address_id: z.number().int(),
    date_created: text,
    tracking_number: text,
    merchant_shipping_cost: decimal,
    shipping_method: text,
    shipping_provider: text,
    tracking_carrier: text,
    tracking_link: text,
    comments: text,
    items: z.array(BigCommerceShipmentItemSchema),
    shipping_provider_display_name: text,
    generated_tracking_link: text,
  })
  .loose();
export type BigCommerceShipment = z.infer<typeof BigCommerceShipmentSchema>;

/** `POST /v2/orders/{id}/shipments`. */
export const BigCommerceShipmentCreateSchema = z.object({
  order_address_id: z.number().int().positive(),
  items: z
    .array(
      z.object({
        order_product_id: z.number().int().positive(),
        quantity: z.number().int().positive(),
      }),
    )
    .min(1),
  tracking_number: z.string().max(50).optional(),
  tracking_carrier: z.string().optional(),
  tracking_link: z.string().max(500).optional(),
  shipping_provider: z.string().optional(),
  shipping_method: z.string().optional(),
  /** What the merchant paid to ship, a decimal string ("7.50"); BigCommerce keeps four places. */
  merchant_shipping_cost: z
    .string()
    .regex(/^\d+(\.\d+)?$/, 'must be a decimal like "7.50"')
    .optional(),
  comments: z.string().max(65_535).optional(),
});
export type BigCommerceShipmentCreate = z.infer<typeof BigCommerceShipmentCreateSchema>;

/** `PUT /v2/orders/{id}/shipments/{shipment_id}`: items cannot change after creation. */
export const BigCommerceShipmentUpdateSchema = BigCommerceShipmentCreateSchema.omit({ items: true })
  .extend({ tracking_number: z.string().optional() })
  .partial();
export type BigCommerceShipmentUpdate = z.infer<typeof BigCommerceShipmentUpdateSchema>;
