import type { RuntimeHooks } from '@shiplink/jobs';
import type { Platform } from './platform';

/** How the queue runtime's events land in the database: inbox state, dead letters, audit. */
export function databaseHooks({ repos }: Platform): RuntimeHooks {
  return {
    async completed({ meta }) {
      if (meta.inboxEventId) await repos.inbox.markProcessed(meta.inboxEventId);
    },
    async deadLettered(entry) {
      await repos.deadLetters.record({
        queue: entry.queue,
        jobName: entry.jobName,
        jobId: entry.jobId,
        payload: entry.envelope.payload,
        reason: entry.reason,
        error: entry.error,
        attemptsMade: entry.attemptsMade,
        subject: entry.subject,
      });
      if (entry.envelope.meta.inboxEventId) {
        await repos.inbox.markDeadLettered(entry.envelope.meta.inboxEventId, entry.reason);
      }
      repos.audit.record({
        direction: 'internal',
        kind: 'dlq.dead_letter',
        correlationId: entry.envelope.meta.correlationId,
        orderRef: orderRefOf(entry.envelope.payload),
        endpoint: `${entry.queue}/${entry.jobName}`,
        error: `${entry.reason}: ${entry.error}`,
        metadata: { jobId: entry.jobId, attemptsMade: entry.attemptsMade },
      });
    },
    async replayed(entry) {
      await repos.deadLetters.markReplayed(entry.queue, entry.jobId);
      repos.audit.record({
        direction: 'internal',
        kind: 'dlq.replay',
        correlationId: entry.envelope.meta.correlationId,
        orderRef: orderRefOf(entry.envelope.payload),
        endpoint: `${entry.queue}/${entry.jobName}`,
        metadata: { jobId: entry.jobId, replayJobId: entry.replayJobId },
      });
    },
  };
}

/** The store order a job was about, for "what happened to order 1234?" in the audit trail. */
function orderRefOf(payload: unknown): string | undefined {
  const ref = (payload as { orderRef?: unknown } | null)?.orderRef;
  return typeof ref === 'string' ? ref : undefined;
}
