import { z } from 'zod';
import { PermanentError, RateLimitedError, RetryableError } from '@shiplink/errors';
import { silentLogger } from '@shiplink/logger';
import { TEST_REDIS_URL, testQueuePrefix, waitFor } from '@shiplink/testing';
import {
  createRedis,
  defineJob,
  handle,
  JobProducer,
  listDeadLetters,
  requestReplay,
  startQueueWorkers,
  type DeadLetterData,
  type RunningWorkers,
} from './index';

const probe = defineJob({
  queue: 'orders',
  name: 'probe',
  schema: z.object({ id: z.string(), mode: z.enum(['ok', 'flaky', 'bad', 'limited']) }),
  jobId: (p) => `probe.${p.id}`,
  policy: { attempts: 3, backoffMs: 50 },
});

describe('queue runtime (real Redis)', () => {
  const redis = createRedis(TEST_REDIS_URL, 'producer');
  const producer = new JobProducer(redis, testQueuePrefix());
  const runs = new Map<string, number>();
  const deadLettered: DeadLetterData[] = [];
  const replayed: string[] = [];
  let fixed = false;
  let workers: RunningWorkers;

  beforeAll(async () => {
    workers = startQueueWorkers({
      redisUrl: TEST_REDIS_URL,
      producer,
      queue: 'orders',
      logger: silentLogger,
      registrations: [
        handle(probe, async ({ id, mode }, { attempt }) => {
          runs.set(id, (runs.get(id) ?? 0) + 1);
          if (mode === 'flaky' && attempt < 3) throw new RetryableError('try again');
          if (mode === 'bad' && !fixed)
            throw new PermanentError('bad data', { reason: 'test.bad' });
          if (mode === 'limited' && attempt === 1 && (runs.get(id) ?? 0) === 1) {
            throw new RateLimitedError('slow down', 200);
          }
        }),
      ],
      hooks: {
        deadLettered: async (entry) => void deadLettered.push(entry),
        replayed: async (entry) => void replayed.push(entry.replayJobId),
      },
    });
    await workers.ready();
  });

  afterAll(async () => {
    await workers.close(2_000);
    await producer.close();
    redis.disconnect();
  });

  const state = (jobId: string) => producer.queue('orders').getJobState(jobId);

  it('runs a job once even when it is enqueued three times', async () => {
    for (let i = 0; i < 3; i++)
      await producer.enqueue(probe, { id: 'a', mode: 'ok' }, { correlationId: 'c' });
    await waitFor(async () => (await state('probe.a')) === 'completed');
    expect(runs.get('a')).toBe(1);
  });

  it('retries transient failures with backoff and then succeeds', async () => {
    await producer.enqueue(probe, { id: 'b', mode: 'flaky' }, { correlationId: 'c' });
    await waitFor(async () => (await state('probe.b')) === 'completed');
    expect(runs.get('b')).toBe(3);
  });

  it('delays a rate-limited job without spending an attempt', async () => {
    await producer.enqueue(probe, { id: 'd', mode: 'limited' }, { correlationId: 'c' });
    await waitFor(async () => (await state('probe.d')) === 'completed');
    const job = await producer.queue('orders').getJob('probe.d');
    expect(runs.get('d')).toBe(2);
    // Only the successful run counts as an attempt; the rate-limit delay spent none.
    expect(job?.attemptsMade).toBe(1);
  });

  it('dead-letters a permanent failure at once, and a replay after the fix succeeds once', async () => {
    await producer.enqueue(probe, { id: 'c', mode: 'bad' }, { correlationId: 'c' });
    await waitFor(async () => (await listDeadLetters(producer, 'orders')).length === 1);
    expect(runs.get('c')).toBe(1);
    expect(deadLettered[0]).toMatchObject({ jobId: 'probe.c', reason: 'test.bad' });

    fixed = true;
    const [entry] = await listDeadLetters(producer, 'orders');
    expect(await requestReplay(producer, 'orders', { dlqJobId: entry!.dlqJobId })).toBe(1);
    // A second press is harmless: the dead letter is no longer parked.
    await waitFor(() => replayed.length === 1);
    expect(await requestReplay(producer, 'orders', { dlqJobId: entry!.dlqJobId })).toBe(0);
    await waitFor(async () => (await state(replayed[0]!)) === 'completed');
    expect(runs.get('c')).toBe(2);
    expect(await listDeadLetters(producer, 'orders')).toHaveLength(0);
  });

  it('dead-letters a payload that does not match its schema', async () => {
    await producer
      .queue('orders')
      .add(
        'probe',
        { payload: { id: 5 }, meta: { correlationId: 'x', enqueuedAt: 'now' } },
        { jobId: 'probe.invalid' },
      );
    await waitFor(() => deadLettered.some((d) => d.jobId === 'probe.invalid'));
    expect(deadLettered.find((d) => d.jobId === 'probe.invalid')?.reason).toBe(
      'job.invalid_payload',
    );
  });
});
