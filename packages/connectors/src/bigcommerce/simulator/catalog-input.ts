import { z } from 'zod';
import { MAX_STOCK_LEVEL } from './inventory-state';

/**
 * Bodies of the Catalog API writes the simulator takes (`POST /v3/catalog/products`, `PUT
 * /v3/catalog/products/{id}`, `PUT …/variants/{id}`), with the documented bounds. Fields the
 * simulator does not keep (description, categories, images…) are accepted and dropped.
 */

const measure = z.number().min(0).max(9_999_999_999);
const level = z.number().int().min(0).max(MAX_STOCK_LEVEL);
const sku = z.string().max(255);

const VariantFieldsSchema = z.object({
  sku: sku.min(1),
  weight: measure.nullable(),
  width: measure.nullable(),
  height: measure.nullable(),
  depth: measure.nullable(),
  price: z.number().min(0).nullable(),
  inventory_level: level,
});

export const VariantCreateSchema = VariantFieldsSchema.partial()
  .required({ sku: true })
  .extend({
    option_values: z
      .array(z.object({ option_display_name: z.string().min(1), label: z.string().min(1) }).loose())
      .max(1, 'the simulator keeps one option per variant')
      .optional(),
  })
  .loose();
export type VariantCreate = z.infer<typeof VariantCreateSchema>;

export const VariantUpdateSchema = VariantFieldsSchema.partial().loose();
export type VariantUpdate = z.infer<typeof VariantUpdateSchema>;

const ProductFieldsSchema = z.object({
  name: z.string().min(1).max(250),
  type: z.enum(['physical', 'digital']),
  sku,
  weight: measure,
  width: measure,
  height: measure,
  depth: measure,
  price: z.number().min(0),
  inventory_tracking: z.enum(['none', 'product', 'variant']),
  inventory_level: level,
});

/** Required as documented: name, type, weight and price. */
export const ProductCreateSchema = ProductFieldsSchema.partial()
  .required({ name: true, type: true, weight: true, price: true })
  .extend({ variants: z.array(VariantCreateSchema).max(600).optional() })
  .loose();
export type ProductCreate = z.infer<typeof ProductCreateSchema>;

export const ProductUpdateSchema = ProductFieldsSchema.partial().loose();
export type ProductUpdate = z.infer<typeof ProductUpdateSchema>;

/** A refusal as the v3 API words it: a title and, for a malformed body, one entry per field. */
export interface CatalogRefusal {
  status: 404 | 409 | 422;
  title: string;
  errors?: Record<string, string>;
}

export const INVALID_JSON = 'JSON data is missing or invalid';

/** zod's issues as BigCommerce's `errors` object (`error.path.missing` for an absent field). */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) {
    const path = issue.path.join('.') || 'body';
    errors[path] = /received undefined/.test(issue.message) ? 'error.path.missing' : issue.message;
  }
  return errors;
}

export function parseBody<T>(
  schema: z.ZodType<T>,
  body: unknown,
): { data: T } | { refusal: CatalogRefusal } {
  const parsed = schema.safeParse(body);
  if (parsed.success) return { data: parsed.data };
  return { refusal: { status: 422, title: INVALID_JSON, errors: fieldErrors(parsed.error) } };
}
