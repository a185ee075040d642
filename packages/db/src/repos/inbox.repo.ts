import type { Db } from '../client';
import type { InboxEvent } from '../generated/prisma/client';
import type { Provider } from '../generated/prisma/enums';
import { isUniqueViolation } from '../unique';

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

export type { InboxEvent };

/** The inbox: an accepted event is a row here before the sender hears 2xx. */
export class InboxRepo {
  constructor(private readonly db: Db) {}

  /** Inserts the event; a second delivery of the same event returns the first row instead. */
  async record(event: InboundEvent): Promise<{ event: InboxEvent; duplicate: boolean }> {
    try {
      const { job, ...fields } = event;
      const row = await this.db.inboxEvent.create({
        data: {
          ...fields,
          payload: event.payload as object,
          status: job ? 'received' : 'ignored',
          ...(job
            ? { jobQueue: job.queue, jobName: job.name, jobId: job.id, jobPayload: job.payload as object }
            : { processedAt: new Date() }),
        },
      });
      return { event: row, duplicate: false };
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      const existing = await this.db.inboxEvent.findUniqueOrThrow({
        where: { dedupKey: event.dedupKey },
      });
      return { event: existing, duplicate: true };
    }
  }

  async markProcessed(id: string): Promise<void> {
    await this.db.inboxEvent.updateMany({
      where: { id, status: { not: 'processed' } },
      data: { status: 'processed', processedAt: new Date(), error: null },
    });
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

  countByStatus() {
    return this.db.inboxEvent.groupBy({ by: ['status'], _count: { _all: true } });
  }
}
