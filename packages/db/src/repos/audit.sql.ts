import type { Pool } from 'pg';
import { redact, redactText } from '@shiplink/logger';

export interface AuditEntry {
  occurredAt?: Date;
  direction: 'inbound' | 'outbound' | 'internal';
  /** `http`, `webhook`, `webhook.rejected`, `dlq.dead_letter`, `dlq.replay`, `job` … */
  kind: string;
  correlationId?: string | undefined;
  provider?: string | undefined;
  connectionId?: string | undefined;
  orderRef?: string | undefined;
  method?: string | undefined;
  endpoint?: string | undefined;
  status?: number | undefined;
  durationMs?: number | undefined;
  error?: string | undefined;
  metadata?: Record<string, unknown>;
}

export type AuditRow = ReturnType<typeof toRow>;

/** Text from outside (endpoints, references, messages) made writable and bounded. */
const text = (value: string | undefined, max: number) =>
  value === undefined ? null : redactText(value).slice(0, max);

export function toRow(entry: AuditEntry) {
  return {
    occurredAt: entry.occurredAt ?? new Date(),
    direction: entry.direction,
    kind: entry.kind,
    correlationId: text(entry.correlationId, 200),
    provider: entry.provider ?? null,
    connectionId: entry.connectionId ?? null,
    orderRef: text(entry.orderRef, 200),
    method: entry.method ?? null,
    endpoint: text(entry.endpoint, 1_000),
    status: entry.status ?? null,
    durationMs: entry.durationMs ?? null,
    error: entry.error ? text(entry.error, 2_000) : null,
    metadata: redact(entry.metadata ?? {}) as object,
  };
}

// The rows travel as one JSON array (no per-value encoding). DateTime columns hold UTC wall
// time in `timestamp(3)`, as Prisma writes them: the ISO text's zone suffix is ignored on input.
const INSERT = `
INSERT INTO audit_events
  (occurred_at, direction, kind, correlation_id, provider, connection_id, order_ref, method,
   endpoint, status, duration_ms, error, metadata)
SELECT (e->>'occurredAt')::timestamp, e->>'direction', e->>'kind', e->>'correlationId',
   e->>'provider', (e->>'connectionId')::uuid, e->>'orderRef', e->>'method', e->>'endpoint',
   (e->>'status')::int, (e->>'durationMs')::int, e->>'error', e->'metadata'
FROM jsonb_array_elements($1::jsonb) AS e`;

/** One statement per flushed batch of audit entries. */
export async function insertAuditRows(pool: Pool, rows: AuditRow[]): Promise<void> {
  await pool.query(INSERT, [JSON.stringify(rows)]);
}
