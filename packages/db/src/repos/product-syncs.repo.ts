import { productRecheckDelayMs, type ProductSyncOutcome } from '@shiplink/domain';
import type { Db } from '../client';

export type ProductSyncState = 'synced' | 'waiting' | 'refused';

export interface ProductSyncRecord {
  connectionId: string;
  sku: string;
  productRef: string;
  state: ProductSyncState;
  wantedDigest: string;
  syncedDigest: string | null;
  reason: string | null;
  checks: number;
  checkedAt: Date;
  nextCheckAt: Date | null;
  syncedAt: Date | null;
}

/** One SKU's answer from the fulfilment system, with the store values it was given. */
export interface ProductSyncResult {
  outcome: ProductSyncOutcome;
  productRef: string;
  /** `catalogVariantDigest` of the values asked for. */
  digest: string;
}

const STATE_OF: Record<ProductSyncOutcome['status'], ProductSyncState> = {
  updated: 'synced',
  unchanged: 'synced',
  unknown: 'waiting',
  refused: 'refused',
};

const SELECT = {
  connectionId: true,
  sku: true,
  productRef: true,
  state: true,
  wantedDigest: true,
  syncedDigest: true,
  reason: true,
  checks: true,
  checkedAt: true,
  nextCheckAt: true,
  syncedAt: true,
} as const;

/**
 * Per fulfilment connection and SKU, what the hub last gave the system of the store's product,
 * or waits to give it. The (connection, SKU) key makes every answer land on one row, so replays
 * only rewrite what the row says already. A SKU the system does not know yet (`unknown`) waits:
 * it is asked about again when its back-off has passed, or at once when an order carrying it has
 * been exported to that connection since it was last asked (the system files a product for it).
 */
export class ProductSyncsRepo {
  constructor(private readonly db: Db) {}

  forSkus(connectionId: string, skus: readonly string[]): Promise<ProductSyncRecord[]> {
    if (skus.length === 0) return Promise.resolve([]);
    return this.db.productSync.findMany({
      where: { connectionId, sku: { in: [...new Set(skus)] } },
      select: SELECT,
      orderBy: { sku: 'asc' },
    });
  }

  /** Every row of a connection, waiting ones first (what an admin looks at). */
  forConnection(connectionId: string, limit = 500): Promise<ProductSyncRecord[]> {
    return this.db.productSync.findMany({
      where: { connectionId },
      select: SELECT,
      orderBy: [{ state: 'desc' }, { sku: 'asc' }],
      take: limit,
    });
  }

  /**
   * Records what the system answered when asked at `checkedAt` (taken before the ask, so that an
   * order exported while it ran still counts as after it). A SKU that keeps waiting counts one
   * more check and backs off; an answer for other values than the row's starts it afresh.
   */
  async record(
    connectionId: string,
    results: readonly ProductSyncResult[],
    checkedAt: Date,
  ): Promise<void> {
    if (results.length === 0) return;
    const before = new Map(
      (
        await this.forSkus(
          connectionId,
          results.map((r) => r.outcome.sku),
        )
      ).map((row) => [row.sku, row]),
    );
    for (const { outcome, productRef, digest } of results) {
      const previous = before.get(outcome.sku);
      const state = STATE_OF[outcome.status];
      const waitedAlready = previous?.state === 'waiting' && previous.wantedDigest === digest;
      const checks = state === 'waiting' ? (waitedAlready ? previous.checks : 0) + 1 : 0;
      const fields = {
        productRef,
        state,
        wantedDigest: digest,
        reason: outcome.status === 'refused' ? outcome.reason.slice(0, 1_000) : null,
        checks,
        checkedAt,
        nextCheckAt:
          state === 'waiting'
            ? new Date(checkedAt.getTime() + productRecheckDelayMs(checks))
            : null,
        ...(state === 'synced' ? { syncedDigest: digest, syncedAt: checkedAt } : {}),
      };
      await this.db.productSync.upsert({
        where: { connectionId_sku: { connectionId, sku: outcome.sku } },
        create: { connectionId, sku: outcome.sku, ...fields },
        update: fields,
      });
    }
  }

  /**
   * Waiting SKUs to ask about now, fewest checks first: their back-off has passed, or an order
   * with the SKU was exported to the connection at or after their last check. When nothing
   * waits this is one indexed look at the connection's rows; otherwise the connection's exports
   * since the oldest check are read once, not once per SKU.
   */
  async due(connectionId: string, now: Date, limit = 50): Promise<ProductSyncRecord[]> {
    const waits = await this.db.productSync.findFirst({
      where: { connectionId, state: 'waiting' },
      select: { sku: true },
    });
    if (!waits) return [];
    const rows = await this.db.$queryRaw<{ sku: string }[]>`
      WITH waiting AS (
        SELECT sku, checks, checked_at, next_check_at FROM product_syncs
        WHERE connection_id = ${connectionId}::uuid AND state = 'waiting'
      ), exported AS (
        SELECT ol.sku, max(fo.exported_at) AS at
        FROM fulfilment_orders fo
        JOIN order_lines ol
          ON ol.order_id = fo.order_id AND ol.external_address_id = fo.external_address_id
        WHERE fo.connection_id = ${connectionId}::uuid
          AND fo.exported_at >= (SELECT min(checked_at) FROM waiting)
          AND ol.sku IN (SELECT sku FROM waiting)
        GROUP BY ol.sku
      )
      SELECT w.sku FROM waiting w LEFT JOIN exported e ON e.sku = w.sku
      WHERE w.next_check_at IS NULL OR w.next_check_at <= ${now}::timestamp(3)
        OR e.at >= w.checked_at
      ORDER BY w.checks, w.sku
      LIMIT ${limit}`;
    return this.forSkus(
      connectionId,
      rows.map((row) => row.sku),
    );
  }

  /** Forgets SKUs the store's product no longer has (or the store no longer has the product). */
  async forget(connectionId: string, skus: readonly string[]): Promise<number> {
    if (skus.length === 0) return 0;
    const { count } = await this.db.productSync.deleteMany({
      where: { connectionId, sku: { in: [...skus] } },
    });
    return count;
  }
}
