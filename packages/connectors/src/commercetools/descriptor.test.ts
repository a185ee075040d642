import { digest } from '@shiplink/domain';
import type { InboundWebhook, WebhookConnection } from '../descriptor';
import type { CommercetoolsClient } from './client';
import { commercetools } from './descriptor';
import { parcelTypeDraft } from './parcel-type';
import { COMMERCETOOLS_BASE_URL } from './profile';
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
  type SigningKey,
} from './push/fixtures/google-oidc';
import {
  FIXTURE_ORDER_ID,
  FIXTURE_ORDER_NUMBER,
  FIXTURE_PROJECT_KEY,
  FIXTURE_PUBSUB_SUBSCRIPTION,
  FIXTURE_SUBSCRIPTION_ID,
  deliveryAddedFixture,
  orderChangeFixture,
  orderCreatedFixture,
  orderMessageFixture,
  payloadNotIncludedFixture,
  pushBodyFixture,
  structuredCloudEventFixture,
  subscriptionTestFixture,
} from './push/fixtures/notifications';
import { CommercetoolsSettingsSchema } from './settings';
import { ORDER_MESSAGE_TYPES } from './subscription';

const handler = commercetools.webhook!;
const nowSec = () => Math.floor(Date.now() / 1000);

let key: SigningKey;
/** Not published, but claims to be `key`. */
let impostor: SigningKey;
let jwks: JwksServer;
/** A key server that answers 500 to every request. */
let brokenJwks: JwksServer;

beforeAll(async () => {
  [key, impostor] = await Promise.all([generateSigningKey('key-a'), generateSigningKey('key-a')]);
  jwks = await startJwksServer([key.publicJwk]);
  brokenJwks = await startJwksServer([key.publicJwk]);
  brokenJwks.behave('fail');
});

afterAll(async () => {
  forgetPushKeySets();
  await Promise.all([jwks.close(), brokenJwks.close()]);
});

function connectionWith(
  pubsub: Record<string, unknown> | undefined,
  extra: Partial<WebhookConnection> = {},
): WebhookConnection {
  return {
    id: '1d2c3b4a-5e6f-4a7b-8c9d-0e1f2a3b4c5d',
    baseUrl: COMMERCETOOLS_BASE_URL,
    webhookSecret: 'Zm9yIHRoZSBpbmJveCBvbmx5LCBub3QgYSBzZWNyZXQ',
    storeRef: FIXTURE_PROJECT_KEY,
    settings: pubsub ? { pubsub } : {},
    credentials: { projectKey: FIXTURE_PROJECT_KEY, clientId: 'client-1', clientSecret: 's3cr3t' },
    webhookUrl: FIXTURE_PUSH_AUDIENCE,
    ...extra,
  };
}

const pubsub = (extra: Record<string, unknown> = {}) => ({
  projectId: 'shiplink-demo',
  topic: 'orders',
  jwksUrl: jwks.url,
  issuers: ['https://accounts.google.com'],
  ...extra,
});

const request = (
  headers: Record<string, string>,
  rawBody: Buffer = Buffer.alloc(0),
): InboundWebhook => ({
  headers,
  rawBody,
  pathSecret: undefined,
  toleranceSec: 300,
});

async function authenticate(
  claims: Record<string, unknown>,
  connection = connectionWith(pubsub()),
  signer = key,
) {
  const token = await signPushToken(signer, claims);
  return handler.authenticate!(request(bearerHeaders(token)), connection);
}

describe('commercetools webhook: authenticate', () => {
  it('accepts a push token signed with a published key for the connection’s URL', async () => {
    await expect(authenticate(pushTokenClaims(nowSec()))).resolves.toBeUndefined();
  });

  it('refuses a token for another audience than the connection’s URL', async () => {
    const claims = pushTokenClaims(nowSec(), { aud: 'https://elsewhere.example/webhooks' });
    await expect(authenticate(claims)).resolves.toMatchObject({
      ok: false,
      status: 401,
      code: 'wrong_audience',
    });
  });

  it('checks the audience of the settings instead of the URL when one is set', async () => {
    const custom = 'https://push.shiplink.example/commercetools';
    const connection = connectionWith(pubsub({ audience: custom }));
    await expect(
      authenticate(pushTokenClaims(nowSec(), { aud: custom }), connection),
    ).resolves.toBeUndefined();
    await expect(authenticate(pushTokenClaims(nowSec()), connection)).resolves.toMatchObject({
      status: 401,
      code: 'wrong_audience',
    });
  });

  it('refuses an expired token', async () => {
    const claims = pushTokenClaims(nowSec() - 7_200);
    await expect(authenticate(claims)).resolves.toMatchObject({
      status: 401,
      code: 'token_expired',
    });
  });

  it('refuses a token signed with a key that is not published', async () => {
    await expect(
      authenticate(pushTokenClaims(nowSec()), connectionWith(pubsub()), impostor),
    ).resolves.toMatchObject({ status: 401, code: 'bad_signature' });
  });

  it('refuses a token of another issuer than the settings name', async () => {
    const claims = pushTokenClaims(nowSec(), { iss: 'https://issuer.example' });
    await expect(authenticate(claims)).resolves.toMatchObject({
      status: 401,
      code: 'wrong_issuer',
    });
  });

  it('checks the service account when the settings name one', async () => {
    const expecting = (email: string) => connectionWith(pubsub({ serviceAccountEmail: email }));
    await expect(
      authenticate(pushTokenClaims(nowSec()), expecting(FIXTURE_PUSH_SERVICE_ACCOUNT)),
    ).resolves.toBeUndefined();
    await expect(
      authenticate(
        pushTokenClaims(nowSec()),
        expecting('other@shiplink-demo.iam.gserviceaccount.com'),
      ),
    ).resolves.toMatchObject({ status: 401, code: 'wrong_account' });
  });

  it('refuses a push without a token', async () => {
    await expect(
      handler.authenticate!(request({}), connectionWith(pubsub())),
    ).resolves.toMatchObject({ status: 401, code: 'missing_token' });
  });

  it('answers 503 when the signing keys cannot be fetched, so Pub/Sub retries', async () => {
    const connection = connectionWith(pubsub({ jwksUrl: brokenJwks.url }));
    await expect(authenticate(pushTokenClaims(nowSec()), connection)).resolves.toMatchObject({
      ok: false,
      status: 503,
      code: 'keys_unavailable',
    });
    expect(brokenJwks.requests()).toBeGreaterThan(0);
  });

  it('refuses every push to a connection without Pub/Sub settings', async () => {
    await expect(
      authenticate(pushTokenClaims(nowSec()), connectionWith(undefined)),
    ).resolves.toMatchObject({ status: 401, code: 'push_not_configured' });
  });

  it('refuses pushes while the settings are not valid', async () => {
    const connection = connectionWith(pubsub({ projectId: 'Not A Project' }));
    await expect(authenticate(pushTokenClaims(nowSec()), connection)).resolves.toMatchObject({
      status: 401,
      code: 'push_not_configured',
    });
  });

  it('refuses pushes when there is no audience to check', async () => {
    const connection = connectionWith(pubsub(), { webhookUrl: undefined });
    await expect(authenticate(pushTokenClaims(nowSec()), connection)).resolves.toMatchObject({
      status: 401,
      code: 'push_not_configured',
    });
  });
});

describe('commercetools webhook: handle', () => {
  const deliver = (body: Buffer) => handler.handle(request({}, body), connectionWith(pubsub()));
  const pubsubFacts = {
    messageId: '2070443601311540',
    publishTime: '2024-05-06T10:11:13.123Z',
    subscription: FIXTURE_PUBSUB_SUBSCRIPTION,
    deliveryAttempt: null,
  };

  it('is reached without a secret in the path and deduplicates per store', () => {
    expect(handler.secretInPath).toBe(false);
    expect(handler.dedupScope).toBe('store');
  });

  it('reads a delivery added as a change to the order’s parcels, in message order', () => {
    expect(deliver(pushBodyFixture(deliveryAddedFixture))).toEqual({
      ok: true,
      topic: 'DeliveryAdded',
      eventRef: deliveryAddedFixture.id,
      payload: { pubsub: pubsubFacts, format: 'Platform', message: deliveryAddedFixture },
      orderRef: FIXTURE_ORDER_NUMBER,
      intent: { kind: 'store-parcels.changed', orderRef: FIXTURE_ORDER_ID, sequence: 4 },
    });
  });

  it('reads the same message as a CloudEvent alike', () => {
    const verdict = deliver(pushBodyFixture(structuredCloudEventFixture(deliveryAddedFixture)));
    expect(verdict).toMatchObject({
      ok: true,
      topic: 'DeliveryAdded',
      eventRef: deliveryAddedFixture.id,
      payload: { format: 'CloudEvents' },
      intent: { kind: 'store-parcels.changed', orderRef: FIXTURE_ORDER_ID, sequence: 4 },
    });
  });

  it('reads a new order as a change to its parcels', () => {
    expect(deliver(pushBodyFixture(orderCreatedFixture))).toMatchObject({
      ok: true,
      topic: 'OrderCreated',
      eventRef: orderCreatedFixture.id,
      orderRef: FIXTURE_ORDER_NUMBER,
      intent: { kind: 'store-parcels.changed', orderRef: FIXTURE_ORDER_ID, sequence: 1 },
    });
  });

  it('reads a message without its body by its payload type', () => {
    expect(deliver(pushBodyFixture(payloadNotIncludedFixture))).toMatchObject({
      ok: true,
      topic: 'OrderCreated',
      intent: { kind: 'store-parcels.changed', orderRef: FIXTURE_ORDER_ID },
    });
  });

  it('reads an order state change as a change to the order', () => {
    const message = orderMessageFixture(
      'OrderStateChanged',
      { orderState: 'Cancelled', oldOrderState: 'Open' },
      { id: '3a2b1c0d-9e8f-4a7b-8c6d-5e4f3a2b1c0d', sequenceNumber: 9 },
    );
    expect(deliver(pushBodyFixture(message))).toEqual({
      ok: true,
      topic: 'OrderStateChanged',
      eventRef: '3a2b1c0d-9e8f-4a7b-8c6d-5e4f3a2b1c0d',
      payload: { pubsub: pubsubFacts, format: 'Platform', message },
      orderRef: FIXTURE_ORDER_NUMBER,
      intent: { kind: 'order.changed', orderRef: FIXTURE_ORDER_ID },
    });
  });

  it('reads an order change notification without a sequence, and a deletion as a change', () => {
    expect(deliver(pushBodyFixture(orderChangeFixture('ResourceUpdated')))).toMatchObject({
      ok: true,
      eventRef: `order:${FIXTURE_ORDER_ID}:8`,
      intent: { kind: 'store-parcels.changed', orderRef: FIXTURE_ORDER_ID, sequence: null },
    });
    expect(deliver(pushBodyFixture(orderChangeFixture('ResourceDeleted')))).toMatchObject({
      ok: true,
      eventRef: `order:${FIXTURE_ORDER_ID}:8:deleted`,
      intent: { kind: 'order.changed', orderRef: FIXTURE_ORDER_ID },
    });
  });

  it('records the subscription’s test message and asks for nothing', () => {
    const verdict = deliver(pushBodyFixture(subscriptionTestFixture));
    expect(verdict).toEqual({
      ok: true,
      topic: 'SubscriptionTest',
      eventRef: `subscription:${FIXTURE_SUBSCRIPTION_ID}:1`,
      payload: { pubsub: pubsubFacts, format: 'Platform', message: subscriptionTestFixture },
    });
  });

  it('records a message of another project and asks for nothing', () => {
    const foreign = { ...deliveryAddedFixture, projectKey: 'someone-elses-project' };
    const verdict = deliver(pushBodyFixture(foreign));
    expect(verdict).toMatchObject({ ok: true, topic: 'foreign-project:DeliveryAdded' });
    expect(verdict).not.toHaveProperty('intent');
    expect(verdict).not.toHaveProperty('orderRef');
  });

  it('records a message about another resource and asks for nothing', () => {
    const payment = orderMessageFixture(
      'PaymentCreated',
      {},
      {
        resource: { typeId: 'payment', id: '7e6d5c4b-3a29-4817-8a6b-5c4d3e2f1a0b' },
      },
    );
    const verdict = deliver(pushBodyFixture(payment));
    expect(verdict).toMatchObject({ ok: true, topic: 'PaymentCreated' });
    expect(verdict).not.toHaveProperty('intent');
  });

  it.each<[string, Buffer]>([
    ['a body that is not JSON', Buffer.from('{"message":')],
    ['an empty body', Buffer.alloc(0)],
    ['a body that is not a push', Buffer.from(JSON.stringify({ hello: 'world' }))],
    ['data that is not base64', pushBodyFixture(undefined, { rawData: '%%%not-base64%%%' })],
    ['data that is not a notification', pushBodyFixture({ hello: 'world' })],
  ])('refuses %s with 400', (_what, body) => {
    expect(deliver(body)).toMatchObject({ ok: false, status: 400 });
  });
});

describe('commercetools secrets and setup', () => {
  const credentials = { projectKey: FIXTURE_PROJECT_KEY, clientId: 'client-1', clientSecret: 's' };

  it('keys the budget account by project and API client', () => {
    const verdict = commercetools.secrets(credentials, undefined);
    expect(verdict).toMatchObject({
      ok: true,
      accountKey: digest(`${FIXTURE_PROJECT_KEY}:client-1`),
    });
    if (!verdict.ok) throw new Error('secrets are given');
    expect(verdict.webhookSecret).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(commercetools.secrets(credentials, undefined)).not.toEqual(verdict);
  });

  it('keeps a secret that is given', () => {
    expect(commercetools.secrets(credentials, 'given-secret')).toMatchObject({
      webhookSecret: 'given-secret',
    });
    expect(commercetools.rotateSecret(credentials, 'next')).toEqual({
      ok: true,
      webhookSecret: 'next',
    });
  });

  /** A client whose Type and subscription are as `state` says. */
  function fakeClient(state: { typeExists: boolean; subscriptionExists: boolean }) {
    const settings = CommercetoolsSettingsSchema.parse({ pubsub: pubsub() });
    const calls: string[] = [];
    const client = {
      typeByKey: jest.fn(async (typeKey: string) =>
        state.typeExists
          ? // Up to date: as the connector's own draft creates it.
            { id: 't-1', version: 1, ...parcelTypeDraft(typeKey) }
          : undefined,
      ),
      createType: jest.fn(async (draft: { key: string }) => {
        calls.push(`create type ${draft.key}`);
        return { id: 't-1', version: 1, key: draft.key, resourceTypeIds: ['order-parcel'] };
      }),
      subscriptionByKey: jest.fn(async () =>
        state.subscriptionExists
          ? {
              id: 's-1',
              version: 1,
              key: settings.subscriptionKey,
              destination: {
                type: 'GoogleCloudPubSub',
                projectId: 'shiplink-demo',
                topic: 'orders',
              },
              messages: [
                {
                  resourceTypeId: 'order',
                  types: [...ORDER_MESSAGE_TYPES],
                },
              ],
              format: { type: 'Platform' },
            }
          : undefined,
      ),
      createSubscription: jest.fn(async (draft: { key: string }) => {
        calls.push(`create subscription ${draft.key}`);
        return { id: 's-1', version: 1, key: draft.key };
      }),
    };
    return { client: client as unknown as CommercetoolsClient, calls, settings };
  }

  it('creates the parcel Type and the subscription on a new project', async () => {
    const { client, calls, settings } = fakeClient({
      typeExists: false,
      subscriptionExists: false,
    });
    await expect(
      commercetools.registerWebhooks!(client, FIXTURE_PUSH_AUDIENCE, settings),
    ).resolves.toEqual({
      registered: ['type:shiplink-parcel-tracking', 'subscription:shiplink-orders'],
      existing: [],
    });
    expect(calls).toEqual([
      'create type shiplink-parcel-tracking',
      'create subscription shiplink-orders',
    ]);
  });

  it('changes nothing the second time', async () => {
    const { client, calls, settings } = fakeClient({ typeExists: true, subscriptionExists: true });
    await expect(
      commercetools.registerWebhooks!(client, FIXTURE_PUSH_AUDIENCE, settings),
    ).resolves.toEqual({
      registered: [],
      existing: ['type:shiplink-parcel-tracking', 'subscription:shiplink-orders'],
    });
    expect(calls).toEqual([]);
  });

  it('registers no subscription without a Pub/Sub topic', async () => {
    const { client, calls } = fakeClient({ typeExists: true, subscriptionExists: false });
    const settings = CommercetoolsSettingsSchema.parse({});
    await expect(
      commercetools.registerWebhooks!(client, FIXTURE_PUSH_AUDIENCE, settings),
    ).resolves.toEqual({ registered: [], existing: ['type:shiplink-parcel-tracking'] });
    expect(calls).toEqual([]);
  });
});
