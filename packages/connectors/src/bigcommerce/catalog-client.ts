import type { z } from 'zod';
import type { Logger } from '@shiplink/logger';
import type { HttpClient } from '../http/client';
import {
  BigCommerceCatalogProductSchema,
  BigCommerceStoreSchema,
  type BigCommerceCatalogProduct,
} from './catalog-schemas';
import { bigCommerceV3Envelope } from './hook-schemas';
import { v3Reader, type Endpoint, type Query } from './inventory-client';
import {
  BigCommerceCatalogProductSkuSchema,
  BigCommerceCatalogVariantSkuSchema,
} from './inventory-schemas';
import { collectPages, commaChunks, hasNextV3Page } from './paging';
import type { BigCommerceSettings } from './settings';

/** A SKU the catalog has: a product's (`variantId` its base variant, if any) or a variant's. */
export interface BigCommerceCatalogSku {
  sku: string;
  productId: number;
  variantId: number | null;
}

/** The store's units (Settings → Display), which catalog weights and dimensions are in. */
export interface BigCommerceStoreUnits {
  /** As the store reports them: "Ounces", "LBS", "Grams", "Kilograms"… */
  weightUnits: string;
  /** "Inches", "Centimeters"… */
  dimensionUnits: string;
  /** In the connection settings' terms; undefined for a unit the hub does not know. */
  weightUnit: BigCommerceSettings['weightUnit'] | undefined;
  dimensionUnit: 'in' | 'cm' | undefined;
}

export interface BigCommerceCatalogClient {
  /** The products and variants with these SKUs; SKUs the catalog does not have are absent. */
  findCatalogSkus(skus: readonly string[]): Promise<BigCommerceCatalogSku[]>;
  /**
   * A product with its variants (their measures null where they take the product's own);
   * `undefined` when the catalog has no such product.
   */
  getProduct(productId: number): Promise<BigCommerceCatalogProduct | undefined>;
  storeUnits(): Promise<BigCommerceStoreUnits>;
}

const PRODUCTS = { path: '/v3/catalog/products', endpoint: 'GET /v3/catalog/products' };
const VARIANTS = { path: '/v3/catalog/variants', endpoint: 'GET /v3/catalog/variants' };
const ProductEnvelopeSchema = bigCommerceV3Envelope(BigCommerceCatalogProductSchema);

const WEIGHT_UNITS: Record<string, BigCommerceSettings['weightUnit']> = {
  lbs: 'lbs',
  pounds: 'lbs',
  ounces: 'oz',
  oz: 'oz',
  kilograms: 'kg',
  kg: 'kg',
  grams: 'g',
  g: 'g',
};
const DIMENSION_UNITS: Record<string, 'in' | 'cm'> = {
  inches: 'in',
  in: 'in',
  centimeters: 'cm',
  centimetres: 'cm',
  cm: 'cm',
};
const unitOf = <T>(table: Record<string, T>, unit: string): T | undefined => {
  const key = unit.trim().toLowerCase();
  return Object.hasOwn(table, key) ? table[key] : undefined;
};

/**
 * Lookups of SKUs by a comma-separated filter, in bounded chunks; a SKU that has a comma of its
 * own goes alone through the exact `sku` filter, which both catalog lists document.
 */
function skuQueries(skus: readonly string[]): { query: Query; asked: string[] }[] {
  const wanted = [...new Set(skus)].filter((sku) => sku !== '');
  return [
    ...commaChunks(wanted.filter((sku) => !sku.includes(','))).map((chunk) => ({
      query: { 'sku:in': chunk.join(',') },
      asked: chunk,
    })),
    ...wanted.filter((sku) => sku.includes(',')).map((sku) => ({ query: { sku }, asked: [sku] })),
  ];
}

export function createBigCommerceCatalogClient(deps: {
  http: HttpClient;
  log: Logger;
}): BigCommerceCatalogClient {
  const { http, log } = deps;
  const { page, pageSize } = v3Reader(http);

  /**
   * Catalog rows with the SKUs asked. SKUs are unique in a store, so more matches than SKUs asked
   * means the list filter was not applied (the variant reference documents only `sku`, though
   * the live API filters by `sku:in` too): then one SKU at a time by the exact `sku` filter.
   */
  const withSkus = async <T>(
    at: Endpoint,
    item: z.ZodType<T>,
    query: Query,
    asked: string[],
  ): Promise<T[]> => {
    let ignored = false;
    const rows = await collectPages(async (pageNo) => {
      const { items, pagination } = await page(at, item, query, pageNo);
      if ((pagination?.total ?? items.length) > asked.length) {
        ignored = true;
        return { items: [], more: false };
      }
      return { items, more: hasNextV3Page(pageNo, items.length, pageSize, pagination) };
    });
    if (!ignored) return rows;
    // Even the exact filter was not applied: walking the whole catalog is not an option.
    if (query.sku !== undefined) return [];
    log.warn('bigcommerce ignored a sku list filter', {
      endpoint: at.endpoint,
      skus: asked.length,
    });
    const one: T[] = [];
    for (const sku of asked) {
      const exact: Query = { sku };
      if (query.include_fields) exact.include_fields = query.include_fields;
      one.push(...(await withSkus(at, item, exact, [sku])));
    }
    return one;
  };

  return {
    async findCatalogSkus(skus) {
      const found = new Map<string, BigCommerceCatalogSku>();
      for (const { query, asked } of skuQueries(skus)) {
        const fields = { include_fields: 'sku,base_variant_id' };
        const products = await withSkus(
          PRODUCTS,
          BigCommerceCatalogProductSkuSchema,
          { ...query, ...fields },
          asked,
        );
        for (const product of products) {
          if (!asked.includes(product.sku)) continue;
          const variantId = product.base_variant_id ?? null;
          found.set(product.sku, { sku: product.sku, productId: product.id, variantId });
        }
      }
      // A product without options carries its SKU itself; the rest are its variants' SKUs.
      for (const { query, asked } of skuQueries(skus.filter((sku) => !found.has(sku)))) {
        const fields = { include_fields: 'sku,product_id' };
        const variants = await withSkus(
          VARIANTS,
          BigCommerceCatalogVariantSkuSchema,
          { ...query, ...fields },
          asked,
        );
        for (const variant of variants) {
          if (!asked.includes(variant.sku) || found.has(variant.sku)) continue;
          found.set(variant.sku, {
            sku: variant.sku,
            productId: variant.product_id,
            variantId: variant.id,
          });
        }
      }
      return [...found.values()];
    },

    async getProduct(productId) {
      const { data } = await http.request({
        method: 'GET',
        path: `/v3/catalog/products/${productId}`,
        endpoint: 'GET /v3/catalog/products/{id}',
        query: { include: 'variants,custom_fields' },
        schema: ProductEnvelopeSchema,
        allowStatus: [404],
      });
      return data?.data;
    },

    async storeUnits() {
      const { data } = await http.request({
        method: 'GET',
        path: '/v2/store',
        endpoint: 'GET /v2/store',
        schema: BigCommerceStoreSchema,
      });
      const weightUnits = data?.weight_units ?? '';
      const dimensionUnits = data?.dimension_units ?? '';
      return {
        weightUnits,
        dimensionUnits,
        weightUnit: unitOf(WEIGHT_UNITS, weightUnits),
        dimensionUnit: unitOf(DIMENSION_UNITS, dimensionUnits),
      };
    },
  };
}
