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

  it('moves delivery forward only, and lists the sent messages whose delivery is still open', async () => {
    const connectionId = '6d1f6f0e-8a4f-4f59-9d3b-0f4b7f1b2a10';
    const { record } = await repos.notifications.claim({
      ...claim,
      trigger: 'shipped',
      channel: 'sms',
    });
    await repos.notifications.defer(record.id, new Date('2030-01-01T06:00:00Z'));
    expect(await repos.notifications.find(record.id)).toMatchObject({
      state: 'pending',
      notBefore: new Date('2030-01-01T06:00:00Z'),
    });
    await repos.notifications.startSending(record.id);
    await repos.notifications.finish(record.id, 'sent', {
      providerRef: 'SM1',
      connectionId,
      deliveryStatus: 'queued',
    });
    const window = () => ({
      sentAfter: new Date(Date.now() - 60_000),
      sentBefore: new Date(Date.now() + 60_000),
      limit: 10,
    });
    expect(
      (await repos.notifications.awaitingDelivery(connectionId, window())).map((n) => n.id),
    ).toEqual([record.id]);
    const report = (status: string) =>
      repos.notifications.recordDelivery(connectionId, 'SM1', { status, errorCode: null });
    expect(await report('sent')).toHaveLength(1);
    expect(await report('sent')).toHaveLength(0);
    expect(await report('delivered')).toHaveLength(1);
    // Late or conflicting reports after a final status change nothing.
    expect(await report('queued')).toHaveLength(0);
    expect(await report('undelivered')).toHaveLength(0);
    expect(await repos.notifications.find(record.id)).toMatchObject({
      deliveryStatus: 'delivered',
    });
    expect(await repos.notifications.awaitingDelivery(connectionId, window())).toEqual([]);
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
