import type { AfterShipTimelineEntry } from '@shiplink/connectors/aftership';
import type { NewAnomaly, NewCheckpoint, TrackingCurrent } from '@shiplink/db';
import {
  decideTransition,
  ReasonSchema,
  reduceTimeline,
  STATUS_PRECEDENCE,
  TrackingStatusSchema,
  type CurrentTrackingStatus,
  type TrackingEvent,
} from '@shiplink/domain';

/** A checkpoint already stored, as much of it as a status needs. */
export interface StoredEvent {
  identity: string;
  status: string;
  subStatus: string;
  reason: string | null;
  actionRequired: boolean;
  occurredAtUtc: Date;
  mappingVersion: string;
}

export interface ProgressPlan {
  checkpoints: NewCheckpoint[];
  anomalies: NewAnomaly[];
  /** The new current status, when it moves. */
  next?: TrackingCurrent & { occurredAt: Date; mappingVersion: string };
  /** Events of this batch whose status no mapping knows (the mapping-gap counter). */
  unmapped: string[];
}

const byTime = (a: TrackingEvent, b: TrackingEvent) =>
  Date.parse(a.occurredAtUtc) - Date.parse(b.occurredAtUtc) ||
  STATUS_PRECEDENCE[b.status] - STATUS_PRECEDENCE[a.status];

const asCurrent = (
  event: Pick<
    TrackingEvent,
    'status' | 'subStatus' | 'reason' | 'actionRequired' | 'mappingVersion'
  >,
  occurredAt: Date,
) => ({
  status: event.status,
  subStatus: event.subStatus,
  reason: event.reason,
  actionRequired: event.actionRequired,
  occurredAt,
  mappingVersion: event.mappingVersion,
});

/**
 * What a batch of events (a webhook's or a poll's whole tracking) changes, given what is stored.
 * Only checkpoints not seen before are fed to the state machine, oldest first: AfterShip re-sends
 * the whole list every time. The current status moves monotonically (`decideTransition`); late,
 * regressing and contradictory events are kept as anomalies and not applied. A late event that
 * would have ended the journey (`stale_event`) makes the whole stored timeline the authority
 * (`reduceTimeline`), as the status model prescribes.
 */
export function planProgress(input: {
  current: TrackingCurrent;
  stored: readonly StoredEvent[];
  incoming: readonly AfterShipTimelineEntry[];
}): ProgressPlan {
  const known = new Set(input.stored.map((event) => event.identity));
  const fresh = new Map<string, AfterShipTimelineEntry>();
  for (const entry of input.incoming) {
    if (!known.has(entry.identity) && !fresh.has(entry.identity)) fresh.set(entry.identity, entry);
  }
  const ordered = [...fresh.values()].sort((a, b) => byTime(a.event, b.event));
  let current: CurrentTrackingStatus | null = input.current.occurredAt
    ? { status: input.current.status, occurredAtUtc: input.current.occurredAt.toISOString() }
    : null;
  let applied: AfterShipTimelineEntry | undefined;
  let stale = false;
  const anomalies: NewAnomaly[] = [];
  const unmapped: string[] = [];
  for (const entry of ordered) {
    const { event, identity, raw } = entry;
    if (event.status === 'unknown') {
      unmapped.push(event.subStatus);
      anomalies.push({
        kind: 'unmapped_status',
        fromStatus: current?.status ?? null,
        toStatus: 'unknown',
        detail: `no mapping for ${event.subStatus}`,
        eventIdentity: identity,
        raw,
      });
    }
    const decision = decideTransition(current, event);
    if (decision.apply) {
      current = decision.next;
      applied = entry;
    } else if (decision.anomaly) {
      const { kind, from, to, detail } = decision.anomaly;
      anomalies.push({
        kind,
        fromStatus: from,
        toStatus: to,
        detail,
        eventIdentity: identity,
        raw,
      });
      stale ||= kind === 'stale_event';
    }
  }
  const checkpoints = ordered.map(({ identity, event, raw }) => ({ identity, event, raw }));
  const plan: ProgressPlan = { checkpoints, anomalies, unmapped };
  if (stale) {
    const recomputed = fromWholeTimeline(input.stored, ordered);
    if (recomputed) plan.next = recomputed;
  } else if (applied) {
    plan.next = asCurrent(applied.event, new Date(applied.event.occurredAtUtc));
  }
  return plan;
}

/** The status of every event known, stored and fresh, reduced in occurred-at order. */
function fromWholeTimeline(stored: readonly StoredEvent[], fresh: AfterShipTimelineEntry[]) {
  const all = [
    ...stored.map((event) => ({
      status: TrackingStatusSchema.catch('unknown').parse(event.status),
      occurredAtUtc: event.occurredAtUtc.toISOString(),
      source: event,
    })),
    ...fresh.map(({ event }) => ({ ...event, source: event })),
  ];
  const { current } = reduceTimeline(all);
  if (!current) return undefined;
  const at = Date.parse(current.occurredAtUtc);
  const match = all.find(
    (event) => event.status === current.status && Date.parse(event.occurredAtUtc) === at,
  );
  if (!match) return undefined;
  const { subStatus, reason, actionRequired, mappingVersion } = match.source;
  return asCurrent(
    {
      status: current.status,
      subStatus,
      reason: ReasonSchema.nullable().catch(null).parse(reason),
      actionRequired,
      mappingVersion,
    },
    new Date(at),
  );
}
