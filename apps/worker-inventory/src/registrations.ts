import type { Platform } from '@shiplink/app-kit';
import type { Registration } from '@shiplink/jobs';
import { shipmentStockProcessor } from './processors/shipment-stock.processor';
import { stockPollProcessor } from './processors/stock-poll.processor';
import { stockRefreshProcessor } from './processors/stock-refresh.processor';
import { ShipmentStockService } from './services/shipment-stock.service';
import { StockFlushService } from './services/stock-flush.service';
import { StockPollService } from './services/stock-poll.service';
import { StockRefreshService } from './services/stock-refresh.service';

/** The processors this app runs, built on the platform. */
export const registrations = (platform: Platform): Registration[] => {
  const levels = new StockFlushService(platform);
  return [
    stockRefreshProcessor(new StockRefreshService(platform, levels)),
    stockPollProcessor(new StockPollService(platform, levels)),
    shipmentStockProcessor(new ShipmentStockService(platform)),
  ];
};
