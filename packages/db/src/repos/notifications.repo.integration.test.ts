import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import { createTestDatabase, TEST_DATABASE_URL, type TestDatabase } from '@shiplink/testing';
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

  it('claims one message per order news (its ref), trigger and channel, keeping the first facts', async () => {
    const { orderId, storeId } = claim;
    const refund = {
      orderId,
      storeId,
      trigger: 'refund_issued',
      channel: 'email',
      recipientHash: 'h1',
      recipientMasked: 'a***@example.fi',
      language: 'fi',
      subjectRef: 'refund-1',
      facts: { amount: '49.90', currency: 'EUR' },
    };
    const claims = await Promise.all([1, 2, 3].map(() => repos.notifications.claim(refund)));
    expect(new Set(claims.map((c) => c.record.id)).size).toBe(1);
    expect(claims.filter((c) => c.created)).toHaveLength(1);
    expect(claims[0]!.record).toMatchObject({
      shipmentId: null,
      subjectKey: `order:${orderId}:refund-1`,
      facts: { amount: '49.90', currency: 'EUR' },
      state: 'pending',
    });
    // Claimed again with other facts (a replay after the refund was edited): the first claim's.
    const again = await repos.notifications.claim({ ...refund, facts: { amount: '1.00' } });
    expect(again).toMatchObject({ created: false, record: { facts: { amount: '49.90' } } });
    // A second refund of the order is news of its own; so is the same one on another channel.
    expect((await repos.notifications.claim({ ...refund, subjectRef: 'refund-2' })).created).toBe(
      true,
    );
    expect((await repos.notifications.claim({ ...refund, channel: 'sms' })).created).toBe(true);
    expect(
      (await repos.notifications.forOrder(orderId)).filter((n) => n.trigger === 'refund_issued'),
    ).toHaveLength(3);
    // Facts are numbers and codes only: free text is refused before it reaches a row.
    await expect(
      repos.notifications.claim({
        ...refund,
        subjectRef: 'refund-3',
        facts: { note: 'from the warehouse' } as never,
      }),
    ).rejects.toThrow();
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

/** The migration that made notifications about subjects, run over rows written before it. */
describe('the order notifications migration', () => {
  const MIGRATIONS = path.resolve(__dirname, '../../../../prisma/migrations');
  const MIGRATION = '20261214090000_order_notifications';
  const schema = `t_migrate_${Date.now().toString(36)}`;
  let client: Client;

  // Statement by statement, split at every ';' as Prisma's adapter (and createTestDatabase) do.
  const apply = async (dirs: string[]) => {
    for (const dir of dirs) {
      const script = readFileSync(path.join(MIGRATIONS, dir, 'migration.sql'), 'utf8');
      for (const statement of script.split(';').filter((part) => part.trim())) {
        await client.query(statement);
      }
    }
  };
  const all = readdirSync(MIGRATIONS)
    .filter((dir) => /^\d/.test(dir))
    .sort();

  beforeAll(async () => {
    expect(all).toContain(MIGRATION);
    client = new Client({ connectionString: TEST_DATABASE_URL });
    await client.connect();
    await client.query(`CREATE SCHEMA "${schema}"`);
    await client.query(`SET search_path TO "${schema}"`);
    await apply(all.filter((dir) => dir < MIGRATION));
  });
  afterAll(async () => {
    await client?.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await client?.end();
  });

  it('gives every parcel message its shipment as subject, and keeps them one per key', async () => {
    const ids = {
      tenant: 'a0000000-0000-4000-8000-000000000001',
      store: 'a0000000-0000-4000-8000-000000000002',
      order: 'a0000000-0000-4000-8000-000000000003',
      parcel1: 'a0000000-0000-4000-8000-000000000004',
      parcel2: 'a0000000-0000-4000-8000-000000000005',
    };
    await client.query(`INSERT INTO tenants (id, name) VALUES ($1, 'Old')`, [ids.tenant]);
    await client.query(
      `INSERT INTO stores (id, tenant_id, name, platform, external_ref) VALUES ($1, $2, 'Old', 'bigcommerce', 'old1')`,
      [ids.store, ids.tenant],
    );
    await client.query(
      `INSERT INTO orders (id, store_id, external_id, order_number, store_status_id, store_status, currency, canonical, updated_at)
       VALUES ($1, $2, '1', '1', 2, 'Shipped', 'EUR', '{}', now())`,
      [ids.order, ids.store],
    );
    for (const parcel of [ids.parcel1, ids.parcel2]) {
      await client.query(
        `INSERT INTO shipments (id, order_id, source, source_id, raw, updated_at) VALUES ($1, $2, 'posti', $3, '{}', now())`,
        [parcel, ids.order, parcel],
      );
    }
    const rows = [
      [ids.parcel1, 'delivered', 'email', 'sent'],
      [ids.parcel1, 'delivered', 'sms', 'skipped'],
      [ids.parcel1, 'shipped', 'email', 'sent'],
      [ids.parcel2, 'delivered', 'email', 'pending'],
    ];
    for (const [shipment, trigger, channel, state] of rows) {
      await client.query(
        `INSERT INTO notifications (id, order_id, shipment_id, store_id, trigger, channel, state, recipient_hash, recipient_masked, language, updated_at)
         VALUES (gen_random_uuid(), $1, $2, $3, $4, $5, $6, 'h1', 'a***@example.fi', 'fi', now())`,
        [ids.order, shipment, ids.store, trigger, channel, state],
      );
    }

    await apply(all.filter((dir) => dir >= MIGRATION));

    const migrated = await client.query<{ shipment_id: string; subject_key: string }>(
      'SELECT shipment_id, subject_key FROM notifications',
    );
    expect(migrated.rows).toHaveLength(4);
    for (const row of migrated.rows) expect(row.subject_key).toBe(`shipment:${row.shipment_id}`);
    const duplicate = client.query(
      `INSERT INTO notifications (id, order_id, shipment_id, subject_key, store_id, trigger, channel, recipient_hash, recipient_masked, language, updated_at)
       VALUES (gen_random_uuid(), $1, $2, $3, $4, 'delivered', 'email', 'h2', 'b***@example.fi', 'fi', now())`,
      [ids.order, ids.parcel1, `shipment:${ids.parcel1}`, ids.store],
    );
    await expect(duplicate).rejects.toMatchObject({ code: '23505' });
    // A parcel's message names its shipment, an order's none.
    const orphan = client.query(
      `INSERT INTO notifications (id, order_id, subject_key, store_id, trigger, channel, recipient_hash, recipient_masked, language, updated_at)
       VALUES (gen_random_uuid(), $1, $2, $3, 'delivered', 'email', 'h2', 'b***@example.fi', 'fi', now())`,
      [ids.order, `shipment:${ids.parcel1}`, ids.store],
    );
    await expect(orphan).rejects.toMatchObject({ code: '23514' });

    // The repository finds the old rows by their new key: a replayed parcel claim makes nothing.
    const url = new URL(TEST_DATABASE_URL);
    url.searchParams.set('schema', schema);
    const repos = createRepos({ databaseUrl: url.toString(), encryptionKey: KEY });
    try {
      const again = await repos.notifications.claim({
        orderId: ids.order,
        shipmentId: ids.parcel1,
        storeId: ids.store,
        trigger: 'delivered',
        channel: 'email',
        recipientHash: 'h1',
        recipientMasked: 'a***@example.fi',
        language: 'fi',
      });
      expect(again).toMatchObject({ created: false, record: { state: 'sent', facts: null } });
      const news = await repos.notifications.claim({
        orderId: ids.order,
        subjectRef: 'hold-1',
        facts: {},
        storeId: ids.store,
        trigger: 'order_on_hold',
        channel: 'email',
        recipientHash: 'h1',
        recipientMasked: 'a***@example.fi',
        language: 'fi',
      });
      expect(news).toMatchObject({ created: true, record: { shipmentId: null, facts: {} } });
      expect(await repos.notifications.forOrder(ids.order)).toHaveLength(5);
    } finally {
      await repos.close();
    }
  });
});
