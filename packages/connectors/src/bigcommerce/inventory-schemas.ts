import { z } from 'zod';
import { BigCommerceV3PaginationSchema } from './hook-schemas';
import { count, text } from './vendor-values';

/** v3 Catalog and Inventory shapes the stock sync reads, tolerant of unknown fields. */

/** A v3 collection page: `{data: [...], meta: {pagination}}`. */
export function bigCommerceV3List<T extends z.ZodType>(item: T) {
  return z
    .object({
      data: z.array(item),
      meta: z.object({ pagination: BigCommerceV3PaginationSchema.optional() }).loose().optional(),
    })
    .loose();
}

export const BigCommerceInventoryLocationSchema = z
  .object({
    id: z.number().int(),
    code: text,
    label: text,
    enabled: z.boolean().default(true),
    type_id: text,
  })
  .loose();
export type BigCommerceInventoryLocation = z.infer<typeof BigCommerceInventoryLocationSchema>;

export const BigCommerceInventoryItemLocationSchema = z
  .object({
    location_id: z.number().int(),
    location_code: text,
    location_name: text,
    available_to_sell: count,
    total_inventory_onhand: count,
    location_enabled: z.boolean().optional(),
  })
  .loose();

/** An inventory item (a product or a variant) with its stock at each location. */
export const BigCommerceInventoryItemSchema = z
  .object({
    identity: z
      .object({
        sku: text,
        variant_id: z.number().int().nullish(),
        product_id: z.number().int().nullish(),
        sku_id: z.number().int().nullish(),
      })
      .loose(),
    locations: z.array(BigCommerceInventoryItemLocationSchema).default([]),
  })
  .loose();
export type BigCommerceInventoryItem = z.infer<typeof BigCommerceInventoryItemSchema>;

/** `GET /v3/catalog/products?include_fields=sku,base_variant_id`: the id comes regardless. */
export const BigCommerceCatalogProductSkuSchema = z
  .object({ id: z.number().int(), sku: text, base_variant_id: z.number().int().nullish() })
  .loose();

/** `GET /v3/catalog/variants?include_fields=sku,product_id`. */
export const BigCommerceCatalogVariantSkuSchema = z
  .object({ id: z.number().int(), product_id: z.number().int(), sku: text })
  .loose();

/** What inventory writes answer with. */
export const BigCommerceTransactionSchema = z.object({ transaction_id: z.string() }).loose();
