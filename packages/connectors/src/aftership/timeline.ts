import {
  checkpointIdentity,
  EMPTY_LOCATION,
  type TrackingEvent,
  type TrackingStatus,
} from '@shiplink/domain';
import { afterShipCheckpointIdentity, currentFromTracking, eventFromCheckpoint } from './mapping';
import type { AfterShipTracking } from './schemas';

/** One event of a tracking's timeline with its identity and what AfterShip sent for it. */
export interface AfterShipTimelineEntry {
  identity: string;
  event: TrackingEvent;
  raw: unknown;
}

/**
 * Statuses AfterShip sets on a tracking without a carrier scan: expiry after 30 quiet days, and
 * mark-as-completed (DELIVERED, LOST, RETURNED_TO_SENDER). They never show up as checkpoints.
 */
const VERDICT_STATUSES: ReadonlySet<TrackingStatus> = new Set([
  'expired',
  'delivered',
  'failed',
  'returned',
]);

// The verdict's identity leaves time out: `updated_at` moves on every touch, and one verdict per
// subtag and tracking is what it means.
const VERDICT_EPOCH = '1970-01-01T00:00:00.000Z';

/**
 * AfterShip's own verdict as an event, when its tracking-level status is one no checkpoint
 * carries. Dated by the tracking's `updated_at` (never before its last checkpoint).
 */
export function afterShipVerdict(
  tracking: AfterShipTracking,
  events: readonly TrackingEvent[],
): AfterShipTimelineEntry | undefined {
  const verdict = currentFromTracking(tracking);
  if (!VERDICT_STATUSES.has(verdict.status)) return undefined;
  if (events.some((event) => event.status === verdict.status)) return undefined;
  const stamped = tracking.updated_at ? Date.parse(tracking.updated_at) : NaN;
  const latest = verdict.occurredAtUtc ? Date.parse(verdict.occurredAtUtc) : NaN;
  const at = Math.max(...[stamped, latest].filter((ms) => !Number.isNaN(ms)));
  if (!Number.isFinite(at)) return undefined;
  const occurredAtUtc = new Date(at).toISOString();
  const rawCode = tracking.subtag ?? tracking.tag;
  return {
    identity: checkpointIdentity({
      carrier: tracking.slug,
      trackingNumber: tracking.tracking_number,
      occurredAtUtc: VERDICT_EPOCH,
      rawCode: `verdict:${verdict.subStatus}`,
      location: null,
    }),
    event: {
      status: verdict.status,
      subStatus: verdict.subStatus,
      reason: verdict.reason,
      actionRequired: verdict.actionRequired,
      occurredAt: occurredAtUtc,
      occurredAtIsLocal: false,
      occurredAtUtc,
      rawCode,
      rawTag: tracking.tag,
      message: tracking.subtag_message ?? null,
      location: EMPTY_LOCATION,
      source: 'aftership',
      mappingVersion: verdict.mappingVersion,
    },
    raw: { tag: tracking.tag, subtag: tracking.subtag, subtag_message: tracking.subtag_message },
  };
}

/**
 * Every event of a tracking, each with its identity and raw checkpoint: the checkpoints that can
 * be placed in time, plus AfterShip's verdict when no checkpoint carries it.
 */
export function afterShipTimeline(tracking: AfterShipTracking): AfterShipTimelineEntry[] {
  const entries = (tracking.checkpoints ?? []).flatMap((checkpoint) => {
    const event = eventFromCheckpoint(checkpoint);
    return event
      ? [{ identity: afterShipCheckpointIdentity(tracking, event), event, raw: checkpoint }]
      : [];
  });
  const verdict = afterShipVerdict(
    tracking,
    entries.map((entry) => entry.event),
  );
  return verdict ? [...entries, verdict] : entries;
}
