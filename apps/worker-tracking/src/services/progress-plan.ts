import type { NewAnomaly, NewCheckpoint, TrackingCurrent, TrackingTransition } from '@shiplink/db';
import {
  decideTransition,
  ReasonSchema,
  reduceTimeline,
  STATUS_PRECEDENCE,
  TrackingStatusSchema,
  type CurrentTrackingStatus,
  type TimelineEntry,
  type TrackingEvent,
  type TrackingStatus,
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
  /**
   * Every status the batch moves the tracking to, oldest first; the last one is `next`. Only
   * moves the state machine made: history and anomalies never moved the status.
   */
  transitions: TrackingTransition[];
  /** Events of this batch whose status no mapping knows (the mapping-gap counter). */
  unmapped: string[];
}

type EventDetail = Pick<
  TrackingEvent,
  'status' | 'subStatus' | 'reason' | 'actionRequired' | 'mappingVersion'
>;

const byTime = (a: TrackingEvent, b: TrackingEvent) =>
  Date.parse(a.occurredAtUtc) - Date.parse(b.occurredAtUtc) ||
  STATUS_PRECEDENCE[b.status] - STATUS_PRECEDENCE[a.status];

const asCurrent = (event: EventDetail, occurredAt: Date) => ({
  status: event.status,
  subStatus: event.subStatus,
  reason: event.reason,
  actionRequired: event.actionRequired,
  occurredAt,
  mappingVersion: event.mappingVersion,
});

const asTransition = (
  from: TrackingStatus,
  to: ReturnType<typeof asCurrent>,
  eventIdentity: string,
): TrackingTransition => ({
  fromStatus: from,
  status: to.status,
  subStatus: to.subStatus,
  reason: to.reason,
  actionRequired: to.actionRequired,
  occurredAt: to.occurredAt,
  eventIdentity,
});

/**
 * What a batch of events (a webhook's or a poll's whole tracking) changes, given what is stored.
 * Only checkpoints not seen before are fed to the state machine, oldest first: providers re-send
 * the whole list every time. The current status moves monotonically (`decideTransition`); late,
 * regressing and contradictory events are kept as anomalies and not applied. A late event that
 * would have ended the journey (`stale_event`) makes the whole stored timeline the authority
 * (`reduceTimeline`), as the status model prescribes.
 */
export function planProgress(input: {
  current: TrackingCurrent;
  stored: readonly StoredEvent[];
  incoming: readonly TimelineEntry[];
}): ProgressPlan {
  const known = new Set(input.stored.map((event) => event.identity));
  const fresh = new Map<string, TimelineEntry>();
  for (const entry of input.incoming) {
    if (!known.has(entry.identity) && !fresh.has(entry.identity)) fresh.set(entry.identity, entry);
  }
  const ordered = [...fresh.values()].sort((a, b) => byTime(a.event, b.event));
  let current: CurrentTrackingStatus | null = input.current.occurredAt
    ? { status: input.current.status, occurredAtUtc: input.current.occurredAt.toISOString() }
    : null;
  let applied: TimelineEntry | undefined;
  let status = input.current.status;
  const moves: TrackingTransition[] = [];
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
      // A newer scan of the same status moves the time, not the status: no new move.
      if (decision.next.status !== status) {
        moves.push(asTransition(status, asCurrent(event, new Date(event.occurredAtUtc)), identity));
      }
      status = decision.next.status;
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
  const plan: ProgressPlan = { checkpoints, anomalies, transitions: [], unmapped };
  if (stale) {
    // The whole timeline overrules this batch's steps: only where it lands is a move.
    const recomputed = fromWholeTimeline(input.stored, ordered);
    if (recomputed) {
      plan.next = recomputed.next;
      if (recomputed.next.status !== input.current.status) {
        plan.transitions = [
          asTransition(input.current.status, recomputed.next, recomputed.identity),
        ];
      }
    }
  } else if (applied) {
    plan.next = asCurrent(applied.event, new Date(applied.event.occurredAtUtc));
    plan.transitions = moves;
  }
  return plan;
}

/** The status of every event known, stored and fresh, reduced in occurred-at order. */
function fromWholeTimeline(stored: readonly StoredEvent[], fresh: TimelineEntry[]) {
  const all = [
    ...stored.map((event) => ({
      status: TrackingStatusSchema.catch('unknown').parse(event.status),
      occurredAtUtc: event.occurredAtUtc.toISOString(),
      identity: event.identity,
      source: event,
    })),
    ...fresh.map(({ event, identity }) => ({ ...event, identity, source: event })),
  ];
  const { current } = reduceTimeline(all);
  if (!current) return undefined;
  const at = Date.parse(current.occurredAtUtc);
  const match = all.find(
    (event) => event.status === current.status && Date.parse(event.occurredAtUtc) === at,
  );
  if (!match) return undefined;
  const { subStatus, reason, actionRequired, mappingVersion } = match.source;
  const next = asCurrent(
    {
      status: current.status,
      subStatus,
      reason: ReasonSchema.nullable().catch(null).parse(reason),
      actionRequired,
      mappingVersion,
    },
    new Date(at),
  );
  return { next, identity: match.identity };
}
