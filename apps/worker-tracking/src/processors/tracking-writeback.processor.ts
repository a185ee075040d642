import { handle, jobs } from '@shiplink/jobs';
import type { TrackingWritebackService } from '../services/tracking-writeback.service';

export const trackingWritebackProcessor = (service: TrackingWritebackService) =>
  handle(jobs.trackingWriteback, (payload) => service.writeBack(payload));
