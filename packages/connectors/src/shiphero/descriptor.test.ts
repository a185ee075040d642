import type { WebhookConnection, WebhookHandler } from '../descriptor';
import { shipHero } from './descriptor';

function webhookHandler(): WebhookHandler {
  if (!shipHero.webhook) throw new Error('ShipHero delivers webhooks');
  return shipHero.webhook;
}
const handler = webhookHandler();
import { twoBoxShipment } from './fixtures/shipments';
import { packagesOf } from './ports';
import { signShipHeroWebhook } from './webhook';

const SECRET = 'shared-signature-secret-1';
const connection: WebhookConnection = {
  id: '00000000-0000-4000-8000-000000000001',
  baseUrl: 'https://public-api.shiphero.com',
  webhookSecret: 'shop-api-secret-xyz',
  storeRef: 'abc123',
  settings: {},
  credentials: {
    accessToken: 'access-token-000',
    refreshToken: 'refresh-token-000',
    webhookSecrets: { 'Shipment Update': SECRET },
  },
};

const shipmentUpdate = {
  test: '0',
  webhook_type: 'Shipment Update',
  fulfillment: {
    shipment_id: 315518042,
    shipment_uuid: 'U2hpcG1lbnQ6MzE1NTE4MDQy',
    partner_order_id: 'bc-abc123-100',
    order_number: '100',
    packages: [],
    line_items: [],
  },
};

function deliver(body: unknown, headers: Record<string, string> = {}, secret = SECRET) {
  const rawBody = Buffer.from(JSON.stringify(body));
  return handler.handle(
    {
      headers: { 'x-shiphero-hmac-sha256': signShipHeroWebhook(rawBody, secret), ...headers },
      rawBody,
      pathSecret: undefined,
      toleranceSec: 300,
    },
    connection,
  );
}

describe('ShipHero webhook handler', () => {
  it('turns a signed Shipment Update into the shipment it points at, deduplicated by message id', () => {
    expect(deliver(shipmentUpdate, { 'x-shiphero-message-id': 'msg-1' })).toMatchObject({
      ok: true,
      topic: 'Shipment Update',
      eventRef: 'msg-1',
      orderRef: 'bc-abc123-100',
      intent: { kind: 'shipments.available', batchRef: 'U2hpcG1lbnQ6MzE1NTE4MDQy' },
    });
  });

  it('falls back to the legacy id, and to the content as the event id', () => {
    const { shipment_uuid: _uuid, ...legacy } = shipmentUpdate.fulfillment;
    const verdict = deliver({ ...shipmentUpdate, fulfillment: legacy });
    expect(verdict).toMatchObject({
      ok: true,
      intent: { batchRef: 'legacy-shipment:315518042' },
    });
    expect(verdict.ok && verdict.eventRef).toMatch(/^Shipment Update:[0-9a-f]{16,}/);
    expect(deliver({ ...shipmentUpdate, fulfillment: legacy })).toEqual(verdict);
  });

  it('accepts the shop’s API secret, which older webhooks sign with', () => {
    expect(deliver(shipmentUpdate, {}, connection.webhookSecret)).toMatchObject({ ok: true });
  });

  it.each([
    ['a wrong secret', () => deliver(shipmentUpdate, {}, 'someone-else'), 401],
    ['no signature', () => deliver(shipmentUpdate, { 'x-shiphero-hmac-sha256': '' }), 401],
    ['a body without webhook_type', () => deliver({ hello: 'world' }), 400],
    [
      'a Shipment Update without fulfillment',
      () => deliver({ webhook_type: 'Shipment Update' }),
      400,
    ],
  ])('refuses %s', (_what, send, status) => {
    expect(send()).toMatchObject({ ok: false, status });
  });

  it('records other webhook types without work, and answers as ShipHero expects', () => {
    expect(deliver({ webhook_type: 'Inventory Update', inventory: [] })).toEqual(
      expect.objectContaining({ ok: true, topic: 'Inventory Update' }),
    );
    expect(deliver({ webhook_type: 'Inventory Update', inventory: [] })).not.toHaveProperty(
      'intent',
    );
    expect(handler.acknowledgement).toEqual({
      status: 200,
      body: { code: '200', Status: 'Success' },
    });
  });
});

describe('ShipHero packages as store shipments', () => {
  const shipment = twoBoxShipment;

  it('gives one shipment per package, each with its own items, carrier and tracking', () => {
    const packages = packagesOf(shipment);
    expect(packages.map((p) => [p.sourceId, p.trackingNumber, p.carrierSlug, p.items])).toEqual([
      ['L1', '1Z1', 'ups', [{ lineRef: '11', sku: 'MUG', quantity: 1 }]],
      ['L2', '9400', 'usps', [{ lineRef: '12', sku: 'TEE', quantity: 2 }]],
    ]);
    expect(packages[0]).toMatchObject({
      orderKey: 'bc-abc123-100',
      fulfilmentOrderId: 'T3JkZXI6MQ==',
    });
  });

  it('puts every item in the only package when there is one', () => {
    const single = { ...shipment, shipping_labels: [shipment.shipping_labels[0]!] };
    expect(packagesOf(single)[0]?.items).toHaveLength(2);
  });
});
