import type { Pool } from 'pg';
import { TERMINAL_STATUSES } from '@shiplink/domain';
import type { LockPool } from '../locks';

/**
 * What retention prunes, each by its own window:
 * - `inbox`: webhook and poll events handled (processed or ignored); events still waiting or
 *   dead-lettered stay, and so does the dedup key of anything younger than the window;
 * - `audit`: the audit trail of calls and events;
 * - `notifications`: messages settled (sent, skipped, failed, uncertain); pending ones stay;
 * - `timelines`: checkpoints, status moves and anomalies of parcels settled in a final status
 *   before the window; the tracking keeps its status and its delivery facts;
 * - `deadLetters`: dead letters replayed before the window (open ones stay until a person acts);
 * - `sessions`: console sessions expired before the window.
 */
export const RETENTION_TARGETS = [
  'inbox',
  'audit',
  'notifications',
  'timelines',
  'deadLetters',
  'sessions',
] as const;
export type RetentionTarget = (typeof RETENTION_TARGETS)[number];

// Each statement deletes one bounded slice found through an index, oldest first, so no
// statement holds many locks or runs long beside the hot path's inserts.
const PRUNE: Record<Exclude<RetentionTarget, 'timelines'>, string> = {
  inbox: `
    DELETE FROM inbox_events WHERE id IN (
      SELECT id FROM inbox_events
      WHERE status = ANY('{processed,ignored}'::"InboxStatus"[]) AND received_at < ($1::timestamptz AT TIME ZONE 'UTC')
      ORDER BY status, received_at LIMIT $2)`,
  audit: `
    DELETE FROM audit_events WHERE id IN (
      SELECT id FROM audit_events WHERE occurred_at < ($1::timestamptz AT TIME ZONE 'UTC') ORDER BY occurred_at LIMIT $2)`,
  notifications: `
    DELETE FROM notifications WHERE id IN (
      SELECT id FROM notifications
      WHERE created_at < ($1::timestamptz AT TIME ZONE 'UTC') AND state <> ALL('{pending,sending}'::"NotificationState"[])
      ORDER BY created_at LIMIT $2)`,
  deadLetters: `
    DELETE FROM dead_letters WHERE id IN (
      SELECT id FROM dead_letters WHERE status = 'replayed' AND failed_at < ($1::timestamptz AT TIME ZONE 'UTC')
      ORDER BY status, failed_at LIMIT $2)`,
  sessions: `
    DELETE FROM sessions WHERE id IN (
      SELECT id FROM sessions WHERE expires_at < ($1::timestamptz AT TIME ZONE 'UTC') ORDER BY expires_at LIMIT $2)`,
};

/**
 * Timelines go parcel by parcel: one statement marks a slice of settled trackings pruned and
 * removes their rows, all or nothing. Answers the trackings pruned.
 */
const PRUNE_TIMELINES = `
  WITH settled AS (
    UPDATE trackings SET timeline_pruned_at = (now() AT TIME ZONE 'UTC')
    WHERE id IN (
      SELECT id FROM trackings
      WHERE timeline_pruned_at IS NULL AND status_occurred_at < ($1::timestamptz AT TIME ZONE 'UTC') AND status = ANY($3::text[])
      ORDER BY status_occurred_at LIMIT $2)
    RETURNING id
  ), checkpoints AS (
    DELETE FROM tracking_checkpoints WHERE tracking_id IN (SELECT id FROM settled)
  ), moves AS (
    DELETE FROM tracking_transitions WHERE tracking_id IN (SELECT id FROM settled)
  ), anomalies AS (
    DELETE FROM tracking_anomalies WHERE tracking_id IN (SELECT id FROM settled)
  )
  SELECT count(*)::int AS pruned FROM settled`;

/** Batched deletes of what has outlived its retention window. */
export class RetentionRepo {
  constructor(
    private readonly pool: Pool,
    private readonly locks: LockPool,
  ) {}

  /**
   * Deletes at most `limit` rows of `target` older than `before` (for timelines, at most
   * `limit` parcels' timelines); answers how many went.
   */
  async pruneBatch(target: RetentionTarget, before: Date, limit: number): Promise<number> {
    if (target === 'timelines') {
      const { rows } = await this.pool.query<{ pruned: number }>(PRUNE_TIMELINES, [
        before.toISOString(),
        limit,
        [...TERMINAL_STATUSES],
      ]);
      return rows[0]?.pruned ?? 0;
    }
    const result = await this.pool.query(PRUNE[target], [before.toISOString(), limit]);
    return result.rowCount ?? 0;
  }

  /** Runs `fn` holding the retention lock: only one process prunes at a time, the others skip. */
  exclusively<T>(fn: () => Promise<T>): Promise<T | undefined> {
    return this.locks.tryWithLock('shiplink:retention', fn);
  }
}
