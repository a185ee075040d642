import type { Pool } from 'pg';
import type { AuditRow } from './audit.repo';

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
