import { handle, jobs } from '@shiplink/jobs';
import type { TrackingPollService } from '../services/tracking-poll.service';

export const trackingPollProcessor = (service: TrackingPollService) =>
  handle(jobs.trackingPoll, (payload) => service.poll(payload));
