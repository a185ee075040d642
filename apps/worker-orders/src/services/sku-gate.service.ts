import type { Platform } from '@shiplink/app-kit';
import type { ConnectionRecord, OrderReviewRecord } from '@shiplink/db';
import {
  AUTO_RESOLVER,
  hasGaps,
  orderWithFulfilmentSkus,
  releasedBy,
  reviewReasonOf,
  skuGaps,
  storeSkusOf,
  type CanonicalOrder,
  type FulfilmentSystem,
  type SkuMapping,
} from '@shiplink/domain';
import { currentLogContext } from '@shiplink/logger';

export interface GateInput {
  /** The hub's id of the store order. */
  orderId: string;
  canonical: CanonicalOrder;
  fulfilment: ConnectionRecord;
  system: FulfilmentSystem;
}

/** An order the fulfilment system may take now. */
export interface Admission {
  /** The order as the system is to see it: fulfilment SKUs in place of the store's. */
  order: CanonicalOrder;
  /** Once the order is exported: its review, if one was open, is released. */
  exported(): Promise<void>;
}

const nothingToRelease = async () => undefined;

/**
 * SKUs before export, for fulfilment systems that only take orders for products they know (they
 * have `matchProducts`; the others take any SKU and are never gated). Every SKU of the order
 * needs a mapping: a stored one, or a match the system finds now (stored for next time). An
 * order with a SKU left unmapped, or a line without one, is never sent with a guess: it waits in
 * review, and the import that finds it complete releases the review.
 */
export class SkuGate {
  constructor(private readonly platform: Platform) {}

  /** The order to export, or undefined when it waits in review (which is not a failure). */
  async admit(input: GateInput): Promise<Admission | undefined> {
    const { canonical, fulfilment, system } = input;
    const matchProducts = system.matchProducts?.bind(system);
    if (!matchProducts) return { order: canonical, exported: nothingToRelease };
    const { repos, logger } = this.platform;
    const review = await repos.catalog.findReviewOf(input.orderId, fulfilment.id);
    if (review?.status === 'dismissed') {
      logger.info('order not exported: its review was dismissed', {
        reviewId: review.id,
        dismissedBy: review.resolvedBy,
      });
      return undefined;
    }
    const skus = storeSkusOf(canonical.lines);
    const mappings = await this.mappingsOf(skus, fulfilment.id, matchProducts);
    const gaps = skuGaps(canonical.lines, new Set(mappings.map((m) => m.storeSku)));
    if (hasGaps(gaps)) {
      await this.hold(input, gaps);
      return undefined;
    }
    return {
      order: orderWithFulfilmentSkus(canonical, mappings),
      exported:
        review?.status === 'open'
          ? () => this.release(review, releasedBy(review.skus, mappings), input)
          : nothingToRelease,
    };
  }

  /** A store order cancelled while it waits in review waits for nothing any more. */
  async cancelled(input: GateInput): Promise<void> {
    if (!input.system.matchProducts) return;
    const review = await this.platform.repos.catalog.findReviewOf(
      input.orderId,
      input.fulfilment.id,
    );
    if (review?.status !== 'open') return;
    const dismissed = await this.platform.repos.catalog.dismiss(review.id, AUTO_RESOLVER);
    if (!dismissed) return;
    this.audit('review.dismissed', input, {
      reviewId: review.id,
      by: AUTO_RESOLVER,
      cause: 'order_cancelled',
      storeStatus: input.canonical.status,
    });
    this.platform.logger.info('review dismissed: order cancelled in the store', {
      reviewId: review.id,
    });
  }

  /** Stored mappings of these SKUs, and matches the system finds now for the others (stored). */
  private async mappingsOf(
    skus: readonly string[],
    connectionId: string,
    matchProducts: NonNullable<FulfilmentSystem['matchProducts']>,
  ): Promise<SkuMapping[]> {
    const { catalog } = this.platform.repos;
    const stored = await catalog.mappingsFor(connectionId, skus);
    const known = new Set(stored.map((m) => m.storeSku));
    const missing = skus.filter((sku) => !known.has(sku));
    if (missing.length === 0) return stored;
    const asked = new Set(missing);
    const matches = (await matchProducts(missing)).filter((m) => asked.has(m.sku));
    if (matches.length > 0) {
      this.platform.logger.info('products matched by SKU', {
        skus: matches.map((m) => m.sku),
      });
    }
    return [...stored, ...(await catalog.saveMatches(connectionId, matches))];
  }

  private async hold(input: GateInput, gaps: ReturnType<typeof skuGaps>): Promise<void> {
    const { repos, logger } = this.platform;
    const reason = reviewReasonOf(gaps);
    const held = await repos.catalog.hold({
      orderId: input.orderId,
      connectionId: input.fulfilment.id,
      reason,
      skus: gaps.unmapped,
    });
    const fields = {
      reviewId: held?.review.id,
      reason,
      skus: gaps.unmapped,
      linesWithoutSku: gaps.withoutSku,
    };
    if (!held) {
      // Dismissed by a person while this import ran: that decision stands.
      logger.info('order not exported: its review was dismissed', fields);
      return;
    }
    if (held.outcome === 'unchanged') {
      logger.info('order still held for review', fields);
      return;
    }
    this.audit(held.outcome === 'opened' ? 'review.opened' : 'review.updated', input, fields);
    logger.warn('order held for review', { ...fields, outcome: held.outcome });
  }

  private async release(review: OrderReviewRecord, by: string, input: GateInput): Promise<void> {
    const released = await this.platform.repos.catalog.release(review.id, by);
    if (!released) return;
    this.audit('review.released', input, { reviewId: review.id, by, skus: review.skus });
    this.platform.logger.info('review released: order exported', { reviewId: review.id, by });
  }

  private audit(kind: string, input: GateInput, metadata: Record<string, unknown>): void {
    this.platform.repos.audit.record({
      direction: 'internal',
      kind,
      provider: input.fulfilment.provider,
      connectionId: input.fulfilment.id,
      orderRef: input.canonical.orderNumber,
      correlationId: currentLogContext().correlationId,
      metadata,
    });
  }
}
