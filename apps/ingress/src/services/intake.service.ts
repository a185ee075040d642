import type { Repos } from '@shiplink/db';
import type { JobDefinition, JobProducer, PayloadOf } from '@shiplink/jobs';
import type { Logger } from '@shiplink/logger';
import type { Provider } from '@shiplink/db';

export interface AcceptedEvent<D extends JobDefinition = JobDefinition> {
  connectionId: string;
  provider: Provider;
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
    const job = event.job
      ? {
          definition: event.job.definition,
          payload: event.job.definition.schema.parse(event.job.payload) as PayloadOf<JobDefinition>,
        }
      : undefined;
    const jobId = job?.definition.jobId(job.payload);
    const row = await this.repos.inbox.record({
      connectionId: event.connectionId,
      provider: event.provider,
      topic: event.topic,
      dedupKey: event.dedupKey,
      payload: event.payload,
      correlationId: event.correlationId,
      ...(job && jobId
        ? {
            job: {
              queue: job.definition.queue,
              name: job.definition.name,
              id: jobId,
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
    if (!job || !jobId) return { status: 'recorded', eventId: row.id };
    if (row.duplicate && row.status !== 'received') return { status: 'duplicate', eventId: row.id };
    await this.producer.enqueue(job.definition, job.payload, {
      correlationId: row.correlationId,
      inboxEventId: row.id,
    });
    if (row.duplicate) this.logger.info('duplicate event re-enqueued', { eventId: row.id, jobId });
    return row.duplicate
      ? { status: 'duplicate', eventId: row.id }
      : { status: 'accepted', eventId: row.id, jobId };
  }
}
