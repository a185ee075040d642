import type { z } from 'zod';
import { PermanentError } from '@shiplink/errors';
import type { Logger } from '@shiplink/logger';
import type { HttpClient } from '../http/client';
import { settleInBatches, type PayloadAnswer, type SettledItems } from './adjustment-batches';
import { BigCommerceV3ErrorSchema } from './hook-schemas';
import {
  BigCommerceCatalogProductSkuSchema,
  BigCommerceCatalogVariantSkuSchema,
  BigCommerceInventoryItemSchema,
  BigCommerceInventoryLocationSchema,
  BigCommerceTransactionSchema,
  bigCommerceV3List,
  type BigCommerceInventoryItem,
  type BigCommerceInventoryLocation,
} from './inventory-schemas';
import { collectPages, commaChunks, hasNextV3Page } from './paging';

/** "Limit of 2000 items for payload length" (Inventory API, absolute adjustments). */
export const MAX_ADJUSTMENT_ITEMS = 2_000;
const MAX_SPLIT_REQUESTS = 50;
const PAGE_SIZE = 250;

/** An absolute level for one SKU at one inventory location, as the adjustment payload takes it. */
export interface BigCommerceAbsoluteAdjustment {
  location_id: number;
  sku: string;
  quantity: number;
}

/** A SKU the catalog has: a product's (`variantId` its base variant, if any) or a variant's. */
export interface BigCommerceCatalogSku {
  sku: string;
  productId: number;
  variantId: number | null;
}

export type BigCommerceAdjustmentOutcome = SettledItems<BigCommerceAbsoluteAdjustment>;

export interface BigCommerceInventoryClient {
  listInventoryLocations(): Promise<BigCommerceInventoryLocation[]>;
  /**
   * Inventory items with their stock per location, every page. `skus` narrows to those SKUs (any
   * number; a SKU with a comma cannot be asked for and is absent); `locationIds` narrows each
   * item's locations.
   */
  listInventoryItems(filter?: {
    skus?: readonly string[];
    locationIds?: readonly number[];
  }): Promise<BigCommerceInventoryItem[]>;
  /** The products and variants with these SKUs; SKUs the catalog does not have are absent. */
  findCatalogSkus(skus: readonly string[]): Promise<BigCommerceCatalogSku[]>;
  /** One payload of at most 2000 items: all applied (a transaction), or all refused (a 422). */
  adjustAbsolute(
    reason: string,
    items: readonly BigCommerceAbsoluteAdjustment[],
  ): Promise<PayloadAnswer>;
  /**
   * Absolute levels in payloads of at most 2000, grouped by location; a refused payload is split
   * until the refused items stand alone, each rejected with BigCommerce's title.
   */
  setAbsoluteStock(
    reason: string,
    items: readonly BigCommerceAbsoluteAdjustment[],
  ): Promise<BigCommerceAdjustmentOutcome>;
}

const LOCATIONS = { path: '/v3/inventory/locations', endpoint: 'GET /v3/inventory/locations' };
const ITEMS = { path: '/v3/inventory/items', endpoint: 'GET /v3/inventory/items' };
const PRODUCTS = { path: '/v3/catalog/products', endpoint: 'GET /v3/catalog/products' };
const VARIANTS = { path: '/v3/catalog/variants', endpoint: 'GET /v3/catalog/variants' };
const ABSOLUTE = {
  path: '/v3/inventory/adjustments/absolute',
  endpoint: 'PUT /v3/inventory/adjustments/absolute',
};

type Query = Record<string, string>;
type Endpoint = { path: string; endpoint: string };

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

export function createBigCommerceInventoryClient(deps: {
  http: HttpClient;
  log: Logger;
}): BigCommerceInventoryClient {
  const { http, log } = deps;

  const page = async <T>(at: Endpoint, item: z.ZodType<T>, query: Query, pageNo: number) => {
    const { data } = await http.request({
      method: 'GET',
      ...at,
      query: { ...query, page: pageNo, limit: PAGE_SIZE },
      schema: bigCommerceV3List(item),
    });
    return { items: data?.data ?? [], pagination: data?.meta?.pagination };
  };

  const list = <T>(at: Endpoint, item: z.ZodType<T>, query: Query) =>
    collectPages(async (pageNo) => {
      const { items, pagination } = await page(at, item, query, pageNo);
      return { items, more: hasNextV3Page(pageNo, items.length, PAGE_SIZE, pagination) };
    });

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
      return { items, more: hasNextV3Page(pageNo, items.length, PAGE_SIZE, pagination) };
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

  const adjustAbsolute: BigCommerceInventoryClient['adjustAbsolute'] = async (reason, items) => {
    if (items.length > MAX_ADJUSTMENT_ITEMS) {
      throw new PermanentError(`at most ${MAX_ADJUSTMENT_ITEMS} items per adjustment`, {
        provider: 'bigcommerce',
        reason: 'bigcommerce.payload_too_large',
      });
    }
    // An absolute level is safe to send twice, so transient failures are retried as usual.
    // A refused payload names the offending items only in its 422 body.
    const answer = await http.request({
      method: 'PUT',
      ...ABSOLUTE,
      body: { reason, items },
      schema: BigCommerceTransactionSchema,
      allowStatus: [422],
    });
    const { status } = answer;
    const problem = BigCommerceV3ErrorSchema.safeParse(answer.problem);
    if (status === 422 && problem.success) return { ok: false, title: problem.data.title };
    if (status !== 422 && answer.data) {
      return { ok: true, transactionId: answer.data.transaction_id };
    }
    throw new PermanentError(
      `bigcommerce answered an adjustment with ${status} and no ${status === 422 ? 'title' : 'transaction'}`,
      {
        provider: 'bigcommerce',
        endpoint: ABSOLUTE.endpoint,
        reason: 'bigcommerce.unexpected_response',
      },
    );
  };

  return {
    listInventoryLocations: () => list(LOCATIONS, BigCommerceInventoryLocationSchema, {}),

    async listInventoryItems(filter = {}) {
      const { skus, locationIds } = filter;
      // An empty list would mean no filter at all: nothing asked is nothing answered.
      if (locationIds?.length === 0 || skus?.length === 0) return [];
      const at: Query = locationIds ? { 'location_id:in': locationIds.join(',') } : {};
      if (!skus) return list(ITEMS, BigCommerceInventoryItemSchema, at);
      const wanted = new Set(skus);
      const items: BigCommerceInventoryItem[] = [];
      for (const chunk of commaChunks([...wanted].filter((sku) => sku && !sku.includes(',')))) {
        const query = { ...at, 'sku:in': chunk.join(',') };
        items.push(...(await list(ITEMS, BigCommerceInventoryItemSchema, query)));
      }
      return items.filter((item) => wanted.has(item.identity.sku));
    },

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

    adjustAbsolute,

    setAbsoluteStock(reason, items) {
      // Grouped by location, as BigCommerce asks of bulk adjustments (a stable sort keeps the
      // caller's order within a location).
      const ordered = [...items].sort((a, b) => a.location_id - b.location_id);
      return settleInBatches(ordered, (batch) => adjustAbsolute(reason, batch), {
        batchSize: MAX_ADJUSTMENT_ITEMS,
        maxSplitRequests: MAX_SPLIT_REQUESTS,
      });
    },
  };
}
