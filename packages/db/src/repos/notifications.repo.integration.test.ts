import { createTestDatabase, type TestDatabase } from '@shiplink/testing';
import { createRepos, type Repos } from '../index';
import { seedShipment } from '../test/seed';

const KEY = Buffer.alloc(32, 3).toString('base64');

describe('NotificationsRepo on PostgreSQL', () => {
  let database: TestDatabase;
  let repos: Repos;
  let claim: Parameters<Repos['notifications']['claim']>[0];

  beforeAll(async () => {
    database = await createTestDatabase();
    repos = createRepos({ databaseUrl: database.url, encryptionKey: KEY });
    const { store, order, shipment } = await seedShipment(repos, {
      store: 'Notes',
      storeRef: 'notes1',
      orderNumber: '1',
      source: 'posti',
      trackingNumber: 'JJFI9',
      carrierSlug: 'posti',
    });
    claim = {
      orderId: order.id,
      shipmentId: shipment.id,
      storeId: store.id,
      trigger: 'delivered',
      channel: 'email',
      recipientHash: 'h1',
      recipientMasked: 'a***@example.fi',
      language: 'fi',
    };
  });
  afterAll(async () => {
    await repos?.close();
    await database?.drop();
  });

  it('claims one message per shipment, trigger and channel, however often it is asked', async () => {
    const claims = await Promise.all([1, 2, 3].map(() => repos.notifications.claim(claim)));
    expect(new Set(claims.map((c) => c.record.id)).size).toBe(1);
    expect(claims.filter((c) => c.created)).toHaveLength(1);
    const id = claims[0]!.record.id;
    const starts = await Promise.all([1, 2].map(() => repos.notifications.startSending(id)));
    expect(starts.sort()).toEqual([false, true]);
    await repos.notifications.finish(id, 'sent', { providerRef: '<m1@hub>' });
    expect(await repos.notifications.find(id)).toMatchObject({
      state: 'sent',
      attempts: 1,
      providerRef: '<m1@hub>',
    });
    const sms = await repos.notifications.claim({ ...claim, channel: 'sms' });
    expect(sms.created).toBe(true);
  });

  it('keeps opt-outs per store, channel and recipient', async () => {
    const { storeId } = claim;
    expect(await repos.notifications.optedOut(storeId, 'sms', 'h2')).toBe(false);
    await repos.notifications.optOut(storeId, 'sms', 'h2', 'stop');
    await repos.notifications.optOut(storeId, 'sms', 'h2', 'stop');
    expect(await repos.notifications.optedOut(storeId, 'sms', 'h2')).toBe(true);
    expect(await repos.notifications.optedOut(storeId, 'email', 'h2')).toBe(false);
    await repos.notifications.optIn(storeId, 'sms', 'h2');
    expect(await repos.notifications.optedOut(storeId, 'sms', 'h2')).toBe(false);
  });

  it('seals unsubscribe subjects into opaque tokens', () => {
    const subject = { storeId: claim.storeId, channel: 'email', recipientHash: 'h3' };
    const token = repos.notifications.unsubscribeToken(subject);
    expect(token).not.toContain(claim.storeId);
    expect(token).toMatch(/^[A-Za-z0-9._-]+$/);
    expect(repos.notifications.readUnsubscribeToken(token)).toEqual(subject);
    expect(repos.notifications.readUnsubscribeToken(`${token.slice(0, -2)}xx`)).toBeUndefined();
    expect(repos.notifications.readUnsubscribeToken('nonsense')).toBeUndefined();
  });
});
