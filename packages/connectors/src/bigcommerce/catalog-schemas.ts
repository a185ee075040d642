import { z } from 'zod';
import { count, text } from './vendor-values';

/** v3 Catalog products and variants with their measures, and the v2 store's units. */

/** A product measure: a number in the store's unit, 0 when absent. */
const measure = z
  .number()
  .nullish()
  .transform((value) => value ?? 0);
/** A variant measure: null means "the product's own value", as the Catalog API documents. */
const inherited = z
  .number()
  .nullish()
  .transform((value) => value ?? null);

export const BigCommerceCatalogVariantSchema = z
  .object({
    id: z.number().int(),
    product_id: z.number().int(),
    sku: text,
    sku_id: z.number().int().nullish(),
    weight: inherited,
    width: inherited,
    height: inherited,
    depth: inherited,
    price: inherited,
    calculated_weight: z.number().nullish(),
    inventory_level: count,
    option_values: z
      .array(
        z
          .object({
            id: z.number().int().optional(),
            option_id: z.number().int().optional(),
            label: text,
            option_display_name: text,
          })
          .loose(),
      )
      .default([]),
  })
  .loose();
export type BigCommerceCatalogVariant = z.infer<typeof BigCommerceCatalogVariantSchema>;

/** `GET /v3/catalog/products/{id}`; `variants` only with `include=variants`, else empty. */
export const BigCommerceCatalogProductSchema = z
  .object({
    id: z.number().int(),
    name: z.string(),
    /** `physical` or `digital`; a string so that a new kind does not break the read. */
    type: z.string().default('physical'),
    sku: text,
    weight: measure,
    width: measure,
    height: measure,
    depth: measure,
    price: measure,
    inventory_level: count,
    inventory_tracking: z.string().default('none'),
    base_variant_id: z.number().int().nullish(),
    date_modified: text,
    variants: z.array(BigCommerceCatalogVariantSchema).default([]),
  })
  .loose();
export type BigCommerceCatalogProduct = z.infer<typeof BigCommerceCatalogProductSchema>;

/** `GET /v2/store`: "Ounces", "LBS", "Grams", "Kilograms"…; "Inches", "Centimeters". */
export const BigCommerceStoreSchema = z
  .object({ id: text, weight_units: text, dimension_units: text })
  .loose();
export type BigCommerceStore = z.infer<typeof BigCommerceStoreSchema>;
