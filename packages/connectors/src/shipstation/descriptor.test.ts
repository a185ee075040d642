import { digest } from '@shiplink/domain';
import type { WebhookConnection } from '../descriptor';
import type { ShipStationClient } from './client';
import { shipStation } from './descriptor';

const token = 'Zr4u-9qP1xv_Tt0Ld8mKc2wYh6sNe3Ba';
const connection: WebhookConnection = {
  id: '0b7d3c52-1a41-4c5e-9f0e-6d7a1b2c3d4e',
  baseUrl: 'https://ssapi.shipstation.com',
  webhookSecret: token,
  storeRef: 'abc123',
  settings: {},
};
const handler = shipStation.webhook!;
const batch = 'https://ssapi.shipstation.com/shipments?batchId=12345678&includeShipmentItems=True';
const pointer = (resourceUrl = batch, resourceType = 'SHIP_NOTIFY') =>
  JSON.stringify({ resource_url: resourceUrl, resource_type: resourceType });

const deliver = (body: string, pathSecret: string | undefined) =>
  handler.handle(
    { headers: {}, rawBody: Buffer.from(body), pathSecret, toleranceSec: 300 },
    connection,
  );

describe('shipStation webhook handler', () => {
  it('is reached with its secret in the path and deduplicates per connection', () => {
    expect(handler.secretInPath).toBe(true);
    expect(handler.dedupScope).toBe('connection');
  });

  it.each(['SHIP_NOTIFY', 'ITEM_SHIP_NOTIFY'])(
    'turns a %s pointer into available shipments',
    (type) => {
      expect(deliver(pointer(batch, type), token)).toEqual({
        ok: true,
        topic: type,
        eventRef: `${type}:${digest(batch)}`,
        payload: { resource_url: batch, resource_type: type },
        intent: { kind: 'shipments.available', batchRef: batch },
      });
    },
  );

  it.each(['ORDER_NOTIFY', 'FULFILLMENT_REJECTED'])('points %s at the orders it lists', (type) => {
    const orders = batch.replace('shipments', 'orders');
    expect(deliver(pointer(orders, type), token)).toMatchObject({
      ok: true,
      topic: type,
      intent: { kind: 'fulfilment-orders.available', batchRef: orders },
    });
  });

  it('records other events without asking for work', () => {
    const verdict = deliver(pointer(batch, 'ITEM_ORDER_NOTIFY'), token);
    expect(verdict).toMatchObject({ ok: true, topic: 'ITEM_ORDER_NOTIFY' });
    expect(verdict).not.toHaveProperty('intent');
  });

  it.each<[string, string, string | undefined, number, string]>([
    ['a wrong URL token', pointer(), 'wrong-token', 401, 'bad_token'],
    ['no URL token', pointer(), undefined, 401, 'bad_token'],
    ['an empty body', '', token, 400, 'malformed_json'],
    ['a body that is not JSON', 'resource_url=x', token, 400, 'malformed_json'],
    ['a body PostgreSQL cannot store', '{"x":"\\u0000"}', token, 422, 'unstorable_payload'],
    ['a body without a pointer', '{"resource_type":"SHIP_NOTIFY"}', token, 400, 'invalid_payload'],
    [
      'a pointer to another host',
      pointer('https://attacker.example/shipments?batchId=1'),
      token,
      400,
      'foreign_resource_url',
    ],
  ])('refuses %s', (_what, body, pathSecret, status, code) => {
    expect(deliver(body, pathSecret)).toMatchObject({ ok: false, status, code });
  });

  it('authenticates before it reads the body', () => {
    expect(deliver('not json', 'wrong-token')).toMatchObject({ status: 401, code: 'bad_token' });
  });
});

describe('shipStation secrets', () => {
  const credentials = { apiKey: 'key', apiSecret: 'secret' };

  it('generates a URL token and budgets per API key', () => {
    const first = shipStation.secrets(credentials, undefined);
    const second = shipStation.secrets(credentials, 'ignored-given-secret');
    expect(first).toMatchObject({ ok: true, accountKey: digest('key') });
    expect(first.ok && first.webhookSecret).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(second.ok && second.webhookSecret).not.toBe(first.ok && first.webhookSecret);
  });

  it('always generates a new token on rotation', () => {
    const rotated = shipStation.rotateSecret(credentials, 'given-by-someone');
    expect(rotated).toMatchObject({ ok: true });
    expect(rotated.ok && rotated.webhookSecret).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(rotated).not.toHaveProperty('credentials');
  });
});

describe('shipStation webhook registration', () => {
  const destination = `https://hub.example.org/webhooks/shipstation/c1/${token}`;
  const clientWith = (hooks: { event: string; url: string }[], subscribed: unknown[]) =>
    // Only the two webhook calls are used; the rest of the client is not needed here.
    ({
      listWebhooks: async () => hooks,
      subscribeWebhook: async (params: unknown) => {
        subscribed.push(params);
        return { id: 1 };
      },
    }) as unknown as ShipStationClient;

  it('subscribes shipments and rejections once each', async () => {
    const subscribed: unknown[] = [];
    const events = ['SHIP_NOTIFY', 'FULFILLMENT_REJECTED'];
    const fresh = await shipStation.registerWebhooks!(
      clientWith([], subscribed),
      destination,
      shipStation.settings.parse({}),
    );
    expect(fresh).toEqual({ registered: events, existing: [] });
    expect(subscribed).toEqual([
      { targetUrl: destination, event: 'SHIP_NOTIFY', friendlyName: 'Shiplink ship notify' },
      {
        targetUrl: destination,
        event: 'FULFILLMENT_REJECTED',
        friendlyName: 'Shiplink fulfillment rejected',
      },
    ]);
    const again = await shipStation.registerWebhooks!(
      clientWith(
        events.map((event) => ({ event, url: destination })),
        subscribed,
      ),
      destination,
      shipStation.settings.parse({}),
    );
    expect(again).toEqual({ registered: [], existing: events });
    expect(subscribed).toHaveLength(2);
  });
});
