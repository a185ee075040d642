import { sampleTrackingEvent } from '@shiplink/domain/fixtures';
import { createTestDatabase, type TestDatabase } from '@shiplink/testing';
import { createRepos, type Repos } from '../index';
import { seedShipment } from '../test/seed';
import type { TrackingClaim } from './tracking-records';

const KEY = Buffer.alloc(32, 7).toString('base64');

describe('TrackingsRepo on PostgreSQL', () => {
  let database: TestDatabase;
  let repos: Repos;
  let claim: TrackingClaim;

  beforeAll(async () => {
    database = await createTestDatabase();
    repos = createRepos({ databaseUrl: database.url, encryptionKey: KEY });
    const { store, order, shipment } = await seedShipment(repos, {
      store: 'Trackers',
      storeRef: 'abc123',
      orderNumber: '100',
      source: 'bigcommerce',
      trackingNumber: '1ZTEST000000000001',
      carrierSlug: 'ups',
    });
    claim = {
      orderId: order.id,
      shipmentId: shipment.id,
      storeId: store.id,
      orderNumber: '100',
      trackingNumber: '1ZTEST000000000001',
      slug: 'ups',
      carrierStatus: 'mapped',
      carrierCandidates: [],
      registration: 'pending',
      registrationNote: null,
      connectionId: null,
    };
  });

  afterAll(async () => {
    await repos?.close();
    await database?.drop();
  });

  it('lands racing claims of one (order, carrier, number) on one row', async () => {
    const rows = await Promise.all([1, 2, 3, 4].map(() => repos.trackings.claim(claim)));
    expect(new Set(rows.map((r) => r.id)).size).toBe(1);
    expect(await repos.db.tracking.count()).toBe(1);
  });

  it('finds an event’s tracking by AfterShip id, else by courier and number', async () => {
    const row = await repos.trackings.claim(claim);
    const ref = { trackingRef: 'as-1', slug: 'ups', trackingNumber: claim.trackingNumber };
    expect((await repos.trackings.findForEvent(claim.storeId, ref))?.id).toBe(row.id);
    await repos.trackings.markRegistered(row.id, 'as-1');
    const other = { ...ref, slug: 'dhl' };
    expect((await repos.trackings.findForEvent(claim.storeId, other))?.id).toBe(row.id);
    expect(
      await repos.trackings.findForEvent(claim.storeId, { ...other, trackingRef: 'x' }),
    ).toBeUndefined();
  });

  it('stores each checkpoint and anomaly once, however often a batch is saved', async () => {
    const row = await repos.trackings.claim(claim);
    const checkpoints = [
      {
        identity: 'a',
        event: sampleTrackingEvent('in_transit', '2025-03-04T08:00:00.000Z'),
        raw: { n: 1 },
      },
      {
        identity: 'b',
        event: sampleTrackingEvent('delivered', '2025-03-04T09:00:00.000Z'),
        raw: { n: 2 },
      },
    ];
    const anomaly = {
      kind: 'terminal_regression',
      fromStatus: 'delivered' as const,
      toStatus: 'in_transit' as const,
      detail: 'x',
      eventIdentity: 'a',
      raw: {},
    };
    const current = {
      status: 'delivered' as const,
      subStatus: 'aftership:Delivered_001',
      reason: null,
      actionRequired: false,
      occurredAt: new Date('2025-03-04T09:00:00.000Z'),
      mappingVersion: 'aftership.1',
    };
    for (let i = 0; i < 3; i++) {
      await repos.trackings.saveProgress(row.id, {
        checkpoints,
        anomalies: [anomaly],
        current,
        seenAt: new Date(),
      });
    }
    expect((await repos.trackings.storedEvents(row.id)).map((e) => e.identity)).toEqual(['a', 'b']);
    expect(await repos.db.trackingAnomaly.count({ where: { trackingId: row.id } })).toBe(1);
    expect((await repos.trackings.find(row.id))?.current).toMatchObject({ status: 'delivered' });
  });

  it('picks quiet, registered, unfinished trackings for the delta poll', async () => {
    const polling = '00000000-0000-4000-8000-00000000000a';
    const row = await repos.trackings.claim({ ...claim, trackingNumber: '1ZTEST000000000002' });
    await repos.trackings.markRegistered(row.id, 'as-2');
    // Registered with the store's other tracking connection: polled there, not here.
    const elsewhere = await repos.trackings.claim({
      ...claim,
      trackingNumber: 'JJFI00000000000000002',
      connectionId: '00000000-0000-4000-8000-00000000000b',
    });
    await repos.trackings.markRegistered(elsewhere.id, 'JJFI00000000000000002');
    const stale = (before: Date) =>
      repos.trackings.findStale({
        storeId: claim.storeId,
        connectionId: polling,
        unassigned: true,
        before,
        finalStatuses: ['delivered'],
        limit: 10,
      });
    const later = new Date(Date.now() + 60_000);
    expect((await stale(later)).map((r) => r.id)).toEqual([row.id]);
    expect(await stale(new Date(Date.now() - 60_000))).toEqual([]);
    await repos.trackings.markPolled(row.id, new Date(later.getTime() + 1));
    expect(await stale(later)).toEqual([]);
  });

  it('retires a tracking so that the shipment’s live one is its successor', async () => {
    const old = await repos.trackings.claim(claim);
    const next = await repos.trackings.claim({ ...claim, trackingNumber: '1ZTEST000000000003' });
    await repos.trackings.retire(old.id, next.id, 'number changed');
    const live = (await repos.trackings.allLiveForShipment(claim.shipmentId)).map((t) => t.id);
    expect(live[0]).toBe(next.id);
    expect(live).not.toContain(old.id);
    expect(await repos.trackings.find(old.id)).toMatchObject({
      registration: 'replaced',
      replacedById: next.id,
    });
    // The old number coming back takes its row over again instead of adding one.
    const back = await repos.trackings.claim(claim);
    expect(back).toMatchObject({ id: old.id, registration: 'pending', replacedById: null });
  });
});
