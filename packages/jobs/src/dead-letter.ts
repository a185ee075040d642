import { z } from 'zod';
import type { Job } from 'bullmq';
import { JobEnvelopeSchema, type JobEnvelope } from './define';
import type { JobProducer } from './producer';
import { QUEUES, type QueueName } from './queues';

/** What a dead-letter queue job carries: the failed job, whole, and why it failed. */
export const DeadLetterDataSchema = z.object({
  queue: z.enum(QUEUES),
  jobName: z.string(),
  jobId: z.string(),
  envelope: JobEnvelopeSchema,
  /** See `JobDefinition.subject`; absent for jobs without one or with an unreadable payload. */
  subject: z.string().optional(),
  reason: z.string(),
  error: z.string(),
  attemptsMade: z.number().int(),
  failedAt: z.string(),
});
export type DeadLetterData = z.infer<typeof DeadLetterDataSchema>;

export function deadLetterData(
  queue: QueueName,
  job: Job,
  envelope: JobEnvelope,
  failure: { reason: string; message: string },
  subject?: string,
): DeadLetterData {
  return {
    queue,
    jobName: job.name,
    jobId: job.id ?? 'unknown',
    envelope,
    ...(subject ? { subject } : {}),
    reason: failure.reason,
    error: failure.message,
    attemptsMade: job.attemptsMade + 1,
    failedAt: new Date().toISOString(),
  };
}

export interface DeadLetterSummary {
  dlqJobId: string;
  jobId: string;
  jobName: string;
  reason: string;
  error: string;
  failedAt: string;
}

/** Dead letters waiting for a decision (parked as failed jobs of the dead-letter queue). */
export async function listDeadLetters(
  producer: JobProducer,
  queue: QueueName,
  limit = 100,
): Promise<DeadLetterSummary[]> {
  const parked = await producer.deadLetterQueue(queue).getFailed(0, limit - 1);
  return parked.flatMap((job) => {
    const data = DeadLetterDataSchema.safeParse(job.data);
    if (!data.success || !job.id) return [];
    return [
      {
        dlqJobId: job.id,
        jobId: data.data.jobId,
        jobName: data.data.jobName,
        reason: data.data.reason,
        error: data.data.error,
        failedAt: data.data.failedAt,
      },
    ];
  });
}

/**
 * Asks for a replay: the parked dead-letter job is retried, exactly as "Retry" in Bull Board does,
 * and the dead-letter worker re-enqueues the original job under a fresh id. Returns how many
 * were sent. A job already on its way is skipped, so pressing twice is harmless.
 */
export async function requestReplay(
  producer: JobProducer,
  queue: QueueName,
  selector: { dlqJobId: string } | { all: true; limit?: number },
): Promise<number> {
  const dlq = producer.deadLetterQueue(queue);
  const jobs =
    'dlqJobId' in selector
      ? [await dlq.getJob(selector.dlqJobId)]
      : await dlq.getFailed(0, (selector.limit ?? 1_000) - 1);
  let sent = 0;
  for (const job of jobs) {
    if (!job || !(await job.isFailed())) continue;
    try {
      await job.retry('failed');
      sent += 1;
    } catch {
      // Another operator (or a double click) got there first; the replay happens once.
    }
  }
  return sent;
}

/**
 * Replays the parked dead letters of these original job ids (a person's selection or a
 * filter's matches, read from the database's record of them). Answers how many were sent and
 * which ids no longer have a parked job (already on their way, or removed).
 */
export async function replayDeadLetters(
  producer: JobProducer,
  queue: QueueName,
  jobIds: readonly string[],
): Promise<{ sent: number; missing: string[] }> {
  const wanted = new Set(jobIds);
  const dlq = producer.deadLetterQueue(queue);
  // Found first, retried after: a retried job leaves the failed list and would shift the pages.
  const found: Job[] = [];
  const PAGE = 500;
  for (let start = 0; wanted.size > 0; start += PAGE) {
    const page = await dlq.getFailed(start, start + PAGE - 1);
    for (const job of page) {
      const data = DeadLetterDataSchema.safeParse(job.data);
      if (!data.success || !wanted.has(data.data.jobId)) continue;
      wanted.delete(data.data.jobId);
      found.push(job);
    }
    if (page.length < PAGE) break;
  }
  let sent = 0;
  for (const job of found) {
    try {
      await job.retry('failed');
      sent += 1;
    } catch {
      // Another person's replay got there first; the replay happens once.
    }
  }
  return { sent, missing: [...wanted] };
}
