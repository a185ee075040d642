import type { Queue } from 'bullmq';
import { metrics, type Sampler } from '@shiplink/telemetry';
import type { JobProducer } from './producer';

/** Prioritized jobs live outside the wait list; a depth that left them out would undercount. */
const COUNTED_STATES = [
  'waiting',
  'prioritized',
  'delayed',
  'active',
  'failed',
  'completed',
] as const;
const AGED_STATES = ['waiting', 'prioritized', 'active'] as const;

async function oldestAgeSeconds(queue: Queue, state: (typeof AGED_STATES)[number]) {
  const [oldest] = await queue.getJobs([state], 0, 0, true);
  return oldest ? Math.max(0, (Date.now() - oldest.timestamp) / 1000) : 0;
}

async function sampleQueue(queue: Queue): Promise<void> {
  const labels = { queue: queue.name, prefix: queue.opts.prefix ?? 'bull' };
  const counts = await queue.getJobCounts(...COUNTED_STATES);
  for (const state of COUNTED_STATES) {
    metrics.queueJobs.set({ ...labels, state }, counts[state] ?? 0);
  }
  const ages = await Promise.all(AGED_STATES.map((state) => oldestAgeSeconds(queue, state)));
  AGED_STATES.forEach((state, i) => metrics.queueOldestAge.set({ ...labels, state }, ages[i]!));
}

/**
 * Depth and oldest-job age of every queue and dead-letter queue, read from Redis at each scrape.
 * The always-running ingress exports them, so a scaler can wake a worker that is scaled down.
 */
export function queueDepthSampler(producer: JobProducer): Sampler {
  return async () => {
    await Promise.all(producer.allQueues().map((queue) => sampleQueue(queue)));
  };
}
