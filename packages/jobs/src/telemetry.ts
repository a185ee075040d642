import { context, trace } from '@opentelemetry/api';
import type { JobsOptions } from 'bullmq';
import { BullMQOtel } from 'bullmq-otel';

/**
 * BullMQ's own OpenTelemetry spans: the producer's `add` span travels in the job, and the
 * worker's `process` span continues the same trace. Without a tracer provider it costs nothing.
 */
export const queueTelemetry = new BullMQOtel({ tracerName: 'shiplink-queues' });

/**
 * The caller's trace, carried by one job. Adds are batched across callers into one `addBulk`,
 * whose own span belongs to whichever caller came first; each job keeps its own caller instead.
 */
export function callerTrace(): Pick<JobsOptions, 'telemetry'> {
  const active = context.active();
  if (!trace.getSpan(active)) return {};
  return { telemetry: { metadata: queueTelemetry.contextManager.getMetadata(active) } };
}
