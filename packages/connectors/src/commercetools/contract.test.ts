import { randomUUID } from 'node:crypto';
import { CanonicalOrderSchema } from '@shiplink/domain';
import type { WebhookConnection } from '../descriptor';
import { header } from '../http/profile';
import { runConnectorContract, SimulatorControl } from '../testing';
import { CommercetoolsClient } from './client';
import { CommercetoolsCredentialsSchema, type CommercetoolsCredentials } from './credentials';
import { commercetools } from './descriptor';
import { PreverifiedRequests, ProjectPool, type SignedRequest } from './fixtures/contract-support';
import { MULTIPLE, SINGLE, multipleModeOrderJson, singleModeOrderJson } from './fixtures/orders';
import { parcelShipments, toCanonicalOrder } from './mapping';
import { forgetPushKeySets } from './push';
import {
  FIXTURE_PUSH_AUDIENCE,
  FIXTURE_PUSH_SERVICE_ACCOUNT,
  bearerHeaders,
  generateSigningKey,
  pushTokenClaims,
  signPushToken,
  startJwksServer,
  type JwksServer,
} from './push/fixtures/google-oidc';
import {
  FIXTURE_PROJECT_KEY,
  parcelTrackingDataUpdatedFixture,
  pushBodyFixture,
} from './push/fixtures/notifications';
import { OrderSchema } from './schemas';
import { CommercetoolsSettingsSchema } from './settings';
import {
  openCommercetoolsAccount,
  startCommercetoolsSimulator,
  type CommercetoolsSimAccount,
  type RunningCommercetoolsSimulator,
} from './simulator';
import { orderDraft } from './simulator/test-support';

/** More projects than the battery makes clients (six today): see `ProjectPool`. */
const POOL_SIZE = 10;
/** A page smaller than what is seeded, so that listing needs several pages. */
const PAGE_SIZE = 3;

const handler = commercetools.webhook!;
let sim: RunningCommercetoolsSimulator;
const pool = new ProjectPool();
/** The project the webhook delivery comes from: none of the battery's clients use it. */
let deliveryProject: { account: CommercetoolsSimAccount; credentials: CommercetoolsCredentials };

/*
 * `webhook.signed` / `verify`. commercetools signs nothing: a Pub/Sub push carries an OIDC token
 * that proves its sender (Google, for the merchant's push subscription), not its bytes. The
 * signed request is a push body with a token from a key served by a local JWKS; the forged one
 * carries the same claims signed by a key that is not published under that `kid`. Both go
 * through the descriptor's real `authenticate` ahead of the battery's synchronous `verify`
 * (see `PreverifiedRequests`).
 */
let jwks: JwksServer;
let signed: SignedRequest;
let forged: SignedRequest;
let preverified: PreverifiedRequests;

beforeAll(async () => {
  const [key, impostor] = await Promise.all([
    generateSigningKey('contract-key'),
    generateSigningKey('contract-key'),
  ]);
  jwks = await startJwksServer([key.publicJwk]);
  const claims = pushTokenClaims(Math.floor(Date.now() / 1_000));
  const body = pushBodyFixture(parcelTrackingDataUpdatedFixture);
  signed = { headers: bearerHeaders(await signPushToken(key, claims)), body };
  forged = { headers: bearerHeaders(await signPushToken(impostor, claims)), body };
  const connection: WebhookConnection = {
    id: 'c0a80101-0000-4000-8000-00000000c701',
    baseUrl: 'https://api.europe-west1.gcp.commercetools.com',
    webhookSecret: 'not-a-signing-secret',
    storeRef: FIXTURE_PROJECT_KEY,
    settings: {
      pubsub: {
        projectId: 'shiplink-demo',
        topic: 'orders',
        jwksUrl: jwks.url,
        issuers: ['https://accounts.google.com'],
        serviceAccountEmail: FIXTURE_PUSH_SERVICE_ACCOUNT,
      },
    },
    credentials: { projectKey: FIXTURE_PROJECT_KEY, clientId: 'client-1', clientSecret: 's3cr3t' },
    webhookUrl: FIXTURE_PUSH_AUDIENCE,
  };
  preverified = new PreverifiedRequests(handler, connection);
  // Both verdicts are asserted by the battery; these only make sure the premise holds.
  if (!(await preverified.verify(signed))) throw new Error('the genuine token was refused');
  if (await preverified.verify(forged)) throw new Error('the forged token was accepted');
});

afterAll(async () => {
  forgetPushKeySets();
  await jwks?.close();
});

/**
 * The connection the simulator's pushes are for. Its `webhookUrl` is the push endpoint and the
 * token audience; the battery's receiver picks its port only after `connection()` was read, so
 * `send` fills in the URL it is given (the battery keeps this very object).
 */
const deliveryConnection: WebhookConnection = {
  id: 'c0a80101-0000-4000-8000-00000000c702',
  baseUrl: '',
  webhookSecret: 'not-a-signing-secret',
  storeRef: '',
  settings: {},
  credentials: {},
};

runConnectorContract<CommercetoolsClient>({
  provider: 'commercetools',

  async start() {
    sim = await startCommercetoolsSimulator();
    await pool.open(sim.url, POOL_SIZE);
    const account = await openCommercetoolsAccount(sim.url);
    deliveryProject = {
      account,
      credentials: CommercetoolsCredentialsSchema.parse(account.credentials),
    };
    Object.assign(deliveryConnection, {
      baseUrl: sim.url,
      storeRef: account.storeRef,
      credentials: account.credentials,
      settings: {
        pubsub: {
          projectId: account.settings.pubsub.projectId,
          topic: account.settings.pubsub.topic,
          jwksUrl: `${sim.url}/oauth2/v3/certs`,
          issuers: ['https://accounts.google.com'],
          serviceAccountEmail: account.settings.pubsub.serviceAccountEmail,
        },
      },
    });
    return { control: new SimulatorControl(sim.url), close: () => sim.close() };
  },

  client({ limiter, maxInlineWaitMs, accountKey }) {
    const project = pool.take(accountKey);
    const client = new CommercetoolsClient({
      baseUrl: sim.url,
      connectionId: `contract-${accountKey}`,
      credentials: project.credentials,
      limiter,
      retryBaseDelayMs: 20,
      ...(maxInlineWaitMs !== undefined ? { maxInlineWaitMs } : {}),
    });
    return pool.remember(client, project);
  },

  seed: (control, count) => pool.seed(control, Math.max(count, PAGE_SIZE + 1)),

  listAll: (client) => client.ordersModifiedSince(new Date(0), PAGE_SIZE),
  // Read after `listAll`: the orders endpoint of the project its client was given.
  get listPath() {
    return `/${pool.latest.credentials.projectKey}/orders`;
  },

  async readOne(client) {
    const id = pool.of(client).orderIds[0]!;
    const order = await client.order(id);
    if (!order) throw new Error(`seeded order ${id} was not found`);
    return order;
  },
  // The client's reads answer a 404 as `undefined` (absence is an answer there). What fails is
  // a request that names the missing order and expects it: the versioned update, refused with
  // 404 ResourceNotFound (and nothing written).
  readMissing: (client) =>
    client.updateOrder(randomUUID(), 1, [{ action: 'changeOrderState', orderState: 'Confirmed' }]),

  webhook: {
    signed: () => ({ headers: { ...signed.headers }, body: Buffer.from(signed.body) }),
    verify: (headers, body) => preverified.verdict({ headers, body }),
    // A token is what authenticates a push: the forgery is a token the published keys refute.
    tamper: (request) => ({
      headers: { ...request.headers, authorization: forged.headers.authorization! },
      body: request.body,
    }),
  },

  webhookDelivery: {
    handler,
    connection: () => deliveryConnection,
    async send(control, destination) {
      deliveryConnection.webhookUrl = destination;
      const { account, credentials } = deliveryProject;
      const client = new CommercetoolsClient({
        baseUrl: sim.url,
        connectionId: deliveryConnection.id,
        credentials,
        retryBaseDelayMs: 20,
      });
      // As the hub sets a connection up: the parcel Type and the Subscription to the topic (its
      // test message finds no push subscription yet and goes nowhere).
      const settings = CommercetoolsSettingsSchema.parse(deliveryConnection.settings);
      const registered = await commercetools.registerWebhooks!(client, destination, settings);
      if (!registered.registered.includes(`subscription:${settings.subscriptionKey}`)) {
        throw new Error(`the subscription was not registered: ${JSON.stringify(registered)}`);
      }
      // The merchant's push subscription on that topic, to the hub's URL as endpoint and audience.
      await control.post('/pubsub/subscriptions', {
        name: `shiplink-${deliveryConnection.id}`,
        topic: account.topic,
        pushEndpoint: destination,
        audience: destination,
      });
      // An order, shipped in one parcel: OrderCreated, DeliveryAdded, ParcelAddedToDelivery.
      const placed = await control.post<{ id: string }>(
        `/projects/${credentials.projectKey}/orders`,
        orderDraft({ orderNumber: 'CT-HOOK-1' }),
      );
      await control.post(`/projects/${credentials.projectKey}/orders/${placed.id}/deliveries`, {
        parcels: [{ trackingId: '1Z999AA10123456784', carrier: 'UPS' }],
      });
    },
    intent: 'store-parcels.changed',
    // The token proves the sender, not the body: any body goes with the genuine token.
    sign: (_body, genuine) => ({ authorization: header(genuine, 'authorization') ?? '' }),
  },

  fixtureMapping() {
    const single = toCanonicalOrder(OrderSchema.parse(singleModeOrderJson));
    CanonicalOrderSchema.parse(single);
    expect(single).toMatchObject({
      externalId: SINGLE.orderId,
      orderNumber: SINGLE.orderNumber,
      status: 'partially_shipped',
    });
    const multiple = toCanonicalOrder(OrderSchema.parse(multipleModeOrderJson));
    CanonicalOrderSchema.parse(multiple);
    expect(multiple.destinations.map((d) => d.addressExternalId)).toEqual(['home', 'office']);
    expect(multiple.lines.map((l) => [l.externalId, l.addressExternalId])).toEqual([
      [MULTIPLE.shirtLineId, 'home'],
      [MULTIPLE.mugLineId, 'office'],
    ]);
    const parcels = parcelShipments(OrderSchema.parse(singleModeOrderJson), { carriers: {} });
    expect(parcels.map((p) => [p.shipmentRef, p.trackingNumber, p.carrierSlug])).toEqual([
      [SINGLE.hubParcelId, 'JJFI65432100001234', null],
      [SINGLE.threePlParcelId, '1Z999AA10123456784', 'ups'],
    ]);
  },
});
