import { createTestDatabase, type TestDatabase } from '@shiplink/testing';
import { createRepos, type Repos } from '../index';

const KEY = Buffer.alloc(32, 3).toString('base64');

describe('the audit trail on PostgreSQL', () => {
  let database: TestDatabase;
  let repos: Repos;

  beforeAll(async () => {
    database = await createTestDatabase();
    repos = createRepos({ databaseUrl: database.url, encryptionKey: KEY });
  });

  afterAll(async () => {
    await repos?.close();
    await database?.drop();
  });

  beforeEach(() => repos.db.auditEvent.deleteMany());

  it('writes buffered entries as recorded, with times to the millisecond and metadata redacted', async () => {
    const at = new Date('2026-03-01T12:34:56.789Z');
    repos.audit.record({
      occurredAt: at,
      direction: 'outbound',
      kind: 'http',
      correlationId: 'corr-1',
      provider: 'shipstation',
      connectionId: '6f1c3f3e-9c5e-4f63-9a57-6b2e0f7b3c11',
      orderRef: '1001',
      method: 'POST',
      endpoint: '/orders/createorder',
      status: 200,
      durationMs: 42,
      metadata: { attempt: 1, email: 'aino@example.fi', nested: { token: 't' } },
    });
    repos.audit.record({ direction: 'inbound', kind: 'webhook', error: 'nul \u0000 here' });
    await repos.audit.flush();
    const rows = await repos.db.auditEvent.findMany({ orderBy: { id: 'asc' } });
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({
      occurredAt: at,
      direction: 'outbound',
      kind: 'http',
      correlationId: 'corr-1',
      provider: 'shipstation',
      connectionId: '6f1c3f3e-9c5e-4f63-9a57-6b2e0f7b3c11',
      orderRef: '1001',
      method: 'POST',
      endpoint: '/orders/createorder',
      status: 200,
      durationMs: 42,
      error: null,
      metadata: { attempt: 1, email: '[redacted]', nested: { token: '[redacted]' } },
    });
    expect(rows[1]).toMatchObject({
      kind: 'webhook',
      provider: null,
      status: null,
      error: 'nul \uFFFD here',
      metadata: {},
    });
  });

  it('loses only the entry the database refuses; the rest of its batch is written', async () => {
    repos.audit.record({ direction: 'inbound', kind: 'webhook', orderRef: 'kept-1' });
    repos.audit.record({ direction: 'inbound', kind: 'webhook', connectionId: 'not-a-uuid' });
    repos.audit.record({ direction: 'inbound', kind: 'webhook', orderRef: 'kept-2' });
    await repos.audit.flush();
    const rows = await repos.db.auditEvent.findMany({ orderBy: { id: 'asc' } });
    expect(rows.map((row) => row.orderRef)).toEqual(['kept-1', 'kept-2']);
  });
});
