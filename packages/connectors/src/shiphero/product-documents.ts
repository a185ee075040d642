import { z } from 'zod';

/**
 * The product documents of product sync, their answers and inputs, as ShipHero's schema names
 * them (`documents.ts` lists them with the others, so the schema check covers them). Each asks
 * only for what deciding create, update or nothing needs: ShipHero charges for what is selected.
 */

const PRODUCT_SYNC_FIELDS = /* GraphQL */ `
  fragment ProductSyncFields on Product {
    id
    sku
    name
    dimensions {
      weight
      height
      width
      length
    }
    tariff_code
    country_of_manufacture
    customs_description
    customs_value
  }
`;

export const PRODUCT_DOCUMENTS = {
  ProductDetails: /* GraphQL */ `
    query ProductDetails($sku: String!) {
      product(sku: $sku) {
        request_id
        complexity
        data {
          ...ProductSyncFields
        }
      }
    }
    ${PRODUCT_SYNC_FIELDS}
  `,
  ProductCreate: /* GraphQL */ `
    mutation ProductCreate($data: CreateProductInput!) {
      product_create(data: $data) {
        request_id
        complexity
        product {
          ...ProductSyncFields
        }
      }
    }
    ${PRODUCT_SYNC_FIELDS}
  `,
  ProductUpdate: /* GraphQL */ `
    mutation ProductUpdate($data: UpdateProductInput!) {
      product_update(data: $data) {
        request_id
        complexity
        product {
          ...ProductSyncFields
        }
      }
    }
    ${PRODUCT_SYNC_FIELDS}
  `,
} as const;

const text = z.string().max(10_000).nullish();

/** Measures are decimal strings in the account's units (ounces and inches unless changed). */
export const ShipHeroDimensionsSchema = z.object({
  weight: text,
  height: text,
  width: text,
  length: text,
});
export type ShipHeroDimensions = z.infer<typeof ShipHeroDimensionsSchema>;

export const ShipHeroProductDetailsSchema = z.object({
  id: z.string().max(200),
  sku: text,
  name: text,
  dimensions: ShipHeroDimensionsSchema.nullish(),
  tariff_code: text,
  country_of_manufacture: text,
  customs_description: text,
  customs_value: text,
});
export type ShipHeroProductDetails = z.infer<typeof ShipHeroProductDetailsSchema>;

export const ProductDetailsAnswerSchema = z.object({
  data: ShipHeroProductDetailsSchema.nullable(),
});
export const ProductMutationAnswerSchema = z.object({
  product: ShipHeroProductDetailsSchema.nullable(),
});

export interface ShipHeroDimensionsInput {
  weight?: string;
  height?: string;
  width?: string;
  length?: string;
}

/** What the hub keeps in step on a product, in `product_update`'s words. */
export interface ShipHeroProductFieldsInput {
  dimensions?: ShipHeroDimensionsInput;
  tariff_code?: string;
  country_of_manufacture?: string;
  customs_description?: string;
}

/** `CreateProductInput`: only the fields the hub fills. */
export interface ShipHeroCreateProductInput extends ShipHeroProductFieldsInput {
  sku: string;
  name: string;
  warehouse_products: { warehouse_id: string; on_hand: number }[];
  customs_value?: string;
}

/** `UpdateProductInput`: only the fields the hub fills (it has no `customs_value`). */
export interface ShipHeroUpdateProductInput extends ShipHeroProductFieldsInput {
  sku: string;
}
