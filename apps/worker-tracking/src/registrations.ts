import type { Platform } from '@shiplink/app-kit';
import type { Registration } from '@shiplink/jobs';
import { loadTrackingEnv, type TrackingEnv } from './env';
import { trackingEventProcessor } from './processors/tracking-event.processor';
import { trackingPollProcessor } from './processors/tracking-poll.processor';
import { trackingRegisterProcessor } from './processors/tracking-register.processor';
import { trackingWritebackProcessor } from './processors/tracking-writeback.processor';
import { TrackingEventsService } from './services/tracking-events.service';
import { TrackingPollService } from './services/tracking-poll.service';
import { TrackingProgressService } from './services/tracking-progress.service';
import { TrackingRegistrationService } from './services/tracking-registration.service';
import { TrackingWritebackService } from './services/tracking-writeback.service';

/** The processors this app runs, built on the platform. */
export const registrations = (
  platform: Platform,
  env: TrackingEnv = loadTrackingEnv(),
): Registration[] => {
  const progress = new TrackingProgressService(platform);
  return [
    trackingRegisterProcessor(new TrackingRegistrationService(platform, progress)),
    trackingEventProcessor(new TrackingEventsService(platform, progress)),
    trackingPollProcessor(
      new TrackingPollService(platform, progress, {
        staleAfterMs: env.TRACKING_STALE_AFTER_MS,
        batch: env.TRACKING_POLL_BATCH,
      }),
    ),
    trackingWritebackProcessor(new TrackingWritebackService(platform)),
  ];
};
