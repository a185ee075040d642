import { randomUUID } from 'node:crypto';
import { signBigCommerceWebhook } from '@shiplink/connectors/bigcommerce';
import { inboxDedupKey } from '@shiplink/domain';
import { startWorld, type TestWorld } from '@shiplink/test-world';

interface Answer {
  status: number;
  body: { error?: string; message?: string } & Record<string, unknown>;
  retryAfter: string | null;
}

/**
 * What a hostile or careless caller can do to the ingress: ids that are not ids, bodies that
 * cannot be stored, names with NULs, duplicate connections, secrets read back, base URLs that
 * are not provider APIs. Each gets a 4xx with a reason; valid neighbours are not affected.
 */
describe('ingress hardening', () => {
  let world: TestWorld;
  let secret: string;

  beforeAll(async () => {
    world = await startWorld({ workers: [] });
    const connection = await world.hub.platform.repos.tenancy.findConnection(
      world.setup.connections.bigcommerce.id,
    );
    secret = connection!.webhookSecret;
  });

  afterAll(async () => {
    await world?.close();
  });

  async function call(
    method: string,
    url: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Answer> {
    const response = await fetch(url, {
      method,
      headers: { 'content-type': 'application/json', ...headers },
      ...(body === undefined || method === 'GET'
        ? {}
        : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
    });
    const text = await response.text();
    return {
      status: response.status,
      body: text ? (JSON.parse(text) as Answer['body']) : {},
      retryAfter: response.headers.get('retry-after'),
    };
  }
  const admin = (method: string, path: string, body?: unknown) =>
    call(method, `${world.hub.ingressUrl}/admin/api${path}`, body, {
      authorization: `Bearer ${world.hub.env.ADMIN_TOKEN}`,
    });

  const signedOrderEvent = (raw: string, id = `wh-${randomUUID()}`) => ({
    'content-type': 'application/json',
    ...signBigCommerceWebhook({ id, timestamp: Date.now() / 1000, body: raw, secret }),
  });
  const orderEvent = (orderId: number, extra: Record<string, unknown> = {}) =>
    JSON.stringify({
      scope: 'store/order/created',
      store_id: '1001',
      data: { type: 'order', id: orderId },
      hash: randomUUID(),
      created_at: Math.floor(Date.now() / 1000),
      producer: `stores/${world.storeHash}`,
      ...extra,
    });

  it.each(['-'.repeat(36), 'a'.repeat(36), 'ZZZZZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZZZZZZZZZ', '%00'])(
    'answers webhooks for connection id %j with 404, before the database',
    async (id) => {
      for (const path of [
        `/webhooks/bigcommerce/${id}`,
        `/webhooks/aftership/${id}`,
        `/webhooks/shipstation/${id}/token`,
      ]) {
        const answer = await call('POST', `${world.hub.ingressUrl}${path}`, '{}');
        expect([path, answer.status, answer.body.error]).toEqual([path, 404, 'unknown_connection']);
      }
    },
  );

  it.each([
    ['GET', `/connections/${'-'.repeat(36)}`],
    ['GET', `/connections/${'a'.repeat(36)}`],
    ['POST', `/connections/${'a'.repeat(36)}/webhooks`],
    ['POST', `/tenants/not-a-tenant/stores`],
    ['PUT', `/stores/${'-'.repeat(36)}/settings`],
    ['POST', `/stores/12345/connections`],
  ])('answers admin %s %s with 400 invalid_parameter', async (method, path) => {
    const answer = await admin(method, path, {});
    expect(answer.status).toBe(400);
    expect(answer.body.error).toBe('invalid_parameter');
  });

  it('refuses names with control characters and bodies that cannot be stored', async () => {
    const bell = await admin('POST', '/tenants', { name: 'Trail\u0007head' });
    expect([bell.status, bell.body.error]).toEqual([400, 'invalid_request']);
    const nul = await admin('POST', '/tenants', { name: 'Trail\u0000head' });
    expect([nul.status, nul.body.error]).toEqual([422, 'unstorable_payload']);
    const surrogate = await call(
      'POST',
      `${world.hub.ingressUrl}/admin/api/tenants`,
      '{"name":"ok","note":"\\ud800"}',
      { authorization: `Bearer ${world.hub.env.ADMIN_TOKEN}` },
    );
    expect([surrogate.status, surrogate.body.error]).toEqual([422, 'unstorable_payload']);
  });

  it('answers a second connection of the same provider with 409', async () => {
    const answer = await admin('POST', `/stores/${world.setup.storeId}/connections`, {
      provider: 'shipstation',
      baseUrl: 'http://127.0.0.1:9',
      credentials: { apiKey: 'k', apiSecret: 's' },
    });
    expect([answer.status, answer.body.error]).toEqual([409, 'connection_exists']);
  });

  it.each([
    ['file:///etc/passwd', /https/],
    ['http://example.com', /plain http/],
    ['https://169.254.169.254', /private/],
    ['https://user:pw@api.example.com', /credentials/],
  ])('refuses base URL %s', async (baseUrl, reason) => {
    const tenant = await admin('POST', '/tenants', { name: 'Base URL check' });
    const store = await admin('POST', `/tenants/${tenant.body.id as string}/stores`, {
      name: 'Base URL check',
      platform: 'bigcommerce',
      externalRef: `b${randomUUID().replace(/-/g, '').slice(0, 10)}`,
    });
    const answer = await admin('POST', `/stores/${store.body.id as string}/connections`, {
      provider: 'shipstation',
      baseUrl,
      credentials: { apiKey: 'k', apiSecret: 's' },
    });
    expect([answer.status, answer.body.error]).toEqual([400, 'invalid_base_url']);
    expect(answer.body.message).toMatch(reason);
  });

  it("reports a provider's refusal during webhook registration as a bad gateway", async () => {
    const tenant = await admin('POST', '/tenants', { name: 'Wrong token' });
    const storeHash = `w${randomUUID().replace(/-/g, '').slice(0, 10)}`;
    const store = await admin('POST', `/tenants/${tenant.body.id as string}/stores`, {
      name: 'Wrong token',
      platform: 'bigcommerce',
      externalRef: storeHash,
    });
    await world.bigcommerce.post('/stores', {
      hash: storeHash,
      accessToken: 'the-right-token',
      clientSecret: 'client-secret',
    });
    const connection = await admin('POST', `/stores/${store.body.id as string}/connections`, {
      provider: 'bigcommerce',
      baseUrl: world.simulators.urls.bigcommerce,
      credentials: { storeHash, accessToken: 'a-wrong-token', clientSecret: 'client-secret' },
    });
    const answer = await admin('POST', `/connections/${connection.body.id as string}/webhooks`);
    expect(answer.status).toBe(502);
    expect(answer.body.error).toBe('provider_error');
    expect(answer.body.details).toMatchObject({ provider: 'bigcommerce', status: 401 });
  });

  it('shows a webhook secret once, at creation and rotation, and a fingerprint otherwise', async () => {
    const id = world.setup.fulfilment.id;
    const read = await admin('GET', `/connections/${id}`);
    const webhook = read.body.webhook as Record<string, string>;
    expect(webhook.secret).toBeUndefined();
    expect(webhook.secretFingerprint).toMatch(/^sha256:[0-9a-f]{16}$/);
    expect(webhook.url).toMatch(/\/\{secret\}$/);
    const oldUrl = world.setup.fulfilment.webhookUrl;
    expect(JSON.stringify(read.body)).not.toContain(oldUrl.split('/').pop());

    const rotated = await admin('POST', `/connections/${id}/webhook-secret`, {});
    const fresh = rotated.body.webhook as Record<string, string>;
    expect(fresh.secret).toHaveLength(32);
    expect(fresh.url).toBe(oldUrl.replace(/[^/]+$/, fresh.secret!));
    expect(fresh.secretFingerprint).not.toBe(webhook.secretFingerprint);
    const pointer = {
      resource_url: `${world.simulators.urls.shipstation}/shipments`,
      resource_type: 'SHIP_NOTIFY',
    };
    expect((await call('POST', oldUrl, pointer)).status).toBe(401);
    expect((await call('POST', fresh.url!, pointer)).status).toBe(202);
    world.setup.fulfilment.webhookUrl = fresh.url!;
  });

  it('refuses an unstorable body on its own; valid deliveries in the same burst are accepted', async () => {
    const poisons = [
      orderEvent(900_001, { note: 'nul \u0000 here' }),
      orderEvent(900_002).replace('"hash":"', '"hash":"\\ud800'),
      orderEvent(900_003).replace(
        '"hash":',
        `"deep":${'['.repeat(5_000)}${']'.repeat(5_000)},"hash":`,
      ),
    ];
    const valid = Array.from({ length: 40 }, (_, i) => orderEvent(800_000 + i));
    const url = world.setup.connections.bigcommerce.webhookUrl;
    const answers = await Promise.all(
      [...valid, ...poisons].map((raw) => call('POST', url, raw, signedOrderEvent(raw))),
    );
    expect(answers.slice(0, valid.length).map((a) => a.status)).toEqual(valid.map(() => 202));
    expect(answers.slice(valid.length).map((a) => [a.status, a.body.error])).toEqual(
      poisons.map(() => [422, 'unstorable_payload']),
    );
  });

  it('isolates a row the database refuses from the rows committed with it', async () => {
    const { inbox } = world.hub.platform.repos;
    const event = (payload: unknown) => ({
      connectionId: world.setup.connections.bigcommerce.id,
      provider: 'bigcommerce' as const,
      topic: 'store/order/created',
      dedupKey: inboxDedupKey('bigcommerce', world.storeHash, randomUUID()),
      payload,
      correlationId: randomUUID(),
    });
    const results = await Promise.allSettled([
      inbox.record(event({ ok: 1 })),
      inbox.record(event({ bad: '\u0000' })),
      inbox.record(event({ ok: 2 })),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
  });

  it('answers a 200,000-character event type at once, and stays responsive', async () => {
    const started = Date.now();
    const answer = await call('POST', world.setup.fulfilment.webhookUrl, {
      resource_url: `${world.simulators.urls.shipstation}/shipments?batchId=1`,
      resource_type: 'X'.repeat(200_000),
    });
    expect(answer.status).toBe(400);
    const health = await call('GET', `${world.hub.ingressUrl}/healthz`);
    expect(health.status).toBe(200);
    expect(Date.now() - started).toBeLessThan(5_000);
    await world.hub.platform.repos.audit.flush();
  });

  it('schedules no polls when the scheduler is off', async () => {
    // The test world runs with SCHEDULER_ENABLED=false; creating connections scheduled nothing.
    const { producer } = world.hub.platform;
    for (const queue of ['orders', 'shipments', 'tracking'] as const) {
      expect(await producer.queue(queue).getJobSchedulers()).toEqual([]);
    }
  });
});
