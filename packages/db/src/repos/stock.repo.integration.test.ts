import type { StockObservation } from '@shiplink/domain';
import { createTestDatabase, type TestDatabase } from '@shiplink/testing';
import { createRepos, type Repos } from '../index';

const KEY = Buffer.alloc(32, 7).toString('base64');

const seen = (
  sku: string,
  warehouseRef: string,
  available: number,
  observedAt: string,
): StockObservation => ({ sku, warehouseRef, available, onHand: available, observedAt });

describe('stock on PostgreSQL', () => {
  let database: TestDatabase;
  let repos: Repos;
  let connectionId: string;
  let otherConnectionId: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    repos = createRepos({ databaseUrl: database.url, encryptionKey: KEY });
    const tenant = await repos.tenancy.createTenant('Stock');
    const connect = async (accountKey: string) => {
      const store = await repos.tenancy.createStore({
        tenantId: tenant.id,
        name: `Store ${accountKey}`,
        platform: 'bigcommerce',
        externalRef: accountKey,
      });
      const connection = await repos.tenancy.createConnection({
        tenantId: tenant.id,
        storeId: store.id,
        provider: 'shiphero',
        baseUrl: 'https://public-api.shiphero.example',
        credentials: { accessToken: 'a'.repeat(12) },
        webhookSecret: 'secret-secret',
        accountKey,
      });
      return connection.id;
    };
    connectionId = await connect('stock-a');
    otherConnectionId = await connect('stock-b');
  });

  afterAll(async () => {
    await repos?.close();
    await database?.drop();
  });

  const stored = async (skus: string[]) =>
    (await repos.stock.observationsOf(connectionId, skus)).map(
      (o) => `${o.sku}@${o.warehouseRef}=${o.available}`,
    );

  it('keeps the newest observation per SKU and warehouse, whatever order they arrive in', async () => {
    const newer = seen('TENT', 'W1', 3, '2026-03-01T10:00:05.000Z');
    const older = seen('TENT', 'W1', 9, '2026-03-01T10:00:01.000Z');
    expect(await repos.stock.observe(connectionId, [newer])).toBe(1);
    expect(await repos.stock.observe(connectionId, [older])).toBe(0);
    expect(await repos.stock.observationsOf(connectionId, ['TENT'])).toEqual([newer]);

    // Within one batch too, and one warehouse never overwrites another.
    await repos.stock.observe(connectionId, [
      seen('TENT', 'W2', 4, '2026-03-01T10:00:09.000Z'),
      seen('TENT', 'W2', 1, '2026-03-01T10:00:02.000Z'),
      seen('TENT', 'W1', 2, '2026-03-01T10:00:07.000Z'),
    ]);
    expect(await stored(['TENT'])).toEqual(['TENT@W1=2', 'TENT@W2=4']);
  });

  it('lets the later read win when two balances carry the same second, and only then', async () => {
    const at = '2026-03-01T11:00:00.000Z';
    const first = new Date('2026-03-01T11:00:00.300Z');
    const later = new Date('2026-03-01T11:00:00.800Z');
    await repos.stock.observe(connectionId, [seen('STOVE', 'W1', 7, at)], later);
    // An earlier read of the same second, written late, is older news.
    expect(await repos.stock.observe(connectionId, [seen('STOVE', 'W1', 9, at)], first)).toBe(0);
    // A read after it saw a second change within the same second.
    const latest = new Date('2026-03-01T11:00:01.100Z');
    expect(await repos.stock.observe(connectionId, [seen('STOVE', 'W1', 6, at)], latest)).toBe(1);
    // The same balance read again changes nothing.
    expect(await repos.stock.observe(connectionId, [seen('STOVE', 'W1', 6, at)], new Date())).toBe(
      0,
    );
    expect(await stored(['STOVE'])).toEqual(['STOVE@W1=6']);
  });

  it('settles concurrent writers on the newest balance', async () => {
    const observations = Array.from({ length: 40 }, (_, i) =>
      seen('LAMP', 'W1', i, new Date(Date.UTC(2026, 2, 1, 12, 0, i)).toISOString()),
    );
    const shuffled = [...observations].sort(() => Math.random() - 0.5);
    await Promise.all(shuffled.map((o) => repos.stock.observe(connectionId, [o])));
    expect(await stored(['LAMP'])).toEqual(['LAMP@W1=39']);
  });

  it('takes thousands of observations in one call, and keeps connections apart', async () => {
    const many = Array.from({ length: 2_500 }, (_, i) =>
      seen(`SKU-${i}`, 'W1', i, '2026-03-01T13:00:00.000Z'),
    );
    expect(await repos.stock.observe(connectionId, many)).toBe(2_500);
    const skus = many.map((o) => o.sku);
    expect(await repos.stock.observationsOf(connectionId, skus)).toHaveLength(2_500);
    expect(await repos.stock.observationsOf(otherConnectionId, skus)).toEqual([]);
    expect(await repos.stock.observationsOf(connectionId, [])).toEqual([]);
  });

  it('records the levels sent to the store, the last one per SKU and location', async () => {
    expect(await repos.stock.sentLevels(connectionId, ['SOCK'])).toEqual([]);
    await repos.stock.recordSent(connectionId, [
      { sku: 'SOCK', locationRef: '1', quantity: 5, observedAt: '2026-03-01T10:00:00.000Z' },
      { sku: 'SOCK', locationRef: '2', quantity: 1, observedAt: '2026-03-01T10:00:00.000Z' },
    ]);
    await repos.stock.recordSent(connectionId, [
      { sku: 'SOCK', locationRef: '1', quantity: 3, observedAt: '2026-03-01T10:05:00.000Z' },
    ]);
    expect(await repos.stock.sentLevels(connectionId, ['SOCK', 'NONE'])).toEqual([
      { sku: 'SOCK', locationRef: '1', quantity: 3, observedAt: '2026-03-01T10:05:00.000Z' },
      { sku: 'SOCK', locationRef: '2', quantity: 1, observedAt: '2026-03-01T10:00:00.000Z' },
    ]);
    expect(await repos.stock.sentLevels(otherConnectionId, ['SOCK'])).toEqual([]);
  });
});
