import { randomUUID } from 'node:crypto';
import { createTestDatabase, type TestDatabase } from '@shiplink/testing';
import { createRepos, type InboundEvent, type Repos } from '../index';

const KEY = Buffer.alloc(32, 9).toString('base64');

describe('the inbox on PostgreSQL', () => {
  let database: TestDatabase;
  let repos: Repos;
  let connectionId: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    repos = createRepos({ databaseUrl: database.url, encryptionKey: KEY });
    const tenant = await repos.tenancy.createTenant('Inbox');
    const store = await repos.tenancy.createStore({
      tenantId: tenant.id,
      name: 'Inbox',
      platform: 'bigcommerce',
      externalRef: 'inbox-1',
    });
    connectionId = (
      await repos.tenancy.createConnection({
        tenantId: tenant.id,
        storeId: store.id,
        provider: 'bigcommerce',
        baseUrl: 'https://api.example.com',
        credentials: {},
        webhookSecret: 'secret-secret',
        accountKey: 'inbox-1',
      })
    ).id;
  });

  afterAll(async () => {
    await repos?.close();
    await database?.drop();
  });

  const event = (overrides: Partial<InboundEvent> = {}): InboundEvent => ({
    connectionId,
    provider: 'bigcommerce',
    topic: 'store/order/updated',
    dedupKey: `bigcommerce:inbox-1:${randomUUID()}`,
    payload: { scope: 'store/order/updated', data: { id: 7, note: 'päivää' } },
    correlationId: randomUUID(),
    job: { queue: 'orders', name: 'order.import', id: `job-${randomUUID()}`, payload: { n: 1 } },
    ...overrides,
  });

  it('writes events recorded together as they were given, and marks those without a job ignored', async () => {
    const withJob = event();
    const withoutJob = event({ job: undefined, payload: null });
    const [first, second] = await Promise.all([
      repos.inbox.record(withJob),
      repos.inbox.record(withoutJob),
    ]);
    expect(first).toMatchObject({ status: 'received', duplicate: false });
    expect(second).toMatchObject({ status: 'ignored', duplicate: false });
    const stored = await repos.inbox.find(first!.id);
    expect(stored).toMatchObject({
      connectionId,
      dedupKey: withJob.dedupKey,
      payload: withJob.payload,
      correlationId: withJob.correlationId,
      jobQueue: 'orders',
      jobName: 'order.import',
      jobId: withJob.job!.id,
      jobPayload: { n: 1 },
      processedAt: null,
    });
    // A JSON null is kept as JSON, not as a missing payload.
    expect(await repos.inbox.find(second!.id)).toMatchObject({
      payload: null,
      jobId: null,
      status: 'ignored',
      processedAt: expect.any(Date),
    });
  });

  it('answers a repeat with the first row, inside one batch and across batches', async () => {
    const original = event();
    const [first, again] = await Promise.all([
      repos.inbox.record(original),
      repos.inbox.record({ ...original, correlationId: 'second-delivery' }),
    ]);
    expect(again).toEqual({ ...first, duplicate: true });
    const later = await repos.inbox.record({ ...original, correlationId: 'third-delivery' });
    expect(later).toEqual({
      id: first!.id,
      status: 'received',
      correlationId: original.correlationId,
      duplicate: true,
    });
  });

  it('refuses an event PostgreSQL cannot store on its own; its neighbours are written', async () => {
    const good = event();
    const nul = event({ payload: { note: 'nul \u0000 here' } });
    const [written, refused] = await Promise.allSettled([
      repos.inbox.record(good),
      repos.inbox.record(nul),
    ]);
    expect(written.status).toBe('fulfilled');
    expect(refused).toMatchObject({ status: 'rejected', reason: { code: '22P05' } });
    expect(await repos.inbox.findByDedupKey(good.dedupKey)).not.toBeNull();
    expect(await repos.inbox.findByDedupKey(nul.dedupKey)).toBeNull();
  });
});
