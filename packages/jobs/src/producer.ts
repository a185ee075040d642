import { Queue, type JobsOptions } from 'bullmq';
import { jobKey, MicroBatch } from '@shiplink/domain';
import { isOutage } from '@shiplink/errors';
import {
  readyJob,
  type JobDefinition,
  type JobEnvelope,
  type JobMeta,
  type JobPolicy,
  type PayloadOf,
  type ReadyJob,
} from './define';
import { deadLetterQueueOf, queuePrefix, QUEUES, type QueueName } from './queues';
import type { RedisConnection } from './redis';
import { callerTrace, queueTelemetry } from './telemetry';

export function jobOptions(policy: JobPolicy): JobsOptions {
  return {
    attempts: policy.attempts,
    backoff: { type: 'exponential', delay: policy.backoffMs, jitter: 0.5 },
    // Completed jobs are kept for a day so a re-delivered event with the same id is a no-op.
    removeOnComplete: { age: 24 * 3600, count: 100_000 },
    removeOnFail: { age: 14 * 24 * 3600 },
  };
}

interface PendingAdd {
  name: string;
  data: JobEnvelope;
  opts: JobsOptions;
}

/** Adds jobs to the hub's queues. One per process; queues are opened lazily and cached. */
export class JobProducer {
  private readonly queues = new Map<string, Queue>();
  /** Adds made in the same tick go to Redis as one addBulk (one round trip). */
  private readonly batches = new Map<QueueName, MicroBatch<PendingAdd, void>>();

  constructor(
    private readonly redis: RedisConnection,
    readonly prefix: string,
    /** Connection errors of the queues (Redis away); without a listener BullMQ prints them. */
    private readonly onError: (error: Error) => void = () => undefined,
  ) {}

  queue(name: QueueName): Queue {
    return this.open(name, queuePrefix(this.prefix, name));
  }

  deadLetterQueue(name: QueueName): Queue {
    return this.open(deadLetterQueueOf(name), queuePrefix(this.prefix, name));
  }

  /** Every queue and dead-letter queue, e.g. for the dashboard. */
  allQueues(): Queue[] {
    return QUEUES.flatMap((name) => [this.queue(name), this.deadLetterQueue(name)]);
  }

  private open(name: string, prefix: string): Queue {
    const key = `${prefix}:${name}`;
    let queue = this.queues.get(key);
    if (!queue) {
      queue = new Queue(name, { connection: this.redis, prefix, telemetry: queueTelemetry });
      queue.on('error', this.onError);
      this.queues.set(key, queue);
    }
    return queue;
  }

  /**
   * Validates the payload against its declared schema and adds it under its deterministic id;
   * `delayMs` holds it back that long (a message waiting for the recipient's quiet hours to end).
   * `run` makes it a run of its own (a poll asked for now, beside its scheduled runs), under
   * the id suffixed with it.
   */
  async enqueue<D extends JobDefinition>(
    definition: D,
    payload: PayloadOf<D>,
    meta: Omit<JobMeta, 'enqueuedAt'>,
    options: { delayMs?: number; run?: string } = {},
  ): Promise<string> {
    const ready = readyJob(definition, payload);
    if (!ready.ok) throw ready.error;
    return this.enqueueReady(ready.job, meta, options);
  }

  /** Adds a job whose payload its schema has already read (see `readyJob`). */
  async enqueueReady(
    job: ReadyJob,
    meta: Omit<JobMeta, 'enqueuedAt'>,
    options: { delayMs?: number; run?: string } = {},
  ): Promise<string> {
    const jobId = options.run ? jobKey(job.id, 'run', options.run) : job.id;
    const envelope: JobEnvelope = {
      payload: job.payload,
      meta: { ...meta, enqueuedAt: new Date().toISOString() },
    };
    await this.batchFor(job.definition.queue).submit({
      name: job.definition.name,
      data: envelope,
      opts: {
        ...jobOptions(job.definition.policy),
        ...callerTrace(),
        jobId,
        ...(options.delayMs && options.delayMs > 0 ? { delay: Math.ceil(options.delayMs) } : {}),
      },
    });
    return jobId;
  }

  private batchFor(queue: QueueName): MicroBatch<PendingAdd, void> {
    let batch = this.batches.get(queue);
    if (!batch) {
      const target = this.queue(queue);
      // Re-adding under the same job ids is harmless, so a failed bulk add can be split.
      batch = new MicroBatch(
        async (adds) => {
          await target.addBulk(adds);
          return adds.map(() => undefined);
        },
        { isolate: (error) => !isOutage(error) },
      );
      this.batches.set(queue, batch);
    }
    return batch;
  }

  /** A repeating job with a deterministic scheduler id (delta polls). Safe to call at every boot. */
  async schedule<D extends JobDefinition>(
    definition: D,
    payload: PayloadOf<D>,
    everyMs: number,
  ): Promise<string> {
    const parsed = definition.schema.parse(payload) as PayloadOf<D>;
    const schedulerId = definition.jobId(parsed);
    const envelope: JobEnvelope = {
      payload: parsed,
      meta: { correlationId: schedulerId, enqueuedAt: new Date().toISOString() },
    };
    await this.queue(definition.queue).upsertJobScheduler(
      schedulerId,
      { every: everyMs },
      { name: definition.name, data: envelope, opts: jobOptions(definition.policy) },
    );
    return schedulerId;
  }

  /** Whether the repeating job exists (Redis keeps schedulers only as long as it keeps its data). */
  async isScheduled<D extends JobDefinition>(
    definition: D,
    payload: PayloadOf<D>,
  ): Promise<boolean> {
    const parsed = definition.schema.parse(payload) as PayloadOf<D>;
    const scheduler = await this.queue(definition.queue).getJobScheduler(definition.jobId(parsed));
    return Boolean(scheduler);
  }

  async unschedule(definition: JobDefinition, payload: unknown): Promise<void> {
    const parsed = definition.schema.parse(payload);
    await this.queue(definition.queue).removeJobScheduler(definition.jobId(parsed));
  }

  async close(): Promise<void> {
    await Promise.all([...this.queues.values()].map((queue) => queue.close()));
    this.queues.clear();
  }
}
