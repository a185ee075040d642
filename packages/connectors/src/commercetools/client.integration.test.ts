import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { PermanentError, RetryableError } from '@shiplink/errors';
import { TEST_REDIS_URL, testQueuePrefix } from '@shiplink/testing';
import { inMemoryVault, type CredentialVault } from '../credential-vault';
import { RateLimiter } from '../http/rate-limiter';
import { SimulatorControl } from '../testing/control';
import { hubScopes } from './auth';
import { CommercetoolsClient, MAX_CONFLICT_ATTEMPTS } from './client';
import { CommercetoolsCredentialsSchema, type CommercetoolsCredentials } from './credentials';
import { commercetools } from './descriptor';
import { ensureParcelType, PARCEL_FIELD_DEFINITIONS, parcelTypeDraft } from './parcel-type';
import type { CommercetoolsOrder } from './schemas';
import { CommercetoolsSettingsSchema } from './settings';
import {
  HUB_PERMISSIONS,
  openCommercetoolsAccount,
  startCommercetoolsSimulator,
  type RunningCommercetoolsSimulator,
} from './simulator';
import { orderDraft } from './simulator/test-support';
import { ORDER_MESSAGE_TYPES, syncSubscription } from './subscription';

/*
 * The commercetools client against its simulator over real HTTP: the auth service's client
 * credentials grant, orders project-wide and in-store, versioned updates with conflicts, error
 * classification, and the parcel Type. The simulator has no product projections and no
 * inventory endpoints, so `knownSkus`, `inventoryOf` and `setInventoryQuantity` are not tested
 * here.
 */

interface OpenedProject {
  projectKey: string;
  clientId: string;
  clientSecret: string;
  scopes: string[];
}

const TOKEN_PATH = '/oauth/token';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('CommercetoolsClient against the simulator', () => {
  let sim: RunningCommercetoolsSimulator;
  let control: SimulatorControl;
  let redis: Redis;
  let limiter: RateLimiter;
  let credentials: CommercetoolsCredentials;

  const clientFor = (
    options: {
      credentials?: CommercetoolsCredentials;
      vault?: CredentialVault;
      connectionId?: string;
    } = {},
  ) =>
    new CommercetoolsClient({
      baseUrl: sim.url,
      connectionId: options.connectionId ?? `connection-${randomUUID()}`,
      credentials: options.credentials ?? credentials,
      limiter,
      maxInlineWaitMs: 2_000,
      retryBaseDelayMs: 20,
      ...(options.vault ? { vault: options.vault } : {}),
    });

  /** A shop's order, placed through the control API. */
  const placeOrder = (projectKey: string, overrides: Record<string, unknown> = {}) =>
    control.post<CommercetoolsOrder>(`/projects/${projectKey}/orders`, orderDraft(overrides));

  const requests = (filter: { method?: string; path?: string } = {}) => control.requests(filter);
  const tokenRequests = () => requests({ method: 'POST', path: TOKEN_PATH });

  /** A project opened with `POST /__control/projects`, and credentials for its API client. */
  async function openProject(body: Record<string, unknown>, storeKey?: string) {
    const opened = await control.post<OpenedProject>('/projects', body);
    return {
      opened,
      credentials: CommercetoolsCredentialsSchema.parse({
        projectKey: opened.projectKey,
        clientId: opened.clientId,
        clientSecret: opened.clientSecret,
        ...(storeKey ? { storeKey } : {}),
      }),
    };
  }

  beforeAll(async () => {
    sim = await startCommercetoolsSimulator();
    control = new SimulatorControl(sim.url);
    redis = new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: 1 });
  });

  afterAll(async () => {
    await sim?.close();
    await redis?.quit();
  });

  beforeEach(async () => {
    const account = await openCommercetoolsAccount(sim.url);
    credentials = CommercetoolsCredentialsSchema.parse(account.credentials);
    limiter = new RateLimiter({ redis, prefix: testQueuePrefix() });
    await control.clearFaults();
    await control.clearRequests();
  });

  describe('token', () => {
    it('asks for exactly the hub’s scopes and reuses one token for many calls', async () => {
      const client = clientFor();
      const placed = await placeOrder(credentials.projectKey);
      for (let i = 0; i < 4; i++) await client.order(placed.id);
      await client.ordersModifiedSince(new Date(0));
      await client.typeByKey('nothing-here');

      const tokens = await tokenRequests();
      expect(tokens).toHaveLength(1);
      expect(tokens[0]!.status).toBe(200);
      expect(tokens[0]!.query).toMatchObject({ grant_type: 'client_credentials' });
      expect(String(tokens[0]!.query.scope).split(' ')).toEqual(
        hubScopes(credentials.projectKey, null),
      );
      // Every API call went out with that one token and none was refused.
      const calls = (await requests()).filter((r) => r.path !== TOKEN_PATH);
      expect(calls).toHaveLength(6);
      expect(calls.every((r) => r.status < 400 || r.status === 404)).toBe(true);
    });

    it('asks for the store-scoped manage_orders when the credentials name a store', async () => {
      const projectKey = `ct-store-${randomUUID().slice(0, 8)}`;
      const { credentials: scoped } = await openProject(
        {
          projectKey,
          stores: ['nordic'],
          // The API client holds orders of its store only: a project-wide ask would be refused.
          scopes: [
            ...HUB_PERMISSIONS.filter((permission) => permission !== 'manage_orders'),
            `manage_orders:${projectKey}:nordic`,
          ],
        },
        'nordic',
      );
      const placed = await placeOrder(projectKey, { storeKey: 'nordic' });
      const client = clientFor({ credentials: scoped });
      expect(client.storeKey).toBe('nordic');
      await expect(client.order(placed.id)).resolves.toMatchObject({ id: placed.id });

      const [token] = await tokenRequests();
      const scopes = String(token!.query.scope).split(' ');
      expect(scopes).toEqual(hubScopes(projectKey, 'nordic'));
      expect(scopes).toContain(`manage_orders:${projectKey}:nordic`);
      expect(scopes).not.toContain(`manage_orders:${projectKey}`);
      expect(token!.status).toBe(200);
    });

    it('renews once after every token expired, and the call succeeds', async () => {
      const client = clientFor();
      const placed = await placeOrder(credentials.projectKey);
      await client.order(placed.id);
      const first = await client.tokens.accessToken();
      const expired = await control.post<{ expired: number }>(
        `/projects/${credentials.projectKey}/tokens/expire`,
      );
      expect(expired.expired).toBeGreaterThanOrEqual(1);

      await expect(client.order(placed.id)).resolves.toMatchObject({ id: placed.id });
      await client.order(placed.id);
      expect(await tokenRequests()).toHaveLength(2);
      expect(await client.tokens.accessToken()).not.toBe(first);
      // The refused call was sent once more with the new token, not looped.
      const reads = await requests({ method: 'GET', path: `/${credentials.projectKey}/orders/` });
      expect(reads.map((r) => r.status)).toEqual([200, 401, 200, 200]);
    });

    // An API client whose tokens live shorter than the renewal margin (here 5 minutes) renews
    // halfway through their life, not before every call.
    it('reuses a token whose lifetime is shorter than the renewal margin', async () => {
      const { credentials: shortLived } = await openProject({
        scopes: HUB_PERMISSIONS,
        tokenValiditySeconds: 300,
      });
      const client = clientFor({ credentials: shortLived });
      for (let i = 0; i < 3; i++) await client.order(randomUUID());
      expect(await tokenRequests()).toHaveLength(1);
    });

    it('two clients sharing one vault get one token, and renew once between them', async () => {
      const vault = inMemoryVault();
      const connectionId = `connection-${randomUUID()}`;
      const a = clientFor({ vault, connectionId });
      const b = clientFor({ vault, connectionId });
      const placed = await placeOrder(credentials.projectKey);
      await Promise.all([a.order(placed.id), b.order(placed.id)]);
      expect(await tokenRequests()).toHaveLength(1);

      await control.post(`/projects/${credentials.projectKey}/tokens/expire`);
      // Both meet a 401 with the old token at the same time; only one asks for a new one.
      await Promise.all([a.order(placed.id), b.order(placed.id)]);
      expect(await tokenRequests()).toHaveLength(2);
      const saved = CommercetoolsCredentialsSchema.parse(await vault.read(connectionId));
      expect(await a.tokens.accessToken()).toBe(saved.accessToken);
      expect(await b.tokens.accessToken()).toBe(saved.accessToken);
      expect(saved.clientSecret).toBe(credentials.clientSecret);
    });

    it('fails a wrong client secret permanently, without a retry loop', async () => {
      const client = clientFor({ credentials: { ...credentials, clientSecret: 'not-the-secret' } });
      const failure = await client.order(randomUUID()).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(PermanentError);
      expect(failure).toMatchObject({ reason: 'commercetools.unauthorized', status: 401 });
      const sent = await requests();
      expect(sent.map((r) => [r.method, r.path, r.status])).toEqual([['POST', TOKEN_PATH, 401]]);
    });
  });

  describe('orders', () => {
    it('reads an order by id and by number; an unknown one is undefined', async () => {
      const client = clientFor();
      const placed = await placeOrder(credentials.projectKey, { orderNumber: 'CT-1001' });
      await expect(client.order(placed.id)).resolves.toMatchObject({
        id: placed.id,
        orderNumber: 'CT-1001',
        version: 1,
        lineItems: [{ variant: { sku: 'MUG-1' } }, { variant: { sku: 'TEE-1' } }],
      });
      await expect(client.orderByNumber('CT-1001')).resolves.toMatchObject({ id: placed.id });
      await expect(client.order(randomUUID())).resolves.toBeUndefined();
      await expect(client.orderByNumber('CT-NOPE')).resolves.toBeUndefined();
    });

    it('pages orders modified since a time, oldest first (ties by id)', async () => {
      const client = clientFor();
      const placed: CommercetoolsOrder[] = [];
      for (let n = 1; n <= 7; n++) {
        placed.push(await placeOrder(credentials.projectKey, { orderNumber: `CT-P${n}` }));
      }
      await sleep(5);
      const mark = new Date();
      await sleep(5);
      // The first order changes last: it is now the newest.
      const first = placed[0]!;
      await control.post(`/projects/${credentials.projectKey}/orders/${first.id}/actions`, {
        actions: [{ action: 'changeOrderState', orderState: 'Confirmed' }],
      });
      await control.clearRequests();

      const all = await client.ordersModifiedSince(new Date(0), 3);
      expect(all).toHaveLength(7);
      expect(new Set(all.map((order) => order.id))).toEqual(new Set(placed.map((o) => o.id)));
      expect(all.at(-1)).toMatchObject({ id: first.id, orderState: 'Confirmed' });
      for (let i = 1; i < all.length; i++) {
        const [before, after] = [all[i - 1]!, all[i]!];
        const order = before.lastModifiedAt.localeCompare(after.lastModifiedAt);
        expect(order < 0 || (order === 0 && before.id < after.id)).toBe(true);
      }
      // 7 orders at 3 a page: three pages, the last one short, each after the last one read.
      const pages = await requests({ method: 'GET', path: `/${credentials.projectKey}/orders` });
      expect(pages.map((page) => page.query.limit)).toEqual(['3', '3', '3']);
      expect(pages.map((page) => String(page.query.where).includes(' and id > '))).toEqual([
        false,
        true,
        true,
      ]);

      const since = await client.ordersModifiedSince(mark, 3);
      expect(since.map((order) => order.id)).toEqual([first.id]);
    });

    // An order that changes between two page requests must not push an unread one out.
    it('reads every order when one it already read changes between two pages', async () => {
      const client = clientFor();
      const placed: CommercetoolsOrder[] = [];
      for (let n = 1; n <= 7; n++) {
        placed.push(await placeOrder(credentials.projectKey, { orderNumber: `CT-R${n}` }));
        await sleep(2);
      }
      const path = `/${credentials.projectKey}/orders`;
      // The first page answers at once, the second one waits long enough for a change between.
      await control.addFault({ kind: 'slow', delayMs: 0, count: 1, method: 'GET', path });
      await control.addFault({ kind: 'slow', delayMs: 1_000, count: 1, method: 'GET', path });
      await control.clearRequests();

      const listing = client.ordersModifiedSince(new Date(0), 3);
      for (let waited = 0; (await requests({ method: 'GET', path })).length === 0; waited += 10) {
        if (waited > 5_000) throw new Error('the first page was never answered');
        await sleep(10);
      }
      // The second order, on the first page already read, changes while page two is in flight.
      await control.post(`/projects/${credentials.projectKey}/orders/${placed[1]!.id}/actions`, {
        actions: [{ action: 'changeOrderState', orderState: 'Confirmed' }],
      });
      const listed = new Set((await listing).map((order) => order.id));
      expect(placed.filter((order) => !listed.has(order.id)).map((o) => o.orderNumber)).toEqual([]);
    });

    it('reads through the in-store endpoints only the orders of the client’s store', async () => {
      const projectKey = `ct-two-${randomUUID().slice(0, 8)}`;
      const storeScopes = (store: string) => [
        ...HUB_PERMISSIONS.filter((permission) => permission !== 'manage_orders'),
        `manage_orders:${projectKey}:${store}`,
      ];
      const { credentials: nordic } = await openProject(
        { projectKey, stores: ['nordic', 'alpine'], scopes: storeScopes('nordic') },
        'nordic',
      );
      const { credentials: alpine } = await openProject(
        { projectKey, scopes: storeScopes('alpine') },
        'alpine',
      );
      const n1 = await placeOrder(projectKey, { storeKey: 'nordic', orderNumber: 'N-1' });
      const n2 = await placeOrder(projectKey, { storeKey: 'nordic', orderNumber: 'N-2' });
      const a1 = await placeOrder(projectKey, { storeKey: 'alpine', orderNumber: 'A-1' });
      const loose = await placeOrder(projectKey, { orderNumber: 'X-1' });

      const nordicClient = clientFor({ credentials: nordic });
      const alpineClient = clientFor({ credentials: alpine });
      const ids = (orders: CommercetoolsOrder[]) => orders.map((order) => order.id).sort();

      expect(ids(await nordicClient.ordersModifiedSince(new Date(0), 1))).toEqual(
        [n1.id, n2.id].sort(),
      );
      expect(ids(await alpineClient.ordersModifiedSince(new Date(0)))).toEqual([a1.id]);
      await expect(nordicClient.order(n1.id)).resolves.toMatchObject({
        id: n1.id,
        store: { key: 'nordic' },
      });
      await expect(nordicClient.order(a1.id)).resolves.toBeUndefined();
      await expect(nordicClient.order(loose.id)).resolves.toBeUndefined();
      await expect(nordicClient.orderByNumber('A-1')).resolves.toBeUndefined();
      await expect(alpineClient.orderByNumber('A-1')).resolves.toMatchObject({ id: a1.id });

      // Every order request went to the store's in-store endpoints, none was refused for scope.
      const orderCalls = (await requests()).filter((r) => r.path.startsWith(`/${projectKey}/`));
      expect(orderCalls.length).toBeGreaterThan(0);
      for (const call of orderCalls) {
        expect(call.path).toMatch(
          new RegExp(`^/${projectKey}/in-store/key=(nordic|alpine)/orders`),
        );
        expect(call.status).not.toBe(403);
      }
    });

    it('writes to an order of its store through the in-store endpoint', async () => {
      const projectKey = `ct-write-${randomUUID().slice(0, 8)}`;
      const { credentials: nordic } = await openProject(
        {
          projectKey,
          stores: ['nordic', 'alpine'],
          scopes: [
            ...HUB_PERMISSIONS.filter((permission) => permission !== 'manage_orders'),
            `manage_orders:${projectKey}:nordic`,
          ],
        },
        'nordic',
      );
      const own = await placeOrder(projectKey, { storeKey: 'nordic' });
      const other = await placeOrder(projectKey, { storeKey: 'alpine' });
      const client = clientFor({ credentials: nordic });
      const confirm = () => [{ action: 'changeOrderState', orderState: 'Confirmed' }];

      await expect(client.applyToOrder(own.id, confirm)).resolves.toMatchObject({
        actions: 1,
        order: { orderState: 'Confirmed', version: 2 },
      });
      // Another store's order does not exist for this client: nothing is read, nothing written.
      await expect(client.applyToOrder(other.id, confirm)).resolves.toBeUndefined();
      const updates = await control.get<unknown[]>(
        `/projects/${projectKey}/orders/${other.id}/updates`,
      );
      expect(updates).toEqual([]);
    });
  });

  describe('applyToOrder', () => {
    const confirmAndRecord = (seen: number[]) => (order: CommercetoolsOrder) => {
      seen.push(order.version);
      return order.orderState === 'Confirmed'
        ? []
        : [{ action: 'changeOrderState', orderState: 'Confirmed' }];
    };

    it('re-reads and re-plans after version conflicts, then writes', async () => {
      const client = clientFor();
      const placed = await placeOrder(credentials.projectKey);
      const base = `/projects/${credentials.projectKey}/orders/${placed.id}`;
      await control.post(`${base}/conflict`, { times: 2 });

      const seen: number[] = [];
      const applied = await client.applyToOrder(placed.id, confirmAndRecord(seen));
      expect(applied).toMatchObject({ conflicts: 2, actions: 1 });
      expect(applied!.order).toMatchObject({ orderState: 'Confirmed', version: 4 });
      // Planned once per read, each time with the newer version the conflict left.
      expect(seen).toEqual([1, 2, 3]);

      const updates = await control.get<
        { via: string; status: number; expectedVersion?: number }[]
      >(`${base}/updates`);
      expect(
        updates.filter((u) => u.via === 'api').map((u) => [u.expectedVersion, u.status]),
      ).toEqual([
        [1, 409],
        [2, 409],
        [3, 200],
      ]);
    });

    it(`gives up after ${MAX_CONFLICT_ATTEMPTS} conflicts with a retryable ConcurrentModification`, async () => {
      const client = clientFor();
      const placed = await placeOrder(credentials.projectKey);
      const base = `/projects/${credentials.projectKey}/orders/${placed.id}`;
      await control.post(`${base}/conflict`, { times: MAX_CONFLICT_ATTEMPTS });

      const seen: number[] = [];
      const failure = await client
        .applyToOrder(placed.id, confirmAndRecord(seen))
        .catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(RetryableError);
      expect(failure).toMatchObject({ reason: 'commercetools.ConcurrentModification' });
      expect(seen).toHaveLength(MAX_CONFLICT_ATTEMPTS);
      const writes = await requests({
        method: 'POST',
        path: `/${credentials.projectKey}/orders/${placed.id}`,
      });
      expect(writes.map((w) => w.status)).toEqual(Array(MAX_CONFLICT_ATTEMPTS).fill(409));
      await expect(client.order(placed.id)).resolves.toMatchObject({ orderState: 'Open' });
    });

    it('sends nothing when the plan is empty', async () => {
      const client = clientFor();
      const placed = await placeOrder(credentials.projectKey, { orderState: 'Confirmed' });
      const seen: number[] = [];
      await expect(client.applyToOrder(placed.id, confirmAndRecord(seen))).resolves.toMatchObject({
        actions: 0,
        conflicts: 0,
        order: { id: placed.id, version: 1 },
      });
      expect(seen).toEqual([1]);
      expect(await requests({ method: 'POST', path: `/${credentials.projectKey}/` })).toEqual([]);
    });

    it('answers undefined for an order that does not exist, without writing', async () => {
      const client = clientFor();
      const plan = jest.fn(() => [{ action: 'changeOrderState', orderState: 'Confirmed' }]);
      await expect(client.applyToOrder(randomUUID(), plan)).resolves.toBeUndefined();
      expect(plan).not.toHaveBeenCalled();
      expect(await requests({ method: 'POST', path: `/${credentials.projectKey}/` })).toEqual([]);
    });
  });

  describe('error classification', () => {
    it('fails an invalid update action permanently with commercetools’ error code', async () => {
      const client = clientFor();
      const placed = await placeOrder(credentials.projectKey);
      const failure = await client
        .applyToOrder(placed.id, () => [
          {
            action: 'setParcelTrackingData',
            parcelId: randomUUID(),
            trackingData: { trackingId: '1Z999' },
          },
        ])
        .catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(PermanentError);
      expect(failure).toMatchObject({ reason: 'commercetools.InvalidOperation', status: 400 });
      // Sent once: a refusal is not retried.
      const writes = await requests({ method: 'POST', path: `/${credentials.projectKey}/orders/` });
      expect(writes.map((w) => w.status)).toEqual([400]);
    });

    it('fails an update of an order that does not exist permanently (ResourceNotFound)', async () => {
      const client = clientFor();
      const failure = await client
        .updateOrder(randomUUID(), 1, [{ action: 'changeOrderState', orderState: 'Confirmed' }])
        .catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(PermanentError);
      expect(failure).toMatchObject({ reason: 'commercetools.ResourceNotFound', status: 404 });
    });

    it('retries a 503 on a read in-process and succeeds', async () => {
      const client = clientFor();
      const placed = await placeOrder(credentials.projectKey);
      const path = `/${credentials.projectKey}/orders/${placed.id}`;
      await control.addFault({ kind: 'server_error', status: 503, count: 2, path });
      await expect(client.order(placed.id)).resolves.toMatchObject({ id: placed.id });
      expect((await requests({ method: 'GET', path })).map((r) => r.status)).toEqual([
        503, 503, 200,
      ]);
    });

    it('gives a retryable error after a persistent 502', async () => {
      const client = clientFor();
      const placed = await placeOrder(credentials.projectKey);
      const path = `/${credentials.projectKey}/orders/${placed.id}`;
      await control.addFault({ kind: 'server_error', status: 502, path });
      const failure = await client.order(placed.id).catch((error: unknown) => error);
      await control.clearFaults();
      expect(failure).toBeInstanceOf(RetryableError);
      expect(failure).toMatchObject({ reason: 'commercetools.BadGateway', status: 502 });
      // The first attempt and the client's two in-process retries, then it is the job's turn.
      expect((await requests({ method: 'GET', path })).map((r) => r.status)).toEqual([
        502, 502, 502,
      ]);
    });
  });

  describe('subscription', () => {
    it('registers the parcel Type and the Subscription once; a second setup finds both', async () => {
      const account = await openCommercetoolsAccount(sim.url);
      const client = clientFor({
        credentials: CommercetoolsCredentialsSchema.parse(account.credentials),
      });
      const settings = CommercetoolsSettingsSchema.parse({
        pubsub: {
          projectId: account.settings.pubsub.projectId,
          topic: account.settings.pubsub.topic,
        },
      });
      const register = () =>
        commercetools.registerWebhooks!(client, 'https://hub.example.test/webhooks', settings);

      await expect(register()).resolves.toEqual({
        registered: ['type:shiplink-parcel-tracking', 'subscription:shiplink-orders'],
        existing: [],
      });
      await expect(register()).resolves.toEqual({
        registered: [],
        existing: ['type:shiplink-parcel-tracking', 'subscription:shiplink-orders'],
      });
      const subscriptions = await control.get<
        { key: string; destination: Record<string, unknown>; messages: unknown[] }[]
      >(`/projects/${account.credentials.projectKey}/subscriptions`);
      expect(subscriptions).toEqual([
        expect.objectContaining({
          key: 'shiplink-orders',
          destination: expect.objectContaining({
            type: 'GoogleCloudPubSub',
            projectId: settings.pubsub!.projectId,
            topic: settings.pubsub!.topic,
          }),
          messages: [{ resourceTypeId: 'order', types: [...ORDER_MESSAGE_TYPES] }],
        }),
      ]);
    });

    it('replaces the Subscription when the topic changes', async () => {
      const account = await openCommercetoolsAccount(sim.url);
      const client = clientFor({
        credentials: CommercetoolsCredentialsSchema.parse(account.credentials),
      });
      const { projectId, topic } = account.settings.pubsub;
      const settings = CommercetoolsSettingsSchema.parse({ pubsub: { projectId, topic } });
      await syncSubscription(client, settings, settings.pubsub!, ORDER_MESSAGE_TYPES);
      const before = await client.subscriptionByKey(settings.subscriptionKey);

      const moved = `${topic}-moved`;
      await control.post('/pubsub/topics', { name: `projects/${projectId}/topics/${moved}` });
      const elsewhere = CommercetoolsSettingsSchema.parse({ pubsub: { projectId, topic: moved } });
      await expect(
        syncSubscription(client, elsewhere, elsewhere.pubsub!, ORDER_MESSAGE_TYPES),
      ).resolves.toBe('registered');
      const after = await client.subscriptionByKey(settings.subscriptionKey);
      expect(after!.id).not.toBe(before!.id);
      expect(after!.destination).toMatchObject({ topic: moved });
      const all = await control.get<unknown[]>(
        `/projects/${account.credentials.projectKey}/subscriptions`,
      );
      expect(all).toHaveLength(1);
    });
  });

  describe('types', () => {
    const typeKey = 'shiplink-parcel-tracking';
    const projectTypes = async () =>
      (await control.get<{ types: number }>(`/projects/${credentials.projectKey}`)).types;

    it('returns the Type a lost create made instead of failing on the 500', async () => {
      // The simulator's faults answer before its handler runs, so a 500 that follows a
      // successful create is staged as two creates: the first goes through, the second meets
      // the 500 after the Type already exists (as when a create's answer was lost).
      const client = clientFor();
      const made = await client.createType(parcelTypeDraft(typeKey));
      await control.clearRequests();
      await control.addFault({
        kind: 'server_error',
        status: 500,
        count: 1,
        method: 'POST',
        path: `/${credentials.projectKey}/types`,
      });
      const again = await client.createType(parcelTypeDraft(typeKey));
      expect(again).toMatchObject({ id: made.id, key: typeKey, version: made.version });
      expect(await projectTypes()).toBe(1);
      const sent = (await requests()).map((r) => [r.method, r.path, r.status]);
      expect(sent).toEqual([
        ['POST', `/${credentials.projectKey}/types`, 500],
        ['GET', `/${credentials.projectKey}/types/key=${typeKey}`, 200],
      ]);
    });

    it('passes a 500 on a create on when no Type was made', async () => {
      const client = clientFor();
      await control.addFault({
        kind: 'server_error',
        status: 500,
        count: 1,
        method: 'POST',
        path: `/${credentials.projectKey}/types`,
      });
      const failure = await client
        .createType(parcelTypeDraft(typeKey))
        .catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(RetryableError);
      expect(await projectTypes()).toBe(0);
    });

    it('ensureParcelType creates the Type once and changes nothing the second time', async () => {
      const client = clientFor();
      const first = await ensureParcelType(client, typeKey);
      expect(first).toMatchObject({ created: true, updated: 0, type: { key: typeKey } });
      expect(first.type.resourceTypeIds).toEqual(['order-parcel']);
      expect(first.type.fieldDefinitions.map((field) => field.name)).toEqual(
        PARCEL_FIELD_DEFINITIONS.map((field) => field.name),
      );
      await control.clearRequests();

      const second = await ensureParcelType(client, typeKey);
      expect(second).toMatchObject({ created: false, updated: 0 });
      expect(second.type).toMatchObject({ id: first.type.id, version: first.type.version });
      expect(await projectTypes()).toBe(1);
      expect(await requests({ method: 'POST', path: `/${credentials.projectKey}/types` })).toEqual(
        [],
      );
    });

    it('ensureParcelType brings an older Type up to date', async () => {
      const client = clientFor();
      const current = parcelTypeDraft(typeKey);
      const [status, ...rest] = current.fieldDefinitions;
      const statusType = status!.type as { name: string; values: { key: string }[] };
      // An older Type: two statuses fewer, the status label in English only, one field missing.
      const older = {
        ...current,
        fieldDefinitions: [
          {
            ...status!,
            label: { en: status!.label.en! },
            type: { ...statusType, values: statusType.values.slice(0, -2) },
          },
          ...rest.slice(0, -1),
        ],
      };
      const made = await client.createType(older);
      expect(made.fieldDefinitions).toHaveLength(current.fieldDefinitions.length - 1);

      const ensured = await ensureParcelType(client, typeKey);
      // One field added, one label changed, two enum values added.
      expect(ensured).toMatchObject({ created: false, updated: 4 });
      expect(ensured.type.id).toBe(made.id);
      expect(ensured.type.version).toBe(made.version + 1);
      const fresh = await client.typeByKey(typeKey);
      expect(fresh!.fieldDefinitions.map((field) => field.name)).toEqual(
        current.fieldDefinitions.map((field) => field.name),
      );
      const statusField = fresh!.fieldDefinitions[0]!;
      expect(statusField.label).toEqual(status!.label);
      expect(statusField.type).toEqual({
        name: 'LocalizedEnum',
        values: statusType.values,
      });

      await expect(ensureParcelType(client, typeKey)).resolves.toMatchObject({
        created: false,
        updated: 0,
      });
    });

    it('refuses a Type of its key that is not for parcels', async () => {
      const client = clientFor();
      await client.createType({ ...parcelTypeDraft(typeKey), resourceTypeIds: ['order'] });
      await expect(ensureParcelType(client, typeKey)).rejects.toMatchObject({
        kind: 'permanent',
        reason: 'commercetools.parcel_type_taken',
      });
    });
  });
});
