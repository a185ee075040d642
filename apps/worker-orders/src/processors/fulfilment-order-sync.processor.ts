import { handle, jobs } from '@shiplink/jobs';
import type { FulfilmentChangeService } from '../services/fulfilment-change.service';

export const fulfilmentOrderSyncProcessor = (service: FulfilmentChangeService) =>
  handle(jobs.fulfilmentOrderSync, (payload) => service.sync(payload));

export const fulfilmentOrdersFetchProcessor = (service: FulfilmentChangeService) =>
  handle(jobs.fulfilmentOrdersFetch, (payload) => service.fetch(payload));

export const fulfilmentOrdersPollProcessor = (service: FulfilmentChangeService) =>
  handle(jobs.fulfilmentOrdersPoll, (payload) => service.poll(payload));
