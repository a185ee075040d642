import { SimulatorControl } from '../../testing/control';
import { basic, call, openProject, requestToken } from './test-support';
import { startCommercetoolsSimulator, type RunningCommercetoolsSimulator } from '.';

const INVALID_TOKEN = {
  statusCode: 401,
  message: 'invalid_token',
  errors: [{ code: 'invalid_token', message: 'invalid_token' }],
  error: 'invalid_token',
};

describe('commercetools simulator auth', () => {
  let sim: RunningCommercetoolsSimulator;
  let control: SimulatorControl;
  let clock = Date.parse('2026-03-01T00:00:00Z');

  beforeAll(async () => {
    sim = await startCommercetoolsSimulator({ now: () => clock });
    control = new SimulatorControl(sim.url);
  });
  afterAll(() => sim.close());
  beforeEach(() => control.reset());

  it('issues a client credentials token, scopes in the query string or a form body', async () => {
    const project = await openProject(sim.url, {
      projectKey: 'shop-a',
      scopes: ['manage_orders', 'view_messages'],
    });
    const all = await requestToken(sim.url, project.clientId, project.clientSecret);
    expect(all).toMatchObject({
      status: 200,
      body: {
        access_token: expect.stringMatching(/^[\w-]{32}$/),
        token_type: 'Bearer',
        expires_in: 172_800,
        scope: 'manage_orders:shop-a view_messages:shop-a',
      },
    });
    const form = await call(sim.url, 'POST', '/oauth/token', {
      headers: {
        authorization: basic(project.clientId, project.clientSecret),
        'content-type': 'application/x-www-form-urlencoded',
      },
      rawBody: 'grant_type=client_credentials&scope=view_orders%3Ashop-a',
    });
    expect(form.status).toBe(200);
    expect(form.body.scope).toBe('view_orders:shop-a');
    expect(form.body).not.toHaveProperty('refresh_token');
  });

  it('refuses a bad client, another grant and a scope the client lacks, OAuth-style', async () => {
    const project = await openProject(sim.url, { projectKey: 'shop-b', scopes: ['view_orders'] });
    expect(await requestToken(sim.url, project.clientId, 'wrong')).toMatchObject({
      status: 401,
      body: {
        statusCode: 401,
        error: 'invalid_client',
        errors: [{ code: 'invalid_client' }],
        error_description: expect.stringContaining('HTTP Basic'),
      },
    });
    const password = await call(sim.url, 'POST', '/oauth/token?grant_type=password', {
      headers: { authorization: basic(project.clientId, project.clientSecret) },
    });
    expect(password.status).toBe(400);
    expect(password.body.error).toBe('unsupported_grant_type');
    const scoped = await requestToken(
      sim.url,
      project.clientId,
      project.clientSecret,
      'manage_orders:shop-b',
    );
    expect(scoped.status).toBe(400);
    expect(scoped.body).toMatchObject({ statusCode: 400, error: 'invalid_scope' });
    const otherProject = await requestToken(
      sim.url,
      project.clientId,
      project.clientSecret,
      'view_orders:shop-z',
    );
    expect(otherProject.body.error).toBe('invalid_scope');
  });

  it('answers 401 invalid_token without a token, for an unknown one and once expired', async () => {
    const project = await openProject(sim.url, { projectKey: 'shop-c', tokenValiditySeconds: 60 });
    for (const token of [undefined, 'not-a-token']) {
      const answer = await call(sim.url, 'GET', '/shop-c/orders', { token });
      expect(answer).toMatchObject({ status: 401, body: INVALID_TOKEN });
    }
    expect((await call(sim.url, 'GET', '/shop-c/orders', { token: project.token })).status).toBe(
      200,
    );
    clock += 61_000;
    expect(await call(sim.url, 'GET', '/shop-c/orders', { token: project.token })).toMatchObject({
      status: 401,
      body: INVALID_TOKEN,
    });
  });

  it('expires every token on demand, and a new token works (renew once on 401)', async () => {
    const project = await openProject(sim.url, { projectKey: 'shop-d' });
    expect(await control.post('/projects/shop-d/tokens/expire')).toEqual({ expired: 1 });
    expect((await call(sim.url, 'GET', '/shop-d/orders', { token: project.token })).status).toBe(
      401,
    );
    const renewed = await requestToken(sim.url, project.clientId, project.clientSecret);
    const again = await call(sim.url, 'GET', '/shop-d/orders', {
      token: String(renewed.body.access_token),
    });
    expect(again.status).toBe(200);
  });

  it('answers 403 insufficient_scope for a missing permission or another project', async () => {
    const reader = await openProject(sim.url, { projectKey: 'shop-e', scopes: ['view_orders'] });
    const other = await openProject(sim.url, { projectKey: 'shop-f' });
    expect((await call(sim.url, 'GET', '/shop-e/orders', { token: reader.token })).status).toBe(
      200,
    );
    const types = await call(sim.url, 'GET', '/shop-e/types', { token: reader.token });
    expect(types).toMatchObject({
      status: 403,
      body: {
        statusCode: 403,
        message: 'Insufficient scope. One of the following scopes is missing: view_types.',
        errors: [{ code: 'insufficient_scope' }],
        error: 'insufficient_scope',
      },
    });
    const update = await call(sim.url, 'POST', '/shop-e/orders/x', {
      token: reader.token,
      body: {},
    });
    expect(update.body.error).toBe('insufficient_scope');
    // view_orders still reads Messages (the deprecated scope); manage_orders implies view_orders.
    expect((await call(sim.url, 'GET', '/shop-e/messages', { token: reader.token })).status).toBe(
      200,
    );
    expect((await call(sim.url, 'GET', '/shop-e/orders', { token: other.token })).status).toBe(403);
  });

  it('lets a store-scoped token reach only its store, in-store', async () => {
    const project = await openProject(sim.url, {
      projectKey: 'shop-g',
      stores: ['eu', 'us'],
      scopes: ['manage_orders:shop-g:eu'],
    });
    await control.post('/projects/shop-g/orders', {
      customerEmail: 'a@example.com',
      storeKey: 'eu',
      lines: [{ sku: 'MUG-1', name: 'Mug', quantity: 1, centAmount: 100 }],
      shippingAddress: { country: 'FI' },
    });
    const inStore = await call(sim.url, 'GET', '/shop-g/in-store/key=eu/orders', {
      token: project.token,
    });
    expect(inStore).toMatchObject({ status: 200, body: { count: 1 } });
    expect(
      (await call(sim.url, 'GET', '/shop-g/in-store/key=us/orders', { token: project.token }))
        .status,
    ).toBe(403);
    expect((await call(sim.url, 'GET', '/shop-g/orders', { token: project.token })).status).toBe(
      403,
    );
    const [order] = (inStore.body as { results: { id: string }[] }).results;
    const updated = await call(sim.url, 'POST', `/shop-g/in-store/key=eu/orders/${order!.id}`, {
      token: project.token,
      body: { version: 1, actions: [{ action: 'changeOrderState', orderState: 'Confirmed' }] },
    });
    expect(updated.body).toMatchObject({ version: 2, orderState: 'Confirmed' });
    const global = await call(sim.url, 'POST', `/shop-g/orders/${order!.id}`, {
      token: project.token,
      body: { version: 2, actions: [] },
    });
    expect(global.status).toBe(403);
  });

  it('answers the kit faults in the commercetools error shape', async () => {
    const project = await openProject(sim.url, { projectKey: 'shop-h' });
    await control.addFault({ kind: 'server_error', status: 503, count: 1 });
    await control.addFault({ kind: 'rate_limit', count: 1, resetMs: 2_000 });
    const unavailable = await call(sim.url, 'GET', '/shop-h/orders', { token: project.token });
    expect(unavailable).toMatchObject({
      status: 503,
      body: { statusCode: 503, errors: [{ code: 'OverCapacity' }] },
    });
    const limited = await call(sim.url, 'GET', '/shop-h/orders', { token: project.token });
    expect(limited).toMatchObject({ status: 429, body: { statusCode: 429 } });
    expect(limited.headers.get('retry-after')).toBe('2');
    expect((await call(sim.url, 'GET', '/shop-h/orders', { token: project.token })).status).toBe(
      200,
    );
  });
});
