import { createTestDatabase, type TestDatabase } from '@shiplink/testing';
import { createRepos, type Repos } from '../index';

const KEY = Buffer.alloc(32, 7).toString('base64');

describe('provider ids on PostgreSQL', () => {
  let database: TestDatabase;
  let repos: Repos;
  let tenantId: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    repos = createRepos({ databaseUrl: database.url, encryptionKey: KEY });
    tenantId = (await repos.tenancy.createTenant('Providers')).id;
  });

  afterAll(async () => {
    await repos?.close();
    await database?.drop();
  });

  it('stores a provider no migration names: the registry, not the schema, lists providers', async () => {
    const store = await repos.tenancy.createStore({
      tenantId,
      name: 'Newcomer',
      platform: 'newplatform',
      externalRef: 'n-1',
    });
    const connection = await repos.tenancy.createConnection({
      tenantId,
      storeId: store.id,
      provider: 'newfulfilment',
      baseUrl: 'https://api.example.com',
      credentials: { token: 't' },
      webhookSecret: 'secret-secret',
      accountKey: 'acct',
    });
    const found = await repos.tenancy.findConnection(connection.id);
    expect(found).toMatchObject({ provider: 'newfulfilment', store: { platform: 'newplatform' } });
  });

  it.each(['', 'Shouting', 'with space', 'x'.repeat(40), "quote'"])(
    'refuses %j, which is no provider id',
    async (platform) => {
      await expect(
        repos.tenancy.createStore({ tenantId, name: 'Bad', platform, externalRef: 'bad' }),
      ).rejects.toThrow(/stores_platform_shape|violates check constraint/);
    },
  );
});
