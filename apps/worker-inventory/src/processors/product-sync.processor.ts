import { handle, jobs } from '@shiplink/jobs';
import type { ProductSyncService } from '../services/product-sync.service';

export const productSyncProcessor = (service: ProductSyncService) =>
  handle(jobs.productSync, (payload) => service.sync(payload));
