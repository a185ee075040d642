import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { createRepos, type Repos } from '@shiplink/db';
import type { TrackingStatus } from '@shiplink/domain';
import { sampleTimeline } from '@shiplink/domain/fixtures';
import { silentLogger } from '@shiplink/logger';
import { createTestDatabase, type TestDatabase } from '@shiplink/testing';
import type { Principal } from '../auth/principal';
import { problemHandler } from '../http/problems';
import { analyticsApi } from './analytics.route';

const KEY = Buffer.alloc(32, 8).toString('base64');
const MARCH = 'from=2026-03-01&to=2026-04-01';

/** The delivery analytics admin API on the real PostgreSQL, over HTTP, as two tenants. */
describe('delivery analytics admin API', () => {
  let database: TestDatabase;
  let repos: Repos;
  let server: Server;
  let base: string;
  let tenantA: string;
  let tenantB: string;
  let storeA: string;
  let storeB: string;
  let counter = 0;

  async function call(tenantId: string | null, path: string, headers: Record<string, string> = {}) {
    const response = await fetch(`${base}/admin/api/analytics/delivery${path}`, {
      headers: { ...headers, ...(tenantId ? { 'x-tenant': tenantId } : {}) },
    });
    const text = await response.text();
    const json: unknown = response.headers.get('content-type')?.includes('json')
      ? JSON.parse(text)
      : undefined;
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- whatever the route answered
    return { status: response.status, headers: response.headers, text, json: json as any };
  }

  /** A parcel of the store and the status moves of its timeline ([status, ISO time]). */
  async function parcel(
    storeId: string,
    carrier: string,
    moves: [TrackingStatus, string][],
    estimate?: string,
  ) {
    counter += 1;
    const order = await repos.db.order.create({
      data: {
        storeId,
        externalId: `${counter}`,
        orderNumber: `${counter}`,
        storeStatusId: 2,
        storeStatus: 'Shipped',
        currency: 'EUR',
        canonical: {
          destinations: [{ addressExternalId: '1', shipTo: { country: 'FI', state: 'Uusimaa' } }],
        },
      },
    });
    const trackingNumber = `TN${counter}`;
    const shipment = await repos.db.shipment.create({
      data: {
        orderId: order.id,
        source: 'shipstation',
        sourceId: trackingNumber,
        trackingNumber,
        serviceCode: 'std',
        raw: {},
      },
    });
    const [status, at] = moves[moves.length - 1] ?? ['pending', null];
    const tracking = await repos.db.tracking.create({
      data: {
        orderId: order.id,
        shipmentId: shipment.id,
        storeId,
        orderNumber: order.orderNumber,
        trackingNumber,
        slug: carrier,
        carrierKey: carrier,
        carrierStatus: 'mapped',
        registration: 'registered',
        status,
        statusOccurredAt: at ? new Date(at) : null,
        estimatedDelivery: estimate ?? null,
      },
    });
    await repos.trackings.saveProgress(tracking.id, {
      ...sampleTimeline(moves.map(([moved, when]) => ({ status: moved, at: when }))),
      anomalies: [],
      seenAt: new Date(),
    });
  }

  beforeAll(async () => {
    database = await createTestDatabase();
    repos = createRepos({ databaseUrl: database.url, encryptionKey: KEY });
    tenantA = (await repos.tenancy.createTenant('Aalto')).id;
    tenantB = (await repos.tenancy.createTenant('Birch')).id;
    const store = async (tenantId: string, name: string, ref: string) =>
      (
        await repos.tenancy.createStore({
          tenantId,
          name,
          platform: 'bigcommerce',
          externalRef: ref,
        })
      ).id;
    storeA = await store(tenantA, 'Kahvila "Aalto", Helsinki', 'aalto');
    storeB = await store(tenantB, 'Birch', 'birch');
    await parcel(
      storeA,
      'posti',
      [
        ['in_transit', '2026-03-02T08:00:00Z'],
        ['delivered', '2026-03-03T08:00:00Z'],
      ],
      '2026-03-03',
    );
    await parcel(
      storeA,
      'posti',
      [
        ['in_transit', '2026-03-02T10:00:00Z'],
        ['delivered', '2026-03-05T10:00:00Z'],
      ],
      '2026-03-04',
    );
    await parcel(storeA, 'ups', [
      ['in_transit', '2026-03-10T08:00:00Z'],
      ['exception', '2026-03-11T08:00:00Z'],
    ]);
    await parcel(storeB, 'dhl', [
      ['in_transit', '2026-03-10T08:00:00Z'],
      ['delivered', '2026-03-11T08:00:00Z'],
    ]);
    const app = express();
    app.use((req, res, next) => {
      const tenantId = req.header('x-tenant');
      const principal: Principal = tenantId
        ? { kind: 'token', tenantId, tokenId: 't', name: 'test', scopes: ['read'] }
        : { kind: 'platform' };
      res.locals.principal = principal;
      next();
    });
    app.use(analyticsApi({ repos }));
    app.use(problemHandler(silentLogger));
    server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await new Promise((resolve) => server?.close(resolve));
    await repos?.close();
    await database?.drop();
  });

  it.each([
    ['no period', '?groupBy=carrier', 'invalid_query'],
    ['a date that is none', '?from=2026-02-30&to=2026-04-01', 'bad_period'],
    ['a date-time without an offset', '?from=2026-03-01T00:00:00&to=2026-04-01', 'bad_period'],
    ['from after to', '?from=2026-04-01&to=2026-03-01', 'bad_period'],
    ['from equal to to', '?from=2026-04-01&to=2026-04-01', 'bad_period'],
    ['more than 400 days', '?from=2025-01-01&to=2026-03-01', 'bad_period'],
    ['an unknown dimension', `?${MARCH}&groupBy=colour`, 'invalid_query'],
    ['a store id that is no UUID', `?${MARCH}&storeId=42`, 'invalid_query'],
    ['an unknown parameter', `?${MARCH}&carrier=ups`, 'invalid_query'],
    ['a format it does not write', `?${MARCH}&format=xml`, 'bad_format'],
    ['two from', `?${MARCH}&from=2026-03-02`, 'invalid_query'],
  ])('refuses %s with 400', async (_case, query, code) => {
    const answer = await call(tenantA, query);
    expect([answer.status, answer.json.error]).toEqual([400, code]);
  });

  it('reports the tenant’s parcels per carrier, with totals and the on-time basis', async () => {
    const { status, json } = await call(tenantA, `?${MARCH}&groupBy=carrier`);
    expect(status).toBe(200);
    expect(json).toMatchObject({
      from: '2026-03-01T00:00:00.000Z',
      to: '2026-04-01T00:00:00.000Z',
      groupBy: 'carrier',
      storeId: null,
      onTimeBasis: 'first_estimate',
    });
    expect(json.rows).toEqual([
      {
        key: 'posti',
        label: 'posti',
        parcels: 2,
        delivered: 2,
        transitHoursMedian: 48,
        transitHoursP90: 67.2,
        onTimeRate: 0.5,
        exceptionRate: 0,
        failedAttemptRate: 0,
        returnRate: 0,
      },
      expect.objectContaining({ key: 'ups', parcels: 1, delivered: 0, exceptionRate: 1 }),
    ]);
    expect(json.totals).toMatchObject({ parcels: 3, delivered: 2, exceptionRate: 0.3333 });
  });

  it('never counts another tenant’s parcels, and 404s its store', async () => {
    const b = await call(tenantB, `?${MARCH}&groupBy=store`);
    expect(b.json.rows.map((row: { key: string }) => row.key)).toEqual([storeB]);
    const foreign = await call(tenantA, `?${MARCH}&storeId=${storeB}`);
    expect([foreign.status, foreign.json.error]).toEqual([404, 'unknown_store']);
    const unknown = await call(tenantA, `?${MARCH}&storeId=00000000-0000-4000-8000-000000000000`);
    expect(unknown.status).toBe(404);
    const operator = await call(null, `?${MARCH}&groupBy=store&storeId=${storeB}`);
    expect(operator.json.totals.parcels).toBe(1);
  });

  it('groups by destination region and by service', async () => {
    const region = await call(tenantA, `?${MARCH}&groupBy=region`);
    expect(
      region.json.rows.map((row: { key: string; label: string }) => [row.key, row.label]),
    ).toEqual([['FI/Uusimaa', 'FI · Uusimaa']]);
    const service = await call(tenantA, `?${MARCH}&groupBy=service`);
    expect(service.json.rows.map((row: { key: string }) => row.key)).toEqual([
      'posti/std',
      'ups/std',
    ]);
  });

  it('writes CSV with a header row, escaped fields and the totals', async () => {
    const answer = await call(tenantA, `?${MARCH}&groupBy=store&format=csv`);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(answer.headers.get('content-disposition')).toBe(
      'attachment; filename="delivery-by-store-2026-03-01-2026-04-01.csv"',
    );
    expect(answer.text.split('\r\n')).toEqual([
      'key,label,parcels,delivered,transitHoursMedian,transitHoursP90,onTimeRate,exceptionRate,failedAttemptRate,returnRate',
      `${storeA},"Kahvila ""Aalto"", Helsinki",3,2,48,67.2,0.5,0.3333,0,0`,
      '(total),All parcels,3,2,48,67.2,0.5,0.3333,0,0',
      '',
    ]);
    const accepted = await call(tenantA, `?${MARCH}`, { accept: 'text/csv' });
    expect(accepted.headers.get('content-type')).toContain('text/csv');
  });

  it('charts parcels per day or week of the period', async () => {
    const daily = await call(tenantA, `/series?${MARCH}`);
    expect(daily.status).toBe(200);
    expect(daily.json.points).toHaveLength(31);
    expect(daily.json.points[1]).toEqual({
      start: '2026-03-02T00:00:00.000Z',
      parcels: 2,
      delivered: 2,
      onTimeRate: 0.5,
      transitHoursMedian: 48,
    });
    const weekly = await call(tenantA, `/series?${MARCH}&interval=week&storeId=${storeA}`);
    expect(
      weekly.json.points.map((p: { start: string; parcels: number }) => [
        p.start.slice(0, 10),
        p.parcels,
      ]),
    ).toEqual([
      ['2026-02-23', 0],
      ['2026-03-02', 2],
      ['2026-03-09', 1],
      ['2026-03-16', 0],
      ['2026-03-23', 0],
      ['2026-03-30', 0],
    ]);
    const refused = await call(tenantA, `/series?${MARCH}&interval=month`);
    expect([refused.status, refused.json.error]).toEqual([400, 'invalid_query']);
    const foreign = await call(tenantA, `/series?${MARCH}&storeId=${storeB}`);
    expect(foreign.status).toBe(404);
  });
});
