import { handle, jobs } from '@shiplink/jobs';
import type { TrackingEventsService } from '../services/tracking-events.service';

export const trackingEventProcessor = (service: TrackingEventsService) =>
  handle(jobs.trackingEvent, (payload) => service.handle(payload));
