import { z } from 'zod';
import type { QueueName } from './queues';

export interface JobPolicy {
  /** Total tries before the job is dead-lettered (transient failures only). */
  attempts: number;
  /** First retry delay; later ones double, with jitter. */
  backoffMs: number;
}

export interface JobDefinition<S extends z.ZodType = z.ZodType> {
  queue: QueueName;
  name: string;
  schema: S;
  /** Deterministic id: the same logical work always gets the same id (no ':' allowed). */
  jobId(payload: z.infer<S>): string;
  /**
   * What the job works on, whatever caused it (an order, not this webhook about it). Dead letters
   * are recorded under it, so that a poll can leave alone what already waits for a person.
   */
  subject?(payload: z.infer<S>): string;
  policy: JobPolicy;
}

export type PayloadOf<D> = D extends JobDefinition<infer S> ? z.infer<S> : never;

/** A payload as its job's schema read it, under its deterministic id: ready to be enqueued. */
export interface ReadyJob<D extends JobDefinition = JobDefinition> {
  definition: D;
  payload: PayloadOf<D>;
  id: string;
}

/**
 * Reads a payload with its job's schema once, for callers that must tell a payload that cannot
 * exist (the sender's fault) from a queue that is away, before anything is written.
 */
export function readyJob<D extends JobDefinition>(
  definition: D,
  payload: unknown,
): { ok: true; job: ReadyJob<D> } | { ok: false; error: z.ZodError } {
  const parsed = definition.schema.safeParse(payload);
  if (!parsed.success) return { ok: false, error: parsed.error };
  const data = parsed.data as PayloadOf<D>;
  return { ok: true, job: { definition, payload: data, id: definition.jobId(data) } };
}

const DEFAULT_POLICY: JobPolicy = { attempts: 8, backoffMs: 1_000 };

/** Declares a job once: queue, name, payload schema, id and retry policy. */
export function defineJob<S extends z.ZodType>(definition: {
  queue: QueueName;
  name: string;
  schema: S;
  jobId(payload: z.infer<S>): string;
  subject?(payload: z.infer<S>): string;
  policy?: Partial<JobPolicy>;
}): JobDefinition<S> {
  return { ...definition, policy: { ...DEFAULT_POLICY, ...definition.policy } };
}

/** What travels with every payload: tracing and provenance, never business data. */
export const JobMetaSchema = z.object({
  correlationId: z.string(),
  enqueuedAt: z.string(),
  /** The inbox row this job came from, marked processed when the job succeeds. */
  inboxEventId: z.string().optional(),
  /** Set on replays from the dead-letter queue: the job id that failed. */
  replayOf: z.string().optional(),
});
export type JobMeta = z.infer<typeof JobMetaSchema>;

/** A job's data in Redis: the payload (parsed with its own schema on dequeue) and its meta. */
export const JobEnvelopeSchema = z.object({ payload: z.unknown(), meta: JobMetaSchema });
export type JobEnvelope = z.infer<typeof JobEnvelopeSchema>;
