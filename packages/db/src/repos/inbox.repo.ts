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

/** The inbox: an accepted event is a row here before the sender hears 2xx. */

export class InboxRepo {
  private readonly batch: MicroBatch<InboundEvent, InboxReceipt>;
  private readonly processed: MicroBatch<string, void>;

  constructor(
    private readonly db: Db,
    pool: Pool,
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
