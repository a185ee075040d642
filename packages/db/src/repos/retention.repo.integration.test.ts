import { sampleTimeline } from '@shiplink/domain/fixtures';
import { createTestDatabase, type TestDatabase } from '@shiplink/testing';
import { createRepos, type Repos } from '../index';
import { seedShipment } from '../test/seed';
import type { RetentionTarget } from './retention.repo';

const KEY = Buffer.alloc(32, 9).toString('base64');
const DAY_MS = 86_400_000;
const NOW = Date.now();
const daysAgo = (days: number) => new Date(NOW - days * DAY_MS);
/** Everything older than 30 days has outlived the window. */
const CUTOFF = daysAgo(30);

describe('RetentionRepo on PostgreSQL', () => {
  let database: TestDatabase;
  let repos: Repos;
  let seeded: Awaited<ReturnType<typeof seedShipment>>;
  let connectionId: string;
  let counter = 0;

  /** Prunes `target` in slices of two until nothing is left; answers the total. */
  async function pruneAll(target: RetentionTarget): Promise<number> {
    let total = 0;
    for (;;) {
      const pruned = await repos.retention.pruneBatch(target, CUTOFF, 2);
      total += pruned;
      if (pruned < 2) return total;
    }
  }

  async function tracking(status: 'delivered' | 'in_transit', settledAt: Date) {
    counter += 1;
    const shipment = await repos.db.shipment.create({
      data: {
        orderId: seeded.order.id,
        source: 'shipstation',
        sourceId: `R${counter}`,
        trackingNumber: `R${counter}`,
        raw: {},
      },
    });
    const row = await repos.db.tracking.create({
      data: {
        orderId: seeded.order.id,
        shipmentId: shipment.id,
        storeId: seeded.store.id,
        orderNumber: seeded.order.orderNumber,
        trackingNumber: `R${counter}`,
        slug: 'posti',
        carrierKey: 'posti',
        carrierStatus: 'mapped',
        registration: 'registered',
      },
    });
    const scanned = new Date(settledAt.getTime() - 2 * DAY_MS).toISOString();
    const moves = [
      { status: 'in_transit' as const, at: scanned },
      ...(status === 'delivered' ? [{ status, at: settledAt.toISOString() }] : []),
    ];
    await repos.trackings.saveProgress(row.id, {
      ...sampleTimeline(moves),
      anomalies: [],
      current: {
        status,
        subStatus: `posti:${status}`,
        reason: null,
        actionRequired: false,
        occurredAt: settledAt,
        mappingVersion: 'posti.1',
      },
      seenAt: settledAt,
      estimatedDelivery: '2026-01-01',
    });
    return row.id;
  }

  beforeAll(async () => {
    database = await createTestDatabase();
    repos = createRepos({ databaseUrl: database.url, encryptionKey: KEY });
    seeded = await seedShipment(repos, {
      store: 'Retention Store',
      storeRef: 'ret1',
      orderNumber: '5001',
      source: 'shipstation',
      trackingNumber: 'RET0',
      carrierSlug: 'posti',
    });
    const connection = await repos.tenancy.createConnection({
      tenantId: seeded.tenant.id,
      storeId: seeded.store.id,
      provider: 'shipstation',
      baseUrl: 'http://127.0.0.1:1',
      credentials: { apiKey: 'k', apiSecret: 's' },
      webhookSecret: 'w',
      accountKey: 'k',
    });
    connectionId = connection.id;
  });

  afterAll(async () => {
    await repos?.close();
    await database?.drop();
  });

  it('prunes handled inbox events past the window, keeping waiting and dead-lettered ones', async () => {
    const event = (
      key: string,
      status: 'received' | 'processed' | 'ignored' | 'dead_lettered',
      age: number,
    ) =>
      repos.db.inboxEvent.create({
        data: {
          connectionId,
          provider: 'shipstation',
          topic: 'SHIP_NOTIFY',
          dedupKey: key,
          payload: {},
          correlationId: key,
          status,
          receivedAt: daysAgo(age),
        },
      });
    for (let i = 0; i < 5; i++) await event(`old-${i}`, 'processed', 40 + i);
    await event('old-ignored', 'ignored', 45);
    await event('old-waiting', 'received', 45);
    await event('old-dead', 'dead_lettered', 45);
    await event('fresh', 'processed', 1);

    expect(await pruneAll('inbox')).toBe(6);
    const left = await repos.db.inboxEvent.findMany({ select: { dedupKey: true } });
    expect(left.map((row) => row.dedupKey).sort()).toEqual(['fresh', 'old-dead', 'old-waiting']);
  });

  it('prunes the audit trail and settled notifications past their windows', async () => {
    for (const age of [31, 60, 90, 2]) {
      await repos.db.auditEvent.create({
        data: { direction: 'out', kind: 'provider.call', occurredAt: daysAgo(age) },
      });
    }
    const notification = (state: 'sent' | 'pending' | 'failed', age: number) => {
      counter += 1;
      return repos.db.notification.create({
        data: {
          orderId: seeded.order.id,
          subjectKey: `order:${seeded.order.id}:${counter}`,
          storeId: seeded.store.id,
          trigger: 'shipped',
          channel: 'email',
          state,
          recipientHash: 'h',
          recipientMasked: 'a***@example.fi',
          language: 'en',
          createdAt: daysAgo(age),
        },
      });
    };
    await notification('sent', 40);
    await notification('failed', 40);
    const pending = await notification('pending', 40);
    const fresh = await notification('sent', 3);

    expect(await pruneAll('audit')).toBe(3);
    expect(await repos.db.auditEvent.count()).toBe(1);
    expect(await pruneAll('notifications')).toBe(2);
    const left = await repos.db.notification.findMany({ select: { id: true } });
    expect(left.map((row) => row.id).sort()).toEqual([pending.id, fresh.id].sort());
  });

  it('prunes the timelines of parcels settled before the window, keeping their facts', async () => {
    const old = await tracking('delivered', daysAgo(45));
    const moving = await tracking('in_transit', daysAgo(45));
    const recent = await tracking('delivered', daysAgo(5));
    const facts = () =>
      repos.db.tracking.findUniqueOrThrow({
        where: { id: old },
        select: {
          status: true,
          firstScanAt: true,
          deliveredAt: true,
          wasReturned: true,
          firstEstimatedDelivery: true,
          timelinePrunedAt: true,
        },
      });
    const before = await facts();

    expect(await pruneAll('timelines')).toBe(1);
    const rowsOf = async (trackingId: string) => [
      await repos.db.trackingCheckpoint.count({ where: { trackingId } }),
      await repos.db.trackingTransition.count({ where: { trackingId } }),
    ];
    expect(await rowsOf(old)).toEqual([0, 0]);
    expect(await rowsOf(moving)).toEqual([1, 1]);
    expect(await rowsOf(recent)).toEqual([2, 2]);
    const after = await facts();
    expect(after.timelinePrunedAt).not.toBeNull();
    expect({ ...after, timelinePrunedAt: null }).toEqual(before);

    // A late event of a pruned parcel adds to its facts without losing the earlier ones.
    await repos.trackings.saveProgress(old, {
      ...sampleTimeline([{ status: 'returned', at: daysAgo(2).toISOString() }]),
      anomalies: [],
      seenAt: new Date(),
    });
    expect(await facts()).toMatchObject({
      firstScanAt: before.firstScanAt,
      deliveredAt: before.deliveredAt,
      wasReturned: true,
    });
    expect(await pruneAll('timelines')).toBe(0);
  });

  it('prunes replayed dead letters and expired sessions past the window', async () => {
    const letter = (status: 'open' | 'replayed', age: number) => {
      counter += 1;
      return repos.db.deadLetter.create({
        data: {
          queue: 'orders',
          jobName: 'order.import',
          jobId: `j${counter}`,
          payload: {},
          reason: 'shipstation.validation',
          error: 'refused',
          attemptsMade: 1,
          status,
          failedAt: daysAgo(age),
        },
      });
    };
    await letter('replayed', 40);
    const open = await letter('open', 40);
    const recent = await letter('replayed', 3);
    for (const [id, expires] of [
      ['expired', daysAgo(31)],
      ['lately', daysAgo(2)],
      ['live', new Date(NOW + DAY_MS)],
    ] as const) {
      await repos.db.session.create({ data: { id, csrfToken: 'c', expiresAt: expires } });
    }

    expect(await pruneAll('deadLetters')).toBe(1);
    const letters = await repos.db.deadLetter.findMany({ select: { id: true } });
    expect(letters.map((row) => row.id).sort()).toEqual([open.id, recent.id].sort());
    expect(await pruneAll('sessions')).toBe(1);
    const sessions = await repos.db.session.findMany({ select: { id: true } });
    expect(sessions.map((row) => row.id).sort()).toEqual(['lately', 'live']);
  });

  it('lets one process prune at a time', async () => {
    let release!: () => void;
    const holding = repos.retention.exclusively(
      () => new Promise<string>((resolve) => (release = () => resolve('first'))),
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    const other = createRepos({ databaseUrl: database.url, encryptionKey: KEY });
    try {
      expect(await other.retention.exclusively(async () => 'second')).toBeUndefined();
      release();
      expect(await holding).toBe('first');
      expect(await other.retention.exclusively(async () => 'second')).toBe('second');
    } finally {
      await other.close();
    }
  });
});
