import { z } from 'zod';

/**
 * ShipHero's answers, as far as the hub reads them. Every field is optional or nullable as in
 * ShipHero's schema (nearly everything is nullable there); unknown fields are tolerated.
 */
const id = z.string().max(200);
const text = z.string().max(10_000);
const connection = <T extends z.ZodType>(node: T) =>
  z.object({
    pageInfo: z.object({ hasNextPage: z.boolean(), endCursor: z.string().nullish() }).optional(),
    edges: z.array(z.object({ node: node.nullable() })).max(1_000),
  });

export const ShipHeroLineItemSchema = z.object({
  id,
  legacy_id: z.number().int().nullish(),
  sku: text.nullish(),
  partner_line_item_id: text.nullish(),
  quantity: z.number().int().nullish(),
  quantity_shipped: z.number().int().nullish(),
  quantity_pending_fulfillment: z.number().int().nullish(),
  fulfillment_status: text.nullish(),
});

const HoldsSchema = z.object({
  fraud_hold: z.boolean().nullish(),
  address_hold: z.boolean().nullish(),
  shipping_method_hold: z.boolean().nullish(),
  operator_hold: z.boolean().nullish(),
  payment_hold: z.boolean().nullish(),
  client_hold: z.boolean().nullish(),
});

export const ShipHeroShipmentSchema = z.object({
  id,
  legacy_id: z.number().int().nullish(),
  order_id: id.nullish(),
  warehouse_id: id.nullish(),
  created_date: text.nullish(),
  shipped_off_shiphero: z.boolean().nullish(),
  total_packages: z.number().int().nullish(),
  line_items: connection(
    z.object({
      id,
      line_item_id: id.nullish(),
      shipping_label_id: id.nullish(),
      quantity: z.number().int().nullish(),
      line_item: z.object({ sku: text.nullish(), partner_line_item_id: text.nullish() }).nullish(),
    }),
  ).nullish(),
  shipping_labels: z
    .array(
      z.object({
        id,
        legacy_id: z.number().int().nullish(),
        status: text.nullish(),
        tracking_number: text.nullish(),
        carrier: text.nullish(),
        shipping_name: text.nullish(),
        shipping_method: text.nullish(),
        cost: text.nullish(),
        tracking_url: text.nullish(),
        package_number: z.number().int().nullish(),
        created_date: text.nullish(),
      }),
    )
    .max(1_000)
    .nullish(),
  order: z.object({ id, partner_order_id: text.nullish(), order_number: text.nullish() }).nullish(),
});
export type ShipHeroShipment = z.infer<typeof ShipHeroShipmentSchema>;

export const ShipHeroOrderSchema = z.object({
  id,
  legacy_id: z.number().int().nullish(),
  order_number: text.nullish(),
  partner_order_id: text.nullish(),
  shop_name: text.nullish(),
  fulfillment_status: text.nullish(),
  order_date: text.nullish(),
  updated_at: text.nullish(),
  tags: z.array(text.nullable()).nullish(),
  holds: HoldsSchema.nullish(),
  line_items: connection(ShipHeroLineItemSchema).nullish(),
  shipments: z.array(ShipHeroShipmentSchema.nullable()).nullish(),
});
export type ShipHeroOrder = z.infer<typeof ShipHeroOrderSchema>;

/** What the order mutations answer about the order they changed. */
export const ShipHeroOrderRefSchema = z.object({
  id,
  legacy_id: z.number().int().nullish(),
  order_number: text.nullish(),
  partner_order_id: text.nullish(),
  fulfillment_status: text.nullish(),
});
export type ShipHeroOrderRef = z.infer<typeof ShipHeroOrderRefSchema>;

export const ShipHeroWarehouseProductSchema = z.object({
  sku: text.nullish(),
  warehouse_id: id.nullish(),
  on_hand: z.number().int().nullish(),
  available: z.number().int().nullish(),
  allocated: z.number().int().nullish(),
  backorder: z.number().int().nullish(),
  updated_at: text.nullish(),
});
export type ShipHeroWarehouseProduct = z.infer<typeof ShipHeroWarehouseProductSchema>;

export const ShipHeroProductSchema = z.object({
  id,
  legacy_id: z.number().int().nullish(),
  sku: text.nullish(),
  name: text.nullish(),
  warehouse_products: z.array(ShipHeroWarehouseProductSchema.nullable()).max(1_000).nullish(),
});
export type ShipHeroProduct = z.infer<typeof ShipHeroProductSchema>;

export const ShipHeroAccountSchema = z.object({
  id,
  legacy_id: z.number().int().nullish(),
  email: text.nullish(),
  username: text.nullish(),
  is_3pl: z.boolean().nullish(),
  warehouses: z
    .array(
      z
        .object({ id, legacy_id: z.number().int().nullish(), identifier: text.nullish() })
        .nullable(),
    )
    .nullish(),
});
export type ShipHeroAccount = z.infer<typeof ShipHeroAccountSchema>;

export const ShipHeroWebhookSchema = z.object({
  id: id.nullish(),
  legacy_id: z.number().int().nullish(),
  name: text.nullish(),
  url: text.nullish(),
  shop_name: text.nullish(),
  shared_signature_secret: text.nullish(),
});
export type ShipHeroWebhook = z.infer<typeof ShipHeroWebhookSchema>;

/** A query's root answer: `{ request_id, complexity, data }`. */
export const queryResult = <T extends z.ZodType>(data: T) =>
  z.object({
    request_id: z.string().nullish(),
    complexity: z.number().nullish(),
    data: data.nullable(),
  });

export const paged = connection;
