import { runConnectorContract, SimulatorControl, type ContractSubject } from '../testing';
import { createShipStationClient, type ShipStationClient } from './client';
import { shipStation } from './descriptor';
import { createOrderBody } from './fixtures/create-order-body';
import shipNotify from './fixtures/ship-notify.json';
import shipmentsFixture from './fixtures/shipments.json';
import { fromShipStationShipment } from './mapping';
import { ShipStationShipmentListSchema } from './schemas';
import { startShipStationSimulator } from './simulator';
import { parseShipStationWebhook, verifyShipStationToken } from './webhook';

const ACCOUNT = { apiKey: 'contract-key', apiSecret: 'contract-secret' };
/** The hub's per-connection token; ingress reads it from the target URL's query. */
const TOKEN = 'contract-webhook-token-4Kp9';
const TOKEN_HEADER = 'x-shiplink-webhook-token';

let baseUrl = '';
let seededOrderId = 0;

const subject: ContractSubject<ShipStationClient> = {
  provider: 'shipstation',

  async start() {
    // Raised so seeding and the battery do not spend the 40/min a real account would have.
    const sim = await startShipStationSimulator({
      accounts: [ACCOUNT],
      quota: { limit: 1_000, windowMs: 60_000 },
      webhookRetryDelaysMs: [50, 100],
    });
    baseUrl = sim.url;
    return { control: new SimulatorControl(sim.url), close: () => sim.close() };
  },

  client: ({ limiter, maxInlineWaitMs, accountKey }) =>
    createShipStationClient({
      baseUrl,
      credentials: ACCOUNT,
      limiter,
      accountKey,
      retryBaseDelayMs: 20,
      ...(maxInlineWaitMs !== undefined ? { maxInlineWaitMs } : {}),
    }),

  async seed(_control, count) {
    const seeder = createShipStationClient({ baseUrl, credentials: ACCOUNT });
    for (let n = 1; n <= count; n++) {
      const order = await seeder.upsertOrder(createOrderBody(`bc-contract-${1000 + n}`));
      if (n === 1) seededOrderId = order.orderId;
    }
  },

  listAll: (client) => client.listOrders({ pageSize: 2 }),
  listPath: '/orders',
  readOne: (client) => client.getOrderOrThrow(seededOrderId),
  readMissing: (client) => client.getOrderOrThrow(999_999_999),

  webhook: {
    signed: () => ({
      headers: { [TOKEN_HEADER]: TOKEN },
      body: Buffer.from(JSON.stringify(shipNotify)),
    }),
    verify(headers, body) {
      return (
        verifyShipStationToken(headers[TOKEN_HEADER] ?? '', TOKEN) &&
        parseShipStationWebhook(body).success
      );
    },
    // Unsigned pointers: the URL token is what authenticates, so the forgery changes the token.
    tamper: ({ body }) => ({ headers: { [TOKEN_HEADER]: `${TOKEN}x` }, body }),
  },

  webhookDelivery: {
    handler: shipStation.webhook!,
    // The URL token is the connection's webhook secret; the ingress reads it from the path.
    connection: () => ({
      id: 'c0a80101-0000-4000-8000-000000005501',
      baseUrl,
      webhookSecret: TOKEN,
      storeRef: 'contract-store',
      settings: {},
    }),
    async send(control, destination) {
      const client = createShipStationClient({ baseUrl, credentials: ACCOUNT });
      await client.subscribeWebhook({
        targetUrl: destination,
        event: 'SHIP_NOTIFY',
        friendlyName: 'Shiplink contract',
      });
      const order = await client.upsertOrder(createOrderBody('bc-contract-hook'));
      await control.post(`/orders/${order.orderId}/ship`, {
        carrierCode: 'stamps_com',
        serviceCode: 'usps_priority_mail',
      });
    },
    intent: 'shipments.available',
  },
  fixtureMapping() {
    const [shipment] = ShipStationShipmentListSchema.parse(shipmentsFixture).shipments;
    if (!shipment) throw new Error('fixture has no shipment');
    const mapped = fromShipStationShipment(shipment);
    const expected = {
      sourceId: '70551203',
      fulfilmentOrderId: '218450117',
      trackingNumber: '9405511899223197428490',
      carrierSlug: 'usps',
      shippingCost: '9.35',
    };
    for (const [key, value] of Object.entries(expected)) {
      const actual = mapped[key as keyof typeof mapped];
      if (actual !== value) throw new Error(`${key}: expected ${value}, got ${String(actual)}`);
    }
    if (mapped.items.length !== 1 || mapped.items[0]?.lineItemKey !== '7731') {
      throw new Error('shipment items were not mapped');
    }
  },
};

runConnectorContract(subject);

describe('shipstation webhook token (in place of a body signature)', () => {
  it('accepts the connection token and rejects any other', () => {
    const { headers, body } = subject.webhook.signed();
    expect(subject.webhook.verify(headers, body)).toBe(true);
    expect(subject.webhook.verify({ [TOKEN_HEADER]: `${TOKEN}x` }, body)).toBe(false);
    expect(subject.webhook.verify({}, body)).toBe(false);
    expect(subject.webhook.verify(headers, Buffer.from('{"resource_url":1}'))).toBe(false);
  });
});
