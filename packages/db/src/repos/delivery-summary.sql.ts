import { CARRIER_SCAN_STATUSES, SIGNAL_STATUSES } from '@shiplink/domain';
import type { Prisma } from '../generated/prisma/client';

/**
 * Brings a tracking's delivery facts up to date with its timeline (every status move so far,
 * whatever order they arrived in): the first carrier scan, the first delivery and its local
 * date, whether it ever reached an exception, a failed attempt or a return, and the first
 * estimate the provider gave. Facts only ever move earlier or become true, so they survive the
 * retention of the moves they came from. Reports read these instead of the moves.
 */
export function refreshDeliverySummary(
  tx: Prisma.TransactionClient,
  trackingId: string,
): Promise<number> {
  const scans = [...CARRIER_SCAN_STATUSES];
  return tx.$executeRaw`
    UPDATE trackings t
    SET first_scan_at = LEAST(t.first_scan_at, m.first_scan),
        delivered_at = LEAST(t.delivered_at, m.delivered_at),
        delivered_local_date = CASE
          WHEN t.delivered_at IS NULL OR m.delivered_at < t.delivered_at
          THEN left(k.occurred_at, 10) ELSE t.delivered_local_date END,
        had_exception = t.had_exception OR COALESCE(m.exception, false),
        had_failed_attempt = t.had_failed_attempt OR COALESCE(m.failed_attempt, false),
        was_returned = t.was_returned OR COALESCE(m.returned, false),
        first_estimated_delivery = COALESCE(t.first_estimated_delivery, t.estimated_delivery)
    FROM (
      SELECT min(x.occurred_at_utc) FILTER (WHERE x.status = ANY(${scans}::text[])) AS first_scan,
             min(x.occurred_at_utc) FILTER (WHERE x.status = 'delivered') AS delivered_at,
             (array_agg(x.event_identity ORDER BY x.occurred_at_utc)
                FILTER (WHERE x.status = 'delivered'))[1] AS delivered_identity,
             bool_or(x.status = ANY(${SIGNAL_STATUSES.exception}::text[])) AS exception,
             bool_or(x.status = ANY(${SIGNAL_STATUSES.failed_attempt}::text[])) AS failed_attempt,
             bool_or(x.status = ANY(${SIGNAL_STATUSES.return}::text[])) AS returned
      FROM tracking_transitions x WHERE x.tracking_id = ${trackingId}::uuid
    ) m
    LEFT JOIN tracking_checkpoints k
      ON k.tracking_id = ${trackingId}::uuid AND k.identity = m.delivered_identity
    WHERE t.id = ${trackingId}::uuid`;
}
