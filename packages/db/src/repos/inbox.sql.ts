import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import type { InboxStatus } from '../generated/prisma/enums';
import type { Provider } from './tenancy.repo';

export interface InboundEvent {
  connectionId: string;
  provider: Provider;
  topic: string;
  dedupKey: string;
  payload: unknown;
  correlationId: string;
  /** The job the event becomes; absent for events accepted but not acted on. */
  job?: { queue: string; name: string; id: string; payload: unknown };
}

/** What the sender's answer depends on: the row, and whether this delivery was a repeat. */
export interface InboxReceipt {
  id: string;
  status: InboxStatus;
  correlationId: string;
  duplicate: boolean;
}

// One statement for a whole batch, its rows sent as one JSON array (no per-value encoding):
// rows whose dedup key exists already are skipped (including repeats inside the batch) and
// looked up afterwards.
const INSERT = `
INSERT INTO inbox_events
  (id, connection_id, provider, topic, dedup_key, payload, correlation_id, status,
   job_queue, job_name, job_id, job_payload, processed_at)
SELECT (e->>'id')::uuid, (e->>'connectionId')::uuid, e->>'provider', e->>'topic',
   e->>'dedupKey', e->'payload', e->>'correlationId', (e->>'status')::"InboxStatus",
   e->'job'->>'queue', e->'job'->>'name', e->'job'->>'id', e->'job'->'payload',
   CASE WHEN e->>'status' = 'ignored' THEN now() END
FROM jsonb_array_elements($1::jsonb) AS e
ON CONFLICT (dedup_key) DO NOTHING
RETURNING id, dedup_key`;

// A job that found its event needs no work marks it ignored with the reason; that mark stays.
export const MARK_PROCESSED = `
UPDATE inbox_events SET status = 'processed', processed_at = now(), error = NULL
WHERE id = ANY($1::uuid[]) AND status NOT IN ('processed', 'ignored')`;

const EXISTING = `SELECT id, dedup_key, status, correlation_id FROM inbox_events WHERE dedup_key = ANY($1::text[])`;

export async function insertInboxEvents(
  pool: Pool,
  events: InboundEvent[],
): Promise<InboxReceipt[]> {
  const rows = events.map((event) => ({ id: randomUUID(), event }));
  const inserted = await pool.query<{ id: string; dedup_key: string }>(INSERT, [
    JSON.stringify(
      rows.map(({ id, event }) => ({
        id,
        connectionId: event.connectionId,
        provider: event.provider,
        topic: event.topic,
        dedupKey: event.dedupKey,
        payload: event.payload,
        correlationId: event.correlationId,
        status: event.job ? 'received' : 'ignored',
        job: event.job,
      })),
    ),
  ]);
  const fresh = new Map(inserted.rows.map((row) => [row.dedup_key, row.id]));
  const repeats = events
    .filter((e, i) => fresh.get(e.dedupKey) !== rows[i]!.id)
    .map((e) => e.dedupKey);
  const existing = repeats.length
    ? new Map(
        (
          await pool.query<{
            id: string;
            dedup_key: string;
            status: InboxReceipt['status'];
            correlation_id: string;
          }>(EXISTING, [repeats])
        ).rows.map((row) => [row.dedup_key, row]),
      )
    : new Map();
  return rows.map(({ id, event }) => {
    if (fresh.get(event.dedupKey) === id) {
      return {
        id,
        status: event.job ? 'received' : 'ignored',
        correlationId: event.correlationId,
        duplicate: false,
      };
    }
    const row = existing.get(event.dedupKey);
    if (!row) throw new Error(`inbox event ${event.dedupKey} was neither inserted nor found`);
    return { id: row.id, status: row.status, correlationId: row.correlation_id, duplicate: true };
  });
}
