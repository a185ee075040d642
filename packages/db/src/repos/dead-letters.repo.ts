import type { Db } from '../client';
import type { DeadLetter } from '../generated/prisma/client';

export interface DeadLetterEntry {
  queue: string;
  jobName: string;
  jobId: string;
  payload: unknown;
  reason: string;
  error: string;
  attemptsMade: number;
}

export type { DeadLetter };

/** Dead letters as a person sees them: what failed, why, and whether it was replayed. */
export class DeadLettersRepo {
  constructor(private readonly db: Db) {}

  async record(entry: DeadLetterEntry): Promise<DeadLetter> {
    const fields = {
      jobName: entry.jobName,
      payload: entry.payload as object,
      reason: entry.reason,
      error: entry.error.slice(0, 4_000),
      attemptsMade: entry.attemptsMade,
      status: 'open' as const,
      failedAt: new Date(),
    };
    return this.db.deadLetter.upsert({
      where: { queue_jobId: { queue: entry.queue, jobId: entry.jobId } },
      create: { queue: entry.queue, jobId: entry.jobId, ...fields },
      update: fields,
    });
  }

  async markReplayed(queue: string, jobId: string): Promise<DeadLetter | undefined> {
    const rows = await this.db.deadLetter.updateManyAndReturn({
      where: { queue, jobId },
      data: { status: 'replayed', replayCount: { increment: 1 }, lastReplayedAt: new Date() },
    });
    return rows[0];
  }

  list(filter: { queue?: string; status?: 'open' | 'replayed' } = {}, limit = 100) {
    return this.db.deadLetter.findMany({
      where: filter,
      orderBy: { failedAt: 'desc' },
      take: limit,
    });
  }

  find(queue: string, jobId: string) {
    return this.db.deadLetter.findUnique({ where: { queue_jobId: { queue, jobId } } });
  }
}
