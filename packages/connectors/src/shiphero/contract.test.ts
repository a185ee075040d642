import { runConnectorContract, SimulatorControl, type ContractSubject } from '../testing';
import { ShipHeroClient } from './client';
import { ShipHeroCredentialsSchema } from './credentials';
import { shipHero } from './descriptor';
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

const order = (partnerOrderId: string) => ({
  order_number: partnerOrderId,
  partner_order_id: partnerOrderId,
  shop_name: SHOP,
  fulfillment_status: 'pending',
  shipping_address: {
    first_name: 'Ada',
    last_name: 'Lovelace',
    address1: '1 Way',
    city: 'Austin',
    zip: '78701',
    country_code: 'US',
  },
  line_items: [
    {
      sku: 'MUG',
      partner_line_item_id: `${partnerOrderId}-1`,
      quantity: 1,
      price: '12.00',
      product_name: 'Mug',
    },
  ],
});

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
    await control.post(`/accounts/${account.accountId}/products`, { products: [{ sku: 'MUG' }] });
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
    // A two-box shipment as ShipHero's `shipment` query answers it.
    const shipment = ShipHeroShipmentSchema.parse({
      id: 'U2hpcG1lbnQ6MzE1NTE4MDQy',
      legacy_id: 315518042,
      order_id: 'T3JkZXI6NTUx',
      created_date: '2026-03-01T10:00:00',
      total_packages: 2,
      line_items: {
        edges: [
          {
            node: {
              id: 'a',
              shipping_label_id: 'L1',
              quantity: 1,
              line_item: { sku: 'TENT-2P', partner_line_item_id: '11' },
            },
          },
          {
            node: {
              id: 'b',
              shipping_label_id: 'L2',
              quantity: 2,
              line_item: { sku: 'LAMP-USB', partner_line_item_id: '12' },
            },
          },
        ],
      },
      shipping_labels: [
        {
          id: 'L1',
          tracking_number: '1Z999AA10123456784',
          carrier: 'ups',
          shipping_method: 'ground',
          cost: '9.10',
          package_number: 1,
        },
        {
          id: 'L2',
          tracking_number: '449044304137821',
          carrier: 'fedex',
          shipping_method: 'ground',
          cost: '8.40',
          package_number: 2,
        },
      ],
    });
    const packages = packagesOf(shipment);
    const summary = packages.map((p) => [
      p.sourceId,
      p.trackingNumber,
      p.carrierSlug,
      p.items.map((i) => [i.lineRef, i.quantity]),
    ]);
    const expected = [
      ['L1', '1Z999AA10123456784', 'ups', [['11', 1]]],
      ['L2', '449044304137821', 'fedex', [['12', 2]]],
    ];
    if (JSON.stringify(summary) !== JSON.stringify(expected)) {
      throw new Error(`packages were not mapped one per label: ${JSON.stringify(summary)}`);
    }
  },
};

runConnectorContract(subject);
