import type { z } from 'zod';
import { PermanentError } from '@shiplink/errors';
import type { HttpClient } from '../http/client';
import { settleInBatches, type PayloadAnswer, type SettledItems } from './adjustment-batches';
import { BigCommerceV3ErrorSchema } from './hook-schemas';
import {
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

/** One item of a relative adjustment: a change (negative to take away) at one location. */
export type BigCommerceRelativeAdjustment = { location_id: number; quantity: number } & (
  { sku: string } | { variant_id: number } | { product_id: number }
);

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
  /**
   * Adds or takes away stock, at most 2000 items, all applied or all refused (a 422 is thrown:
   * e.g. an item that never had an absolute level there). Sent once: a repeat would apply twice,
   * so after a transient failure the caller reads the levels before trying again.
   */
  adjustRelative(
    items: readonly BigCommerceRelativeAdjustment[],
    reason: string,
  ): Promise<{ transactionId: string }>;
}

const LOCATIONS = { path: '/v3/inventory/locations', endpoint: 'GET /v3/inventory/locations' };
const ITEMS = { path: '/v3/inventory/items', endpoint: 'GET /v3/inventory/items' };
const ABSOLUTE = {
  path: '/v3/inventory/adjustments/absolute',
  endpoint: 'PUT /v3/inventory/adjustments/absolute',
};
const RELATIVE = {
  path: '/v3/inventory/adjustments/relative',
  endpoint: 'POST /v3/inventory/adjustments/relative',
};

export type Query = Record<string, string>;
export type Endpoint = { path: string; endpoint: string };

/** Pages of a v3 collection: one, or all of them. */
export function v3Reader(http: HttpClient) {
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
  return { page, list, pageSize: PAGE_SIZE };
}

const tooMany = () =>
  new PermanentError(`at most ${MAX_ADJUSTMENT_ITEMS} items per adjustment`, {
    provider: 'bigcommerce',
    reason: 'bigcommerce.payload_too_large',
  });

export function createBigCommerceInventoryClient(deps: {
  http: HttpClient;
}): BigCommerceInventoryClient {
  const { http } = deps;
  const { list } = v3Reader(http);

  const adjustAbsolute: BigCommerceInventoryClient['adjustAbsolute'] = async (reason, items) => {
    if (items.length > MAX_ADJUSTMENT_ITEMS) throw tooMany();
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

    async adjustRelative(items, reason) {
      if (items.length > MAX_ADJUSTMENT_ITEMS) throw tooMany();
      const { data } = await http.request({
        method: 'POST',
        ...RELATIVE,
        body: { reason, items },
        schema: BigCommerceTransactionSchema,
        retries: 0,
      });
      if (!data) {
        throw new PermanentError(
          'bigcommerce answered a relative adjustment without a transaction',
          {
            provider: 'bigcommerce',
            endpoint: RELATIVE.endpoint,
            reason: 'bigcommerce.unexpected_response',
          },
        );
      }
      return { transactionId: data.transaction_id };
    },
  };
}
