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

/** A status move of a test timeline: when, and the carrier's own wall time when it gave one. */
export interface SampleMove {
  status: TrackingStatus;
  /** ISO 8601 with offset. */
  at: string;
  /** The carrier's wall time, without an offset. */
  local?: string;
}

/**
 * A timeline's checkpoints and the status moves they made, one each (identities `e0`, `e1`, …),
 * as the tracking worker saves them; `patch` sets the source and mapping of every event.
 */
export function sampleTimeline(moves: readonly SampleMove[], patch: Partial<TrackingEvent> = {}) {
  return {
    checkpoints: moves.map((move, i) => ({
      identity: `e${i}`,
      event: sampleTrackingEvent(move.status, move.at, {
        ...patch,
        occurredAt: move.local ?? move.at,
        occurredAtIsLocal: move.local !== undefined,
      }),
      raw: {},
    })),
    transitions: moves.map((move, i) => ({
      fromStatus: i === 0 ? null : moves[i - 1]!.status,
      status: move.status,
      subStatus: null,
      reason: null,
      actionRequired: false,
      occurredAt: new Date(move.at),
      eventIdentity: `e${i}`,
    })),
  };
}
