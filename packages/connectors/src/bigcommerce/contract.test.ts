import { CanonicalOrderSchema } from '@shiplink/domain';
import { runConnectorContract, SimulatorControl } from '../testing';
import { header } from '../http/profile';
import { createBigCommerceClient, type BigCommerceClient } from './client';
import { bigCommerce } from './descriptor';
import { bigCommerceSampleBundle } from './fixtures/order-bundle';
import { toCanonicalOrder } from './mapping';
import { startBigCommerceSimulator } from './simulator';
import { signBigCommerceWebhook, verifyBigCommerceWebhook } from './webhook';

const STORE = { hash: 'contract1', accessToken: 'contract-token', clientSecret: 'contract-secret' };
const STORE_CREDENTIALS = {
  storeHash: STORE.hash,
  accessToken: STORE.accessToken,
  clientSecret: STORE.clientSecret,
};
const billing = { firstName: 'Hook', street1: '1 Main St', city: 'Austin', zip: '78701' };
let baseUrl = '';
let seededOrderId = 0;

runConnectorContract<BigCommerceClient>({
  provider: 'bigcommerce',
  async start() {
    const sim = await startBigCommerceSimulator({
      stores: [STORE],
      webhookRetryDelaysMs: [50, 100],
    });
    baseUrl = sim.url;
    return { control: new SimulatorControl(sim.url), close: () => sim.close() };
  },
  client: ({ limiter, maxInlineWaitMs, accountKey }) =>
    createBigCommerceClient({
      baseUrl,
      credentials: STORE_CREDENTIALS,
      limiter,
      accountKey,
      retryBaseDelayMs: 20,
      ...(maxInlineWaitMs !== undefined ? { maxInlineWaitMs } : {}),
    }),
  async seed(control, count) {
    for (let i = 0; i < count; i++) {
      const placed = await control.post<{ order: { id: number } }>(`/stores/${STORE.hash}/orders`, {
        billing: {
          firstName: 'Seed',
          lastName: `No ${i}`,
          street1: '1 Main St',
          city: 'Austin',
          zip: '78701',
        },
        lines: [{ sku: `SKU-${i}`, name: `Item ${i}`, quantity: 1 + (i % 3), price: '9.99' }],
      });
      seededOrderId = placed.order.id;
    }
  },
  listAll: (client) => client.listOrdersModifiedSince(new Date(0), 3),
  listPath: `/stores/${STORE.hash}/v2/orders`,
  readOne: (client) => client.getOrderBundle(seededOrderId),
  readMissing: (client) => client.listShipments(987_654_321),
  webhook: {
    signed() {
      const body = Buffer.from(
        JSON.stringify({
          scope: 'store/order/created',
          store_id: '1025646',
          data: { type: 'order', id: 4017 },
          hash: 'dd70c0976e06b67aaf671e73f49dcb79230ebf9d',
          created_at: Math.floor(Date.now() / 1_000),
          producer: `stores/${STORE.hash}`,
        }),
      );
      const headers = signBigCommerceWebhook({
        id: 'msg_contract',
        timestamp: Math.floor(Date.now() / 1_000),
        body,
        secret: STORE.clientSecret,
      });
      return { headers, body };
    },
    verify: (headers, body) =>
      verifyBigCommerceWebhook({ headers, rawBody: body, secret: STORE.clientSecret }).ok,
  },
  webhookDelivery: {
    handler: bigCommerce.webhook!,
    // The descriptor's own secrets: BigCommerce signs with the app's client secret.
    connection: () => ({
      id: 'c0a80101-0000-4000-8000-00000000bc01',
      baseUrl,
      webhookSecret: STORE.clientSecret,
      storeRef: STORE.hash,
      settings: {},
    }),
    async send(control, destination) {
      const client = createBigCommerceClient({ baseUrl, credentials: STORE_CREDENTIALS });
      await client.createHook({ scope: 'store/order/created', destination, is_active: true });
      await control.post(`/stores/${STORE.hash}/orders`, {
        billing,
        lines: [{ sku: 'HOOK-1', name: 'Hooked', quantity: 1, price: '5.00' }],
      });
    },
    intent: 'order.changed',
    sign: (body, genuine, connection) =>
      signBigCommerceWebhook({
        id: header(genuine, 'webhook-id') ?? '',
        timestamp: Number(header(genuine, 'webhook-timestamp')),
        body,
        secret: connection.webhookSecret,
      }),
  },
  fixtureMapping() {
    const order = toCanonicalOrder(bigCommerceSampleBundle(), { weightUnit: 'lbs' });
    CanonicalOrderSchema.parse(order);
    expect(order.destinations.map((d) => d.addressExternalId)).toEqual(['301', '302']);
    expect(order.lines.map((l) => [l.externalId, l.addressExternalId])).toEqual([
      ['8801', '301'],
      ['8802', '302'],
    ]);
  },
});
