import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { createRepos, type Repos } from '@shiplink/db';
import { sampleTrackingEvent } from '@shiplink/domain/fixtures';
import { silentLogger } from '@shiplink/logger';
import { createTestDatabase, type TestDatabase } from '@shiplink/testing';
import type { Principal } from '../auth/principal';
import { problemHandler } from '../http/problems';
import { orderStoryApi } from './order-story.route';

const KEY = Buffer.alloc(32, 8).toString('base64');
const EMAIL = 'Aino.Virtanen@example.fi';

/** Order search and an order's story on the real PostgreSQL, over HTTP, as two tenants. */
describe('order story admin API', () => {
  let database: TestDatabase;
  let repos: Repos;
  let server: Server;
  let base: string;
  let tenantA: string;
  let tenantB: string;
  let storeA: string;
  let storeB: string;

  async function call(tenantId: string | null, path: string) {
    const response = await fetch(`${base}/admin/api${path}`, {
      headers: tenantId ? { 'x-tenant': tenantId } : {},
    });
    const text = await response.text();
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- whatever the route answered
    return { status: response.status, text, json: JSON.parse(text) as any };
  }

  /** A tenant with a store, its warehouse connection and order 1001, whose webhook came in. */
  async function tenantWithOrder(name: string) {
    const tenant = (await repos.tenancy.createTenant(name)).id;
    const ref = name.toLowerCase();
    const store = (
      await repos.tenancy.createStore({
        tenantId: tenant,
        name,
        platform: 'bigcommerce',
        externalRef: ref,
      })
    ).id;
    const connection = (
      await repos.tenancy.createConnection({
        tenantId: tenant,
        storeId: store,
        provider: 'shipstation',
        baseUrl: 'http://127.0.0.1:1',
        credentials: { apiKey: 'k', apiSecret: 'sig-secret' },
        webhookSecret: 'webhook-secret',
        accountKey: ref,
      })
    ).id;
    const order = await repos.db.order.create({
      data: {
        storeId: store,
        externalId: '501',
        orderNumber: '1001',
        storeStatusId: 2,
        storeStatus: 'Shipped',
        currency: 'EUR',
        canonical: {
          orderNumber: '1001',
          createdAt: '2026-03-01T09:00:00Z',
          customer: { email: EMAIL },
        },
        createdAt: new Date('2026-03-01T09:00:05Z'),
      },
    });
    const event = await repos.db.inboxEvent.create({
      data: {
        connectionId: connection,
        provider: 'shipstation',
        topic: 'SHIP_NOTIFY',
        dedupKey: `${ref}-1`,
        payload: {
          resource_url: 'https://x',
          email: 'customer@example.fi',
          signature: 'sig-secret',
        },
        correlationId: `${ref}-corr`,
        receivedAt: new Date('2026-03-02T08:00:00Z'),
      },
    });
    await repos.audit.write({
      occurredAt: new Date('2026-03-02T08:00:00Z'),
      direction: 'inbound',
      kind: 'webhook',
      provider: 'shipstation',
      connectionId: connection,
      correlationId: `${ref}-corr`,
      orderRef: '501',
      endpoint: 'SHIP_NOTIFY',
      status: 202,
      metadata: { eventId: event.id },
    });
    await repos.audit.write({
      occurredAt: new Date('2026-03-01T09:01:00Z'),
      direction: 'outbound',
      kind: 'http',
      provider: 'shipstation',
      connectionId: connection,
      correlationId: `${ref}-export`,
      orderRef: '1001',
      method: 'POST',
      endpoint: '/orders/createorder',
      status: 200,
      durationMs: 120,
    });
    return { tenant, store, connection, order };
  }

  beforeAll(async () => {
    database = await createTestDatabase();
    repos = createRepos({ databaseUrl: database.url, encryptionKey: KEY });
    const a = await tenantWithOrder('Aalto');
    const b = await tenantWithOrder('Birch');
    [tenantA, tenantB, storeA, storeB] = [a.tenant, b.tenant, a.store, b.store];
    // A large body, referenced by a second webhook row: named in the story, not carried.
    const large = await repos.db.inboxEvent.create({
      data: {
        connectionId: a.connection,
        provider: 'shipstation',
        topic: 'ITEM_SHIP_NOTIFY',
        dedupKey: 'aalto-2',
        payload: { blob: 'x'.repeat(20_000) },
        correlationId: 'aalto-big',
        receivedAt: new Date('2026-03-02T09:00:00Z'),
      },
    });
    await repos.audit.write({
      direction: 'inbound',
      kind: 'webhook',
      provider: 'shipstation',
      connectionId: a.connection,
      orderRef: '1001',
      metadata: { eventId: large.id },
    });
    const shipment = await repos.db.shipment.create({
      data: {
        orderId: a.order.id,
        source: 'shipstation',
        sourceId: 's1',
        trackingNumber: 'JJFI1',
        carrierSlug: 'posti',
        raw: {},
      },
    });
    const tracking = await repos.trackings.claim({
      orderId: a.order.id,
      shipmentId: shipment.id,
      storeId: storeA,
      orderNumber: '1001',
      trackingNumber: 'JJFI1',
      slug: 'posti',
      carrierStatus: 'mapped',
      carrierCandidates: [],
      registration: 'pending',
      registrationNote: null,
      connectionId: null,
    });
    await repos.trackings.saveProgress(tracking.id, {
      checkpoints: [
        {
          identity: 'c1',
          event: sampleTrackingEvent('in_transit', '2026-03-02T10:00:00.000Z'),
          raw: {},
        },
        {
          identity: 'c2',
          event: sampleTrackingEvent('delivered', '2026-03-03T10:00:00.000Z'),
          raw: {},
        },
      ],
      anomalies: [],
      current: {
        status: 'delivered',
        subStatus: 'aftership:delivered',
        reason: null,
        actionRequired: false,
        occurredAt: new Date('2026-03-03T10:00:00.000Z'),
        mappingVersion: 'aftership.1',
      },
      seenAt: new Date(),
    });
    await repos.db.notification.create({
      data: {
        orderId: a.order.id,
        shipmentId: shipment.id,
        subjectKey: `shipment:${shipment.id}`,
        storeId: storeA,
        trigger: 'delivered',
        channel: 'email',
        state: 'sent',
        recipientHash: 'hash',
        recipientMasked: 'A***@example.fi',
        language: 'fi',
        sentAt: new Date('2026-03-03T10:05:00Z'),
      },
    });
    await repos.db.orderReturn.create({
      data: {
        storeId: storeA,
        orderId: a.order.id,
        source: 'bigcommerce',
        sourceRef: 'r1',
        state: 'received',
        refundState: 'refunded',
        refundTotal: '12.5000',
        refundedAt: new Date('2026-03-10T12:00:00Z'),
      },
    });
    const app = express();
    app.use((req, res, next) => {
      const tenantId = req.header('x-tenant');
      const principal: Principal = tenantId
        ? { kind: 'user', tenantId, userId: 'u', email: 'staff@example.fi', role: 'viewer' }
        : { kind: 'platform' };
      res.locals.principal = principal;
      next();
    });
    app.use(orderStoryApi({ repos }));
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
    ['no q', ''],
    ['an empty q', '?q=%20'],
    ['a limit of 0', '?q=1001&limit=0'],
    ['a limit that is no number', '?q=1001&limit=many'],
    ['a store id that is no UUID', '?q=1001&storeId=7'],
    ['an unknown parameter', '?q=1001&status=shipped'],
  ])('refuses a search with %s', async (_case, query) => {
    const answer = await call(tenantA, `/orders/search${query}`);
    expect([answer.status, answer.json.error]).toEqual([400, 'invalid_query']);
  });

  it('finds the tenant’s orders by number, e-mail and tracking number, never another’s', async () => {
    for (const q of ['1001', '10', encodeURIComponent(EMAIL.toUpperCase()), 'JJFI1']) {
      const { status, json } = await call(tenantA, `/orders/search?q=${q}`);
      expect(status).toBe(200);
      expect(json.items.map((item: { storeId: string }) => item.storeId)).toEqual([storeA]);
    }
    const { json } = await call(tenantA, `/orders/search?q=${encodeURIComponent(EMAIL)}`);
    expect(json.items).toEqual([
      {
        storeId: storeA,
        storeName: 'Aalto',
        orderNumber: '1001',
        status: 'Shipped',
        customerEmailMasked: 'A***@example.fi',
        placedAt: '2026-03-01T09:00:00.000Z',
        matchedBy: 'email',
      },
    ]);
    const foreign = await call(tenantA, `/orders/search?q=1001&storeId=${storeB}`);
    expect([foreign.status, foreign.json.error]).toEqual([404, 'unknown_store']);
    const operator = await call(null, '/orders/search?q=1001');
    expect(operator.json.items).toHaveLength(2);
  });

  it('404s a story of another tenant’s store or of an unknown order, 400s a bad store id', async () => {
    const foreign = await call(tenantA, `/stores/${storeB}/orders/1001/story`);
    expect([foreign.status, foreign.json.error]).toEqual([404, 'unknown_store']);
    const unknown = await call(tenantA, `/stores/${storeA}/orders/999/story`);
    expect([unknown.status, unknown.json.error]).toEqual([404, 'unknown_order']);
    const malformed = await call(tenantA, '/stores/nope/orders/1001/story');
    expect([malformed.status, malformed.json.error]).toEqual([400, 'invalid_parameter']);
  });

  it('tells the whole story of the order, in sections and as one chronological list', async () => {
    const { status, json, text } = await call(tenantA, `/stores/${storeA}/orders/1001/story`);
    expect(status).toBe(200);
    expect(json.order).toMatchObject({
      storeName: 'Aalto',
      orderNumber: '1001',
      customerEmailMasked: 'A***@example.fi',
    });
    expect(json.calls).toEqual([
      {
        at: '2026-03-01T09:01:00.000Z',
        direction: 'outbound',
        kind: 'http',
        provider: 'shipstation',
        method: 'POST',
        endpoint: '/orders/createorder',
        status: 200,
        durationMs: 120,
        error: null,
        correlationId: 'aalto-export',
      },
      expect.objectContaining({ kind: 'webhook', correlationId: 'aalto-corr' }),
      expect.objectContaining({ kind: 'webhook', endpoint: null }),
    ]);
    expect(
      json.events.map((e: { topic: string; payloadOmitted: boolean }) => [
        e.topic,
        e.payloadOmitted,
      ]),
    ).toEqual([
      ['SHIP_NOTIFY', false],
      ['ITEM_SHIP_NOTIFY', true],
    ]);
    expect(json.events[0].payload).toEqual({
      resource_url: 'https://x',
      email: '[redacted]',
      signature: '[redacted]',
    });
    expect(json.shipments).toEqual([
      expect.objectContaining({ trackingNumber: 'JJFI1', items: [] }),
    ]);
    expect(json.tracking).toEqual([
      expect.objectContaining({
        trackingNumber: 'JJFI1',
        status: 'delivered',
        checkpoints: expect.any(Array),
      }),
    ]);
    expect(json.tracking[0].checkpoints).toHaveLength(2);
    expect(json.notifications).toEqual([
      expect.objectContaining({
        channel: 'email',
        trigger: 'delivered',
        recipientMasked: 'A***@example.fi',
      }),
    ]);
    expect(json.returns).toEqual([
      expect.objectContaining({ refundState: 'refunded', refundTotal: '12.5' }),
    ]);
    const at = json.timeline.map((entry: { at: string }) => entry.at);
    expect(at).toEqual([...at].sort());
    expect(json.timeline[0]).toEqual({
      at: '2026-03-01T09:00:00.000Z',
      section: 'order',
      title: 'order placed',
      detail: 'A***@example.fi',
    });
    expect(json.timeline.map((entry: { section: string }) => entry.section)).toEqual(
      expect.arrayContaining(['call', 'event', 'shipment', 'tracking', 'notification', 'return']),
    );
    // Nothing of the other tenant's, no secret and no unmasked address.
    for (const leak of ['birch', 'sig-secret', 'webhook-secret', EMAIL, 'customer@example.fi']) {
      expect(text.toLowerCase()).not.toContain(leak.toLowerCase());
    }
  });

  it('lets each tenant read its own story only, and the operator any tenant’s', async () => {
    expect((await call(tenantB, `/stores/${storeA}/orders/1001/story`)).status).toBe(404);
    const own = await call(tenantB, `/stores/${storeB}/orders/1001/story`);
    const operator = await call(null, `/stores/${storeB}/orders/1001/story`);
    expect(operator.json).toEqual(own.json);
    expect(own.json.calls.map((c: { correlationId: string }) => c.correlationId)).toEqual([
      'birch-export',
      'birch-corr',
    ]);
    expect(own.json.tracking).toEqual([]);
  });
});
