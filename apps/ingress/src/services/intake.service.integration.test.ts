import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { createRepos, type Repos } from '@shiplink/db';
import { createRedis, defineJob, JobProducer, type RedisConnection } from '@shiplink/jobs';
import { silentLogger } from '@shiplink/logger';
import {
  createTestDatabase,
  startRedisServer,
  TEST_REDIS_URL,
  testQueuePrefix,
  waitFor,
  type TestDatabase,
} from '@shiplink/testing';
import type { HttpProblem } from '../http/problems';
import { IntakeService, type AcceptedEvent } from './intake.service';

const KEY = Buffer.alloc(32, 5).toString('base64');

/** A job whose id BullMQ refuses when asked to (`:` is not allowed in custom ids). */
const probe = defineJob({
  queue: 'orders',
  name: 'intake.probe',
  schema: z.object({ ref: z.string().min(1), refusedByQueue: z.boolean().optional() }),
  jobId: (p) => (p.refusedByQueue ? `probe:${p.ref}` : `probe.${p.ref}`),
});

describe('IntakeService (real PostgreSQL and Redis)', () => {
  let database: TestDatabase;
  let repos: Repos;
  let redis: RedisConnection;
  let producer: JobProducer;
  let intake: IntakeService;
  let connectionId: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    repos = createRepos({ databaseUrl: database.url, encryptionKey: KEY });
    redis = createRedis(TEST_REDIS_URL, 'producer');
    producer = new JobProducer(redis, testQueuePrefix());
    intake = new IntakeService(repos, producer, silentLogger);
    const tenant = await repos.tenancy.createTenant('Intake');
    const store = await repos.tenancy.createStore({
      tenantId: tenant.id,
      name: 'Intake',
      platform: 'bigcommerce',
      externalRef: 'intake-1',
    });
    connectionId = (
      await repos.tenancy.createConnection({
        tenantId: tenant.id,
        storeId: store.id,
        provider: 'bigcommerce',
        baseUrl: 'https://api.example.com',
        credentials: {},
        webhookSecret: 'secret-secret',
        accountKey: 'intake-1',
      })
    ).id;
  });

  afterAll(async () => {
    await producer?.close();
    redis?.disconnect();
    await repos?.close();
    await database?.drop();
  });

  const delivery = (job: { ref: string; refusedByQueue?: boolean } | undefined): AcceptedEvent => ({
    connectionId,
    provider: 'bigcommerce',
    topic: 'store/order/updated',
    dedupKey: `bigcommerce:intake-1:${randomUUID()}`,
    payload: { data: { id: 1 } },
    correlationId: randomUUID(),
    ...(job ? { job: { definition: probe, payload: job } } : {}),
  });
  /** The id the probe job of a delivery gets. */
  const jobIdOf = (event: AcceptedEvent) => probe.jobId(probe.schema.parse(event.job?.payload));
  const jobState = (id: string) => producer.queue('orders').getJobState(id);
  const rowOf = (event: AcceptedEvent) => repos.inbox.findByDedupKey(event.dedupKey);

  it('records the event, then queues its job under the id its payload gives', async () => {
    const event = delivery({ ref: randomUUID() });
    const outcome = await intake.accept(event);
    expect(outcome).toMatchObject({ status: 'accepted', jobId: jobIdOf(event) });
    expect(await jobState(jobIdOf(event))).toBe('waiting');
    expect(await rowOf(event)).toMatchObject({ status: 'received', jobName: 'intake.probe' });
  });

  it('refuses a payload its job cannot have with 400, before anything is written', async () => {
    const event = delivery({ ref: '' });
    await expect(intake.accept(event)).rejects.toMatchObject({
      status: 400,
      code: 'invalid_payload',
    });
    expect(await rowOf(event)).toBeNull();
  });

  it('fails only the delivery whose job the queue refuses; those added with it are queued', async () => {
    const good = [delivery({ ref: randomUUID() }), delivery({ ref: randomUUID() })];
    const refused = delivery({ ref: randomUUID(), refusedByQueue: true });
    const [first, bad, second] = await Promise.allSettled([
      intake.accept(good[0]!),
      intake.accept(refused),
      intake.accept(good[1]!),
    ]);
    expect([first.status, second.status]).toEqual(['fulfilled', 'fulfilled']);
    expect(bad).toMatchObject({ status: 'rejected', reason: { status: 503 } });
    for (const event of good) expect(await jobState(jobIdOf(event))).toBe('waiting');
    // The refused delivery's row stays, waiting for the sender's retry or the sweeper.
    expect(await rowOf(refused)).toMatchObject({ status: 'received' });
  });

  it('answers a redelivery of a handled event as a duplicate, without queueing it again', async () => {
    const event = delivery({ ref: randomUUID() });
    const jobId = jobIdOf(event);
    const first = await intake.accept(event);
    await producer.queue('orders').remove(jobId);
    await repos.inbox.markProcessed(first.eventId);
    const again = await intake.accept({ ...event, correlationId: randomUUID() });
    expect(again).toEqual({ status: 'duplicate', eventId: first.eventId });
    expect(await jobState(jobId)).toBe('unknown');
  });

  it('answers every delivery 503 while Redis is away, keeps their rows, and queues them on redelivery', async () => {
    const server = await startRedisServer();
    const connection = createRedis(server.url, 'producer');
    connection.on('error', () => undefined);
    const own = new JobProducer(connection, testQueuePrefix());
    const service = new IntakeService(repos, own, silentLogger);
    try {
      expect((await service.accept(delivery({ ref: randomUUID() }))).status).toBe('accepted');
      await server.stop('SIGKILL');
      const events = [delivery({ ref: randomUUID() }), delivery({ ref: randomUUID() })];
      const answers = await Promise.allSettled(events.map((event) => service.accept(event)));
      expect(
        answers.map((answer) => {
          const reason = (answer as PromiseRejectedResult).reason as HttpProblem | undefined;
          return [answer.status, reason?.status, reason?.code];
        }),
      ).toEqual([
        ['rejected', 503, 'queue_unavailable'],
        ['rejected', 503, 'queue_unavailable'],
      ]);
      for (const event of events) expect(await rowOf(event)).toMatchObject({ status: 'received' });
      // The sender comes back once Redis is: the same row, its job queued now.
      await server.start();
      await waitFor(async () => (connection.status === 'ready' ? true : undefined), {
        what: 'the producer to reconnect',
      });
      expect((await service.accept(events[0]!)).status).toBe('duplicate');
      expect(await own.queue('orders').getJobState(jobIdOf(events[0]!))).toBe('waiting');
    } finally {
      await own.close();
      connection.disconnect();
      await server.destroy();
    }
  });

  it('records an event that asks for no work as ignored', async () => {
    const event = delivery(undefined);
    expect(await intake.accept(event)).toMatchObject({ status: 'recorded' });
    expect(await rowOf(event)).toMatchObject({ status: 'ignored' });
  });
});
