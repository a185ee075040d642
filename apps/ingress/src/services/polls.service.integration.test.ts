import { randomUUID } from 'node:crypto';
import { createRedis, JobProducer } from '@shiplink/jobs';
import { silentLogger } from '@shiplink/logger';
import { TEST_REDIS_URL, testQueuePrefix, waitFor } from '@shiplink/testing';
import { PollScheduler } from './polls.service';

/** Poll schedules live in Redis only: they must come back while the ingress runs. */
describe('PollScheduler (real Redis)', () => {
  const redis = createRedis(TEST_REDIS_URL, 'producer');
  const producer = new JobProducer(redis, testQueuePrefix());
  const connection = { id: randomUUID(), provider: 'bigcommerce' as const };
  const schedulers = () => producer.queue('orders').getJobSchedulers();

  afterAll(async () => {
    await producer.close();
    redis.disconnect();
  });

  it('schedules nothing when the scheduler is off', async () => {
    const off = new PollScheduler(producer, 60_000, false);
    expect(await off.schedule(connection)).toEqual([]);
    expect(await off.ensure([connection])).toBe(0);
    expect(await schedulers()).toEqual([]);
  });

  it('re-creates a schedule that Redis lost, and only that one', async () => {
    const polls = new PollScheduler(producer, 60_000, true);
    const [id] = await polls.schedule(connection);
    expect(await polls.ensure([connection])).toBe(0);
    // What a Redis wipe (or an eviction) does to it.
    await producer.queue('orders').removeJobScheduler(id!);
    expect(await schedulers()).toEqual([]);
    expect(await polls.ensure([connection])).toBe(1);
    expect((await schedulers()).map((s) => s.key)).toEqual([id]);
  });

  it('keeps checking on its own once started', async () => {
    const other = { id: randomUUID(), provider: 'shipstation' as const };
    const polls = new PollScheduler(producer, 60_000, true);
    polls.start(async () => [other], 100, silentLogger);
    try {
      const queue = producer.queue('shipments');
      await waitFor(async () => (await queue.getJobSchedulers()).length === 1);
      await queue.removeJobScheduler((await queue.getJobSchedulers())[0]!.key);
      await waitFor(async () => (await queue.getJobSchedulers()).length === 1, {
        what: 'the lost schedule to be re-created',
      });
    } finally {
      polls.stop();
    }
  });
});
