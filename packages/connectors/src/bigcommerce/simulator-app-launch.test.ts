import axios from 'axios';
import express from 'express';
import type { AppRegistration } from '../app-install';
import { listen, type RunningServer } from '../simulator-kit/simulator';
import { SimulatorControl } from '../testing/control';
import { bigCommerceAppInstall } from './app-install';
import { createBigCommerceClient } from './client';
import type { BigCommerceCredentials } from './credentials';
import { bigCommerce } from './descriptor';
import { startBigCommerceSimulator } from './simulator';

const STORE = { hash: 'appstore1', accessToken: 'token-owner-api', clientSecret: 'secret-owner' };

async function waitFor<T>(probe: () => T | undefined, timeoutMs = 5_000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() - started > timeoutMs) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

const queryOf = (url: string) => Object.fromEntries(new URL(url).searchParams);

describe('BigCommerce simulator: opening and uninstalling a single-click app', () => {
  let sim: Awaited<ReturnType<typeof startBigCommerceSimulator>>;
  let control: SimulatorControl;
  let receiver: RunningServer;
  let registration: AppRegistration;
  const serverCalls: Record<string, unknown>[] = [];
  const hooks: { path: string; headers: Record<string, string>; body: Buffer }[] = [];
  const app = () => ({
    clientId: 'hubapp1',
    clientSecret: 'hub-app-secret',
    name: 'Shiplink <Hub>',
    authCallbackUrl: `${receiver.url}/bc/auth`,
    loadCallbackUrl: `${receiver.url}/bc/load`,
    uninstallCallbackUrl: `${receiver.url}/bc/uninstall`,
  });
  const apiStatus = async (token: string) =>
    (
      await axios.get(`${sim.url}/stores/${STORE.hash}/v2/store`, {
        headers: { 'X-Auth-Token': token },
        validateStatus: () => true,
      })
    ).status;
  const appPath = (action: string) => `/stores/${STORE.hash}/apps/hubapp1/${action}`;
  const authCallback = async () =>
    queryOf((await control.post<{ authCallbackUrl: string }>(appPath('install'))).authCallbackUrl);
  const installed = async () =>
    bigCommerceAppInstall.install(registration, await authCallback(), { timeoutMs: 2_000 });

  beforeAll(async () => {
    const web = express();
    web.get(/^\/bc\/(uninstall|remove-user)$/, (req, res) => {
      serverCalls.push({ path: req.path, ...req.query });
      res.json({ ok: true });
    });
    web.post(/^\/(hooks|other-hooks)$/, express.raw({ type: '*/*' }), (req, res) => {
      hooks.push({
        path: req.path,
        headers: req.headers as Record<string, string>,
        body: req.body as Buffer,
      });
      res.status(200).end();
    });
    receiver = await listen(web);
    sim = await startBigCommerceSimulator();
    control = new SimulatorControl(sim.url);
  });
  afterAll(async () => {
    await sim.close();
    await receiver.close();
  });
  beforeEach(async () => {
    await control.reset();
    serverCalls.length = 0;
    hooks.length = 0;
    await control.post('/stores', STORE);
    await control.post('/apps', app());
    registration = {
      clientId: 'hubapp1',
      clientSecret: 'hub-app-secret',
      loginUrl: sim.url,
      apiUrl: sim.url,
      redirectUri: app().authCallbackUrl,
    };
  });

  it('opens the installed app with a payload the hub verifies, and only that', async () => {
    await expect(control.post(appPath('load'))).rejects.toMatchObject({
      response: { status: 409 },
    });
    const grant = await installed();
    const clerk = { id: 77, email: 'clerk@example.com' };
    const { url } = await control.post<{ url: string }>(appPath('load'), { user: clerk });
    expect(url.startsWith(`${receiver.url}/bc/load?`)).toBe(true);
    const query = queryOf(url);
    expect(bigCommerceAppInstall.verifyLaunch(registration, query, Date.now())).toEqual({
      ok: true,
      launch: {
        storeRef: STORE.hash,
        user: { ref: '77', email: clerk.email, locale: 'en-US' },
        owner: { ref: grant.owner.ref, email: grant.owner.email },
      },
    });

    const [header, , signature] = (query.signed_payload_jwt ?? '').split('.');
    const payload = Buffer.from(JSON.stringify({ sub: `stores/${STORE.hash}` })).toString(
      'base64url',
    );
    const tampered = { signed_payload_jwt: `${header}.${payload}.${signature}` };
    const verdict = (q: Record<string, unknown>, app = registration, nowMs = Date.now()) =>
      bigCommerceAppInstall.verifyLaunch(app, q, nowMs);
    expect(verdict(tampered)).toEqual({ ok: false, reason: 'bad_signature' });
    expect(verdict(query, { ...registration, clientId: 'other-app' })).toEqual({
      ok: false,
      reason: 'wrong_audience',
    });
    expect(verdict(query, registration, Date.now() + 2 * 86_400_000)).toEqual({
      ok: false,
      reason: 'expired',
    });
  });

  it('uninstalls: revokes the token, calls the uninstall callback and tells the app’s hooks', async () => {
    const grant = await installed();
    const credentials = grant.credentials as BigCommerceCredentials;
    const client = createBigCommerceClient({ baseUrl: grant.baseUrl, credentials });
    const registered = await bigCommerce.registerWebhooks!(
      client,
      `${receiver.url}/hooks`,
      bigCommerce.settings.parse({}),
    );
    expect(registered.registered).toContain('store/app/uninstalled');
    // Another API client of the store hears nothing of this app's uninstall.
    await createBigCommerceClient({
      baseUrl: sim.url,
      credentials: { storeHash: STORE.hash, ...STORE },
    }).createHook({ scope: 'store/app/uninstalled', destination: `${receiver.url}/other-hooks` });

    const outcome = await control.post<{
      uninstallCallback: { url: string; status: number };
      webhooks: { id: string; url: string }[];
    }>(appPath('uninstall'));
    expect(outcome.uninstallCallback).toEqual({
      url: expect.stringContaining(`${receiver.url}/bc/uninstall?signed_payload_jwt=`),
      status: 200,
    });
    expect(outcome.webhooks).toEqual([{ id: expect.any(String), url: `${receiver.url}/hooks` }]);
    expect(serverCalls).toHaveLength(1);
    expect(
      bigCommerceAppInstall.verifyLaunch(registration, serverCalls[0] ?? {}, Date.now()),
    ).toMatchObject({ ok: true, launch: { storeRef: STORE.hash } });

    const delivery = await waitFor(() => hooks.find((hook) => hook.path === '/hooks'));
    const verdict = bigCommerce.webhook!.handle(
      {
        headers: delivery.headers,
        rawBody: delivery.body,
        pathSecret: undefined,
        toleranceSec: 300,
      },
      {
        id: 'c1',
        baseUrl: sim.url,
        webhookSecret: registration.clientSecret,
        storeRef: STORE.hash,
        settings: {},
      },
    );
    expect(verdict).toMatchObject({
      ok: true,
      topic: 'store/app/uninstalled',
      intent: { kind: 'store.uninstalled' },
    });
    expect(hooks.map((hook) => hook.path)).toEqual(['/hooks']);

    expect(await apiStatus(credentials.accessToken)).toBe(401);
    expect(await apiStatus(STORE.accessToken)).toBe(200);
    const left = await control.get<{ client_id: string }[]>(`/stores/${STORE.hash}/hooks`);
    expect(left.map((hook) => hook.client_id)).not.toContain('hubapp1');
    await expect(control.post(appPath('uninstall'))).rejects.toMatchObject({
      response: { status: 409 },
    });

    const again = await installed();
    expect((again.credentials as BigCommerceCredentials).accessToken).not.toBe(
      credentials.accessToken,
    );
  });

  it('tells the remove-user callback whose access the owner took away', async () => {
    await installed();
    const clerk = { user: { id: 77, email: 'clerk@example.com' } };
    await expect(control.post(appPath('remove-user'), clerk)).rejects.toMatchObject({
      response: { status: 409 },
    });
    await control.post('/apps', {
      ...app(),
      removeUserCallbackUrl: `${receiver.url}/bc/remove-user`,
    });
    const outcome = await control.post<{ removeUserCallback: { status: number } }>(
      appPath('remove-user'),
      clerk,
    );
    expect(outcome.removeUserCallback.status).toBe(200);
    const [call] = serverCalls;
    expect(call?.path).toBe('/bc/remove-user');
    expect(bigCommerceAppInstall.verifyLaunch(registration, call ?? {}, Date.now())).toMatchObject({
      ok: true,
      launch: { storeRef: STORE.hash, user: { ref: '77', email: 'clerk@example.com' } },
    });
  });

  it('serves the control panel’s Apps page to a browser', async () => {
    const page = (path = '', method: 'get' | 'post' = 'get') =>
      axios.request<string>({
        url: `${sim.url}/manage/stores/${STORE.hash}/apps${path}`,
        method,
        maxRedirects: 0,
        validateStatus: () => true,
        responseType: 'text',
      });
    const first = await page();
    expect(first.status).toBe(200);
    expect(first.headers['content-type']).toMatch(/^text\/html/);
    expect(first.data).toContain('<html lang="en">');
    expect(first.data).toContain('aria-label="Install Shiplink &lt;Hub&gt;"');
    expect(first.data).not.toContain('<Hub>');
    expect(first.data).not.toContain('<script');

    const install = await page('/hubapp1/install', 'post');
    expect(install.status).toBe(302);
    const location = String(install.headers.location);
    expect(location.startsWith(`${receiver.url}/bc/auth?`)).toBe(true);
    await bigCommerceAppInstall.install(registration, queryOf(location));
    expect((await page()).data).toContain('href="/manage/stores/appstore1/apps/hubapp1/open"');

    const open = await page('/hubapp1/open');
    expect(open.status).toBe(302);
    const launch = queryOf(String(open.headers.location));
    expect(bigCommerceAppInstall.verifyLaunch(registration, launch, Date.now()).ok).toBe(true);

    const uninstall = await page('/hubapp1/uninstall', 'post');
    expect(uninstall.status).toBe(200);
    expect(uninstall.data).toMatch(
      /<p role="status">Shiplink &lt;Hub&gt; was uninstalled: the uninstall callback answered 200/,
    );
    expect(uninstall.data).toContain('aria-label="Install Shiplink &lt;Hub&gt;"');
    expect(serverCalls).toHaveLength(1);

    const missing = await axios.get(`${sim.url}/manage/stores/nostore/apps`, {
      validateStatus: () => true,
    });
    expect(missing.status).toBe(404);
  });
});
