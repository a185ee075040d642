import { createTestDatabase, type TestDatabase } from '@shiplink/testing';
import { createRepos, type Repos } from '../index';
import { seedShipment } from '../test/seed';

const KEY = Buffer.alloc(32, 5).toString('base64');

describe('TrackingPagesRepo on PostgreSQL', () => {
  let database: TestDatabase;
  let repos: Repos;
  let storeId: string;
  let orderId: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    repos = createRepos({ databaseUrl: database.url, encryptionKey: KEY });
    const seeded = await seedShipment(repos, {
      store: 'Nordic Trail',
      storeRef: 'nt123',
      settings: { trackingPage: { slug: 'nordic-trail', domains: ['track.nordictrail.fi'] } },
      orderNumber: '100',
      source: 'posti',
      trackingNumber: 'JJFI1',
      carrierSlug: 'posti',
    });
    await repos.tenancy.createStore({
      tenantId: seeded.tenant.id,
      name: 'Plain',
      platform: 'bigcommerce',
      externalRef: 'plain1',
    });
    storeId = seeded.store.id;
    orderId = seeded.order.id;
  });
  afterAll(async () => {
    await repos?.close();
    await database?.drop();
  });

  it('finds a store by its host name and by its slug, else by its own ref', async () => {
    expect((await repos.trackingPages.storeByHost('TRACK.nordictrail.fi'))?.id).toBe(storeId);
    expect(await repos.trackingPages.storeByHost('track.example.com')).toBeUndefined();
    expect((await repos.trackingPages.storeBySlug('nordic-trail'))?.name).toBe('Nordic Trail');
    // A store with a slug is not found by its ref; one without is.
    expect(await repos.trackingPages.storeBySlug('nt123')).toBeUndefined();
    expect((await repos.trackingPages.storeBySlug('plain1'))?.name).toBe('Plain');
  });

  it('refuses a slug another store has', async () => {
    const tenant = await repos.tenancy.createTenant('Copycat');
    await expect(
      repos.tenancy.createStore({
        tenantId: tenant.id,
        name: 'Copycat',
        platform: 'bigcommerce',
        externalRef: 'copy1',
        settings: { trackingPage: { slug: 'nordic-trail' } },
      }),
    ).rejects.toThrow();
  });

  it('names the slug and host names another store has', async () => {
    const plain = await repos.trackingPages.storeBySlug('plain1');
    expect(
      await repos.trackingPages.claimedElsewhere(plain!.id, {
        slug: 'nordic-trail',
        domains: ['track.nordictrail.fi', 'track.plain.fi'],
      }),
    ).toEqual(['nordic-trail', 'track.nordictrail.fi']);
    expect(
      await repos.trackingPages.claimedElsewhere(storeId, {
        slug: 'nordic-trail',
        domains: ['track.nordictrail.fi'],
      }),
    ).toEqual([]);
    expect(await repos.trackingPages.claimedElsewhere(null, { domains: [] })).toEqual([]);
  });

  it('finds orders by number and by parcel, only in their store', async () => {
    expect((await repos.trackingPages.orderByNumber(storeId, '100'))?.id).toBe(orderId);
    expect(await repos.trackingPages.orderByNumber(storeId, '101')).toBeUndefined();
    expect(await repos.trackingPages.orderOfParcel(storeId, 'JJFI1')).toBe(orderId);
    const plain = await repos.trackingPages.storeBySlug('plain1');
    expect(await repos.trackingPages.orderOfParcel(plain!.id, 'JJFI1')).toBeUndefined();
  });

  it('gives an order one opaque link until it is revoked', async () => {
    const [first, again] = await Promise.all([
      repos.trackingPages.linkFor(orderId, 'fi'),
      repos.trackingPages.linkFor(orderId, 'fi'),
    ]);
    expect(first).toBe(again);
    expect(first).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(first).not.toContain(orderId);
    expect(await repos.trackingPages.resolve(first)).toEqual({
      orderId,
      language: 'fi',
      revoked: false,
    });
    expect(await repos.trackingPages.resolve('not-a-token')).toBeUndefined();
    const stored = await repos.db.trackingPageToken.findFirstOrThrow({ where: { orderId } });
    expect(JSON.stringify(stored)).not.toContain(first);

    expect(await repos.trackingPages.revoke(orderId)).toBe(true);
    expect(await repos.trackingPages.resolve(first)).toMatchObject({ revoked: true });
    const next = await repos.trackingPages.linkFor(orderId, null);
    expect(next).not.toBe(first);
  });
});
