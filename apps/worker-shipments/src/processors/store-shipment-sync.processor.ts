import { handle, jobs } from '@shiplink/jobs';
import type { StoreShipmentService } from '../services/store-shipment.service';

export const storeShipmentSyncProcessor = (service: StoreShipmentService) =>
  handle(jobs.storeShipmentSync, (payload) => service.sync(payload));
