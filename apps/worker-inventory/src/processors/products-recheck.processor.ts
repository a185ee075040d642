import { handle, jobs } from '@shiplink/jobs';
import type { ProductSyncService } from '../services/product-sync.service';

export const productsRecheckProcessor = (service: ProductSyncService) =>
  handle(jobs.productsRecheck, (payload) => service.recheck(payload));
