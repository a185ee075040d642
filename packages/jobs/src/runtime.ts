import { DelayedError, UnrecoverableError, Worker, type Job } from 'bullmq';
import { jobKey } from '@shiplink/domain';
import { classifyFailure, type ClassifiedFailure } from '@shiplink/errors';
import { withLogContext, type Logger } from '@shiplink/logger';
import { metrics } from '@shiplink/telemetry';
import { deadLetterData, DeadLetterDataSchema, type DeadLetterData } from './dead-letter';
import {
  JobEnvelopeSchema,
  type JobDefinition,
  type JobEnvelope,
  type JobMeta,
  type PayloadOf,
} from './define';
import { jobOptions, type JobProducer } from './producer';
import { createRedis } from './redis';
import { deadLetterQueueOf, queuePrefix, type QueueName } from './queues';
import { queueTelemetry } from './telemetry';

export interface JobContext {
  jobId: string;
  meta: JobMeta;
  /** 1 on the first try. */
  attempt: number;
  log: Logger;
}

export interface Registration {
  definition: JobDefinition;
  run(payload: unknown, context: JobContext): Promise<void>;
}

/** Pairs a catalog entry with the function that does its work. */
export function handle<D extends JobDefinition>(
  definition: D,
  run: (payload: PayloadOf<D>, context: JobContext) => Promise<void>,
): Registration {
  return { definition, run: (payload, context) => run(payload as PayloadOf<D>, context) };
}

/** Side effects the app wires in: the database knows about dead letters, replays, the inbox. */
export interface RuntimeHooks {
  completed?(job: { queue: QueueName; name: string; jobId: string; meta: JobMeta }): Promise<void>;
  deadLettered(entry: DeadLetterData): Promise<void>;
  replayed(entry: DeadLetterData & { replayJobId: string }): Promise<void>;
}

export interface WorkerOptions {
  redisUrl: string;
  producer: JobProducer;
  queue: QueueName;
  registrations: Registration[];
  hooks: RuntimeHooks;
  logger: Logger;
  concurrency?: number;
  /** How long a job's lock lives without renewal; a dead worker's job is retaken after it. */
  lockDurationMs?: number;
  stalledIntervalMs?: number;
}

export interface RunningWorkers {
  /** Stops taking jobs, lets active ones finish within `graceMs`, then closes connections. */
  close(graceMs?: number): Promise<void>;
  /** Resolves once both workers are connected and taking jobs. */
  ready(): Promise<void>;
}

/**
 * Runs a queue's jobs and its dead-letter queue. Typed errors decide what happens:
 * rate-limited → delayed until the provider's reset (no attempt spent); retryable → BullMQ retry
 * with exponential backoff and jitter; permanent or out of attempts → dead letter with a reason.
 */
export function startQueueWorkers(options: WorkerOptions): RunningWorkers {
  const { queue, producer, hooks, logger } = options;
  const byName = new Map(options.registrations.map((r) => [r.definition.name, r]));
  const prefix = queuePrefix(producer.prefix, queue);
  const connection = createRedis(options.redisUrl, 'worker');
  const common = {
    connection,
    prefix,
    lockDuration: options.lockDurationMs ?? 30_000,
    stalledInterval: options.stalledIntervalMs ?? 30_000,
    // Long provider calls can miss a lock renewal; give a stalled job a few chances.
    maxStalledCount: 3,
    telemetry: queueTelemetry,
  };

  const deadLetter = async (
    job: Job,
    envelope: JobEnvelope,
    failure: ClassifiedFailure,
    subject?: string,
  ) => {
    const data = deadLetterData(queue, job, envelope, failure, subject);
    await producer.deadLetterQueue(queue).add(job.name, data, {
      jobId: jobKey(data.jobId, 'dead', Date.now()),
      attempts: 1,
      removeOnComplete: { age: 30 * 24 * 3600 },
      removeOnFail: false,
    });
    await hooks.deadLettered(data);
    metrics.deadLetters.inc({ queue, job: job.name, reason: failure.reason });
    logger.error('job dead-lettered', { reason: failure.reason, error: failure.message });
  };

  const main = new Worker(
    queue,
    async (job, token) => {
      const envelope = JobEnvelopeSchema.safeParse(job.data);
      const meta: JobMeta = envelope.success
        ? envelope.data.meta
        : { correlationId: job.id ?? 'unknown', enqueuedAt: new Date(job.timestamp).toISOString() };
      const context = {
        jobId: job.id,
        queue,
        jobName: job.name,
        correlationId: meta.correlationId,
      };
      return withLogContext(context, async () => {
        const safeEnvelope: JobEnvelope = { payload: envelope.data?.payload ?? job.data, meta };
        const registration = byName.get(job.name);
        if (!registration || !envelope.success) {
          const reason = registration ? 'job.invalid_envelope' : 'job.unknown_name';
          await deadLetter(job, safeEnvelope, { kind: 'permanent', reason, message: reason });
          throw new UnrecoverableError(reason);
        }
        const payload = registration.definition.schema.safeParse(envelope.data.payload);
        if (!payload.success) {
          const message = payload.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
          await deadLetter(job, safeEnvelope, {
            kind: 'permanent',
            reason: 'job.invalid_payload',
            message: message.join('; '),
          });
          throw new UnrecoverableError('job.invalid_payload');
        }
        const connectionId = (payload.data as { connectionId?: string }).connectionId;
        return withLogContext(connectionId ? { connectionId } : {}, async () => {
          const timer = metrics.jobDuration.startTimer({ queue, job: job.name });
          try {
            await registration.run(payload.data, {
              jobId: job.id ?? 'unknown',
              meta,
              attempt: job.attemptsMade + 1,
              log: logger,
            });
            await hooks.completed?.({ queue, name: job.name, jobId: job.id ?? '', meta });
            timer({ outcome: 'completed' });
          } catch (error) {
            const failure = classifyFailure(error);
            if (failure.kind === 'rate_limited' && token) {
              timer({ outcome: 'delayed' });
              const waitMs = (failure.waitMs ?? 1_000) + Math.floor(Math.random() * 250);
              logger.warn('job delayed by rate limit', { waitMs, reason: failure.reason });
              await job.moveToDelayed(Date.now() + waitMs, token);
              throw new DelayedError();
            }
            const attempts = job.opts.attempts ?? 1;
            if (failure.kind === 'permanent' || job.attemptsMade + 1 >= attempts) {
              timer({ outcome: 'dead_lettered' });
              const subject = registration.definition.subject?.(payload.data);
              await deadLetter(job, safeEnvelope, failure, subject);
              throw new UnrecoverableError(`${failure.reason}: ${failure.message}`);
            }
            timer({ outcome: 'retry' });
            metrics.jobRetries.inc({ queue, job: job.name, reason: failure.reason });
            logger.warn('job failed, will retry', {
              reason: failure.reason,
              error: failure.message,
              attempt: job.attemptsMade + 1,
              attempts,
            });
            throw error;
          }
        });
      });
    },
    { ...common, concurrency: options.concurrency ?? 10 },
  );

  // A dead letter is parked by failing it once (its reason shows in Bull Board, with "Retry").
  // Retrying it — from Bull Board or `requestReplay` — runs it again, which replays the job.
  const dlq = new Worker(
    deadLetterQueueOf(queue),
    async (job) => {
      const data = DeadLetterDataSchema.parse(job.data);
      if (job.attemptsMade === 0) throw new UnrecoverableError(`${data.reason}: ${data.error}`);
      const definition = byName.get(data.jobName)?.definition;
      const replayJobId = jobKey(data.jobId, 'replay', Date.now());
      await producer.queue(queue).add(
        data.jobName,
        { payload: data.envelope.payload, meta: { ...data.envelope.meta, replayOf: data.jobId } },
        {
          ...jobOptions(definition?.policy ?? { attempts: 8, backoffMs: 1_000 }),
          jobId: replayJobId,
        },
      );
      await hooks.replayed({ ...data, replayJobId });
      logger.info('dead letter replayed', { jobId: data.jobId, replayJobId });
    },
    { ...common, concurrency: 1 },
  );

  for (const worker of [main, dlq]) {
    worker.on('error', (error) => logger.error('worker error', { queue: worker.name, error }));
    worker.on('failed', (job, error) => {
      // Alerting hook: exhausted stalls arrive here as failures, never as 'stalled'.
      if (error.message.includes('stalled more than allowable limit')) {
        logger.error('job stalled too often', { queue: worker.name, jobId: job?.id });
      }
    });
  }

  return {
    async ready() {
      await Promise.all([main.waitUntilReady(), dlq.waitUntilReady()]);
    },
    async close(graceMs = 25_000) {
      const forced = new Promise<'timeout'>((resolve) =>
        setTimeout(() => resolve('timeout'), graceMs).unref(),
      );
      const result = await Promise.race([
        Promise.all([main.close(), dlq.close()]).then(() => 'closed' as const),
        forced,
      ]);
      if (result === 'timeout') {
        // Jobs still running go back to the queue via stall detection; nothing is lost.
        logger.warn('shutdown grace period over, closing workers forcibly', { graceMs });
        await Promise.all([main.close(true), dlq.close(true)]);
      }
      connection.disconnect();
    },
  };
}
