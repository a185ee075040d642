import type { Pool } from 'pg';
import type { OnTimeBasis, ParcelFacts } from '@shiplink/domain';
import type { Db } from '../client';
import { ownedBy, type Scope } from '../scope';
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
 * What on-time is measured against: the first delivery date the provider estimated, kept on
 * the tracking when it was first given (a later, slipped estimate does not move the goalpost).
 */
export const DELIVERY_ON_TIME_BASIS: OnTimeBasis = 'first_estimate';

/** Parcels read per statement: bounded memory, and no statement holds the database for long. */
export const DELIVERY_BATCH_SIZE = 5_000;

interface ParcelRow {
  id: string;
  store_id: string;
  carrier: string | null;
  service: string | null;
  country: string | null;
  region: string | null;
  /** Epoch milliseconds: node-postgres would read a bare timestamp in the process's zone. */
  started_ms: number;
  delivered_ms: number | null;
  delivered_local_date: string | null;
  estimated_delivery: string | null;
  had_exception: boolean;
  had_failed_attempt: boolean;
  was_returned: boolean;
}

const NO_TRACKING = '00000000-0000-0000-0000-000000000000';

/** Where the walk through one store's parcels has got to. */
interface Position {
  atMs: number;
  id: string;
}

const epochMs = (column: string) => `(extract(epoch FROM ${column}) * 1000)::float8`;
const utc = (param: string) => `(${param}::timestamptz AT TIME ZONE 'UTC')`;

/**
 * One store's next live parcels whose transit began in the period, with their destination when
 * asked: $1 store, $2 from, $3 to, $4 the last id read, $5 limit, $6 with region, $7 the live
 * registrations, and for scanned ones $8 the last first-scan time read.
 */
function parcelSql(scanned: boolean): string {
  const started = scanned ? 't.first_scan_at' : 'sh.ship_date';
  const range = scanned
    ? `t.first_scan_at >= ${utc('$2')} AND t.first_scan_at < ${utc('$3')}
          AND (t.first_scan_at, t.id) > (${utc('$8')}, $4::uuid)`
    : `t.first_scan_at IS NULL AND t.id > $4::uuid
          AND sh.ship_date >= ${utc('$2')} AND sh.ship_date < ${utc('$3')}`;
  return `
      WITH parcel AS MATERIALIZED (
        SELECT t.id, t.store_id, t.order_id, sh.fulfilment_order_id, ${started} AS started_at,
               t.delivered_at, t.delivered_local_date, t.had_exception, t.had_failed_attempt,
               t.was_returned,
               COALESCE(t.first_estimated_delivery, t.estimated_delivery) AS estimated_delivery,
               COALESCE(t.slug, NULLIF(sh.store_carrier, '')) AS carrier,
               COALESCE(sh.service_code, sh.shipping_method) AS service
        FROM trackings t
        JOIN shipments sh ON sh.id = t.shipment_id
        WHERE t.store_id = $1::uuid
          AND ${range}
          AND t.registration = ANY($7::"TrackingRegistration"[])
          AND NOT sh.voided
        ORDER BY ${scanned ? 't.first_scan_at, t.id' : 't.id'}
        LIMIT $5
      )
      SELECT p.id, p.store_id, p.carrier, p.service, ${epochMs('p.started_at')} AS started_ms,
             ${epochMs('p.delivered_at')} AS delivered_ms, p.delivered_local_date,
             p.estimated_delivery, p.had_exception, p.had_failed_attempt, p.was_returned,
             dest.country, dest.region
      FROM parcel p
      LEFT JOIN fulfilment_orders fo ON $6::boolean AND fo.id = p.fulfilment_order_id
      LEFT JOIN LATERAL (
        -- The fulfilment order's destination; a shipment the store recorded itself belongs
        -- to the order's first destination.
        SELECT e.d -> 'shipTo' ->> 'country' AS country, e.d -> 'shipTo' ->> 'state' AS region
        FROM orders o
        CROSS JOIN LATERAL jsonb_array_elements(
          CASE WHEN jsonb_typeof(o.canonical -> 'destinations') = 'array'
               THEN o.canonical -> 'destinations' ELSE '[]'::jsonb END
        ) WITH ORDINALITY AS e(d, n)
        WHERE $6::boolean AND o.id = p.order_id
        ORDER BY (e.d ->> 'addressExternalId' = fo.external_address_id) IS TRUE DESC, e.n
        LIMIT 1
      ) dest ON true
      ORDER BY ${scanned ? 'p.started_at, p.id' : 'p.id'}`;
}

const SCANNED_SQL = parcelSql(true);
const UNSCANNED_SQL = parcelSql(false);

/**
 * Delivery facts per parcel (a shipment's live tracking) for reports, from what each tracking
 * keeps of its canonical timeline (`refreshDeliverySummary`): transit begins at the first move
 * to a carrier-scan status (else at the ship date) and ends at the first move to delivered; a
 * parcel that ever moved to an exception, failed-attempt or return status counts as one.
 */
export class DeliveryAnalyticsRepo {
  constructor(
    private readonly db: Db,
    /** Reports read many rows: node-postgres hands them over with less work than Prisma does. */
    private readonly pool: Pool,
  ) {}

  /** Whether the scope sees the store (another tenant's store is not found). */
  async storeVisible(scope: Scope, storeId: string): Promise<boolean> {
    const store = await this.db.store.findFirst({
      where: { id: storeId, ...ownedBy(scope) },
      select: { id: true },
    });
    return store !== null;
  }

  /**
   * The period's parcels, batch by batch, store by store: first those scanned in the period, in
   * the order of their first scan (an index range), then those never scanned that shipped in
   * it. Each statement reads one bounded slice, so a year of a busy tenant's parcels is never
   * one result in memory.
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
    for (const storeId of stores.keys()) {
      for (const scanned of [true, false]) {
        let after: Position = { atMs: query.from.getTime(), id: NO_TRACKING };
        for (;;) {
          const rows = await this.batch(storeId, query, scanned, after, batchSize);
          if (rows.length > 0) yield rows.map((row) => toFacts(row, stores));
          const last = rows[rows.length - 1];
          if (!last || rows.length < batchSize) break;
          after = { atMs: last.started_ms, id: last.id };
        }
      }
    }
  }

  /**
   * The next `limit` live parcels of a store after `after` whose transit began in the period:
   * scanned ones by (first scan, id), unscanned ones by id with their ship date in the period.
   */
  private async batch(
    storeId: string,
    query: DeliveryPeriodQuery,
    scanned: boolean,
    after: Position,
    limit: number,
  ): Promise<ParcelRow[]> {
    const params = [
      storeId,
      query.from.toISOString(),
      query.to.toISOString(),
      after.id,
      limit,
      query.withRegion ?? false,
      [...LIVE_REGISTRATIONS],
    ];
    const { rows } = scanned
      ? await this.pool.query<ParcelRow>(SCANNED_SQL, [
          ...params,
          new Date(after.atMs).toISOString(),
        ])
      : await this.pool.query<ParcelRow>(UNSCANNED_SQL, params);
    return rows;
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
    startedAt: new Date(row.started_ms),
    deliveredAt: row.delivered_ms === null ? null : new Date(row.delivered_ms),
    deliveredLocalDate: row.delivered_local_date,
    estimatedDelivery: row.estimated_delivery,
    exception: row.had_exception,
    failedAttempt: row.had_failed_attempt,
    returned: row.was_returned,
  };
}
