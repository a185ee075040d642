import { createDb } from '@shiplink/db';
import type { AdminClient } from '@shiplink/test-world/admin-client';
import { percentile } from './load';

const DAY_MS = 86_400_000;
const CARRIERS = ['posti', 'ups', 'dhl', 'usps', 'fedex'];
const REGIONS = ['Uusimaa', 'Pirkanmaa', 'Texas', 'California', 'Bayern', 'Ontario'];

export interface AnalyticsFigures {
  parcels: number;
  seedSeconds: number;
  /** Milliseconds per report, by what was asked. */
  timings: { label: string; ms: number[] }[];
}

/**
 * A year of one store's parcels (orders, shipments and trackings with their delivery facts, as
 * the tracking repository keeps them), written straight into the database; then the delivery
 * report over that year asked through the admin API, by carrier, by region and as CSV, and the
 * weekly series, each a few times.
 */
export async function runAnalyticsPhase(ctx: {
  databaseUrl: string;
  admin: AdminClient;
  storeId: string;
  parcels: number;
  repeats: number;
}): Promise<AnalyticsFigures> {
  const to = new Date(Math.floor(Date.now() / DAY_MS) * DAY_MS);
  const from = new Date(to.getTime() - 365 * DAY_MS);
  const db = createDb(ctx.databaseUrl);
  const seeded = performance.now();
  try {
    await db.$executeRawUnsafe(
      `WITH n AS (
         SELECT i, $2::timestamp(3) + (i * interval '365 days') / $3 AS shipped
         FROM generate_series(1, $3::int) i
       ), o AS (
         INSERT INTO orders (id, store_id, external_id, order_number, store_status_id, store_status,
                             currency, canonical, updated_at)
         SELECT gen_random_uuid(), $1::uuid, 'bench-a-' || i, 'A' || i, 10, 'Shipped', 'EUR',
                jsonb_build_object('destinations', jsonb_build_array(jsonb_build_object(
                  'addressExternalId', 'a1',
                  'shipTo', jsonb_build_object('country', 'FI',
                    'state', ($5::text[])[1 + i % cardinality($5::text[])])))),
                now()
         FROM n RETURNING id, external_id
       ), s AS (
         INSERT INTO shipments (id, order_id, source, source_id, tracking_number, service_code,
                                ship_date, raw, updated_at)
         SELECT gen_random_uuid(), o.id, 'shipstation', 'bench-' || n.i, 'BENCH' || n.i,
                'svc_' || (n.i % 3), n.shipped, '{}', now()
         FROM o JOIN n ON o.external_id = 'bench-a-' || n.i
         RETURNING id, order_id, source_id, ship_date
       )
       INSERT INTO trackings (id, order_id, shipment_id, store_id, order_number, tracking_number,
                              slug, carrier_key, carrier_status, registration, status,
                              first_scan_at, delivered_at, delivered_local_date,
                              had_exception, had_failed_attempt, was_returned,
                              estimated_delivery, first_estimated_delivery, updated_at)
       SELECT gen_random_uuid(), s.order_id, s.id, $1::uuid, 'A' || k.i, 'BENCH' || k.i,
              k.carrier, k.carrier, 'mapped', 'registered',
              CASE WHEN k.i % 20 = 0 THEN 'in_transit' ELSE 'delivered' END,
              k.scanned, CASE WHEN k.i % 20 = 0 THEN NULL ELSE k.delivered END,
              CASE WHEN k.i % 20 = 0 THEN NULL ELSE to_char(k.delivered, 'YYYY-MM-DD') END,
              k.i % 17 = 0, k.i % 11 = 0, k.i % 29 = 0,
              to_char(k.scanned + interval '3 days', 'YYYY-MM-DD'),
              to_char(k.scanned + interval '2 days', 'YYYY-MM-DD'), now()
       FROM s CROSS JOIN LATERAL (
         SELECT substring(s.source_id FROM 7)::int AS i,
                ($4::text[])[1 + substring(s.source_id FROM 7)::int % cardinality($4::text[])]
                  AS carrier,
                s.ship_date + interval '6 hours' AS scanned,
                s.ship_date + interval '6 hours'
                  + (substring(s.source_id FROM 7)::int % 97) * interval '1 hour' AS delivered
       ) k`,
      ctx.storeId,
      from,
      ctx.parcels,
      CARRIERS,
      REGIONS,
    );
    await db.$executeRawUnsafe('ANALYZE orders, shipments, trackings');
  } finally {
    await db.$disconnect();
  }
  const seedSeconds = (performance.now() - seeded) / 1000;
  const period = { from: from.toISOString(), to: to.toISOString() };
  const asks = [
    ['report by carrier', { ...period, groupBy: 'carrier' }, '/analytics/delivery'],
    ['report by region', { ...period, groupBy: 'region' }, '/analytics/delivery'],
    ['CSV by service', { ...period, groupBy: 'service', format: 'csv' }, '/analytics/delivery'],
    ['weekly series', { ...period, interval: 'week' }, '/analytics/delivery/series'],
  ] as const;
  const timings: AnalyticsFigures['timings'] = [];
  for (const [label, params, path] of asks) {
    const ms: number[] = [];
    for (let i = 0; i < ctx.repeats; i++) {
      const started = performance.now();
      const answer = await ctx.admin.http.get<{ rows?: unknown[] }>(path, { params });
      ms.push(performance.now() - started);
      if (answer.status !== 200) throw new Error(`${label} answered ${answer.status}`);
    }
    timings.push({ label, ms });
  }
  return { parcels: ctx.parcels, seedSeconds, timings };
}

export function analyticsRows(
  figures: AnalyticsFigures,
  fmt: (value: number, digits?: number) => string,
): string[] {
  return figures.timings.map(
    ({ label, ms }) =>
      `| delivery analytics over a year of ${figures.parcels} parcels: ${label}, ${ms.length} runs (ms) | — | median ${fmt(percentile(ms, 50), 0)}, slowest ${fmt(Math.max(...ms), 0)} |`,
  );
}
