import axios from 'axios';
import { PermanentError, RetryableError } from '@shiplink/errors';
import type { AppRegistration } from '../app-install';
import { SimulatorControl } from '../testing/control';
import { bigCommerceAppInstall } from './app-install';
import type { BigCommerceCredentials } from './credentials';
import { bigCommerce } from './descriptor';
import { startBigCommerceSimulator } from './simulator';

const STORE = { hash: 'appstore1', accessToken: 'token-owner-api', clientSecret: 'secret-owner' };
const APP = {
  clientId: 'hubapp1',
  clientSecret: 'hub-app-secret',
  name: 'Shiplink',
  authCallbackUrl: 'https://hub.example.org/bc/auth',
  loadCallbackUrl: 'https://hub.example.org/bc/load',
  uninstallCallbackUrl: 'https://hub.example.org/bc/uninstall',
};

const queryOf = (url: string) => Object.fromEntries(new URL(url).searchParams);

describe('BigCommerce simulator: installing a single-click app', () => {
  let sim: Awaited<ReturnType<typeof startBigCommerceSimulator>>;
  let control: SimulatorControl;
  let clockOffsetMs = 0;
  let registration: AppRegistration;
  const apiStatus = async (token: string) =>
    (
      await axios.get(`${sim.url}/stores/${STORE.hash}/v2/store`, {
        headers: { 'X-Auth-Token': token },
        validateStatus: () => true,
      })
    ).status;
  const authCallback = async () =>
    queryOf(
      (
        await control.post<{ authCallbackUrl: string }>(
          `/stores/${STORE.hash}/apps/${APP.clientId}/install`,
        )
      ).authCallbackUrl,
    );

  beforeAll(async () => {
    sim = await startBigCommerceSimulator({ now: () => Date.now() + clockOffsetMs });
    control = new SimulatorControl(sim.url);
    registration = {
      clientId: APP.clientId,
      clientSecret: APP.clientSecret,
      loginUrl: sim.url,
      apiUrl: sim.url,
      redirectUri: APP.authCallbackUrl,
    };
  });
  afterAll(() => sim.close());
  beforeEach(async () => {
    await control.reset();
    clockOffsetMs = 0;
    await control.post('/stores', STORE);
    await control.post('/apps', APP);
  });

  it('sends the browser to the auth callback with a code for the store', async () => {
    const query = await authCallback();
    expect(query).toEqual({
      code: expect.stringMatching(/^[0-9a-f]{32}$/),
      scope: 'store_v2_orders store_v2_products store_inventory store_v2_information_read_only',
      context: `stores/${STORE.hash}`,
      account_uuid: expect.stringMatching(/^[0-9a-f-]{36}$/),
    });
    expect(await control.get(`/stores/${STORE.hash}/apps`)).toEqual([
      expect.objectContaining({ clientId: 'hubapp1', installed: false }),
    ]);
  });

  it('trades the code once for a token that works on the store API', async () => {
    const query = await authCallback();
    const grant = await bigCommerceAppInstall.install(registration, query);
    const credentials = grant.credentials as BigCommerceCredentials;
    expect(grant).toMatchObject({
      storeRef: STORE.hash,
      owner: { ref: expect.stringMatching(/^\d+$/), email: `owner@${STORE.hash}.example.com` },
      scopes: query.scope?.split(' '),
      baseUrl: sim.url,
    });
    expect(grant.user).toEqual(grant.owner);
    expect(bigCommerce.credentials.parse(credentials)).toEqual({
      storeHash: STORE.hash,
      accessToken: expect.any(String),
      clientSecret: registration.clientSecret,
    });
    expect(await apiStatus(credentials.accessToken)).toBe(200);
    expect(await control.get(`/stores/${STORE.hash}/apps`)).toEqual([
      expect.objectContaining({ installed: true }),
    ]);

    const again = bigCommerceAppInstall.install(registration, query);
    await expect(again).rejects.toBeInstanceOf(PermanentError);
    await expect(again).rejects.toMatchObject({ reason: 'app.code_rejected', status: 400 });
  });

  it('refuses a wrong client secret and leaves the code to its app', async () => {
    const query = await authCallback();
    await expect(
      bigCommerceAppInstall.install({ ...registration, clientSecret: 'guess' }, query),
    ).rejects.toMatchObject({ reason: 'app.code_rejected', status: 401 });
    await expect(bigCommerceAppInstall.install(registration, query)).resolves.toMatchObject({
      storeRef: STORE.hash,
    });
  });

  it('refuses a redirect_uri other than the registered one, and the code is spent', async () => {
    const query = await authCallback();
    const elsewhere = { ...registration, redirectUri: 'https://attacker.example.org/cb' };
    await expect(bigCommerceAppInstall.install(elsewhere, query)).rejects.toMatchObject({
      reason: 'app.code_rejected',
    });
    await expect(bigCommerceAppInstall.install(registration, query)).rejects.toMatchObject({
      reason: 'app.code_rejected',
    });
  });

  it('refuses a code older than ten minutes', async () => {
    const query = await authCallback();
    clockOffsetMs = 10 * 60_000 + 1_000;
    await expect(bigCommerceAppInstall.install(registration, query)).rejects.toMatchObject({
      reason: 'app.code_rejected',
    });
  });

  it('calls a login service that fails or does not answer retryable, and the code survives', async () => {
    const query = await authCallback();
    await control.addFault({ kind: 'server_error', status: 503, path: '/oauth2/token', count: 1 });
    const failed = bigCommerceAppInstall.install(registration, query);
    await expect(failed).rejects.toBeInstanceOf(RetryableError);
    await expect(failed).rejects.toMatchObject({ reason: 'app.login_unavailable', status: 503 });
    await control.addFault({ kind: 'timeout', delayMs: 1_000, path: '/oauth2/token', count: 1 });
    await expect(
      bigCommerceAppInstall.install(registration, query, { timeoutMs: 100 }),
    ).rejects.toMatchObject({ reason: 'app.login_unavailable' });
    await expect(bigCommerceAppInstall.install(registration, query)).resolves.toMatchObject({
      storeRef: STORE.hash,
    });
  });

  it('answers the exchange as BigCommerce does, form bodies too, with OAuth errors', async () => {
    const token = (body: Record<string, string> | URLSearchParams) =>
      axios.post(`${sim.url}/oauth2/token`, body, { validateStatus: () => true });
    const query = await authCallback();
    const request = {
      client_id: 'hubapp1',
      client_secret: 'hub-app-secret',
      code: query.code ?? '',
      context: query.context ?? '',
      scope: query.scope ?? '',
      grant_type: 'authorization_code',
      redirect_uri: registration.redirectUri,
    };
    expect(await token({})).toMatchObject({ status: 400, data: { error: 'invalid_request' } });
    expect(await token({ ...request, grant_type: 'password' })).toMatchObject({
      status: 400,
      data: { error: 'unsupported_grant_type' },
    });
    expect(await token({ ...request, client_secret: 'x' })).toMatchObject({
      status: 401,
      data: { error: 'invalid_client', error_description: expect.any(String) },
    });
    expect(await token({ ...request, scope: 'store_v2_orders' })).toMatchObject({
      status: 400,
      data: { error: 'invalid_scope' },
    });

    const fresh = await authCallback();
    const answer = await token(new URLSearchParams({ ...request, code: fresh.code ?? '' }));
    expect(answer.status).toBe(200);
    expect(answer.data).toEqual({
      access_token: expect.any(String),
      scope: request.scope,
      user: { id: expect.any(Number), username: expect.any(String), email: expect.any(String) },
      owner: answer.data.user,
      context: `stores/${STORE.hash}`,
      account_uuid: fresh.account_uuid,
    });
  });
});
