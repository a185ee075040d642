import type { WebhookConnection } from '../descriptor';
import type { BigCommerceClient } from './client';
import { BIGCOMMERCE_WEBHOOK_SCOPES, bigCommerce } from './descriptor';
import { signBigCommerceWebhook } from './webhook';

const secret = 'app-client-secret';
const connection: WebhookConnection = {
  id: '6f1c1f0e-4f4e-4d55-9a53-1f1e0f3c2b10',
  baseUrl: 'https://api.bigcommerce.com',
  webhookSecret: secret,
  storeRef: 'abc123',
  settings: {},
};
const handler = bigCommerce.webhook!;

const envelope = (scope: string, data: Record<string, unknown>, extra = {}) =>
  JSON.stringify({
    scope,
    store_id: '1025646',
    data,
    hash: 'dd70c0976e06b67aaf671e73f49dcb79230ebf9d',
    created_at: Math.floor(Date.now() / 1_000),
    producer: 'stores/abc123',
    ...extra,
  });

const signed = (body: string, overrides: { timestamp?: number; secret?: string } = {}) =>
  signBigCommerceWebhook({
    id: 'msg_2b1',
    timestamp: overrides.timestamp ?? Date.now() / 1_000,
    body,
    secret: overrides.secret ?? secret,
  });

const deliver = (body: string, headers: Record<string, string> = signed(body)) =>
  handler.handle(
    { headers, rawBody: Buffer.from(body), pathSecret: undefined, toleranceSec: 300 },
    connection,
  );

describe('bigCommerce webhook handler', () => {
  it('is reached without a secret in the path and deduplicates per store', () => {
    expect(handler.secretInPath).toBe(false);
    expect(handler.dedupScope).toBe('store');
  });

  it('turns an order event into an order change, named by the delivery id', () => {
    const body = envelope('store/order/created', { type: 'order', id: 4017 });
    expect(deliver(body)).toEqual({
      ok: true,
      topic: 'store/order/created',
      eventRef: 'msg_2b1',
      payload: JSON.parse(body),
      orderRef: '4017',
      intent: { kind: 'order.changed', orderRef: '4017' },
    });
  });

  it.each([
    ['store/shipment/created', 'created'],
    ['store/shipment/updated', 'updated'],
  ] as const)('turns %s into a store shipment change', (scope, change) => {
    const verdict = deliver(envelope(scope, { type: 'shipment', id: 9, orderId: 4017 }));
    expect(verdict).toMatchObject({
      ok: true,
      topic: scope,
      orderRef: '4017',
      intent: { kind: 'store-shipment.changed', orderRef: '4017', shipmentRef: '9', change },
    });
  });

  it('records a deleted shipment for its order without asking for work', () => {
    const verdict = deliver(
      envelope('store/shipment/deleted', { type: 'shipment', id: 9, orderId: 4017 }),
    );
    expect(verdict).toMatchObject({ ok: true, topic: 'store/shipment/deleted', orderRef: '4017' });
    expect(verdict).not.toHaveProperty('intent');
  });

  it.each([
    ['store/product/created', { type: 'product', id: 5 }],
    ['store/product/updated', { type: 'product', id: 5 }],
    ['store/sku/created', { type: 'sku', id: 501, sku: { product_id: 5, variant_id: 75 } }],
    ['store/sku/updated', { type: 'sku', id: 501, sku: { product_id: 5, variant_id: 75 } }],
  ])('turns %s into a change of its product, with no order', (scope, data) => {
    const verdict = deliver(envelope(scope, data));
    expect(verdict).toMatchObject({
      ok: true,
      topic: scope,
      intent: { kind: 'product.changed', productRef: '5' },
    });
    expect(verdict).not.toHaveProperty('orderRef');
  });

  it('turns the app’s uninstall into the store leaving the hub, whatever its data', () => {
    for (const data of [{ type: 'store', id: 1025646 }, {}]) {
      const verdict = deliver(envelope('store/app/uninstalled', data));
      expect(verdict).toMatchObject({
        ok: true,
        topic: 'store/app/uninstalled',
        intent: { kind: 'store.uninstalled' },
      });
      expect(verdict).not.toHaveProperty('orderRef');
    }
  });

  it('refuses an uninstall signed for another app or naming another store', () => {
    const body = envelope('store/app/uninstalled', {});
    expect(deliver(body, signed(body, { secret: 'other-app' }))).toMatchObject({ status: 401 });
    const elsewhere = envelope('store/app/uninstalled', {}, { producer: 'stores/zzz999' });
    expect(deliver(elsewhere)).toMatchObject({ status: 400, code: 'store_mismatch' });
  });

  it('records a scope it does not act on, with no order and no work', () => {
    const verdict = deliver(
      envelope('store/product/inventory/updated', {
        type: 'product',
        id: 5,
        inventory: { product_id: 5, method: 'absolute', value: 3 },
      }),
    );
    expect(verdict).toMatchObject({ ok: true, topic: 'store/product/inventory/updated' });
    expect(verdict).not.toHaveProperty('intent');
    expect(verdict).not.toHaveProperty('orderRef');
  });

  const order = envelope('store/order/created', { type: 'order', id: 4017 });
  it.each<[string, string, Record<string, string> | undefined, number, string]>([
    ['no signature headers', order, {}, 401, 'missing_headers'],
    ['a signature of another secret', order, signed(order, { secret: 'x' }), 401, 'bad_signature'],
    [
      'a stale timestamp',
      order,
      signed(order, { timestamp: Date.now() / 1_000 - 3_600 }),
      401,
      'stale_timestamp',
    ],
    ['an empty body', '', undefined, 400, 'malformed_json'],
    ['a body that is not JSON', '{"scope": ', undefined, 400, 'malformed_json'],
    [
      'a body PostgreSQL cannot store',
      '{"note":"nul \\u0000"}',
      undefined,
      422,
      'unstorable_payload',
    ],
    ['a body that is not an event', '{"hello":1}', undefined, 400, 'invalid_payload'],
    [
      'order data without an id',
      envelope('store/order/created', { type: 'order' }),
      undefined,
      400,
      'invalid_payload',
    ],
    [
      'an event of another store',
      envelope('store/order/created', { type: 'order', id: 1 }, { producer: 'stores/zzz999' }),
      undefined,
      400,
      'store_mismatch',
    ],
  ])('refuses %s', (_what, body, headers, status, code) => {
    expect(deliver(body, headers ?? signed(body))).toMatchObject({ ok: false, status, code });
  });

  it('says what in the envelope is wrong', () => {
    const verdict = deliver(envelope('store/order/created', { type: 'order', id: -1 }));
    expect(verdict).toMatchObject({ ok: false, message: 'not a BigCommerce webhook' });
    expect(verdict.ok === false && verdict.details).toEqual([expect.stringMatching(/^data\.id: /)]);
  });
});

describe('bigCommerce secrets', () => {
  const credentials = { storeHash: 'abc123', accessToken: 'token', clientSecret: 'client' };

  it('signs with the app client secret and budgets per store', () => {
    expect(bigCommerce.secrets(credentials, undefined)).toEqual({
      ok: true,
      webhookSecret: 'client',
      accountKey: 'abc123',
    });
  });

  it('rotates to the secret given, which is also the new client secret', () => {
    expect(bigCommerce.rotateSecret(credentials, 'new-client-secret')).toEqual({
      ok: true,
      webhookSecret: 'new-client-secret',
      credentials: { ...credentials, clientSecret: 'new-client-secret' },
    });
    expect(bigCommerce.rotateSecret(credentials, undefined)).toMatchObject({ ok: false });
  });
});

describe('bigCommerce webhook registration', () => {
  const destination = 'https://hub.example.org/webhooks/bigcommerce/c1';

  const hooks = [
    { id: 1, scope: 'store/order/created', destination, is_active: true },
    {
      id: 2,
      scope: 'store/order/updated',
      destination: 'https://elsewhere.example.org/',
      is_active: true,
    },
    { id: 3, scope: 'store/shipment/created', destination, is_active: false },
  ];

  it('creates the hooks that are missing, revives deactivated ones, and reports the rest', async () => {
    const created: unknown[] = [];
    const revived: unknown[] = [];
    const client = {
      listHooks: async () => hooks,
      createHook: async (hook: unknown) => {
        created.push(hook);
      },
      updateHook: async (id: number, patch: unknown) => {
        revived.push({ id, patch });
      },
    };
    // Only the hook calls are used; the rest of the client is not needed here.
    const result = await bigCommerce.registerWebhooks!(
      client as unknown as BigCommerceClient,
      destination,
      bigCommerce.settings.parse({}),
    );
    expect(result.existing).toEqual(['store/order/created']);
    expect(result.registered).toContain('store/app/uninstalled');
    expect(result.registered).toEqual(
      BIGCOMMERCE_WEBHOOK_SCOPES.filter((scope) => scope !== 'store/order/created'),
    );
    expect(created).toContainEqual({ scope: 'store/order/updated', destination, is_active: true });
    expect(revived).toEqual([{ id: 3, patch: { is_active: true } }]);
  });

  it('reports which subscriptions are live for the health view', async () => {
    const client = { listHooks: async () => hooks } as unknown as BigCommerceClient;
    const health = await bigCommerce.webhookHealth!(
      client,
      destination,
      bigCommerce.settings.parse({}),
    );
    expect(health.present).toEqual(['store/order/created']);
    expect(health.missing).toContain('store/shipment/created');
    expect(health.missing).toContain('store/order/updated');
    expect(health.expected).toEqual([...BIGCOMMERCE_WEBHOOK_SCOPES]);
  });
});
