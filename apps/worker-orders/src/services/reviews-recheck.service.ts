import type { Platform } from '@shiplink/app-kit';
import type { OrderReviewRecord } from '@shiplink/db';
import { reviewTrigger, stillWaiting } from '@shiplink/domain';
import { jobs } from '@shiplink/jobs';

/** Open reviews looked at per run; the next run carries on after the last one. */
export const RECHECK_BATCH = 100;
const CURSOR = 'reviews.recheck';

/**
 * Orders waiting in review at a fulfilment connection, asked about again: the system is asked
 * for the SKUs they wait for that have no mapping yet (the products may exist now), matches are
 * stored, and every order whose SKUs are all mapped is imported again — the import exports it
 * and releases its review. A bounded batch per run, going round all of them; nothing waiting
 * costs one query and no provider call.
 */
export class ReviewsRecheckService {
  constructor(private readonly platform: Platform) {}

  async recheck({ connectionId }: { connectionId: string }): Promise<void> {
    const { repos, ports, logger } = this.platform;
    const reviews = await this.nextBatch(connectionId);
    if (reviews.length === 0) return;
    const connection = await repos.tenancy.requireConnection(
      connectionId,
      ports.providersFor('fulfilment'),
    );
    const system = ports.fulfilment(connection);
    if (!system.matchProducts) {
      logger.warn('reviews not rechecked: the system takes any SKU', { open: reviews.length });
      return;
    }
    const skus = [...new Set(reviews.flatMap((review) => review.skus))];
    const mapped = new Set(
      (await repos.catalog.mappingsFor(connectionId, skus)).map((m) => m.storeSku),
    );
    const missing = skus.filter((sku) => !mapped.has(sku));
    let matched = 0;
    if (missing.length > 0) {
      const asked = new Set(missing);
      const matches = (await system.matchProducts(missing)).filter((m) => asked.has(m.sku));
      await repos.catalog.saveMatches(connectionId, matches);
      for (const match of matches) mapped.add(match.sku);
      matched = matches.length;
    }
    let ready = 0;
    for (const review of reviews) {
      // A review without SKUs waits for a store line to get one: no catalog can answer it.
      if (review.skus.length === 0) continue;
      const waiting = stillWaiting(review.skus, mapped);
      if (waiting.length === 0) {
        if (await this.importAgain(review)) ready += 1;
      } else if (waiting.length < review.skus.length) {
        await repos.catalog.narrow(review.id, waiting);
      }
    }
    logger.info('reviews rechecked', {
      open: reviews.length,
      asked: missing.length,
      matched,
      ready,
    });
  }

  /** The next open reviews after the cursor; from the first again once round. */
  private async nextBatch(connectionId: string): Promise<OrderReviewRecord[]> {
    const { catalog, cursors } = this.platform.repos;
    const after = (await cursors.get(connectionId, CURSOR)) || undefined;
    let batch = await catalog.openReviews(connectionId, { limit: RECHECK_BATCH, after });
    if (batch.length === 0 && after) {
      batch = await catalog.openReviews(connectionId, { limit: RECHECK_BATCH });
    }
    const next = batch.length === RECHECK_BATCH ? (batch.at(-1)?.id ?? '') : '';
    if (next !== (after ?? '')) await cursors.set(connectionId, CURSOR, next);
    return batch;
  }

  /** Imports the review's order again, once per state of the review. */
  private async importAgain(review: OrderReviewRecord): Promise<boolean> {
    const { repos, ports, producer, logger } = this.platform;
    const store = await repos.tenancy.findStoreConnectionAmong(
      review.storeId,
      ports.providersFor('store'),
    );
    if (!store) {
      logger.warn('review not retried: the store has no connection', { reviewId: review.id });
      return false;
    }
    await producer.enqueue(
      jobs.orderImport,
      {
        connectionId: store.id,
        orderRef: review.orderRef,
        trigger: reviewTrigger(review.id, review.updatedAt.getTime()),
      },
      { correlationId: `review-${review.id}` },
    );
    return true;
  }
}
