import { z } from 'zod';
import { modelStateOf, type AspNetError } from './validation';

/*
 * `PUT /products/{productId}` takes the whole product (V1 has no partial update and no create):
 * sku and name are required, anything left out becomes null. Read-only fields (createDate,
 * modifyDate, aliases) are ignored; tag names come from the account's tags, only ids count.
 */

const text = z.string().nullish();
const amount = z.number().nullish();
const named = z.object({ name: text }).loose();

const ProductBodySchema = z
  .object({
    productId: z.number().int(),
    sku: z.string().trim().min(1, 'The sku field is required.'),
    name: z.string().trim().min(1, 'The name field is required.'),
    price: amount,
    defaultCost: amount,
    length: amount,
    width: amount,
    height: amount,
    weightOz: amount,
    internalNotes: text,
    fulfillmentSku: text,
    active: z.boolean().nullish(),
    productCategory: named.extend({ categoryId: z.number().int() }).nullish(),
    productType: named.extend({ productTypeId: z.number().int() }).nullish(),
    warehouseLocation: text,
    defaultCarrierCode: text,
    defaultServiceCode: text,
    defaultPackageCode: text,
    defaultIntlCarrierCode: text,
    defaultIntlServiceCode: text,
    defaultIntlPackageCode: text,
    defaultConfirmation: text,
    defaultIntlConfirmation: text,
    customsDescription: text,
    customsValue: amount,
    customsTariffNo: text,
    customsCountryCode: text,
    noCustoms: z.boolean().nullish(),
    tags: z.array(z.object({ tagId: z.number().int(), name: text }).loose()).nullish(),
  })
  .loose();
type ProductBody = z.infer<typeof ProductBodySchema>;

const NULLABLE_FIELDS = [
  'price',
  'defaultCost',
  'length',
  'width',
  'height',
  'weightOz',
  'internalNotes',
  'fulfillmentSku',
  'productCategory',
  'productType',
  'warehouseLocation',
  'defaultCarrierCode',
  'defaultServiceCode',
  'defaultPackageCode',
  'defaultIntlCarrierCode',
  'defaultIntlServiceCode',
  'defaultIntlPackageCode',
  'defaultConfirmation',
  'defaultIntlConfirmation',
  'customsDescription',
  'customsValue',
  'customsTariffNo',
  'customsCountryCode',
  'noCustoms',
] as const;
type NullableField = (typeof NULLABLE_FIELDS)[number];

/** A product's editable fields, absent ones as null. */
export type ProductFields = { sku: string; name: string; active: boolean } & {
  [K in NullableField]: NonNullable<ProductBody[K]> | null;
};

/** Fields of a product ShipStation made up from an order item: only what the item told it. */
export function blankProductFields(sku: string, name: string): ProductFields {
  const fields = { sku, name, active: true } as ProductFields;
  for (const key of NULLABLE_FIELDS) (fields as Record<NullableField, null>)[key] = null;
  return fields;
}

export type ProductUpdate = { productId: number; fields: ProductFields; tagIds: number[] | null };

export function validateProductBody(
  body: unknown,
  activeBefore: boolean,
): { ok: true; update: ProductUpdate } | { ok: false; error: AspNetError } {
  const parsed = ProductBodySchema.safeParse(body ?? {});
  if (!parsed.success) {
    return {
      ok: false,
      error: {
        Message: 'The request is invalid.',
        ModelState: modelStateOf(body, parsed.error.issues, 'product'),
      },
    };
  }
  const data = parsed.data;
  const fields = blankProductFields(data.sku, data.name);
  fields.active = data.active ?? activeBefore;
  for (const key of NULLABLE_FIELDS) {
    (fields as Record<NullableField, unknown>)[key] = data[key] ?? null;
  }
  return {
    ok: true,
    update: {
      productId: data.productId,
      fields,
      tagIds: data.tags ? [...new Set(data.tags.map((tag) => tag.tagId))] : null,
    },
  };
}
