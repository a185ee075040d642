import { handle, jobs } from '@shiplink/jobs';
import type { ReturnIntakeService } from '../services/return-intake.service';

export const returnReportedProcessor = (service: ReturnIntakeService) =>
  handle(jobs.returnReported, (payload) => service.reported(payload));

export const parcelReturnedProcessor = (service: ReturnIntakeService) =>
  handle(jobs.parcelReturned, (payload) => service.parcelReturned(payload));
