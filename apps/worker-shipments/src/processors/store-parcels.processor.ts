import { handle, jobs } from '@shiplink/jobs';
import type { StoreParcelsService } from '../services/store-parcels.service';

export const storeParcelsSyncProcessor = (service: StoreParcelsService) =>
  handle(jobs.storeParcelsSync, (payload) => service.sync(payload));

export const storeParcelsPollProcessor = (service: StoreParcelsService) =>
  handle(jobs.storeParcelsPoll, (payload) => service.poll(payload));
