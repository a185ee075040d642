import { randomUUID } from 'node:crypto';
import { signBigCommerceWebhook } from '@shiplink/connectors/bigcommerce';
import { startWorld, type TestWorld } from '@shiplink/test-world';

/** Bad deliveries get the right 4xx with a reason, are recorded, and nothing is enqueued. */
describe('ingress refuses bad input', () => {
  let world: TestWorld;
  let secret: string;
  let bcUrl: string;
  let ssUrl: string;

  beforeAll(async () => {
    world = await startWorld({ workers: [] });
    const connection = await world.hub.platform.repos.tenancy.findConnection(
      world.setup.connections.bigcommerce.id,
    );
    secret = connection!.webhookSecret;
    bcUrl = world.setup.connections.bigcommerce.webhookUrl;
    ssUrl = world.setup.fulfilment.webhookUrl;
  });

  afterAll(async () => {
    await world?.close();
  });

  const orderEvent = (id = 42) =>
    JSON.stringify({
      scope: 'store/order/created',
      store_id: '1001',
      data: { type: 'order', id },
      hash: 'f0c1a2',
      created_at: Math.floor(Date.now() / 1000),
      producer: `stores/${world.storeHash}`,
    });

  const post = async (url: string, body: string | Buffer, headers: Record<string, string> = {}) => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body,
    });
    return {
      status: response.status,
      body: (await response.json()) as { error?: string; status?: string },
    };
  };

  const signed = (body: string, overrides: { timestamp?: number; secret?: string } = {}) =>
    signBigCommerceWebhook({
      id: `msg_${randomUUID()}`,
      timestamp: overrides.timestamp ?? Date.now() / 1000,
      body,
      secret: overrides.secret ?? secret,
    });

  // Jobs that events turned into (the delta polls' scheduled jobs are not events).
  const queued = async () => {
    const jobs = await Promise.all(
      (['orders', 'shipments'] as const).map((q) => world.hub.platform.producer.queue(q).getJobs()),
    );
    return jobs.flat().filter((job) => !job.name.endsWith('.poll')).length;
  };

  it.each([
    [
      'a bad signature',
      () => ({ body: orderEvent(), headers: signed(orderEvent(), { secret: 'not-the-secret' }) }),
      401,
      'bad_signature',
    ],
    [
      'a stale timestamp',
      () => ({
        body: orderEvent(),
        headers: signed(orderEvent(), { timestamp: Date.now() / 1000 - 3_600 }),
      }),
      401,
      'stale_timestamp',
    ],
    ['no signature headers', () => ({ body: orderEvent(), headers: {} }), 401, 'missing_headers'],
    [
      'a malformed body',
      () => ({ body: '{"scope": ', headers: signed('{"scope": ') }),
      400,
      'malformed_json',
    ],
    [
      'a body that is not a BigCommerce event',
      () => ({ body: '{"hello":1}', headers: signed('{"hello":1}') }),
      400,
      'invalid_payload',
    ],
  ])('answers %s with the right 4xx', async (_what, make, status, error) => {
    const { body, headers } = make();
    const response = await post(bcUrl, body, headers);
    expect(response).toEqual({ status, body: expect.objectContaining({ error }) });
  });

  it('answers an unknown connection with 404', async () => {
    const body = orderEvent();
    const response = await post(bcUrl.replace(/[0-9a-f-]{36}$/, randomUUID()), body, signed(body));
    expect(response).toEqual({
      status: 404,
      body: expect.objectContaining({ error: 'unknown_connection' }),
    });
  });

  it('answers an oversized body with 413', async () => {
    const body = JSON.stringify({ padding: 'x'.repeat(300 * 1024) });
    const response = await post(bcUrl, body, signed(body));
    expect(response).toEqual({
      status: 413,
      body: expect.objectContaining({ error: 'payload_too_large' }),
    });
  });

  it('refuses a ShipStation call with the wrong URL token or a foreign resource_url', async () => {
    const pointer = (url: string) =>
      JSON.stringify({ resource_url: url, resource_type: 'SHIP_NOTIFY' });
    const good = `${world.simulators.urls.shipstation}/shipments?batchId=1`;
    expect((await post(ssUrl.replace(/[^/]+$/, 'wrong-token'), pointer(good))).status).toBe(401);
    const foreign = await post(ssUrl, pointer('https://attacker.example/shipments?batchId=1'));
    expect(foreign).toEqual({
      status: 400,
      body: expect.objectContaining({ error: 'foreign_resource_url' }),
    });
  });

  it('enqueued nothing and recorded every refusal', async () => {
    expect(await queued()).toBe(0);
    const { repos } = world.hub.platform;
    await repos.audit.flush();
    const refused = await repos.audit.recent({ kind: 'webhook.rejected' });
    expect(refused.length).toBeGreaterThanOrEqual(7);
    expect(await repos.db.inboxEvent.count()).toBe(0);
  });

  it('accepts a good event once and answers its duplicates 200 without a second job', async () => {
    const body = orderEvent(7);
    const headers = signed(body);
    const first = await post(bcUrl, body, headers);
    const again = await Promise.all([post(bcUrl, body, headers), post(bcUrl, body, headers)]);
    expect(first).toEqual({ status: 202, body: expect.objectContaining({ status: 'accepted' }) });
    expect(again.map((r) => r.status)).toEqual([200, 200]);
    expect(await queued()).toBe(1);
  });
});
