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
  subject?: string | undefined;
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
      subject: entry.subject ?? null,
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

  /** For each subject with an open dead letter, when its latest one failed. */
  async openSubjects(subjects: readonly string[]): Promise<Map<string, Date>> {
    if (subjects.length === 0) return new Map();
    const rows = await this.db.deadLetter.groupBy({
      by: ['subject'],
      where: { subject: { in: [...subjects] }, status: 'open' },
      _max: { failedAt: true },
    });
    return new Map(
      rows.flatMap((row) =>
        row.subject && row._max.failedAt ? [[row.subject, row._max.failedAt] as const] : [],
      ),
    );
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
