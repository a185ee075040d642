import type { ParcelFacts } from '@shiplink/domain';
import { sampleTimeline, sampleTrackingEvent, type SampleMove } from '@shiplink/domain/fixtures';
import { createTestDatabase, type TestDatabase } from '@shiplink/testing';
import { createRepos, type Repos } from '../index';
import { PLATFORM_SCOPE, tenantScope, type Scope } from '../scope';
import type { DeliveryPeriodQuery } from './delivery-analytics.repo';

const KEY = Buffer.alloc(32, 7).toString('base64');
const MARCH = { from: new Date('2026-03-01T00:00:00Z'), to: new Date('2026-04-01T00:00:00Z') };

describe('DeliveryAnalyticsRepo on PostgreSQL', () => {
  let database: TestDatabase;
  let repos: Repos;
  let tenantA: string;
  let tenantB: string;
  let storeA: string;
  let storeA2: string;
  let storeB: string;
  let counter = 0;

  async function store(tenantId: string, name: string) {
    const created = await repos.tenancy.createStore({
      tenantId,
      name,
      platform: 'bigcommerce',
      externalRef: `${name.toLowerCase().replace(/\W/g, '')}${(counter += 1)}`,
    });
    return created.id;
  }

  /** One order with one parcel and its timeline: the checkpoints, and the moves they made. */
  async function parcel(
    storeId: string,
    input: {
      moves: SampleMove[];
      shipDate?: string;
      estimate?: string;
      destinations?: { id: string; country: string; state: string | null }[];
      addressId?: string;
      voided?: boolean;
      registration?: 'registered' | 'replaced';
    },
  ) {
    counter += 1;
    const destinations = (input.destinations ?? [{ id: 'a1', country: 'FI', state: null }]).map(
      (d) => ({ addressExternalId: d.id, shipTo: { country: d.country, state: d.state } }),
    );
    const order = await repos.db.order.create({
      data: {
        storeId,
        externalId: `${counter}`,
        orderNumber: `${counter}`,
        storeStatusId: 2,
        storeStatus: 'Shipped',
        currency: 'EUR',
        canonical: { orderNumber: `${counter}`, destinations },
      },
    });
    const connection = input.addressId
      ? await repos.db.connection.findFirstOrThrow({ where: { storeId } })
      : undefined;
    const fulfilmentOrder = connection
      ? await repos.db.fulfilmentOrder.create({
          data: {
            orderId: order.id,
            connectionId: connection.id,
            externalAddressId: input.addressId ?? '',
            orderKey: `k${counter}`,
          },
        })
      : undefined;
    const trackingNumber = `JJFI${String(counter).padStart(10, '0')}`;
    const shipment = await repos.db.shipment.create({
      data: {
        orderId: order.id,
        fulfilmentOrderId: fulfilmentOrder?.id ?? null,
        source: 'shipstation',
        sourceId: trackingNumber,
        trackingNumber,
        carrierSlug: 'posti',
        serviceCode: 'posti_parcel',
        shipDate: input.shipDate ? new Date(input.shipDate) : null,
        voided: input.voided ?? false,
        raw: {},
      },
    });
    const last = input.moves[input.moves.length - 1];
    const tracking = await repos.db.tracking.create({
      data: {
        orderId: order.id,
        shipmentId: shipment.id,
        storeId,
        orderNumber: order.orderNumber,
        trackingNumber,
        slug: 'posti',
        carrierKey: 'posti',
        carrierStatus: 'mapped',
        registration: input.registration ?? 'registered',
        status: last?.status ?? 'pending',
        statusOccurredAt: last ? new Date(last.at) : null,
        estimatedDelivery: input.estimate ?? null,
      },
    });
    // The timeline as the tracking worker saves it: checkpoints and the moves they made.
    await repos.trackings.saveProgress(tracking.id, {
      ...sampleTimeline(input.moves, { source: 'posti', mappingVersion: 'posti.1' }),
      anomalies: [],
      seenAt: new Date(),
      ...(input.estimate ? { estimatedDelivery: input.estimate } : {}),
    });
    return tracking.id;
  }

  async function read(scope: Scope, query: DeliveryPeriodQuery, batchSize?: number) {
    const parcels: ParcelFacts[] = [];
    for await (const batch of repos.deliveryAnalytics.parcels(scope, query, batchSize)) {
      parcels.push(...batch);
    }
    return parcels.sort((a, b) => a.startedAt.getTime() - b.startedAt.getTime());
  }

  beforeAll(async () => {
    database = await createTestDatabase();
    repos = createRepos({ databaseUrl: database.url, encryptionKey: KEY });
    tenantA = (await repos.tenancy.createTenant('Aalto')).id;
    tenantB = (await repos.tenancy.createTenant('Birch')).id;
    storeA = await store(tenantA, 'Aalto Helsinki');
    storeA2 = await store(tenantA, 'Aalto Tampere');
    storeB = await store(tenantB, 'Birch');
    await repos.tenancy.createConnection({
      tenantId: tenantA,
      storeId: storeA,
      provider: 'shipstation',
      baseUrl: 'http://127.0.0.1:1',
      credentials: { apiKey: 'k', apiSecret: 's' },
      webhookSecret: 'w',
      accountKey: 'acct',
    });

    // Delivered the day after its first scan, on the local day estimated, to Uusimaa.
    await parcel(storeA, {
      shipDate: '2026-03-02T00:00:00Z',
      estimate: '2026-03-03',
      destinations: [
        { id: 'a1', country: 'SE', state: 'Skåne' },
        { id: 'a2', country: 'FI', state: 'Uusimaa' },
      ],
      addressId: 'a2',
      moves: [
        { status: 'info_received', at: '2026-03-01T20:00:00Z' },
        { status: 'in_transit', at: '2026-03-02T08:00:00Z' },
        { status: 'delivered', at: '2026-03-03T22:30:00Z', local: '2026-03-04T00:30:00' },
      ],
    });
    // No carrier scan yet: its transit began on its ship date.
    await parcel(storeA2, {
      shipDate: '2026-03-10T00:00:00Z',
      moves: [{ status: 'info_received', at: '2026-03-09T20:00:00Z' }],
    });
    // The courier's failed attempt is its first scan (not its ship date); then back to sender.
    await parcel(storeA2, {
      shipDate: '2026-03-10T00:00:00Z',
      moves: [
        { status: 'info_received', at: '2026-03-09T20:00:00Z' },
        { status: 'attempt_failed', at: '2026-03-12T10:00:00Z' },
        { status: 'return_to_sender', at: '2026-03-13T10:00:00Z' },
      ],
    });
    // Scanned and delivered before the period: not March’s.
    await parcel(storeA, {
      moves: [
        { status: 'in_transit', at: '2026-02-20T08:00:00Z' },
        { status: 'delivered', at: '2026-02-22T08:00:00Z' },
      ],
    });
    // Scanned first in April, and never scanned nor shipped: neither is March's.
    await parcel(storeA, { moves: [{ status: 'in_transit', at: '2026-04-01T00:00:00Z' }] });
    await parcel(storeA, { moves: [] });
    // Voided, and a replaced tracking: not parcels.
    await parcel(storeA, {
      voided: true,
      moves: [{ status: 'in_transit', at: '2026-03-05T08:00:00Z' }],
    });
    await parcel(storeA, {
      registration: 'replaced',
      moves: [{ status: 'in_transit', at: '2026-03-05T08:00:00Z' }],
    });
    // Another tenant's parcel, with an exception.
    await parcel(storeB, {
      moves: [
        { status: 'in_transit', at: '2026-03-20T08:00:00Z' },
        { status: 'exception', at: '2026-03-21T08:00:00Z' },
      ],
    });
  });

  afterAll(async () => {
    await repos?.close();
    await database?.drop();
  });

  it('reads each parcel of the tenant whose transit began in the period', async () => {
    const parcels = await read(tenantScope(tenantA), { ...MARCH, withRegion: true });
    expect(parcels).toEqual([
      {
        storeId: storeA,
        storeName: 'Aalto Helsinki',
        carrier: 'posti',
        service: 'posti_parcel',
        country: 'FI',
        region: 'Uusimaa',
        startedAt: new Date('2026-03-02T08:00:00Z'),
        deliveredAt: new Date('2026-03-03T22:30:00Z'),
        deliveredLocalDate: '2026-03-04',
        estimatedDelivery: '2026-03-03',
        exception: false,
        failedAttempt: false,
        returned: false,
      },
      expect.objectContaining({
        storeId: storeA2,
        startedAt: new Date('2026-03-10T00:00:00Z'),
        deliveredAt: null,
        failedAttempt: false,
        returned: false,
      }),
      {
        storeId: storeA2,
        storeName: 'Aalto Tampere',
        carrier: 'posti',
        service: 'posti_parcel',
        country: 'FI',
        region: null,
        startedAt: new Date('2026-03-12T10:00:00Z'),
        deliveredAt: null,
        deliveredLocalDate: null,
        estimatedDelivery: null,
        exception: false,
        failedAttempt: true,
        returned: true,
      },
    ]);
  });

  it('never shows another tenant’s parcels, and the operator sees every tenant’s', async () => {
    const b = await read(tenantScope(tenantB), MARCH);
    expect(b.map((p) => [p.storeId, p.exception])).toEqual([[storeB, true]]);
    expect(await read(tenantScope(tenantA), { ...MARCH, storeId: storeB })).toEqual([]);
    expect(await repos.deliveryAnalytics.storeVisible(tenantScope(tenantA), storeB)).toBe(false);
    expect(await repos.deliveryAnalytics.storeVisible(tenantScope(tenantB), storeB)).toBe(true);
    expect(await repos.deliveryAnalytics.storeVisible(PLATFORM_SCOPE, storeA)).toBe(true);
    expect((await read(PLATFORM_SCOPE, MARCH)).map((p) => p.storeId)).toEqual([
      storeA,
      storeA2,
      storeA2,
      storeB,
    ]);
  });

  it('keeps to one store when asked, and reads the destination only for regions', async () => {
    const parcels = await read(tenantScope(tenantA), { ...MARCH, storeId: storeA2 });
    expect(parcels.map((p) => [p.storeName, p.country])).toEqual([
      ['Aalto Tampere', null],
      ['Aalto Tampere', null],
    ]);
  });

  it('pages through the trackings in small batches without losing or repeating one', async () => {
    const whole = await read(PLATFORM_SCOPE, MARCH);
    const paged = await read(PLATFORM_SCOPE, MARCH, 1);
    expect(paged).toEqual(whole);
    expect(await read(PLATFORM_SCOPE, { from: MARCH.to, to: new Date('2026-05-01Z') }, 2)).toEqual([
      expect.objectContaining({ startedAt: new Date('2026-04-01T00:00:00Z') }),
    ]);
  });

  it('keeps the first estimate and the first moves, whatever order the events arrive in', async () => {
    const tenant = (await repos.tenancy.createTenant('Cedar')).id;
    const storeId = await store(tenant, 'Cedar');
    const trackingId = await parcel(storeId, {
      estimate: '2026-03-05',
      moves: [{ status: 'delivered', at: '2026-03-07T12:00:00Z', local: '2026-03-07T14:00:00' }],
    });
    // The scans that came before the delivery, reported after it, with a slipped estimate.
    await repos.trackings.saveProgress(trackingId, {
      checkpoints: [
        {
          identity: 'late-scan',
          event: sampleTrackingEvent('in_transit', '2026-03-03T09:00:00Z'),
          raw: {},
        },
        {
          identity: 'held',
          event: sampleTrackingEvent('on_hold', '2026-03-04T09:00:00Z'),
          raw: {},
        },
      ],
      anomalies: [],
      transitions: [
        {
          fromStatus: null,
          status: 'in_transit',
          subStatus: null,
          reason: null,
          actionRequired: false,
          occurredAt: new Date('2026-03-03T09:00:00Z'),
          eventIdentity: 'late-scan',
        },
        {
          fromStatus: 'in_transit',
          status: 'on_hold',
          subStatus: null,
          reason: null,
          actionRequired: false,
          occurredAt: new Date('2026-03-04T09:00:00Z'),
          eventIdentity: 'held',
        },
      ],
      seenAt: new Date(),
      estimatedDelivery: '2026-03-08',
    });
    expect(await read(tenantScope(tenant), MARCH)).toEqual([
      expect.objectContaining({
        startedAt: new Date('2026-03-03T09:00:00Z'),
        deliveredAt: new Date('2026-03-07T12:00:00Z'),
        deliveredLocalDate: '2026-03-07',
        estimatedDelivery: '2026-03-05',
        exception: true,
        failedAttempt: false,
      }),
    ]);
  });
});
