import { z } from 'zod';
import { count, text } from './vendor-values';

/** v3 webhook management, the v3 envelope, and both API versions' error bodies. */

export const BigCommerceHookSchema = z
  .object({
    id: z.number().int(),
    client_id: text,
    store_hash: text,
    scope: z.string(),
    destination: z.string(),
    is_active: z.boolean(),
    headers: z.record(z.string(), z.string()).nullish(),
    created_at: count,
    updated_at: count,
  })
  .loose();
export type BigCommerceHook = z.infer<typeof BigCommerceHookSchema>;

export const BigCommerceHookCreateSchema = z.object({
  scope: z.string().min(1),
  destination: z.string().min(1),
  is_active: z.boolean().optional(),
  headers: z.record(z.string(), z.string()).nullish(),
});
export type BigCommerceHookCreate = z.infer<typeof BigCommerceHookCreateSchema>;

/** The v3 envelope: `{data, meta}`. */
export function bigCommerceV3Envelope<T extends z.ZodType>(data: T) {
  return z.object({ data, meta: z.unknown().optional() }).loose();
}

export const BigCommerceV3PaginationSchema = z
  .object({
    total: z.number(),
    count: z.number(),
    current_page: z.number(),
    total_pages: z.number(),
  })
  .loose();

/** v2 errors: `[{"status": 400, "message": "..."}]`. */
export const BigCommerceV2ErrorSchema = z.array(
  z
    .object({ status: z.number().int(), message: z.string(), details: z.unknown().optional() })
    .loose(),
);
export type BigCommerceV2Error = z.infer<typeof BigCommerceV2ErrorSchema>;

/** v3 problem bodies: `{status, title, type, errors}`. */
export const BigCommerceV3ErrorSchema = z
  .object({
    status: z.number().int(),
    title: z.string(),
    type: z.string().optional(),
    errors: z.record(z.string(), z.unknown()).optional(),
  })
  .loose();
export type BigCommerceV3Error = z.infer<typeof BigCommerceV3ErrorSchema>;

/**
 * Catalog events the hub acts on. A product event names the product (`id`); a SKU event names
 * the variant's SKU id and carries its product in `sku.product_id` (the callback reference's
 * `store/sku/updated` shape). Products without options raise product events only.
 */
export const BIGCOMMERCE_CATALOG_SCOPES = [
  'store/product/created',
  'store/product/updated',
  'store/sku/created',
  'store/sku/updated',
] as const;

export const BigCommerceProductHookDataSchema = z
  .object({ type: z.literal('product'), id: z.number().int().positive() })
  .loose();

export const BigCommerceSkuHookDataSchema = z
  .object({
    type: z.literal('sku'),
    id: z.number().int().positive(),
    sku: z
      .object({
        product_id: z.number().int().positive(),
        variant_id: z.number().int().positive().optional(),
      })
      .loose(),
  })
  .loose();

export const isCatalogScope = (scope: string) =>
  (BIGCOMMERCE_CATALOG_SCOPES as readonly string[]).includes(scope);

/** The schema a catalog scope's `data` must fit. */
export const catalogHookDataSchema = (scope: string) =>
  scope.startsWith('store/sku/') ? BigCommerceSkuHookDataSchema : BigCommerceProductHookDataSchema;

/** The product a parsed catalog delivery concerns; undefined when its data does not fit. */
export function productIdOfCatalogHook(scope: string, data: unknown): number | undefined {
  if (scope.startsWith('store/sku/')) {
    return BigCommerceSkuHookDataSchema.safeParse(data).data?.sku.product_id;
  }
  return BigCommerceProductHookDataSchema.safeParse(data).data?.id;
}
