import { createTestDatabase, type TestDatabase } from '@shiplink/testing';
import { createRepos, type Repos } from '../index';
import { seedShipment } from '../test/seed';
import { NotificationTemplatesRepo, type TemplateKey } from './notification-templates.repo';

const KEY = Buffer.alloc(32, 4).toString('base64');

const SHIPPED_FI_EMAIL: TemplateKey = { trigger: 'shipped', channel: 'email', language: 'fi' };
const SHIPPED_FI_SMS: TemplateKey = { trigger: 'shipped', channel: 'sms', language: 'fi' };

describe('NotificationTemplatesRepo on PostgreSQL', () => {
  let database: TestDatabase;
  let repos: Repos;
  let storeId: string;
  let otherStoreId: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    repos = createRepos({ databaseUrl: database.url, encryptionKey: KEY });
    const seeded = await seedShipment(repos, {
      store: 'Kahvila',
      storeRef: 'kahvila1',
      orderNumber: '1',
      source: 'posti',
      trackingNumber: 'JJFI1',
      carrierSlug: 'posti',
    });
    storeId = seeded.store.id;
    const other = await seedShipment(repos, {
      store: 'Leipomo',
      storeRef: 'leipomo1',
      orderNumber: '1',
      source: 'posti',
      trackingNumber: 'JJFI2',
      carrierSlug: 'posti',
    });
    otherStoreId = other.store.id;
  });
  afterAll(async () => {
    await repos?.close();
    await database?.drop();
  });

  it('keeps every save as the next version; the newest is current', async () => {
    expect(await repos.notificationTemplates.current(storeId, SHIPPED_FI_EMAIL)).toBeUndefined();
    const first = await repos.notificationTemplates.save(
      storeId,
      SHIPPED_FI_EMAIL,
      { subject: 'Tilaus {{order.number}} on matkalla' },
      'aino',
    );
    const second = await repos.notificationTemplates.save(
      storeId,
      SHIPPED_FI_EMAIL,
      { subject: 'Paketti {{order.number}} lähti', html: '<p>{{store.name}}</p>' },
      null,
    );
    expect([first.version, second.version]).toEqual([1, 2]);
    expect(await repos.notificationTemplates.current(storeId, SHIPPED_FI_EMAIL)).toMatchObject({
      storeId,
      ...SHIPPED_FI_EMAIL,
      version: 2,
      subject: 'Paketti {{order.number}} lähti',
      html: '<p>{{store.name}}</p>',
      text: null,
      body: null,
      savedBy: null,
    });
    const history = await repos.notificationTemplates.history(storeId, SHIPPED_FI_EMAIL);
    expect(history.map((saved) => [saved.version, saved.savedBy])).toEqual([
      [2, null],
      [1, 'aino'],
    ]);
    expect(history[0]!.savedAt).toBeInstanceOf(Date);
    // Versions are counted per key and per store.
    const sms = await repos.notificationTemplates.save(
      storeId,
      SHIPPED_FI_SMS,
      { body: '{{links.trackingPage}}' },
      null,
    );
    expect(sms.version).toBe(1);
    expect(
      await repos.notificationTemplates.current(otherStoreId, SHIPPED_FI_EMAIL),
    ).toBeUndefined();
  });

  it('gives saves made at the same moment versions of their own', async () => {
    const key: TemplateKey = { trigger: 'delivered', channel: 'sms', language: 'de' };
    const saved = await Promise.all(
      [1, 2, 3, 4, 5].map((n) =>
        repos.notificationTemplates.save(storeId, key, { body: `Zugestellt ${n}` }, `tab ${n}`),
      ),
    );
    expect(saved.map((each) => each.version).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5]);
    const newest = saved.find((each) => each.version === 5)!;
    expect(await repos.notificationTemplates.current(storeId, key)).toMatchObject({
      version: 5,
      body: newest.body,
    });
  });

  it('resets to the default as a version of its own, and saves again after it', async () => {
    const key: TemplateKey = { trigger: 'returned', channel: 'email', language: 'sv' };
    await repos.notificationTemplates.save(storeId, key, { text: 'Returnerad' }, 'elsa');
    const reset = await repos.notificationTemplates.reset(storeId, key, 'elsa');
    expect(reset).toMatchObject({ version: 2, subject: null, html: null, text: null, body: null });
    expect(await repos.notificationTemplates.current(storeId, key)).toBeUndefined();
    // A key already on its default has nothing to reset: no version is written.
    expect(await repos.notificationTemplates.reset(storeId, key)).toBeUndefined();
    expect(await repos.notificationTemplates.history(storeId, key)).toHaveLength(2);
    const again = await repos.notificationTemplates.save(storeId, key, { text: 'Tillbaka' }, null);
    expect(again.version).toBe(3);
    expect((await repos.notificationTemplates.current(storeId, key))?.text).toBe('Tillbaka');
  });

  it('lists the newest version of each key the store has made its own', async () => {
    const key: TemplateKey = { trigger: 'delayed', channel: 'email', language: 'en' };
    await repos.notificationTemplates.save(storeId, key, { subject: 'Late' }, null);
    await repos.notificationTemplates.reset(storeId, key);
    const listed = await repos.notificationTemplates.list(storeId);
    expect(
      listed.map((saved) => [saved.trigger, saved.channel, saved.language, saved.version]),
    ).toEqual([
      ['delivered', 'sms', 'de', 5],
      ['returned', 'email', 'sv', 3],
      ['shipped', 'email', 'fi', 2],
      ['shipped', 'sms', 'fi', 1],
    ]);
    expect(listed[2]).toMatchObject({ subject: 'Paketti {{order.number}} lähti', storeId });
    expect(listed[2]!.savedAt).toBeInstanceOf(Date);
    expect(await repos.notificationTemplates.list(otherStoreId)).toEqual([]);
  });

  it('sees its own saves and resets at once, another process’s within the cache time', async () => {
    const key: TemplateKey = { trigger: 'exception', channel: 'sms', language: 'fi' };
    const reader = new NotificationTemplatesRepo(repos.db, 300);
    const writer = new NotificationTemplatesRepo(repos.db, 300);
    expect(await reader.current(storeId, key)).toBeUndefined();
    expect(await writer.current(storeId, key)).toBeUndefined();

    await writer.save(storeId, key, { body: 'Ongelma' }, null);
    expect((await writer.current(storeId, key))?.body).toBe('Ongelma');
    expect(await reader.current(storeId, key)).toBeUndefined();
    await new Promise((resolve) => setTimeout(resolve, 350));
    expect((await reader.current(storeId, key))?.body).toBe('Ongelma');

    await writer.reset(storeId, key);
    expect(await writer.current(storeId, key)).toBeUndefined();
    expect((await reader.current(storeId, key))?.body).toBe('Ongelma');
    await new Promise((resolve) => setTimeout(resolve, 350));
    expect(await reader.current(storeId, key)).toBeUndefined();
  });

  it('goes with its store', async () => {
    const doomed = await seedShipment(repos, {
      store: 'Kioski',
      storeRef: 'kioski1',
      orderNumber: '1',
      source: 'posti',
      trackingNumber: 'JJFI3',
      carrierSlug: 'posti',
    });
    await repos.notificationTemplates.save(doomed.store.id, SHIPPED_FI_SMS, { body: 'x' }, null);
    await repos.db.store.delete({ where: { id: doomed.store.id } });
    expect(await repos.notificationTemplates.list(doomed.store.id)).toEqual([]);
  });
});
