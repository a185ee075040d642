import { createRemoteJWKSet, errors, jwtVerify } from 'jose';
import { SimulatorControl } from '../../testing/control';
import { call, orderDraft, PushReceiver, requestToken } from './test-support';
import {
  openCommercetoolsAccount,
  startCommercetoolsSimulator,
  type CommercetoolsSimAccount,
  type PushDelivery,
  type RunningCommercetoolsSimulator,
} from '.';

describe('commercetools simulator Pub/Sub push delivery and its faults', () => {
  let sim: RunningCommercetoolsSimulator;
  let control: SimulatorControl;
  let account: CommercetoolsSimAccount;
  const receiver = new PushReceiver();
  let orders = 0;
  const settle = () => control.get<{ idle: boolean; held: number }>('/pubsub/idle?wait=5000');
  const deliveries = () => control.get<PushDelivery[]>('/pubsub/deliveries');
  const place = async () => {
    orders += 1;
    const orderNumber = `F-${orders}`;
    await control.post(
      `/projects/${account.credentials.projectKey}/orders`,
      orderDraft({ orderNumber }),
    );
    return orderNumber;
  };
  const receivedNumbers = () =>
    receiver
      .payloads()
      .map(
        (payload) =>
          (payload.resourceUserProvidedIdentifiers as { orderNumber: string }).orderNumber,
      );
  const verify = (authorization: unknown) =>
    jwtVerify(
      String(authorization).replace(/^Bearer /, ''),
      createRemoteJWKSet(new URL(`${sim.url}/oauth2/v3/certs`)),
      {
        issuer: 'https://accounts.google.com',
        audience: receiver.url,
      },
    );

  beforeAll(async () => {
    await receiver.start();
    sim = await startCommercetoolsSimulator({
      push: { minBackoffMs: 20, maxBackoffMs: 80, maxAttempts: 4 },
    });
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
    const token = await requestToken(
      sim.url,
      account.credentials.clientId,
      account.credentials.clientSecret,
    );
    const created = await call(
      sim.url,
      'POST',
      `/${account.credentials.projectKey}/subscriptions`,
      {
        token: String(token.body.access_token),
        body: {
          destination: {
            type: 'GoogleCloudPubSub',
            projectId: account.settings.pubsub.projectId,
            topic: account.settings.pubsub.topic,
          },
          messages: [{ resourceTypeId: 'order', types: ['OrderCreated'] }],
        },
      },
    );
    expect(created.status).toBe(201);
    await account.connected!({ id: 'conn', webhookUrl: receiver.url });
  });

  it('serves its key set without authentication', async () => {
    const certs = await call<{ keys: Record<string, string>[] }>(
      sim.url,
      'GET',
      '/oauth2/v3/certs',
    );
    expect(certs.status).toBe(200);
    expect(certs.body.keys).toEqual([
      {
        kty: 'RSA',
        n: expect.any(String),
        e: 'AQAB',
        alg: 'RS256',
        use: 'sig',
        kid: expect.any(String),
      },
    ]);
  });

  it('retries a refused push with backoff until it is acknowledged', async () => {
    receiver.answers = [500, 503];
    await place();
    await settle();
    expect(receiver.received).toHaveLength(3);
    const ids = new Set(receiver.received.map((push) => push.body.message.messageId));
    expect(ids.size).toBe(1);
    const [delivery] = await deliveries();
    expect(delivery).toMatchObject({ state: 'delivered', duplicate: false });
    expect(delivery!.attempts.map((attempt) => attempt.status)).toEqual([500, 503, 204]);
    const gaps = delivery!.attempts
      .slice(1)
      .map((attempt, index) => Date.parse(attempt.at) - Date.parse(delivery!.attempts[index]!.at));
    expect(gaps[0]).toBeGreaterThanOrEqual(15);
    expect(gaps[1]).toBeGreaterThanOrEqual(35);
  });

  it('dead-letters a message after the last attempt', async () => {
    receiver.answers = [500, 500, 500, 500, 500];
    await place();
    await settle();
    const [delivery] = await deliveries();
    expect(delivery).toMatchObject({ state: 'dead-lettered' });
    expect(delivery!.attempts).toHaveLength(4);
  });

  it('loses the next publishes (drop) and delivers the next ones twice (duplicate)', async () => {
    await control.post('/pubsub/faults', { drop: 1, duplicate: 1 });
    await place();
    const second = await place();
    const third = await place();
    await settle();
    expect(receivedNumbers().sort()).toEqual([second, second, third].sort());
    const published = await control.get<{ dropped: boolean }[]>('/pubsub/messages');
    expect(published.slice(-3).map((message) => message.dropped)).toEqual([true, false, false]);
    const [original, duplicate] = receiver.received;
    expect(original!.body.message.messageId).toBe(duplicate!.body.message.messageId);
  });

  it('holds deliveries and releases them newest first (reorder), or in order (hold)', async () => {
    await control.post('/pubsub/faults', { reorder: true });
    const numbers = [await place(), await place(), await place()];
    expect((await settle()).held).toBe(3);
    expect(receiver.received).toHaveLength(0);
    expect(await control.post('/pubsub/release')).toEqual({ released: 3 });
    expect(receivedNumbers()).toEqual([...numbers].reverse());

    receiver.clear();
    await control.post('/pubsub/faults', { hold: true });
    const more = [await place(), await place()];
    await control.post('/pubsub/release');
    await settle();
    expect(receivedNumbers()).toEqual(more);
  });

  it('signs tokens a receiver must refuse: wrong audience, expired, unknown key', async () => {
    const numbers: string[] = [];
    for (const flaw of [
      { tokenAudience: 'https://elsewhere.example/push' },
      { tokenExpired: true },
      { foreignKey: true },
    ]) {
      await control.post('/pubsub/faults', { ...flaw, tokenCount: 1 });
      numbers.push(await place());
      await settle();
    }
    numbers.push(await place());
    await settle();
    const pushOf = (orderNumber: string) =>
      receiver.received.find(
        (push) =>
          (push.payload.resourceUserProvidedIdentifiers as { orderNumber: string }).orderNumber ===
          orderNumber,
      );
    const [audience, expired, foreign, good] = numbers.map(pushOf);
    await expect(verify(audience!.headers.authorization)).rejects.toBeInstanceOf(
      errors.JWTClaimValidationFailed,
    );
    await expect(verify(expired!.headers.authorization)).rejects.toBeInstanceOf(errors.JWTExpired);
    await expect(verify(foreign!.headers.authorization)).rejects.toBeInstanceOf(
      errors.JWKSNoMatchingKey,
    );
    await expect(verify(good!.headers.authorization)).resolves.toMatchObject({
      payload: { aud: receiver.url },
    });
    const recorded = await deliveries();
    expect(recorded[0]!.attempts[0]!.tokenFlaw).toEqual({
      audience: 'https://elsewhere.example/push',
    });
    expect(await control.get('/pubsub/faults')).toEqual({
      drop: 0,
      duplicate: 0,
      hold: false,
      reorder: false,
    });
  });

  it('drops what is published to a topic nobody subscribed to', async () => {
    const subscriptions = await control.get<{ name: string }[]>('/pubsub/subscriptions');
    const name = subscriptions[0]!.name.split('/').pop()!;
    await fetch(`${sim.url}/__control/pubsub/subscriptions/${name}`, { method: 'DELETE' });
    await place();
    await settle();
    expect(receiver.received).toHaveLength(0);
    const published = await control.get<{ deliveries: string[] }[]>('/pubsub/messages');
    expect(published.at(-1)!.deliveries).toEqual([]);
  });
});
