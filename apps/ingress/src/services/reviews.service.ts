import { z } from 'zod';
import type { Ports } from '@shiplink/connectors';
import type { OrderReviewRecord, Repos, StoredSkuMapping } from '@shiplink/db';
import {
  digest,
  REVIEW_STATUSES,
  reviewTrigger,
  stillWaiting,
  type ReviewStatus,
} from '@shiplink/domain';
import { jobs, type JobProducer } from '@shiplink/jobs';
import { displayName } from '../http/params';
import { HttpProblem } from '../http/problems';

// eslint-disable-next-line no-control-regex -- control characters are what is refused
const CONTROL_CHARS = /[\u0000-\u001f\u007f]/;

/** A SKU as people type it: matched exactly as given, so never trimmed, but never blank. */
export const SkuSchema = z
  .string()
  .min(1)
  .max(200)
  .refine((sku) => sku.trim() !== '', 'must not be blank')
  .refine((sku) => !CONTROL_CHARS.test(sku), 'must not contain control characters');

export const ReviewStatusSchema = z.enum(REVIEW_STATUSES);
export const MapSkuSchema = z.object({ fulfilmentSku: SkuSchema, by: displayName });
export const DismissReviewSchema = z.object({
  by: displayName,
  note: z.string().trim().max(1_000).optional(),
});
export const RetryReviewSchema = z.object({ by: displayName.optional() });

/** Open reviews waiting for one SKU that a manual mapping looks at right away. */
const REQUEUE_LIMIT = 500;

/** A review as the admin API and the CLI show it. */
export interface ReviewView {
  id: string;
  orderNumber: string;
  orderRef: string;
  connectionId: string;
  reason: string;
  /** The problems in words, for reasons that are not about SKUs (an address to fix). */
  details: string | null;
  skus: string[];
  status: ReviewStatus;
  createdAt: string;
  resolvedAt: string | null;
  resolvedBy: string | null;
}

export const presentReview = (review: OrderReviewRecord): ReviewView => ({
  id: review.id,
  orderNumber: review.orderNumber,
  orderRef: review.orderRef,
  connectionId: review.connectionId,
  reason: review.reason,
  details: review.details,
  skus: review.skus,
  status: review.status,
  createdAt: review.createdAt.toISOString(),
  resolvedAt: review.resolvedAt?.toISOString() ?? null,
  resolvedBy: review.resolvedBy,
});

/**
 * The review queue as people work it: orders waiting for SKUs the fulfilment system has no
 * product for, mapped by hand (checked against the system's catalog first), dismissed, or
 * retried. Every decision is audited with who made it.
 */
export class ReviewsService {
  constructor(
    private readonly repos: Repos,
    private readonly producer: JobProducer,
    private readonly ports: Pick<Ports, 'fulfilment' | 'providersFor' | 'has'>,
  ) {}

  async list(storeId: string, status?: ReviewStatus): Promise<ReviewView[]> {
    await this.requireStore(storeId);
    const reviews = await this.repos.catalog.listReviews({
      storeId,
      ...(status ? { status } : {}),
    });
    return reviews.map(presentReview);
  }

  async mappings(storeId: string): Promise<StoredSkuMapping[]> {
    await this.requireStore(storeId);
    return this.repos.catalog.listMappings(storeId);
  }

  /**
   * A person maps a store SKU to a product the fulfilment system has (422 when it has none by
   * that SKU). Orders waiting for nothing else are imported again at once; the recheck looks at
   * the others.
   */
  async mapSku(
    storeId: string,
    storeSku: string,
    input: z.infer<typeof MapSkuSchema>,
  ): Promise<{ mapping: StoredSkuMapping; ordersRequeued: number }> {
    await this.requireStore(storeId);
    const connection = await this.repos.tenancy.findStoreConnectionAmong(
      storeId,
      this.ports.providersFor('fulfilment'),
    );
    if (!connection) {
      throw new HttpProblem(409, 'no_fulfilment_connection', 'the store has no fulfilment system');
    }
    const system = this.ports.fulfilment(connection);
    if (!system.matchProducts) {
      throw new HttpProblem(
        409,
        'no_catalog',
        `${connection.provider} takes orders for any SKU: there is nothing to map`,
      );
    }
    const [product] = (await system.matchProducts([input.fulfilmentSku])).filter(
      (match) => match.sku === input.fulfilmentSku,
    );
    if (!product) {
      throw new HttpProblem(
        422,
        'unknown_product',
        `${connection.provider} has no product with SKU ${input.fulfilmentSku}`,
      );
    }
    const { mapping, previous } = await this.repos.catalog.saveManual(connection.id, {
      storeSku,
      fulfilmentSku: input.fulfilmentSku,
      productRef: product.productRef,
      mappedBy: input.by,
    });
    await this.repos.audit.write({
      direction: 'internal',
      kind: 'admin.sku_mapped',
      provider: connection.provider,
      connectionId: connection.id,
      metadata: {
        by: input.by,
        storeSku,
        fulfilmentSku: input.fulfilmentSku,
        productRef: product.productRef,
        ...(previous
          ? { previous: { fulfilmentSku: previous.fulfilmentSku, source: previous.source } }
          : {}),
      },
    });
    const ordersRequeued = await this.requeueWaitingFor(connection.id, storeId, storeSku);
    await this.producer.enqueue(
      jobs.reviewsRecheck,
      { connectionId: connection.id },
      { correlationId: `sku-map-${connection.id}` },
    );
    // A warehouse that owns stock: the product's balance is sold under the store SKU from now on.
    if (this.ports.has(connection, 'stock')) {
      await this.producer.enqueue(
        jobs.stockRefresh,
        {
          connectionId: connection.id,
          skus: [input.fulfilmentSku],
          trigger: `sku-map-${digest(`${storeSku}\n${input.fulfilmentSku}`, 16)}`,
        },
        { correlationId: `sku-map-${connection.id}` },
      );
    }
    return { mapping: { ...mapping, connectionId: connection.id }, ordersRequeued };
  }

  /** A person lets an open review go: its order is not exported (unless retried). */
  async dismiss(reviewId: string, input: z.infer<typeof DismissReviewSchema>): Promise<ReviewView> {
    const review = await this.requireReview(reviewId);
    const dismissed =
      review.status === 'open' ? await this.repos.catalog.dismiss(review.id, input.by) : undefined;
    if (!dismissed) {
      throw new HttpProblem(409, 'review_resolved', `review ${reviewId} is ${review.status}`);
    }
    await this.repos.audit.write({
      direction: 'internal',
      kind: 'admin.review_dismissed',
      connectionId: review.connectionId,
      orderRef: review.orderNumber,
      metadata: {
        by: input.by,
        reviewId: review.id,
        skus: review.skus,
        ...(input.note ? { note: input.note } : {}),
      },
    });
    return presentReview(dismissed);
  }

  /** Imports the review's order again now; a dismissed review is opened again first. */
  async retry(
    reviewId: string,
    input: z.infer<typeof RetryReviewSchema>,
  ): Promise<{ review: ReviewView; jobId: string }> {
    const review = await this.requireReview(reviewId);
    const storeConnection = await this.storeConnectionOf(review.storeId);
    const reopened =
      review.status === 'dismissed' ? await this.repos.catalog.reopen(review.id) : undefined;
    // A person retrying has looked: a consignment the carrier refused, or did not say it made,
    // may be asked for again.
    const released = await this.repos.carrierShipments.releaseForRetry(
      review.orderId,
      review.connectionId,
    );
    const jobId = await this.producer.enqueue(
      jobs.orderImport,
      {
        connectionId: storeConnection,
        orderRef: review.orderRef,
        trigger: reviewTrigger(review.id, Date.now()),
      },
      { correlationId: `review-${review.id}` },
    );
    await this.repos.audit.write({
      direction: 'internal',
      kind: 'admin.review_retried',
      connectionId: review.connectionId,
      orderRef: review.orderNumber,
      metadata: {
        by: input.by ?? null,
        reviewId: review.id,
        reopened: Boolean(reopened),
        carrierRequestsReleased: released,
      },
    });
    return { review: presentReview(reopened ?? review), jobId };
  }

  /**
   * Open reviews waiting for this SKU: each whose SKUs are all mapped now is imported again
   * (the import releases it); the others wait for fewer SKUs. Answers how many were imported.
   */
  private async requeueWaitingFor(
    connectionId: string,
    storeId: string,
    storeSku: string,
  ): Promise<number> {
    const { catalog } = this.repos;
    const reviews = await catalog.openReviews(connectionId, {
      limit: REQUEUE_LIMIT,
      waitingFor: storeSku,
    });
    if (reviews.length === 0) return 0;
    const skus = [...new Set(reviews.flatMap((review) => review.skus))];
    const mapped = new Set((await catalog.mappingsFor(connectionId, skus)).map((m) => m.storeSku));
    const storeConnection = await this.storeConnectionOf(storeId);
    let requeued = 0;
    for (const review of reviews) {
      const waiting = stillWaiting(review.skus, mapped);
      if (waiting.length > 0) {
        await catalog.narrow(review.id, waiting);
        continue;
      }
      await this.producer.enqueue(
        jobs.orderImport,
        {
          connectionId: storeConnection,
          orderRef: review.orderRef,
          // The same trigger the recheck gives this review now: whichever comes first imports.
          trigger: reviewTrigger(review.id, review.updatedAt.getTime()),
        },
        { correlationId: `review-${review.id}` },
      );
      requeued += 1;
    }
    return requeued;
  }

  private async storeConnectionOf(storeId: string): Promise<string> {
    const connection = await this.repos.tenancy.findStoreConnectionAmong(
      storeId,
      this.ports.providersFor('store'),
    );
    if (!connection) {
      throw new HttpProblem(
        409,
        'no_store_connection',
        'the store has no store platform connection',
      );
    }
    return connection.id;
  }

  private async requireStore(storeId: string) {
    const store = await this.repos.tenancy.getStore(storeId);
    if (!store) throw new HttpProblem(404, 'unknown_store', 'no such store');
    return store;
  }

  private async requireReview(reviewId: string): Promise<OrderReviewRecord> {
    const review = await this.repos.catalog.findReview(reviewId);
    if (!review) throw new HttpProblem(404, 'unknown_review', 'no such review');
    return review;
  }
}
