import { handle, jobs } from '@shiplink/jobs';
import type { FulfilmentOrderSyncService } from '../services/fulfilment-order-sync.service';

export const fulfilmentOrderSyncProcessor = (service: FulfilmentOrderSyncService) =>
  handle(jobs.fulfilmentOrderSync, (payload) => service.sync(payload));
