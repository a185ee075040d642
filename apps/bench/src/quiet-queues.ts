import { createRedis, JobProducer, QUEUES } from '@shiplink/jobs';
import { waitFor } from '@shiplink/testing';

/**
 * Waits until no queue that a running app takes jobs from has work waiting or under way, so a
 * measure starts on an idle hub: work still echoes through it for a while after a run (store
 * status updates coming back as webhooks, store shipments, tracking registrations), and the
 * next run would pay for that tail. Delayed jobs (scheduled polls, retries)
 * do not count, nor does a queue without a worker: its jobs wait for an app this run does not
 * start (the commercetools phase's parcels end returned to sender, and their `parcel.returned`
 * jobs wait for the returns worker), so they would never drain and cost the hub nothing.
 */
export async function waitForQuietQueues(env: Record<string, string>): Promise<void> {
  const redis = createRedis(env.REDIS_URL!, 'producer');
  const producer = new JobProducer(redis, env.QUEUE_PREFIX!);
  try {
    let quietReads = 0;
    await waitFor(
      async () => {
        for (const name of QUEUES) {
          const queue = producer.queue(name);
          const counts = await queue.getJobCounts('active', 'waiting', 'prioritized');
          const busy = Object.entries(counts).filter(([, n]) => n > 0);
          if (busy.length === 0 || (await queue.getWorkersCount()) === 0) continue;
          quietReads = 0;
          // Thrown rather than returned, so a timeout names the queue that kept it busy.
          throw new Error(`${name} has ${busy.map(([state, n]) => `${n} ${state}`).join(', ')}`);
        }
        // Quiet twice running: a webhook on its way from a simulator lands in between.
        quietReads += 1;
        return quietReads >= 2 || undefined;
      },
      { timeoutMs: 120_000, intervalMs: 500, what: 'the queues to drain' },
    );
  } finally {
    await producer.close();
    redis.disconnect();
  }
}
