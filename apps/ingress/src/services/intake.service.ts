import type { ProviderId } from '@shiplink/connectors';
import type { InboundEvent, InboxReceipt, Repos } from '@shiplink/db';
import { isOutage } from '@shiplink/errors';
import {
  readyJob,
  type JobDefinition,
  type JobProducer,
  type PayloadOf,
  type ReadyJob,
} from '@shiplink/jobs';
import type { Logger } from '@shiplink/logger';
import { HttpProblem, unavailable } from '../http/problems';

export interface AcceptedEvent<D extends JobDefinition = JobDefinition> {
  connectionId: string;
  provider: ProviderId;
  topic: string;
  dedupKey: string;
  payload: unknown;
  correlationId: string;
  orderRef?: string;
  /** What to run; omitted for events that are recorded but need no work. */
  job?: { definition: D; payload: PayloadOf<D> };
}

export type IntakeOutcome =
  | { status: 'accepted'; eventId: string; jobId: string }
  | { status: 'recorded'; eventId: string }
  | { status: 'duplicate'; eventId: string };

/** The job's payload as its schema reads it; one it refuses is the sender's fault (400). */
function readJob(job: NonNullable<AcceptedEvent['job']>): ReadyJob {
  const ready = readyJob(job.definition, job.payload);
  if (!ready.ok) {
    throw new HttpProblem(
      400,
      'invalid_payload',
      'the event names something that cannot exist',
      ready.error.issues.slice(0, 5).map((i) => `${i.path.join('.')}: ${i.message}`),
    );
  }
  return ready.job;
}

/**
 * Verify → record → enqueue. The inbox row is written before anything else so that an answered
 * event is never lost; a duplicate delivery finds the row and, if its job never made it to the
 * queue, enqueues it again under the same id.
 */
export class IntakeService {
  constructor(
    private readonly repos: Repos,
    private readonly producer: JobProducer,
    private readonly logger: Logger,
  ) {}

  async accept(event: AcceptedEvent): Promise<IntakeOutcome> {
    const job = event.job ? readJob(event.job) : undefined;
    const row = await this.record({
      connectionId: event.connectionId,
      provider: event.provider,
      topic: event.topic,
      dedupKey: event.dedupKey,
      payload: event.payload,
      correlationId: event.correlationId,
      ...(job
        ? {
            job: {
              queue: job.definition.queue,
              name: job.definition.name,
              id: job.id,
              payload: job.payload,
            },
          }
        : {}),
    });
    this.repos.audit.record({
      direction: 'inbound',
      kind: row.duplicate ? 'webhook.duplicate' : 'webhook',
      provider: event.provider,
      connectionId: event.connectionId,
      correlationId: row.correlationId,
      orderRef: event.orderRef,
      endpoint: event.topic,
      status: 202,
      metadata: { eventId: row.id, dedupKey: event.dedupKey },
    });
    if (!job) return { status: 'recorded', eventId: row.id };
    if (row.duplicate && row.status !== 'received') return { status: 'duplicate', eventId: row.id };
    try {
      await this.producer.enqueueReady(job, {
        correlationId: row.correlationId,
        inboxEventId: row.id,
      });
    } catch (error) {
      // The row is kept: the sender's retry (or the sweeper) enqueues it under the same job id.
      this.logger.warn('event recorded but not queued', { eventId: row.id, error });
      throw unavailable('queue_unavailable', 'the event could not be queued; retry shortly');
    }
    if (row.duplicate)
      this.logger.info('duplicate event re-enqueued', { eventId: row.id, jobId: job.id });
    return row.duplicate
      ? { status: 'duplicate', eventId: row.id }
      : { status: 'accepted', eventId: row.id, jobId: job.id };
  }

  /** The inbox write; while the database is away the sender is told to come back. */
  private async record(event: InboundEvent): Promise<InboxReceipt> {
    try {
      return await this.repos.inbox.record(event);
    } catch (error) {
      if (isOutage(error)) {
        throw unavailable('storage_unavailable', 'the event could not be stored; retry shortly');
      }
      // SQLSTATE 22 (data exception) and 54 (program limit): this body, not the server.
      if (/^(22|54)/.test(String((error as { code?: unknown }).code))) {
        throw new HttpProblem(422, 'unstorable_payload', 'the event cannot be stored as sent');
      }
      throw error;
    }
  }
}
