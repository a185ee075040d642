import { EMPTY_LOCATION, type TrackingEvent } from './event';
import type { TrackingStatus } from './status';

/** A valid AfterShip-sourced event for tests: the status and instant, the rest plain. */
export function sampleTrackingEvent(
  status: TrackingStatus,
  occurredAtUtc: string,
  patch: Partial<TrackingEvent> = {},
): TrackingEvent {
  return {
    status,
    subStatus: `aftership:${status}`,
    reason: null,
    actionRequired: false,
    occurredAt: occurredAtUtc,
    occurredAtIsLocal: false,
    occurredAtUtc,
    rawCode: null,
    rawTag: null,
    message: null,
    location: EMPTY_LOCATION,
    source: 'aftership',
    mappingVersion: 'aftership.1',
    ...patch,
  };
}
