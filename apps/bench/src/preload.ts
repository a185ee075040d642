import { createDb } from '@shiplink/db';

/** Rows written per statement while preloading. */
const SLICE = 500_000;

/**
 * A busy hub's history, written straight into the database: `rows` handled inbox events and as
 * many audit rows, spread over the last 20 days (inside the default retention windows), on the
 * store's own connection, so the hot paths' indexes are as deep as they get in production.
 */
export async function preloadHistory(ctx: {
  databaseUrl: string;
  connectionId: string;
  rows: number;
}): Promise<{ seconds: number }> {
  const started = performance.now();
  const db = createDb(ctx.databaseUrl);
  try {
    for (let from = 0; from < ctx.rows; from += SLICE) {
      const to = Math.min(ctx.rows, from + SLICE);
      await db.$executeRawUnsafe(
        `INSERT INTO inbox_events (id, connection_id, provider, topic, dedup_key, payload,
                                   correlation_id, status, received_at, processed_at)
         SELECT gen_random_uuid(), $1::uuid, 'bigcommerce', 'store/order/updated',
                'preload:' || i, jsonb_build_object('scope', 'store/order/updated',
                  'data', jsonb_build_object('type', 'order', 'id', i)),
                md5(i::text), 'processed', at, at
         FROM generate_series($2::int, $3::int - 1) i
         CROSS JOIN LATERAL (
           SELECT (now() AT TIME ZONE 'UTC') - interval '1 hour'
                  - (i % 1728000) * interval '1 second' AS at) t`,
        ctx.connectionId,
        from,
        to,
      );
      await db.$executeRawUnsafe(
        `INSERT INTO audit_events (occurred_at, direction, kind, correlation_id, provider,
                                   connection_id, order_ref, method, endpoint, status,
                                   duration_ms, metadata)
         SELECT (now() AT TIME ZONE 'UTC') - interval '1 hour' - (i % 1728000) * interval '1 second',
                'out', 'provider.call', md5(i::text), 'shipstation', $1::uuid,
                (i % 200000)::text, 'POST', '/orders/createorder', 200, 40 + i % 60, '{}'
         FROM generate_series($2::int, $3::int - 1) i`,
        ctx.connectionId,
        from,
        to,
      );
    }
    // As a hub that has been running for weeks: vacuumed and analysed, so autovacuum's pass over
    // the fresh rows does not run during the measure.
    await db.$executeRawUnsafe('VACUUM (ANALYZE) inbox_events, audit_events');
  } finally {
    await db.$disconnect();
  }
  return { seconds: (performance.now() - started) / 1000 };
}
