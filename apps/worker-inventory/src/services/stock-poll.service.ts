import type { Platform } from '@shiplink/app-kit';
import type { StockObservation } from '@shiplink/domain';
import { MAX_SKUS_PER_REFRESH } from '@shiplink/jobs';
import { StockFlushService, type FlushOutcome } from './stock-flush.service';

const CURSOR = 'stock.updated';
/** Re-read a little before the cursor: the warehouse's times have whole seconds, lists lag. */
const OVERLAP_MS = 2 * 60_000;
/** A new connection looks this far back on its first poll. */
const FIRST_LOOKBACK_MS = 24 * 3600_000;

function chunked<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * Reconciling poll for deliveries that never came: the balances the warehouse changed since
 * the cursor are kept (newest wins, as for a refresh) and the store is sent what changed. The
 * cursor is the warehouse's own time of the newest balance seen.
 */
export class StockPollService {
  constructor(
    private readonly platform: Platform,
    private readonly levels = new StockFlushService(platform),
  ) {}

  async poll({ connectionId }: { connectionId: string }): Promise<void> {
    const { repos, logger } = this.platform;
    const warehouse = await this.levels.warehouse(connectionId);
    if (!warehouse.source.ownsStoreStock) {
      logger.info('stock kept by the store, nothing polled', {});
      return;
    }
    const stored = await repos.cursors.get(connectionId, CURSOR);
    const since = stored
      ? new Date(new Date(stored).getTime() - OVERLAP_MS)
      : new Date(Date.now() - FIRST_LOOKBACK_MS);
    const readAt = new Date();
    const changes = await warehouse.source.stockChangedSince(since);
    const skus = [...new Set(changes.map((change) => change.sku))];
    const firstSeen = await this.firstSeen(connectionId, skus);
    const kept = await repos.stock.observe(connectionId, changes, readAt);

    const total: FlushOutcome = { levels: 0, sent: 0, rejected: 0 };
    for (const chunk of chunked(skus, MAX_SKUS_PER_REFRESH)) {
      // A change lists one warehouse's row. For a SKU the hub has never seen, the other
      // warehouses' balances are read back first, so its first level is a whole sum, not one
      // warehouse's share of it.
      const unseen = chunk.filter((sku) => firstSeen.has(sku));
      if (unseen.length > 0) {
        const at = new Date();
        await repos.stock.observe(connectionId, await warehouse.source.stockOf(unseen), at);
      }
      const outcome = await this.levels.flush(
        warehouse,
        chunk,
        `${warehouse.connection.provider} stock reconciliation`,
      );
      total.levels += outcome.levels;
      total.sent += outcome.sent;
      total.rejected += outcome.rejected;
    }

    const newest = newestOf(changes);
    if (newest && (!stored || newest > stored))
      await repos.cursors.set(connectionId, CURSOR, newest);
    logger.info('stock polled', {
      found: changes.length,
      skus: skus.length,
      firstSeen: firstSeen.size,
      kept,
      ...total,
      since: since.toISOString(),
    });
  }

  /** The SKUs with no stored observation in any warehouse. */
  private async firstSeen(connectionId: string, skus: readonly string[]): Promise<Set<string>> {
    const known = new Set<string>();
    for (const chunk of chunked(skus, 1_000)) {
      for (const observation of await this.platform.repos.stock.observationsOf(
        connectionId,
        chunk,
      )) {
        known.add(observation.sku);
      }
    }
    return new Set(skus.filter((sku) => !known.has(sku)));
  }
}

/** The newest observation time as ISO text (they compare as text: all are `toISOString`). */
function newestOf(observations: readonly StockObservation[]): string | undefined {
  let newest: string | undefined;
  for (const { observedAt } of observations) {
    const iso = new Date(observedAt).toISOString();
    if (!newest || iso > newest) newest = iso;
  }
  return newest;
}
