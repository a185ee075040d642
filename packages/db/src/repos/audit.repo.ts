import { isOutage } from '@shiplink/errors';
import { silentLogger, type Logger } from '@shiplink/logger';
import type { Pool } from 'pg';
import type { Db } from '../client';
import type { AuditEvent } from '../generated/prisma/client';
import { scopedTenant, type Scope } from '../scope';
import { insertAuditRows, toRow, type AuditEntry } from './audit.sql';

export type { AuditEntry };

/** Entries kept in memory while the database is away; older ones are dropped (and counted). */
const MAX_RETAINED = 20_000;
const OUTAGE_RETRY_MS = 2_000;

/**
 * The audit trail writer. Entries are buffered and written in batches so that recording every
 * call costs the hot path nothing; `flush()` on shutdown (and on demand in tests) drains it.
 * Metadata is redacted here, whoever wrote it.
 */
export class AuditTrail {
  private buffer: AuditEntry[] = [];
  private timer: NodeJS.Timeout | undefined;
  private flushing: Promise<void> = Promise.resolve();

  constructor(
    private readonly db: Db,
    private readonly pool: Pool,
    private readonly log: Logger = silentLogger,
    private readonly flushEveryMs = 200,
    private readonly maxBuffer = 500,
  ) {}

  record(entry: AuditEntry): void {
    this.buffer.push({ occurredAt: new Date(), ...entry });
    if (this.buffer.length >= this.maxBuffer) void this.flush();
    else this.timer ??= setTimeout(() => void this.flush(), this.flushEveryMs);
  }

  /** The HTTP client's audit sink: one entry per exchange with a provider. */
  outbound(exchange: Omit<AuditEntry, 'direction' | 'kind'>): void {
    this.record({ direction: 'outbound', kind: 'http', ...exchange });
  }

  /** Writes now; used by request handlers that must not answer before the record exists. */
  async write(entry: AuditEntry): Promise<void> {
    await this.db.auditEvent.create({ data: toRow(entry) });
  }

  flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    const batch = this.buffer;
    this.buffer = [];
    if (batch.length === 0) return this.flushing;
    this.flushing = this.flushing.then(() => this.persist(batch));
    return this.flushing;
  }

  /**
   * The audit trail must never take the work down with it. While the database is away, entries
   * wait (up to `MAX_RETAINED`) and are written when it is back; a batch the database refuses
   * is written row by row so that only the refused entry is lost, and the loss is logged loudly.
   */
  private async persist(batch: AuditEntry[]): Promise<void> {
    try {
      await insertAuditRows(this.pool, batch.map(toRow));
    } catch (error) {
      if (isOutage(error)) {
        const kept = batch.slice(-MAX_RETAINED);
        this.buffer = [...kept, ...this.buffer].slice(-MAX_RETAINED);
        this.timer ??= setTimeout(() => void this.flush(), OUTAGE_RETRY_MS).unref();
        if (kept.length < batch.length) {
          this.log.error('audit trail write failed', { lost: batch.length - kept.length, error });
        }
        return;
      }
      let lost = 0;
      for (const entry of batch) {
        await insertAuditRows(this.pool, [toRow(entry)]).catch(() => (lost += 1));
      }
      if (lost > 0) this.log.error('audit trail write failed', { lost, error });
    }
  }

  /**
   * "What happened to order 1234?": everything recorded for an order number, oldest first. A
   * tenant sees the rows of its own connections only.
   */
  async forOrder(scope: Scope, orderRef: string, limit = 500): Promise<AuditEvent[]> {
    const tenantId = scopedTenant(scope);
    const connections = tenantId
      ? await this.db.connection.findMany({ where: { tenantId }, select: { id: true } })
      : undefined;
    return this.db.auditEvent.findMany({
      where: {
        orderRef,
        ...(connections ? { connectionId: { in: connections.map((c) => c.id) } } : {}),
      },
      orderBy: { id: 'asc' },
      take: limit,
    });
  }

  recent(filter: { kind?: string; provider?: string }, limit = 100): Promise<AuditEvent[]> {
    return this.db.auditEvent.findMany({
      where: filter,
      orderBy: { id: 'desc' },
      take: limit,
    });
  }
}
