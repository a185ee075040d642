import type { Db } from '../client';
import type { DeadLetter, Prisma } from '../generated/prisma/client';
import { ownedBy, type Scope } from '../scope';

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

/** What a person filters dead letters by (every field optional; all of them must hold). */
export interface DeadLetterFilter {
  queue?: string | undefined;
  provider?: string | undefined;
  /** A classified reason (`connection.unknown`) or its prefix (`connection.`). */
  reason?: string | undefined;
  status?: 'open' | 'replayed' | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The connection a job's payload names, when it names one. */
function connectionIdOf(payload: unknown): string | undefined {
  const id = (payload as { connectionId?: unknown } | null)?.connectionId;
  return typeof id === 'string' && UUID.test(id) ? id : undefined;
}

function whereOf(scope: Scope, filter: DeadLetterFilter): Prisma.DeadLetterWhereInput {
  return {
    ...ownedBy(scope),
    ...(filter.queue ? { queue: filter.queue } : {}),
    ...(filter.provider ? { provider: filter.provider } : {}),
    ...(filter.reason ? { reason: { startsWith: filter.reason } } : {}),
    ...(filter.status ? { status: filter.status } : {}),
    ...(filter.from || filter.to
      ? {
          failedAt: {
            ...(filter.from ? { gte: filter.from } : {}),
            ...(filter.to ? { lt: filter.to } : {}),
          },
        }
      : {}),
  };
}

/** Dead letters as a person sees them: what failed, why, and whether it was replayed. */
export class DeadLettersRepo {
  constructor(private readonly db: Db) {}

  async record(entry: DeadLetterEntry): Promise<DeadLetter> {
    const connectionId = connectionIdOf(entry.payload);
    const connection = connectionId
      ? await this.db.connection.findUnique({
          where: { id: connectionId },
          select: { id: true, tenantId: true, provider: true },
        })
      : null;
    const fields = {
      connectionId: connection?.id ?? null,
      tenantId: connection?.tenantId ?? null,
      provider: connection?.provider ?? null,
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

  list(scope: Scope, filter: DeadLetterFilter = {}, limit = 100) {
    return this.db.deadLetter.findMany({
      where: whereOf(scope, filter),
      orderBy: { failedAt: 'desc' },
      take: limit,
    });
  }

  count(scope: Scope, filter: DeadLetterFilter = {}) {
    return this.db.deadLetter.count({ where: whereOf(scope, filter) });
  }

  /** One dead letter by id, when it is the scope's. */
  get(scope: Scope, id: string) {
    if (!UUID.test(id)) return Promise.resolve(null);
    return this.db.deadLetter.findFirst({ where: { id, ...ownedBy(scope) } });
  }

  /** Dead letters by id, those of them that are the scope's. */
  byIds(scope: Scope, ids: readonly string[]) {
    const valid = ids.filter((id) => UUID.test(id));
    return this.db.deadLetter.findMany({ where: { id: { in: valid }, ...ownedBy(scope) } });
  }

  find(queue: string, jobId: string) {
    return this.db.deadLetter.findUnique({ where: { queue_jobId: { queue, jobId } } });
  }
}
