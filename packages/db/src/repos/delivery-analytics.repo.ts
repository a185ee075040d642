import {
  CARRIER_SCAN_STATUSES,
  SIGNAL_STATUSES,
  type OnTimeBasis,
  type ParcelFacts,
} from '@shiplink/domain';
import type { Db } from '../client';
import { ownedBy, scopedTenant, type Scope } from '../scope';
import { LIVE_REGISTRATIONS } from './tracking-records';

export interface DeliveryPeriodQuery {
  /** Parcels whose transit began in [from, to). */
  from: Date;
  to: Date;
  storeId?: string | undefined;
  /** Read each parcel's destination (its order's JSON): only a report by region needs it. */
  withRegion?: boolean;
}

/**
 * What on-time is measured against: trackings keep the provider's estimate as last reported
 * (neither a promised date nor the first estimate is stored).
 */
export const DELIVERY_ON_TIME_BASIS: OnTimeBasis = 'latest_estimate';

/** Parcels read per statement: bounded memory, and no statement holds the database for long. */
export const DELIVERY_BATCH_SIZE = 5_000;

interface ParcelRow {
  id: string;
  store_id: string;
  in_period: boolean;
  carrier: string | null;
  service: string | null;
  country: string | null;
  region: string | null;
  started_at: Date | null;
  delivered_at: Date | null;
  delivered_local: string | null;
  estimated_delivery: string | null;
  exception: boolean | null;
  failed_attempt: boolean | null;
  returned: boolean | null;
}

const NO_TRACKING = '00000000-0000-0000-0000-000000000000';

/**
 * Delivery facts per parcel (a shipment's live tracking) for reports, from the status moves of
 * its canonical timeline: transit begins at the first move to a carrier-scan status (else at the
 * ship date) and ends at the first move to delivered; a parcel that ever moved to an exception,
 * failed-attempt or return status counts as one.
 */
export class DeliveryAnalyticsRepo {
  constructor(private readonly db: Db) {}

  /** Whether the scope sees the store (another tenant's store is not found). */
  async storeVisible(scope: Scope, storeId: string): Promise<boolean> {
    const store = await this.db.store.findFirst({
      where: { id: storeId, ...ownedBy(scope) },
      select: { id: true },
    });
    return store !== null;
  }

  /**
   * The period's parcels, batch by batch: the scope's trackings are walked in primary-key order
   * (keyset pagination, one bounded slice per statement), so a year of a busy tenant's parcels
   * is never one result in memory and the walk reads each tracking once.
   */
  async *parcels(
    scope: Scope,
    query: DeliveryPeriodQuery,
    batchSize = DELIVERY_BATCH_SIZE,
  ): AsyncGenerator<ParcelFacts[]> {
    const stores = new Map(
      (
        await this.db.store.findMany({
          where: { ...ownedBy(scope), ...(query.storeId ? { id: query.storeId } : {}) },
          select: { id: true, name: true },
        })
      ).map((store) => [store.id, store.name]),
    );
    if (stores.size === 0) return;
    let after = NO_TRACKING;
    for (;;) {
      const rows = await this.batch(scope, query, after, batchSize);
      const parcels = rows.filter((row) => row.in_period);
      if (parcels.length > 0) yield parcels.map((row) => toFacts(row, stores));
      const last = rows[rows.length - 1];
      if (!last || rows.length < batchSize) return;
      after = last.id;
    }
  }

  /**
   * The next `limit` live trackings after `after`, each with whether its transit began in the
   * period. A tracking whose current status is a scan made before the period was scanned first
   * before it too: such trackings are passed over without their status moves being read.
   */
  private batch(scope: Scope, query: DeliveryPeriodQuery, after: string, limit: number) {
    const tenantId = scopedTenant(scope) ?? null;
    const storeId = query.storeId ?? null;
    const scans = [...CARRIER_SCAN_STATUSES];
    return this.db.$queryRaw<ParcelRow[]>`
      WITH candidate AS MATERIALIZED (
        SELECT t.id, t.store_id, t.order_id, t.estimated_delivery, sh.fulfilment_order_id,
               sh.ship_date, COALESCE(t.slug, NULLIF(sh.store_carrier, '')) AS carrier,
               COALESCE(sh.service_code, sh.shipping_method) AS service
        FROM trackings t
        JOIN shipments sh ON sh.id = t.shipment_id
        WHERE t.id > ${after}::uuid
          AND t.store_id IN (
            SELECT s.id FROM stores s
            WHERE (${tenantId}::uuid IS NULL OR s.tenant_id = ${tenantId}::uuid)
              AND (${storeId}::uuid IS NULL OR s.id = ${storeId}::uuid))
          AND t.registration = ANY(${[...LIVE_REGISTRATIONS]}::"TrackingRegistration"[])
          AND NOT sh.voided
          AND NOT (t.status = ANY(${scans}::text[])
                   AND COALESCE(t.status_occurred_at < ${query.from}::timestamp(3), false))
        ORDER BY t.id
        LIMIT ${limit}
      ), parcel AS (
        SELECT c.*, moves.*, start.at AS started_at,
               (start.at >= ${query.from}::timestamp(3)
                 AND start.at < ${query.to}::timestamp(3)) IS TRUE AS in_period
        FROM candidate c
        LEFT JOIN LATERAL (
          SELECT min(x.occurred_at_utc) FILTER (WHERE x.status = ANY(${scans}::text[])) AS first_scan,
                 min(x.occurred_at_utc) FILTER (WHERE x.status = 'delivered') AS delivered_at,
                 (array_agg(x.event_identity ORDER BY x.occurred_at_utc)
                    FILTER (WHERE x.status = 'delivered'))[1] AS delivered_identity,
                 bool_or(x.status = ANY(${SIGNAL_STATUSES.exception}::text[])) AS exception,
                 bool_or(x.status = ANY(${SIGNAL_STATUSES.failed_attempt}::text[])) AS failed_attempt,
                 bool_or(x.status = ANY(${SIGNAL_STATUSES.return}::text[])) AS returned
          FROM tracking_transitions x WHERE x.tracking_id = c.id
        ) moves ON true
        CROSS JOIN LATERAL (SELECT COALESCE(moves.first_scan, c.ship_date) AS at) start
      )
      SELECT p.id, p.store_id, p.in_period, p.carrier, p.service, p.started_at,
             p.estimated_delivery, p.delivered_at, p.exception, p.failed_attempt, p.returned,
             delivery.occurred_at AS delivered_local, dest.country, dest.region
      FROM parcel p
      LEFT JOIN LATERAL (
        SELECT k.occurred_at FROM tracking_checkpoints k
        -- The local day of delivery only matters against an estimate.
        WHERE p.in_period AND p.estimated_delivery IS NOT NULL
          AND k.tracking_id = p.id AND k.identity = p.delivered_identity
      ) delivery ON true
      LEFT JOIN fulfilment_orders fo ON p.in_period AND fo.id = p.fulfilment_order_id
      LEFT JOIN LATERAL (
        -- The fulfilment order's destination; a shipment the store recorded itself belongs
        -- to the order's first destination.
        SELECT e.d -> 'shipTo' ->> 'country' AS country, e.d -> 'shipTo' ->> 'state' AS region
        FROM orders o
        CROSS JOIN LATERAL jsonb_array_elements(
          CASE WHEN jsonb_typeof(o.canonical -> 'destinations') = 'array'
               THEN o.canonical -> 'destinations' ELSE '[]'::jsonb END
        ) WITH ORDINALITY AS e(d, n)
        WHERE ${query.withRegion ?? false}::boolean AND p.in_period AND o.id = p.order_id
        ORDER BY (e.d ->> 'addressExternalId' = fo.external_address_id) IS TRUE DESC, e.n
        LIMIT 1
      ) dest ON true
      ORDER BY p.id`;
  }
}

function toFacts(row: ParcelRow, stores: Map<string, string>): ParcelFacts {
  return {
    storeId: row.store_id,
    storeName: stores.get(row.store_id) ?? row.store_id,
    carrier: row.carrier,
    service: row.service,
    country: row.country?.trim().toUpperCase() || null,
    region: row.region,
    // In the period, so it has a start.
    startedAt: row.started_at as Date,
    deliveredAt: row.delivered_at,
    deliveredLocalDate: row.delivered_local ? row.delivered_local.slice(0, 10) : null,
    estimatedDelivery: row.estimated_delivery,
    exception: row.exception === true,
    failedAttempt: row.failed_attempt === true,
    returned: row.returned === true,
  };
}
