import type { Platform } from '@shiplink/app-kit';
import type { Registration } from '@shiplink/jobs';
import { productSyncProcessor } from './processors/product-sync.processor';
import { productsRecheckProcessor } from './processors/products-recheck.processor';
import { stockMovesProcessor } from './processors/stock-moves.processor';
import { stockPollProcessor } from './processors/stock-poll.processor';
import { stockRefreshProcessor } from './processors/stock-refresh.processor';
import { ProductSyncService } from './services/product-sync.service';
import { StockMovesService } from './services/stock-moves.service';
import { StockFlushService } from './services/stock-flush.service';
import { StockPollService } from './services/stock-poll.service';
import { StockRefreshService } from './services/stock-refresh.service';

/** The processors this app runs, built on the platform. */
export const registrations = (platform: Platform): Registration[] => {
  const levels = new StockFlushService(platform);
  const products = new ProductSyncService(platform);
  return [
    stockRefreshProcessor(new StockRefreshService(platform, levels)),
    stockPollProcessor(new StockPollService(platform, levels)),
    stockMovesProcessor(new StockMovesService(platform)),
    productSyncProcessor(products),
    productsRecheckProcessor(products),
  ];
};
