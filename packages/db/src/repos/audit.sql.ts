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

const INSERT = `
INSERT INTO audit_events
  (occurred_at, direction, kind, correlation_id, provider, connection_id, order_ref, method,
   endpoint, status, duration_ms, error, metadata)
SELECT * FROM unnest($1::timestamp[], $2::text[], $3::text[], $4::text[], $5::text[], $6::uuid[],
                     $7::text[], $8::text[], $9::text[], $10::int[], $11::int[], $12::text[], $13::jsonb[])`;

/** One statement per flushed batch of audit entries. */
export async function insertAuditRows(pool: Pool, rows: AuditRow[]): Promise<void> {
  const column = <T>(pick: (row: AuditRow) => T) => rows.map(pick);
  await pool.query(INSERT, [
    // Prisma stores DateTime as UTC wall time in `timestamp(3)`.
    column((r) => r.occurredAt.toISOString().replace('T', ' ').replace('Z', '')),
    column((r) => r.direction),
    column((r) => r.kind),
    column((r) => r.correlationId),
    column((r) => r.provider),
    column((r) => r.connectionId),
    column((r) => r.orderRef),
    column((r) => r.method),
    column((r) => r.endpoint),
    column((r) => r.status),
    column((r) => r.durationMs),
    column((r) => r.error),
    column((r) => JSON.stringify(r.metadata)),
  ]);
}
