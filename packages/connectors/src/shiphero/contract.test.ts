import { runConnectorContract, SimulatorControl, type ContractSubject } from '../testing';
import { ShipHeroClient } from './client';
import { ShipHeroCredentialsSchema } from './credentials';
import { shipHero } from './descriptor';
import { orderInput } from './fixtures/order-input';
import { twoBoxShipment } from './fixtures/shipments';
import { classifyGraphqlErrors, type GraphqlError } from './graphql-errors';
import { packagesOf } from './ports';
import { ShipHeroShipmentSchema } from './schemas';
import { openShipHeroAccount, startShipHeroSimulator, type ShipHeroSimAccount } from './simulator';
import { SIGNATURE_HEADER, signShipHeroWebhook, verifyShipHeroSignature } from './webhook';

const SHOP = 'api';
/** A bucket the battery's clients cannot empty by accident (see `start`). */
const ROOMY_CREDITS = { capacity: 1_000_000, refillPerSecond: 100_000 };
const SECRET = 'contract-shared-signature-secret';

let baseUrl = '';
let account: ShipHeroSimAccount;

const client = (
  options: {
    limiter?: ContractClientOptions['limiter'];
    maxInlineWaitMs?: number;
    accountKey?: string;
  } = {},
) =>
  new ShipHeroClient({
    baseUrl,
    credentials: ShipHeroCredentialsSchema.parse(account.credentials),
    connectionId: 'c0a80101-0000-4000-8000-000000005601',
    ...(options.limiter ? { limiter: options.limiter } : {}),
    ...(options.accountKey ? { accountKey: options.accountKey } : {}),
    ...(options.maxInlineWaitMs !== undefined ? { maxInlineWaitMs: options.maxInlineWaitMs } : {}),
  });
type ContractClientOptions = Parameters<ContractSubject<ShipHeroClient>['client']>[0];

const order = (partnerOrderId: string) => orderInput(partnerOrderId, { shop_name: SHOP });

/** The delivery's connection: its secret is the one `webhook_create` hands out in `send`. */
const deliveryConnection = {
  id: 'c0a80101-0000-4000-8000-000000005602',
  baseUrl: '',
  webhookSecret: 'not-yet-registered',
  storeRef: 'contract-store',
  settings: {},
  credentials: {},
};

const subject: ContractSubject<ShipHeroClient> = {
  provider: 'shiphero',

  async start() {
    // Each of the battery's clients meters a bucket of its own against this one account; the
    // account's bucket is made roomy so that they do not starve one another. Running short of
    // credits is what `exhaustCredits` is for.
    const sim = await startShipHeroSimulator({
      webhookRetryDelaysMs: [50, 100],
      credits: ROOMY_CREDITS,
    });
    baseUrl = sim.url;
    deliveryConnection.baseUrl = sim.url;
    account = await openShipHeroAccount(sim.url);
    return { control: new SimulatorControl(sim.url), close: () => sim.close() };
  },

  client: (options) => client(options),

  // Shipments page 20 at a time: more than a page of them, whatever the battery asks for.
  async seed(control, count) {
    const seeder = client();
    await control.post(`/accounts/${account.accountId}/products`, {
      products: [{ sku: 'MUG-1' }, { sku: 'TEE-1' }],
    });
    for (let n = 1; n <= Math.max(count, 21); n++) {
      const created = await seeder.createOrder(order(`contract-${n}`));
      await control.post(`/orders/${created.id}/ship`, {});
    }
  },

  listAll: (shipHeroClient) => shipHeroClient.shipmentsSince(new Date(Date.now() - 3_600_000)),
  listPath: '/graphql',
  listMethod: 'POST',
  readOne: (shipHeroClient) => shipHeroClient.account(),
  readMissing: async (shipHeroClient) => {
    // ShipHero answers an unknown id with a code-6 error and a null field: a missing order.
    const found = await shipHeroClient.order('T3JkZXI6OTk5OTk5OTk5');
    if (!found) {
      throw classifyGraphqlErrors('Order', [{ message: 'not found', code: 6 }]);
    }
    return found;
  },

  async sendMalformed() {
    // A field ShipHero's Order type does not have: refused by validation, never run.
    const response = await fetch(`${baseUrl}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${account.credentials.accessToken}`,
      },
      body: JSON.stringify({ query: '{ order(id: "x") { data { id shoe_size } } }' }),
    });
    const body = (await response.json()) as { errors?: GraphqlError[] };
    if (!body.errors?.length) throw new Error('a schema-invalid document was answered');
    throw classifyGraphqlErrors('Order', body.errors);
  },

  async exhaustCredits(control) {
    // An empty bucket refilling slowly enough that even a 3-credit read must wait for it.
    await control.post('/credits', { refillPerSecond: 2 });
    await control.post(`/accounts/${account.accountId}/credits`, { remaining: 0 });
  },

  webhook: {
    signed() {
      const body = Buffer.from(
        JSON.stringify({
          webhook_type: 'Shipment Update',
          test: '0',
          fulfillment: { shipment_id: 315518042, shipment_uuid: 'U2hpcG1lbnQ6MzE1NTE4MDQy' },
        }),
      );
      return { headers: { [SIGNATURE_HEADER]: signShipHeroWebhook(body, SECRET) }, body };
    },
    verify: (headers, body) => verifyShipHeroSignature(headers, body, [SECRET]),
  },

  webhookDelivery: {
    handler: shipHero.webhook!,
    connection: () => deliveryConnection,
    async send(control, destination) {
      await control.post('/credits', ROOMY_CREDITS);
      await control.post(`/accounts/${account.accountId}/credits`, { remaining: 1_000_000 });
      const shipHeroClient = client();
      const hook = await shipHeroClient.createWebhook({
        name: 'Shipment Update',
        url: destination,
        shop_name: SHOP,
      });
      deliveryConnection.webhookSecret = hook.shared_signature_secret ?? '';
      const created = await shipHeroClient.createOrder(order('contract-hook'));
      await control.post(`/orders/${created.id}/ship`, {});
    },
    sign: (body, _genuine, connection) => ({
      [SIGNATURE_HEADER]: signShipHeroWebhook(body, connection.webhookSecret),
    }),
    intent: 'shipments.available',
  },

  fixtureMapping() {
    const packages = packagesOf(ShipHeroShipmentSchema.parse(twoBoxShipment));
    const summary = packages.map((p) => [p.sourceId, p.trackingNumber, p.carrierSlug, p.items]);
    const expected = [
      ['L1', '1Z1', 'ups', [{ lineRef: '11', sku: 'MUG', quantity: 1 }]],
      ['L2', '9400', 'usps', [{ lineRef: '12', sku: 'TEE', quantity: 2 }]],
    ];
    if (JSON.stringify(summary) !== JSON.stringify(expected)) {
      throw new Error(`packages were not mapped one per label: ${JSON.stringify(summary)}`);
    }
  },
};

runConnectorContract(subject);
