import { handle, jobs } from '@shiplink/jobs';
import type { StockRefreshService } from '../services/stock-refresh.service';

export const stockRefreshProcessor = (service: StockRefreshService) =>
  handle(jobs.stockRefresh, (payload) => service.refresh(payload));
