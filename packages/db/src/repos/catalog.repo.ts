import {
  SKU_MAPPING_SOURCES,
  type ProductMatch,
  type ReviewReason,
  type ReviewStatus,
  type SkuMapping,
  type SkuMappingSource,
} from '@shiplink/domain';
import { z } from 'zod';
import type { Db } from '../client';
import { isUniqueViolation } from '../unique';

/** A mapping as listed for a store: which of its fulfilment connections it holds for. */
export interface StoredSkuMapping extends SkuMapping {
  connectionId: string;
}

/** An order waiting for SKUs at one fulfilment connection, with what a person needs to find it. */
export interface OrderReviewRecord {
  id: string;
  orderId: string;
  /** The fulfilment connection the order waits for. */
  connectionId: string;
  storeId: string;
  orderNumber: string;
  /** The store's id of the order, as `orderImport` takes it. */
  orderRef: string;
  reason: string;
  details: string | null;
  /** The store SKUs still waiting for a match. */
  skus: string[];
  status: ReviewStatus;
  createdAt: Date;
  updatedAt: Date;
  resolvedAt: Date | null;
  resolvedBy: string | null;
}

export interface ReviewHold {
  orderId: string;
  connectionId: string;
  reason: ReviewReason;
  skus: readonly string[];
  /** The problems in words, for reasons that are not about SKUs. */
  details?: string | null;
}

/** What `hold` did: a review opened (new or reopened), changed, or already held like that. */
export type HoldOutcome = 'opened' | 'updated' | 'unchanged';

const REVIEW_ORDER = { order: { select: { orderNumber: true, externalId: true, storeId: true } } };

type MappingRow = Awaited<ReturnType<Db['skuMapping']['findFirstOrThrow']>>;
type ReviewRow = Awaited<ReturnType<Db['orderReview']['findFirstOrThrow']>> & {
  order: { orderNumber: string; externalId: string; storeId: string };
};

const SourceSchema = z.enum(SKU_MAPPING_SOURCES);

const sameSkus = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((sku, i) => sku === b[i]);

/** SKU matches between a store and a fulfilment system, and the orders waiting for one. */
export class CatalogRepo {
  constructor(private readonly db: Db) {}

  /** The mappings a fulfilment connection has for these store SKUs (absent ones are unmapped). */
  async mappingsFor(connectionId: string, storeSkus: readonly string[]): Promise<SkuMapping[]> {
    if (storeSkus.length === 0) return [];
    const rows = await this.db.skuMapping.findMany({
      where: { connectionId, storeSku: { in: [...new Set(storeSkus)] } },
    });
    return rows.map(toMapping);
  }

  /**
   * The store SKUs mapped onto these fulfilment SKUs under other names (a person mapped
   * HAT-BEANIE to BEANIE-01): what the warehouse's stock of each is sold as in the store.
   */
  async renamedStoreSkus(
    connectionId: string,
    fulfilmentSkus: readonly string[],
  ): Promise<Map<string, string[]>> {
    const renamed = new Map<string, string[]>();
    if (fulfilmentSkus.length === 0) return renamed;
    const rows = await this.db.skuMapping.findMany({
      where: { connectionId, fulfilmentSku: { in: [...new Set(fulfilmentSkus)] } },
      select: { storeSku: true, fulfilmentSku: true },
    });
    for (const { storeSku, fulfilmentSku } of rows) {
      if (storeSku === fulfilmentSku) continue;
      renamed.set(fulfilmentSku, [...(renamed.get(fulfilmentSku) ?? []), storeSku]);
    }
    return renamed;
  }

  /**
   * Keeps what the fulfilment system matched by SKU. A manual mapping is a person's decision and
   * stays; an earlier match is refreshed (the product may have been recreated).
   */
  async saveMatches(connectionId: string, matches: readonly ProductMatch[]): Promise<SkuMapping[]> {
    if (matches.length === 0) return [];
    await this.db.skuMapping.createMany({
      data: matches.map((match) => ({
        connectionId,
        storeSku: match.sku,
        fulfilmentSku: match.sku,
        productRef: match.productRef,
        source: 'matched' satisfies SkuMappingSource,
      })),
      skipDuplicates: true,
    });
    for (const match of matches) {
      await this.db.skuMapping.updateMany({
        where: {
          connectionId,
          storeSku: match.sku,
          source: 'matched',
          NOT: { productRef: match.productRef },
        },
        data: { fulfilmentSku: match.sku, productRef: match.productRef },
      });
    }
    return this.mappingsFor(
      connectionId,
      matches.map((match) => match.sku),
    );
  }

  /** A person's mapping: replaces whatever was there. Answers it and the one it replaced. */
  async saveManual(
    connectionId: string,
    input: { storeSku: string; fulfilmentSku: string; productRef: string | null; mappedBy: string },
  ): Promise<{ mapping: SkuMapping; previous: SkuMapping | undefined }> {
    const key = { connectionId_storeSku: { connectionId, storeSku: input.storeSku } };
    const previous = await this.db.skuMapping.findUnique({ where: key });
    const fields = {
      fulfilmentSku: input.fulfilmentSku,
      productRef: input.productRef,
      source: 'manual' satisfies SkuMappingSource,
      mappedBy: input.mappedBy,
    };
    const row = await this.db.skuMapping.upsert({
      where: key,
      create: { connectionId, storeSku: input.storeSku, ...fields },
      update: fields,
    });
    return { mapping: toMapping(row), previous: previous ? toMapping(previous) : undefined };
  }

  /** Every mapping of a store's fulfilment connections, by store SKU. */
  async listMappings(storeId: string, limit = 1_000): Promise<StoredSkuMapping[]> {
    const rows = await this.db.skuMapping.findMany({
      where: { connection: { storeId } },
      orderBy: [{ storeSku: 'asc' }, { connectionId: 'asc' }],
      take: limit,
    });
    return rows.map((row) => ({ ...toMapping(row), connectionId: row.connectionId }));
  }

  /**
   * Holds an order back: opens its review (or reopens a released one) with the SKUs still
   * waiting, or updates them. A dismissed review stays dismissed: a person let that order go,
   * and nothing is held for it again (undefined).
   */
  async hold(input: ReviewHold): Promise<
    | {
        review: OrderReviewRecord;
        outcome: HoldOutcome;
      }
    | undefined
  > {
    const key = {
      orderId_connectionId: { orderId: input.orderId, connectionId: input.connectionId },
    };
    const existing = await this.db.orderReview.findUnique({ where: key, include: REVIEW_ORDER });
    if (existing?.status === 'dismissed') return undefined;
    if (
      existing?.status === 'open' &&
      existing.reason === input.reason &&
      existing.details === (input.details ?? null) &&
      sameSkus(existing.skus, input.skus)
    ) {
      return { review: toReview(existing), outcome: 'unchanged' };
    }
    const fields = {
      reason: input.reason,
      details: input.details ?? null,
      skus: [...input.skus],
      status: 'open' as const,
      resolvedAt: null,
      resolvedBy: null,
    };
    if (!existing) {
      try {
        const created = await this.db.orderReview.create({
          data: { orderId: input.orderId, connectionId: input.connectionId, ...fields },
          include: REVIEW_ORDER,
        });
        return { review: toReview(created), outcome: 'opened' };
      } catch (error) {
        // Opened a moment ago by someone else: hold it the way an existing one is held.
        if (!isUniqueViolation(error)) throw error;
        return this.hold(input);
      }
    }
    // A person may dismiss it meanwhile; that decision wins.
    const [updated] = await this.db.orderReview.updateManyAndReturn({
      where: { id: existing.id, status: { not: 'dismissed' } },
      data: fields,
      include: REVIEW_ORDER,
    });
    if (!updated) return undefined;
    return {
      review: toReview(updated),
      outcome: existing.status === 'open' ? 'updated' : 'opened',
    };
  }

  /** The SKUs an open review still waits for, once some of them are matched. */
  async narrow(reviewId: string, skus: readonly string[]): Promise<boolean> {
    const { count } = await this.db.orderReview.updateMany({
      where: { id: reviewId, status: 'open' },
      data: { skus: [...skus] },
    });
    return count > 0;
  }

  /** Lets an open review go: its order was exported. `by`: a person, or `auto`. */
  async release(reviewId: string, by: string): Promise<OrderReviewRecord | undefined> {
    return this.resolve(reviewId, 'released', by);
  }

  /** Closes an open review without exporting its order (a person's decision, or a cancellation). */
  async dismiss(reviewId: string, by: string): Promise<OrderReviewRecord | undefined> {
    return this.resolve(reviewId, 'dismissed', by);
  }

  /** Opens a resolved review again (a person asked to retry its order). */
  async reopen(reviewId: string): Promise<OrderReviewRecord | undefined> {
    const [row] = await this.db.orderReview.updateManyAndReturn({
      where: { id: reviewId, status: { not: 'open' } },
      data: { status: 'open', resolvedAt: null, resolvedBy: null },
      include: REVIEW_ORDER,
    });
    return row ? toReview(row) : undefined;
  }

  async findReview(id: string): Promise<OrderReviewRecord | undefined> {
    const row = await this.db.orderReview.findUnique({ where: { id }, include: REVIEW_ORDER });
    return row ? toReview(row) : undefined;
  }

  /** The review of one order at one fulfilment connection, whatever its status. */
  async findReviewOf(
    orderId: string,
    connectionId: string,
  ): Promise<OrderReviewRecord | undefined> {
    const row = await this.db.orderReview.findUnique({
      where: { orderId_connectionId: { orderId, connectionId } },
      include: REVIEW_ORDER,
    });
    return row ? toReview(row) : undefined;
  }

  /** Reviews of a store's orders or of a fulfilment connection, newest first. */
  async listReviews(
    filter: { storeId?: string; connectionId?: string; status?: ReviewStatus },
    limit = 100,
  ): Promise<OrderReviewRecord[]> {
    const rows = await this.db.orderReview.findMany({
      where: {
        ...(filter.storeId ? { order: { storeId: filter.storeId } } : {}),
        ...(filter.connectionId ? { connectionId: filter.connectionId } : {}),
        ...(filter.status ? { status: filter.status } : {}),
      },
      include: REVIEW_ORDER,
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: limit,
    });
    return rows.map(toReview);
  }

  /**
   * Open reviews of a fulfilment connection, a bounded batch in id order from after `after` (so
   * that successive batches go round every review). `waitingFor`: only those waiting for a SKU.
   */
  async openReviews(
    connectionId: string,
    options: { limit: number; after?: string | undefined; waitingFor?: string },
  ): Promise<OrderReviewRecord[]> {
    const rows = await this.db.orderReview.findMany({
      where: {
        connectionId,
        status: 'open',
        ...(options.after ? { id: { gt: options.after } } : {}),
        ...(options.waitingFor ? { skus: { has: options.waitingFor } } : {}),
      },
      include: REVIEW_ORDER,
      orderBy: { id: 'asc' },
      take: options.limit,
    });
    return rows.map(toReview);
  }

  private async resolve(
    reviewId: string,
    status: 'released' | 'dismissed',
    by: string,
  ): Promise<OrderReviewRecord | undefined> {
    const [row] = await this.db.orderReview.updateManyAndReturn({
      where: { id: reviewId, status: 'open' },
      data: { status, resolvedAt: new Date(), resolvedBy: by },
      include: REVIEW_ORDER,
    });
    return row ? toReview(row) : undefined;
  }
}

function toMapping(row: MappingRow): SkuMapping {
  return {
    storeSku: row.storeSku,
    fulfilmentSku: row.fulfilmentSku,
    productRef: row.productRef,
    source: SourceSchema.parse(row.source),
    mappedBy: row.mappedBy,
    mappedAt: row.updatedAt.toISOString(),
  };
}

function toReview(row: ReviewRow): OrderReviewRecord {
  return {
    id: row.id,
    orderId: row.orderId,
    connectionId: row.connectionId,
    storeId: row.order.storeId,
    orderNumber: row.order.orderNumber,
    orderRef: row.order.externalId,
    reason: row.reason,
    details: row.details,
    skus: row.skus,
    status: row.status,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    resolvedAt: row.resolvedAt,
    resolvedBy: row.resolvedBy,
  };
}
