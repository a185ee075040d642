import { z } from 'zod';
import type { DeadLetter, DeadLetterFilter, Repos, Scope } from '@shiplink/db';
import { QUEUES, replayDeadLetters, type JobProducer, type QueueName } from '@shiplink/jobs';

const when = z.iso.datetime({ offset: true }).transform((value) => new Date(value));

export const DeadLetterFilterSchema = z
  .object({
    queue: z.enum(QUEUES).optional(),
    provider: z.string().max(50).optional(),
    reason: z.string().max(200).optional(),
    status: z.enum(['open', 'replayed']).optional(),
    from: when.optional(),
    to: when.optional(),
  })
  .strict();

export const ReplayRequestSchema = z.union([
  z.object({ ids: z.array(z.uuid()).min(1).max(1_000), dryRun: z.boolean() }).strict(),
  z.object({ filter: DeadLetterFilterSchema, dryRun: z.boolean() }).strict(),
]);
export type ReplayRequest = z.infer<typeof ReplayRequestSchema>;

/** At most this many are replayed by one request; the rest wait for the next. */
export const REPLAY_LIMIT = 1_000;
const SHOWN = 100;

/** A dead letter as a person sees it (the payload only when one is opened). */
export const presentDeadLetter = ({ payload: _payload, ...shown }: DeadLetter) => shown;

export interface ReplayOutcome {
  dryRun: boolean;
  matched: number;
  items: ReturnType<typeof presentDeadLetter>[];
  replayed: number;
  /** Matched, but no longer parked in their queue (already replayed, or removed). */
  missing: number;
}

/** Dead letters by filter, and their replay: one, a selection, or everything a filter matches. */
export class DeadLettersService {
  constructor(
    private readonly repos: Repos,
    private readonly producer: JobProducer,
  ) {}

  async list(scope: Scope, filter: DeadLetterFilter, limit: number) {
    const [items, total] = await Promise.all([
      this.repos.deadLetters.list(scope, filter, limit),
      this.repos.deadLetters.count(scope, filter),
    ]);
    return { items: items.map(presentDeadLetter), total };
  }

  async get(scope: Scope, id: string) {
    const letter = await this.repos.deadLetters.get(scope, id);
    return letter ? { ...presentDeadLetter(letter), payload: letter.payload } : undefined;
  }

  async replay(scope: Scope, request: ReplayRequest): Promise<ReplayOutcome> {
    const matches =
      'ids' in request
        ? await this.repos.deadLetters.byIds(scope, request.ids)
        : await this.repos.deadLetters.list(
            scope,
            { status: 'open', ...request.filter },
            REPLAY_LIMIT,
          );
    const matched =
      'ids' in request
        ? matches.length
        : await this.repos.deadLetters.count(scope, { status: 'open', ...request.filter });
    const outcome = {
      dryRun: request.dryRun,
      matched,
      items: matches.slice(0, SHOWN).map(presentDeadLetter),
    };
    if (request.dryRun) return { ...outcome, replayed: 0, missing: 0 };
    let replayed = 0;
    let missing = 0;
    for (const [queue, jobIds] of byQueue(matches)) {
      const sent = await replayDeadLetters(this.producer, queue, jobIds);
      replayed += sent.sent;
      missing += sent.missing.length;
    }
    return { ...outcome, replayed, missing };
  }
}

function byQueue(letters: readonly DeadLetter[]): Map<QueueName, string[]> {
  const grouped = new Map<QueueName, string[]>();
  for (const letter of letters) {
    const queue = letter.queue as QueueName;
    grouped.set(queue, [...(grouped.get(queue) ?? []), letter.jobId]);
  }
  return grouped;
}
