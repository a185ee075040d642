import type { Platform } from '@shiplink/app-kit';
import { StockFlushService } from './stock-flush.service';

/** SKUs read back at once; the warehouse meters its API per account, so a few suffice. */
const READS_AT_ONCE = 4;

/**
 * The warehouse said these SKUs changed. Its delivery carries counts but not when they were
 * counted, so it is taken as a pointer only: the balances are read back, each with the
 * warehouse's own time, and the newest per SKU and warehouse is kept; out-of-order or repeated
 * deliveries therefore cannot move stock backwards. Then the store is sent what changed.
 */
export class StockRefreshService {
  constructor(
    private readonly platform: Platform,
    private readonly levels = new StockFlushService(platform),
  ) {}

  async refresh({
    connectionId,
    skus,
    trigger,
  }: {
    connectionId: string;
    skus: string[];
    trigger: string;
  }): Promise<void> {
    const { repos, logger } = this.platform;
    const warehouse = await this.levels.warehouse(connectionId);
    if (!warehouse.source.ownsStoreStock) {
      logger.info('stock kept by the store, nothing sent', { skus: skus.length, trigger });
      return;
    }
    let observed = 0;
    let kept = 0;
    const wanted = [...new Set(skus)];
    const lane = async () => {
      for (let sku = wanted.pop(); sku !== undefined; sku = wanted.pop()) {
        // One SKU per read, each stamped as it starts: the warehouse's times have whole seconds,
        // and of two balances of the same second the one read later is the newer.
        const readAt = new Date();
        const observations = await warehouse.source.stockOf([sku]);
        observed += observations.length;
        kept += await repos.stock.observe(connectionId, observations, readAt);
      }
    };
    await Promise.all(Array.from({ length: READS_AT_ONCE }, lane));
    const outcome = await this.levels.flush(
      warehouse,
      skus,
      `${warehouse.connection.provider} stock update (${trigger})`,
    );
    logger.info('stock refreshed', { skus: skus.length, observed, kept, ...outcome, trigger });
  }
}
