import type { Repos } from '@shiplink/db';
import { findJob, type JobProducer } from '@shiplink/jobs';
import type { Logger } from '@shiplink/logger';

/**
 * Re-enqueues accepted events whose job never reached a queue (Redis blip between the inbox
 * insert and the enqueue). The job id is the same, so a job that did arrive is not doubled.
 */
export class InboxSweeper {
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly repos: Repos,
    private readonly producer: JobProducer,
    private readonly logger: Logger,
    private readonly afterMs: number,
  ) {}

  start(intervalMs: number): void {
    this.timer = setInterval(() => {
      this.sweep().catch((error: unknown) => this.logger.error('inbox sweep failed', { error }));
    }, intervalMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
  }

  async sweep(): Promise<number> {
    const stale = await this.repos.inbox.findStale(this.afterMs);
    let enqueued = 0;
    for (const event of stale) {
      const definition =
        event.jobQueue && event.jobName ? findJob(event.jobQueue, event.jobName) : undefined;
      if (!definition) continue;
      const queue = this.producer.queue(definition.queue);
      const existing = event.jobId ? await queue.getJobState(event.jobId) : 'unknown';
      if (existing === 'completed') {
        await this.repos.inbox.markProcessed(event.id);
        continue;
      }
      // Still queued, running, waiting for a retry or dead-lettered: nothing to add.
      if (existing !== 'unknown') continue;
      await this.producer.enqueue(definition, event.jobPayload as never, {
        correlationId: event.correlationId,
        inboxEventId: event.id,
      });
      enqueued += 1;
    }
    if (enqueued > 0) this.logger.warn('inbox events re-enqueued', { count: enqueued });
    return enqueued;
  }
}
