import { z } from 'zod';
import {
  isAllowedExit,
  isTerminal,
  STATUS_PRECEDENCE,
  TrackingStatusSchema,
  type TrackingStatus,
} from './status';

/** A shipment's current status and the occurred-at of the event that set it. */
export const CurrentTrackingStatusSchema = z
  .object({ status: TrackingStatusSchema, occurredAtUtc: z.iso.datetime() })
  .strict();
export type CurrentTrackingStatus = z.infer<typeof CurrentTrackingStatusSchema>;

/** What the state machine needs from an event (a full `TrackingEvent` fits). */
export interface TransitionInput {
  status: TrackingStatus;
  occurredAtUtc: string;
}

export const ANOMALY_KINDS = ['stale_event', 'terminal_regression', 'contradictory'] as const;
export type AnomalyKind = (typeof ANOMALY_KINDS)[number];

export interface TransitionAnomaly {
  /**
   * - `stale_event`: an event older than the current one that, had it arrived in order, would have
   *   ended the journey (an older terminal status). The incremental decision cannot rewrite
   *   history; recompute with `reduceTimeline` over the stored checkpoints.
   * - `terminal_regression`: a newer event that would move a terminal status somewhere other
   *   than its allowed exits.
   * - `contradictory`: two different terminal statuses at the same instant.
   */
  kind: AnomalyKind;
  from: TrackingStatus;
  to: TrackingStatus;
  detail: string;
}

/** Why an event was not applied although nothing is wrong with it. */
export type IgnoredReason =
  /** Older than the current status and consistent with it: an ordinary timeline entry. */
  | 'history'
  /** Same status at the same instant as the current one. */
  | 'duplicate'
  /** Same instant as the current status, which outranks it (e.g. out_for_delivery vs delivered). */
  | 'lower_precedence'
  /** An unmapped status never overrides a known one; the mapping gap is counted elsewhere. */
  | 'unknown_status';

export type TransitionDecision =
  | { apply: true; next: CurrentTrackingStatus }
  | { apply: false; stale: boolean; anomaly: TransitionAnomaly }
  | { apply: false; stale: boolean; anomaly: null; ignored: IgnoredReason };

const instant = (iso: string) => new Date(iso).getTime();

function anomaly(
  kind: AnomalyKind,
  from: TrackingStatus,
  to: TrackingStatus,
  stale: boolean,
  detail: string,
): TransitionDecision {
  return { apply: false, stale, anomaly: { kind, from, to, detail } };
}

function ignore(reason: IgnoredReason, stale: boolean): TransitionDecision {
  return { apply: false, stale, anomaly: null, ignored: reason };
}

/**
 * One step of the monotonic tracking state machine. Feed it only checkpoints not seen before
 * (deduplicated by `checkpointIdentity`): AfterShip re-sends the whole checkpoint list on every
 * webhook, and re-feeding old checkpoints would turn history into noise.
 *
 * - The current status comes from the latest event by occurred-at; an older event never moves it
 *   (it is `stale` history), except that any known event replaces an `unknown` current one.
 * - Terminal statuses are sticky except for their allowed exits (`TERMINAL_EXITS`).
 * - At the same occurred-at the higher `STATUS_PRECEDENCE` wins; two different terminal
 *   statuses at one instant contradict each other and the first one stays.
 * - An `unknown` event never overrides a known status.
 */
export function decideTransition(
  current: CurrentTrackingStatus | null,
  event: TransitionInput,
): TransitionDecision {
  const next: CurrentTrackingStatus = {
    status: event.status,
    occurredAtUtc: new Date(event.occurredAtUtc).toISOString(),
  };
  if (!current) return { apply: true, next };

  const from = current.status;
  const to = event.status;
  const eventAt = instant(event.occurredAtUtc);
  const currentAt = instant(current.occurredAtUtc);
  const stale = eventAt < currentAt;

  if (to === 'unknown' && from !== 'unknown') return ignore('unknown_status', stale);
  if (from === 'unknown' && to !== 'unknown') return { apply: true, next };

  if (stale) {
    if (isTerminal(to) && to !== from && !isAllowedExit(to, from)) {
      return anomaly(
        'stale_event',
        from,
        to,
        true,
        `an older ${to} event arrived after a later ${from}; recompute the timeline`,
      );
    }
    return ignore('history', true);
  }

  if (eventAt === currentAt) {
    if (to === from) return ignore('duplicate', false);
    if (isTerminal(from) && isTerminal(to)) {
      return anomaly('contradictory', from, to, false, `${from} and ${to} at the same instant`);
    }
    if (STATUS_PRECEDENCE[to] > STATUS_PRECEDENCE[from]) return { apply: true, next };
    return ignore('lower_precedence', false);
  }

  if (isTerminal(from) && to !== from && !isAllowedExit(from, to)) {
    return anomaly(
      'terminal_regression',
      from,
      to,
      false,
      `${to} after terminal ${from} is not an allowed exit`,
    );
  }
  return { apply: true, next };
}

export interface TimelineResult {
  current: CurrentTrackingStatus | null;
  anomalies: TransitionAnomaly[];
}

/**
 * The current status of a whole set of events, independent of the order they are given in: the
 * events are put in occurred-at order (higher precedence first within one instant) and folded
 * with `decideTransition`. This is the authority whenever the incremental path reports a
 * `stale_event` or a mapping version changes.
 */
export function reduceTimeline(events: readonly TransitionInput[]): TimelineResult {
  const ordered = [...events].sort(
    (a, b) =>
      instant(a.occurredAtUtc) - instant(b.occurredAtUtc) ||
      STATUS_PRECEDENCE[b.status] - STATUS_PRECEDENCE[a.status],
  );
  let current: CurrentTrackingStatus | null = null;
  const anomalies: TransitionAnomaly[] = [];
  for (const event of ordered) {
    const decision = decideTransition(current, event);
    if (decision.apply) current = decision.next;
    else if (decision.anomaly) anomalies.push(decision.anomaly);
  }
  return { current, anomalies };
}
