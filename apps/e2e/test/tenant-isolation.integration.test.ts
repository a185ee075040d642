import { waitFor } from '@shiplink/testing';
import {
  badAddressOrder,
  ConsoleSession,
  multiLineOrder,
  startTrackingWorld,
  type TestWorld,
  type TrackingHelpers,
} from '@shiplink/test-world';

const PASSWORD = 'correct horse battery staple';

/**
 * Two tenants on one hub: the world's (a store with orders, parcels, connections and a dead
 * letter) and another with its own owner. The other tenant's valid credentials — a session or
 * an API token — never see the first tenant's rows: every one is "not found".
 */
describe('tenant isolation, users, tokens and sessions', () => {
  let world: TestWorld;
  let t: TrackingHelpers;
  let operator: ConsoleSession;
  let owner: ConsoleSession;
  let otherTenantId: string;
  let otherStoreId: string;
  let mine: { orderNumber: string; trackingNumber: string; deadLetterId: string };

  beforeAll(async () => {
    ({ world, t } = await startTrackingWorld());
    const url = world.hub.ingressUrl;
    operator = ConsoleSession.withToken(url, world.hub.env.ADMIN_TOKEN);
    otherTenantId = (await operator.post('/admin/api/tenants', { name: 'Other Co' })).body.id;
    otherStoreId = (
      await operator.post(`/admin/api/tenants/${otherTenantId}/stores`, {
        name: 'Other store',
        platform: 'bigcommerce',
        externalRef: 'other1234',
      })
    ).body.id;
    const created = await operator.post(`/admin/api/users?tenantId=${otherTenantId}`, {
      email: 'Owner@Other.example',
      role: 'owner',
      password: PASSWORD,
    });
    expect(created.status).toBe(201);
    owner = await ConsoleSession.signIn(url, { email: 'owner@other.example', password: PASSWORD });

    const { orderNumber, trackingNumber } = await t.shippedInStore(multiLineOrder());
    const bad = await world.placeOrder(badAddressOrder());
    const letter = await waitFor(async () =>
      (await world.admin.deadLetters()).find((d) => d.jobId.includes(`.${bad}.`)),
    );
    mine = { orderNumber, trackingNumber, deadLetterId: letter.id };
  }, 90_000);

  afterAll(() => world?.close());

  const firstTenantPaths = () => [
    `/admin/api/stores/${world.setup.storeId}`,
    `/admin/api/stores/${world.setup.storeId}/connections`,
    `/admin/api/stores/${world.setup.storeId}/sku-mappings`,
    `/admin/api/stores/${world.setup.storeId}/reviews`,
    `/admin/api/stores/${world.setup.storeId}/returns`,
    `/admin/api/connections/${world.setup.connections.bigcommerce.id}`,
    `/admin/api/connections/${world.setup.connections.bigcommerce.id}/health`,
    `/admin/api/orders/${mine.orderNumber}`,
    `/admin/api/orders/${mine.orderNumber}/timeline`,
    `/admin/api/trackings/${mine.trackingNumber}`,
    `/admin/api/dead-letters/${mine.deadLetterId}`,
  ];

  it("answers 404 for every one of the first tenant's rows, and the operator sees them", async () => {
    for (const path of firstTenantPaths()) {
      expect([path, (await operator.get(path)).status]).toEqual([path, 200]);
      const answer = await owner.get(path);
      expect([path, answer.status]).toEqual([path, 404]);
    }
    const token = await owner.post('/admin/api/tokens', { name: 'ci', scopes: ['read'] });
    const reader = ConsoleSession.withToken(world.hub.ingressUrl, token.body.token);
    for (const path of firstTenantPaths()) {
      expect([path, (await reader.get(path)).status]).toEqual([path, 404]);
    }
  });

  it('lists only the caller’s own stores and dead letters, and replays none of another’s', async () => {
    const stores = (await owner.get('/admin/api/stores')).body as { id: string }[];
    expect(stores.map((s) => s.id)).toEqual([otherStoreId]);
    const letters = await owner.get('/admin/api/dead-letters');
    expect(letters.body).toEqual({ items: [], total: 0 });
    const replay = await owner.post('/admin/api/dead-letters/replay', {
      ids: [mine.deadLetterId],
      dryRun: false,
    });
    expect(replay.body).toMatchObject({ matched: 0, replayed: 0 });
    const changes = [
      ['PUT', `/admin/api/stores/${world.setup.storeId}/settings`, {}],
      ['POST', `/admin/api/connections/${world.setup.connections.bigcommerce.id}/webhooks`, {}],
      ['POST', `/admin/api/tenants/${world.setup.tenantId}/stores`, {}],
    ] as const;
    for (const [method, path, payload] of changes) {
      expect([path, (await owner.call(method, path, payload)).status]).toEqual([path, 404]);
    }
    // The operator's list holds the first tenant's dead letter.
    const all = await operator.get('/admin/api/dead-letters?queue=orders');
    expect(all.body.items.map((d: { id: string }) => d.id)).toContain(mine.deadLetterId);
  });

  it('holds roles and token scopes: viewers and read tokens read, only owners manage people', async () => {
    const url = world.hub.ingressUrl;
    await owner.post('/admin/api/users', {
      email: 'viewer@other.example',
      role: 'viewer',
      password: PASSWORD,
    });
    const viewer = await ConsoleSession.signIn(url, {
      email: 'viewer@other.example',
      password: PASSWORD,
    });
    expect((await viewer.get('/admin/api/stores')).status).toBe(200);
    const refused = await viewer.post('/admin/api/dead-letters/replay', { ids: [], dryRun: true });
    expect(refused.status).toBe(403);
    expect((await viewer.get('/admin/api/users')).status).toBe(403);
    const token = await owner.post('/admin/api/tokens', { name: 'reader', scopes: ['read'] });
    expect(token.status).toBe(201);
    expect(token.body.token).toMatch(/^slk_/);
    const listed = await owner.get('/admin/api/tokens');
    expect(JSON.stringify(listed.body)).not.toContain(token.body.token);
    const reader = ConsoleSession.withToken(url, token.body.token);
    expect((await reader.post(`/admin/api/stores/${otherStoreId}/checkout-key`)).status).toBe(403);
    expect((await reader.get('/admin/api/tokens')).status).toBe(403);
    expect((await owner.call('DELETE', `/admin/api/tokens/${token.body.id}`)).status).toBe(204);
    expect((await reader.get('/admin/api/stores')).status).toBe(401);
    // Only the operator makes tenants and looks at raw queues.
    expect((await owner.post('/admin/api/tenants', { name: 'x' })).status).toBe(403);
    expect((await owner.get('/admin/api/queues/orders/dead-letters')).status).toBe(403);
  });

  it('needs the CSRF token for changes made with the cookie, and ends sessions on sign-out', async () => {
    const url = world.hub.ingressUrl;
    const session = await ConsoleSession.signIn(url, {
      email: 'owner@other.example',
      password: PASSWORD,
    });
    const forged = await session.call(
      'POST',
      '/admin/api/tokens',
      { name: 'x', scopes: ['read'] },
      { csrf: false },
    );
    expect(forged.status).toBe(403);
    expect(forged.body.error).toBe('csrf_failed');
    expect((await session.get('/console/api/session')).body.principal).toMatchObject({
      kind: 'user',
      role: 'owner',
      tenantId: otherTenantId,
    });
    expect((await session.call('DELETE', '/console/api/session')).status).toBe(204);
    expect((await session.get('/admin/api/stores')).status).toBe(401);
  });

  it('answers a wrong password and an unknown e-mail alike', async () => {
    const attempt = (email: string) =>
      fetch(`${world.hub.ingressUrl}/console/api/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password: 'not the password at all' }),
      });
    const wrong = await attempt('owner@other.example');
    const unknown = await attempt('nobody@other.example');
    expect([wrong.status, unknown.status]).toEqual([401, 401]);
    expect(await wrong.text()).toBe(await unknown.text());
  });

  it('logs who changed what, for the tenant it concerns only', async () => {
    const actions = (await owner.get('/admin/api/admin-actions')).body as {
      actorLabel: string;
      action: string;
    }[];
    expect(actions).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          actorLabel: 'owner@other.example',
          action: 'POST /admin/api/tokens',
        }),
        expect.objectContaining({
          actorLabel: 'platform operator',
          action: 'POST /admin/api/users',
        }),
      ]),
    );
    expect(actions.some((a) => a.action.includes('/webhooks'))).toBe(false);
  });
});
