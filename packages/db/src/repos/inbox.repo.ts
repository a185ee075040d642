import type { Pool } from 'pg';
import type { Db } from '../client';
import type { InboxEvent } from '../generated/prisma/client';
import { MicroBatch } from '@shiplink/domain';
import { isOutage } from '@shiplink/errors';
import {
  insertInboxEvents,
  MARK_PROCESSED,
  type InboundEvent,
  type InboxReceipt,
} from './inbox.sql';

export type { InboundEvent, InboxReceipt };

export type { InboxEvent };

/** How the inbox is keeping up: the metrics an operator alerts on. */
export interface InboxHealth {
  /** When the oldest event still waiting for its queue was accepted. */
  oldestWaitingAt: Date | undefined;
  /** When each active connection last received a webhook (none yet: absent). */
  lastReceived: { connectionId: string; provider: string; at: Date }[];
}

/** The inbox: an accepted event is a row here before the sender hears 2xx. */

export class InboxRepo {
  private readonly batch: MicroBatch<InboundEvent, InboxReceipt>;
  private readonly processed: MicroBatch<string, void>;

  constructor(
    private readonly db: Db,
    private readonly pool: Pool,
  ) {
    // One refused row must not fail the deliveries batched with it; an outage fails them all.
    const isolate = (error: unknown) => !isOutage(error);
    this.batch = new MicroBatch((events) => insertInboxEvents(pool, events), { isolate });
    this.processed = new MicroBatch(
      async (ids) => {
        await pool.query(MARK_PROCESSED, [ids]);
        return ids.map(() => undefined);
      },
      { isolate },
    );
  }

  /**
   * Inserts the event; a second delivery of the same event returns the first row instead.
   * Events recorded in the same tick share one statement and one commit.
   */
  record(event: InboundEvent): Promise<InboxReceipt> {
    return this.batch.submit(event);
  }

  /** Called as each job completes; completions in the same tick share one UPDATE. */
  markProcessed(id: string): Promise<void> {
    return this.processed.submit(id);
  }

  async markIgnored(id: string, why: string): Promise<void> {
    await this.db.inboxEvent.updateMany({
      where: { id },
      data: { status: 'ignored', processedAt: new Date(), error: why },
    });
  }

  async markDeadLettered(id: string, error: string): Promise<void> {
    await this.db.inboxEvent.updateMany({
      where: { id, status: { not: 'processed' } },
      data: { status: 'dead_lettered', error },
    });
  }

  /** Events accepted but still unprocessed after `olderThanMs`: the sweeper re-enqueues them. */
  findStale(olderThanMs: number, limit = 500): Promise<InboxEvent[]> {
    return this.db.inboxEvent.findMany({
      where: { status: 'received', receivedAt: { lt: new Date(Date.now() - olderThanMs) } },
      orderBy: { receivedAt: 'asc' },
      take: limit,
    });
  }

  async health(): Promise<InboxHealth> {
    const [waiting, last] = await Promise.all([
      this.pool.query<{ at: Date | null }>(
        `SELECT min(received_at) AS at FROM inbox_events WHERE status = 'received'`,
      ),
      // One index probe per connection (connection_id, received_at), never a scan of the inbox.
      this.pool.query<{ connection_id: string; provider: string; at: Date }>(
        `SELECT c.id AS connection_id, c.provider, last.at
         FROM connections c
         CROSS JOIN LATERAL (
           SELECT max(received_at) AS at FROM inbox_events e WHERE e.connection_id = c.id
         ) last
         WHERE c.active AND last.at IS NOT NULL`,
      ),
    ]);
    return {
      oldestWaitingAt: waiting.rows[0]?.at ?? undefined,
      lastReceived: last.rows.map((row) => ({
        connectionId: row.connection_id,
        provider: row.provider,
        at: row.at,
      })),
    };
  }

  /** When the connection's latest delivery arrived (one index probe), or null for never. */
  async lastReceivedAt(connectionId: string): Promise<Date | null> {
    const row = await this.db.inboxEvent.findFirst({
      where: { connectionId },
      orderBy: { receivedAt: 'desc' },
      select: { receivedAt: true },
    });
    return row?.receivedAt ?? null;
  }

  find(id: string): Promise<InboxEvent | null> {
    return this.db.inboxEvent.findUnique({ where: { id } });
  }

  /** The stored event a job refers to by its provider identity (see `inboxDedupKey`). */
  findByDedupKey(dedupKey: string): Promise<InboxEvent | null> {
    return this.db.inboxEvent.findUnique({ where: { dedupKey } });
  }

  countByStatus() {
    return this.db.inboxEvent.groupBy({ by: ['status'], _count: { _all: true } });
  }
}
