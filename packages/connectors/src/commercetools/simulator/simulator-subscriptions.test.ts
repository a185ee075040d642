import { createRemoteJWKSet, jwtVerify } from 'jose';
import { SimulatorControl } from '../../testing/control';
import { call, orderDraft, PushReceiver, requestToken, type Json } from './test-support';
import {
  openCommercetoolsAccount,
  startCommercetoolsSimulator,
  type CommercetoolsSimAccount,
  type RunningCommercetoolsSimulator,
} from '.';

interface Subscription {
  id: string;
  version: number;
  createdAt: string;
  key?: string;
  status: string;
}

describe('commercetools simulator subscriptions with Pub/Sub push', () => {
  let sim: RunningCommercetoolsSimulator;
  let control: SimulatorControl;
  let account: CommercetoolsSimAccount;
  let token: string;
  const receiver = new PushReceiver();
  const pk = () => account.credentials.projectKey;
  const api = <T = Json>(method: string, path: string, body?: unknown) =>
    call<T>(sim.url, method, `/${pk()}${path}`, { token, body });
  const settle = () => control.get<{ idle: boolean }>('/pubsub/idle?wait=5000');
  const destination = () => ({
    type: 'GoogleCloudPubSub',
    projectId: account.settings.pubsub.projectId,
    topic: account.settings.pubsub.topic,
  });
  const subscribe = (body: Json = {}) =>
    api<Subscription>('POST', '/subscriptions', {
      key: 'shiplink-orders',
      destination: destination(),
      messages: [
        {
          resourceTypeId: 'order',
          types: ['OrderCreated', 'ParcelAddedToDelivery', 'ParcelTrackingDataUpdated'],
        },
      ],
      ...body,
    });
  const placeOrder = (orderNumber: string) =>
    control.post<{ id: string }>(`/projects/${pk()}/orders`, orderDraft({ orderNumber }));

  beforeAll(async () => {
    await receiver.start();
    sim = await startCommercetoolsSimulator({ push: { minBackoffMs: 20, maxBackoffMs: 100 } });
    control = new SimulatorControl(sim.url);
  });
  afterAll(async () => {
    await sim.close();
    await receiver.close();
  });
  beforeEach(async () => {
    await control.reset();
    receiver.clear();
    account = await openCommercetoolsAccount(sim.url);
    const answer = await requestToken(
      sim.url,
      account.credentials.clientId,
      account.credentials.clientSecret,
    );
    token = String(answer.body.access_token);
  });

  it('opens an account the hub can connect, with Pub/Sub settings', () => {
    expect(account).toMatchObject({
      provider: 'commercetools',
      baseUrl: sim.url,
      credentials: {
        projectKey: expect.stringMatching(/^shop-/),
        clientId: expect.any(String),
        clientSecret: expect.any(String),
      },
      settings: {
        pubsub: {
          projectId: expect.stringMatching(/^[a-z][a-z0-9-]{4,28}[a-z0-9]$/),
          topic: expect.any(String),
          issuers: ['https://accounts.google.com'],
          jwksUrl: `${sim.url}/oauth2/v3/certs`,
        },
      },
      storeRef: account.credentials.projectKey,
    });
  });

  it('refuses a Subscription whose topic does not exist, and creates nothing', async () => {
    const answer = await subscribe({ destination: { ...destination(), topic: 'missing' } });
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({
      errors: [
        {
          message: expect.stringContaining(
            'A test message could not be delivered to this destination',
          ),
        },
      ],
    });
    expect((await api<{ total: number }>('GET', '/subscriptions')).body.total).toBe(0);
  });

  it('creates a Subscription after a test message, then pushes Platform messages with an OIDC token', async () => {
    const created = await subscribe();
    expect(created).toMatchObject({
      status: 201,
      body: {
        id: expect.any(String),
        version: 1,
        key: 'shiplink-orders',
        destination: destination(),
        changes: [],
        events: [],
        format: { type: 'Platform' },
        status: 'Healthy',
        createdAt: expect.any(String),
        lastModifiedAt: expect.any(String),
      },
    });
    // The test message went to the topic before anyone subscribed to it: Pub/Sub dropped it.
    const published =
      await control.get<{ data: string; deliveries: string[] }[]>('/pubsub/messages');
    expect(published).toHaveLength(1);
    expect(JSON.parse(published[0]!.data)).toEqual({
      notificationType: 'ResourceCreated',
      projectKey: pk(),
      resource: { typeId: 'subscription', id: created.body.id },
      resourceUserProvidedIdentifiers: { key: 'shiplink-orders' },
      version: 1,
      modifiedAt: created.body.createdAt,
    });
    expect(published[0]!.deliveries).toEqual([]);

    await account.connected!({ id: 'conn-1', webhookUrl: receiver.url });
    const order = await placeOrder('P-1');
    await settle();
    expect(receiver.received).toHaveLength(1);
    const [push] = receiver.received;
    expect(push!.body).toEqual({
      message: {
        data: expect.any(String),
        messageId: expect.stringMatching(/^\d+$/),
        message_id: push!.body.message.messageId,
        publishTime: expect.stringMatching(/Z$/),
        publish_time: push!.body.message.publishTime,
      },
      subscription: `projects/${account.settings.pubsub.projectId}/subscriptions/shiplink-conn-1`,
    });
    expect(push!.payload).toMatchObject({
      notificationType: 'Message',
      projectKey: pk(),
      id: expect.any(String),
      version: 1,
      sequenceNumber: 1,
      resource: { typeId: 'order', id: order.id },
      resourceVersion: 1,
      resourceUserProvidedIdentifiers: { orderNumber: 'P-1' },
      type: 'OrderCreated',
      order: { id: order.id },
      createdAt: expect.any(String),
      lastModifiedAt: expect.any(String),
    });
    expect(push!.payload).not.toHaveProperty('createdBy');

    const authorization = String(push!.headers.authorization);
    expect(authorization).toMatch(/^Bearer /);
    const jwks = createRemoteJWKSet(new URL(account.settings.pubsub.jwksUrl));
    const { payload, protectedHeader } = await jwtVerify(authorization.slice(7), jwks, {
      issuer: 'https://accounts.google.com',
      audience: receiver.url,
    });
    expect(protectedHeader).toEqual({ alg: 'RS256', kid: expect.any(String), typ: 'JWT' });
    expect(payload).toEqual({
      iss: 'https://accounts.google.com',
      aud: receiver.url,
      azp: expect.stringMatching(/^\d{21}$/),
      sub: payload.azp,
      email: account.settings.pubsub.serviceAccountEmail,
      email_verified: true,
      iat: expect.any(Number),
      exp: payload.iat! + 3_600,
    });

    // Only the subscribed message types arrive.
    await control.post(`/projects/${pk()}/orders/${order.id}/actions`, {
      actions: [{ action: 'changeOrderState', orderState: 'Confirmed' }],
    });
    await control.post(`/projects/${pk()}/orders/${order.id}/deliveries`, {
      parcels: [{ trackingId: 'T-1' }],
    });
    await settle();
    expect(receiver.payloads().map((payload) => [payload.type, payload.sequenceNumber])).toEqual([
      ['OrderCreated', 1],
      ['ParcelAddedToDelivery', 4],
    ]);
  });

  it('pushes CloudEvents in structured content mode', async () => {
    const created = await subscribe({ format: { type: 'CloudEvents', cloudEventsVersion: '1.0' } });
    expect(created.body).toMatchObject({
      format: { type: 'CloudEvents', cloudEventsVersion: '1.0' },
    });
    await account.connected!({ id: 'conn-ce', webhookUrl: receiver.url });
    const order = await placeOrder('CE-1');
    await settle();
    const [push] = receiver.received;
    expect(push!.body.message.attributes).toEqual({
      'content-type': 'application/cloudevents+json; charset=utf-8',
    });
    const event = push!.payload;
    const data = event.data as Json;
    expect(event).toEqual({
      specversion: '1.0',
      id: data.id,
      type: 'com.commercetools.order.message.OrderCreated',
      source: `/${pk()}/orders`,
      subject: order.id,
      time: data.createdAt,
      sequence: '1',
      sequencetype: 'Integer',
      dataref: `/${pk()}/messages/${String(data.id)}`,
      data: expect.objectContaining({
        notificationType: 'Message',
        type: 'OrderCreated',
        projectKey: pk(),
      }),
    });
    const message = await api('GET', `/messages/${String(data.id)}`);
    expect(message.body).toMatchObject({ type: 'OrderCreated', resource: { id: order.id } });
  });

  it('leaves a large payload out, saying why', async () => {
    await subscribe();
    await account.connected!({ id: 'conn-big', webhookUrl: receiver.url });
    await control.post('/notifications/payload-not-included', { count: 1 });
    const order = await placeOrder('BIG-1');
    await placeOrder('SMALL-1');
    await settle();
    const [large, small] = receiver.payloads();
    expect(large).toEqual({
      notificationType: 'Message',
      projectKey: pk(),
      id: expect.any(String),
      version: 1,
      sequenceNumber: 1,
      resource: { typeId: 'order', id: order.id },
      resourceVersion: 1,
      resourceUserProvidedIdentifiers: { orderNumber: 'BIG-1' },
      createdAt: expect.any(String),
      lastModifiedAt: expect.any(String),
      payloadNotIncluded: { reason: 'Payload too large.', payloadType: 'OrderCreated' },
    });
    expect(small).toHaveProperty('order');
    await control.post('/notifications/payload-not-included', { thresholdBytes: 100 });
    await placeOrder('BIG-2');
    await settle();
    expect(receiver.payloads()[2]).toHaveProperty('payloadNotIncluded');
  });

  it('delivers change notifications for changes subscriptions', async () => {
    await subscribe({ key: 'changes', messages: [], changes: [{ resourceTypeId: 'order' }] });
    await account.connected!({ id: 'conn-changes', webhookUrl: receiver.url });
    const order = await placeOrder('CH-1');
    await control.post(`/projects/${pk()}/orders/${order.id}/actions`, {
      actions: [{ action: 'changePaymentState', paymentState: 'Paid' }],
    });
    await settle();
    expect(receiver.payloads()).toEqual([
      {
        notificationType: 'ResourceCreated',
        projectKey: pk(),
        resource: { typeId: 'order', id: order.id },
        resourceUserProvidedIdentifiers: { orderNumber: 'CH-1' },
        version: 1,
        modifiedAt: expect.any(String),
      },
      expect.objectContaining({ notificationType: 'ResourceUpdated', version: 2, oldVersion: 1 }),
    ]);
  });

  it('reads, health-checks (without a token) and deletes Subscriptions', async () => {
    const created = (await subscribe()).body;
    expect((await api<Subscription>('GET', '/subscriptions/key=shiplink-orders')).body.id).toBe(
      created.id,
    );
    const health = await fetch(`${sim.url}/${pk()}/subscriptions/${created.id}/health`);
    expect(health.status).toBe(200);
    await control.post(`/projects/${pk()}/subscriptions/${created.id}/status`, {
      status: 'TemporaryError',
    });
    expect(
      (await fetch(`${sim.url}/${pk()}/subscriptions/key=shiplink-orders/health`)).status,
    ).toBe(503);
    expect(
      (await api('POST', '/subscriptions', { ...created, destination: destination() })).status,
    ).toBe(400);
    const duplicate = await subscribe();
    expect(duplicate.body).toMatchObject({ errors: [{ code: 'DuplicateField', field: 'key' }] });
    const wrongType = await subscribe({
      key: 'other',
      messages: [{ resourceTypeId: 'order', types: ['ParcelTeleported'] }],
    });
    expect(wrongType.status).toBe(400);
    expect((await api('DELETE', `/subscriptions/${created.id}`)).status).toBe(400);
    expect((await api('DELETE', `/subscriptions/${created.id}?version=2`)).status).toBe(409);
    expect((await api('DELETE', `/subscriptions/key=shiplink-orders?version=1`)).status).toBe(200);
    expect((await api('GET', `/subscriptions/${created.id}`)).status).toBe(404);
  });

  it('allows at most 50 Subscriptions per project', async () => {
    for (let index = 0; index < 50; index += 1) {
      expect((await subscribe({ key: `sub-${index}` })).status).toBe(201);
    }
    const answer = await subscribe({ key: 'sub-50' });
    expect(answer).toMatchObject({
      status: 400,
      body: { errors: [{ code: 'MaxResourceLimitExceeded', exceededResource: 'subscription' }] },
    });
  });

  it('updates a Subscription with versioned actions', async () => {
    const created = (await subscribe()).body;
    const updated = await api<Subscription & { messages: Json[] }>(
      'POST',
      `/subscriptions/${created.id}`,
      {
        version: 1,
        actions: [{ action: 'setMessages', messages: [{ resourceTypeId: 'order' }] }],
      },
    );
    expect(updated.body).toMatchObject({ version: 2, messages: [{ resourceTypeId: 'order' }] });
    const stale = await api('POST', `/subscriptions/${created.id}`, { version: 1, actions: [] });
    expect(stale.status).toBe(409);
  });
});
