import { waitFor } from '@shiplink/testing';
import { ConsoleSession, openAccounts, startWorld, type TestWorld } from '@shiplink/test-world';

interface Hook {
  scope: string;
  destination: string;
}

/** A GET as the browser makes it, without following redirects. */
const visit = (url: string, headers: Record<string, string> = {}) =>
  fetch(url, { redirect: 'manual', headers });

/**
 * A merchant installs the hub from the BigCommerce control panel (the simulator's), opens it
 * later, and uninstalls it: no tokens pasted anywhere, and nothing of the store's history lost.
 */
describe('BigCommerce app install, load and uninstall', () => {
  let world: TestWorld;
  let storeHash: string;
  const clientId = () => world.hub.env.BIGCOMMERCE_APP_CLIENT_ID!;
  const control = (step: string, body: object = {}) =>
    world.bigcommerce.post<Record<string, unknown>>(
      `/stores/${storeHash}/apps/${clientId()}/${step}`,
      body,
    );

  /** Follows the callback's redirect into the console; answers the session it opened. */
  async function launch(callbackUrl: string) {
    const callback = await visit(callbackUrl);
    expect(callback.status).toBe(303);
    const ticketUrl = new URL(callback.headers.get('location')!, world.hub.ingressUrl);
    const opened = await visit(ticketUrl.toString());
    expect(opened.status).toBe(303);
    const cookie = opened.headers.getSetCookie().find((c) => c.startsWith('shiplink_session='));
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    // The ticket works once.
    expect(
      new URL((await visit(ticketUrl.toString())).headers.get('location')!, 'http://x').search,
    ).toBe('?launch=expired');
    return {
      console: new URL(opened.headers.get('location')!, world.hub.ingressUrl),
      cookie: cookie!.split(';')[0]!,
    };
  }

  beforeAll(async () => {
    world = await startWorld();
    ({ storeRef: storeHash } = await openAccounts(
      { bigcommerce: world.simulators.urls.bigcommerce } as never,
      { providers: [] },
    ));
  });
  afterAll(() => world?.close());

  it('installs: the store, its connection, its owner and its webhooks, then the console', async () => {
    const { authCallbackUrl } = (await control('install')) as { authCallbackUrl: string };
    const { console: landing, cookie } = await launch(authCallbackUrl);
    const storeId = landing.searchParams.get('installed');
    expect(landing.pathname).toBe('/console/');
    const session = await fetch(`${world.hub.ingressUrl}/console/api/session`, {
      headers: { cookie },
    });
    expect(((await session.json()) as { principal: unknown }).principal).toMatchObject({
      kind: 'user',
      role: 'owner',
    });
    const stores = await fetch(`${world.hub.ingressUrl}/admin/api/stores`, { headers: { cookie } });
    const [store] = (await stores.json()) as { id: string; externalRef: string }[];
    expect(store).toMatchObject({ id: storeId, externalRef: storeHash });
    const hooks = await world.bigcommerce.get<Hook[]>(`/stores/${storeHash}/hooks`);
    expect(hooks.map((h) => h.scope)).toEqual(
      expect.arrayContaining(['store/order/created', 'store/app/uninstalled']),
    );
    expect(hooks.every((h) => h.destination.startsWith(world.hub.ingressUrl))).toBe(true);
    const get = async (path: string) =>
      (await fetch(`${world.hub.ingressUrl}${path}`, { headers: { cookie } })).json() as Promise<
        Record<string, never>
      >;
    const [connection] = (await get(`/admin/api/stores/${storeId}/connections`)) as unknown as {
      id: string;
    }[];
    const health = (await get(`/admin/api/connections/${connection!.id}/health`)) as unknown;
    expect(health).toMatchObject({
      provider: 'bigcommerce',
      active: true,
      webhooks: { checked: true, missing: [] },
      tokenExpiresAt: null,
    });
  });

  it('answers a used or forged callback with a clear refusal', async () => {
    const forged = await visit(
      `${world.hub.ingressUrl}/apps/bigcommerce/load?signed_payload_jwt=eyJhbGciOiJub25lIn0.e30.`,
    );
    expect(forged.status).toBe(401);
    const { authCallbackUrl } = (await control('install').catch(() => ({}))) as {
      authCallbackUrl?: string;
    };
    // Already installed: the simulator issues no second code; replaying an old code fails.
    expect(authCallbackUrl).toBeUndefined();
    const stale = await visit(
      `${world.hub.ingressUrl}/apps/bigcommerce/auth?code=used&scope=store_v2_orders&context=stores/${storeHash}`,
    );
    expect(stale.status).toBe(400);
    expect(((await stale.json()) as { error: string }).error).toBe('install_refused');
  });

  it('opens from the control panel: straight in top-level, through a link inside the iframe', async () => {
    const { url } = (await control('load')) as { url: string };
    const { console: landing } = await launch(url);
    expect(landing.searchParams.get('store')).toMatch(/^[0-9a-f-]{36}$/);
    const { url: framed } = (await control('load')) as { url: string };
    const page = await visit(framed, { 'sec-fetch-dest': 'iframe' });
    expect(page.status).toBe(200);
    expect(await page.text()).toMatch(/target="_blank"[^>]*>Open the Shiplink console/);
  });

  it('uninstalls: every connection stops, history stays, and a reinstall brings it back', async () => {
    const operator = ConsoleSession.withToken(world.hub.ingressUrl, world.hub.env.ADMIN_TOKEN);
    const stores = (await operator.get('/admin/api/stores')).body as {
      id: string;
      externalRef: string;
    }[];
    const store = stores.find((s) => s.externalRef === storeHash)!;
    const uninstalled = await control('uninstall');
    expect(uninstalled).toMatchObject({ uninstallCallback: { status: 200 } });
    // The store/app/uninstalled webhook went to the hub as well (it finds the store stopped).
    expect((uninstalled.webhooks as unknown[]).length).toBeGreaterThan(0);
    await waitFor(async () => {
      const view = (await operator.get(`/admin/api/stores/${store.id}`)).body;
      return view.uninstalledAt !== null;
    });
    const connections = (await operator.get(`/admin/api/stores/${store.id}/connections`)).body as {
      active: boolean;
    }[];
    expect(connections.map((c) => c.active)).toEqual([false]);
    const actions = (await operator.get('/admin/api/admin-actions')).body as { action: string }[];
    expect(actions.map((a) => a.action)).toEqual(
      expect.arrayContaining(['app.installed', 'app.uninstalled']),
    );

    const { authCallbackUrl } = (await control('install')) as { authCallbackUrl: string };
    const { console: landing } = await launch(authCallbackUrl);
    expect(landing.searchParams.get('installed')).toBe(store.id);
    const again = (await operator.get(`/admin/api/stores/${store.id}/connections`)).body as {
      active: boolean;
    }[];
    expect(again.map((c) => c.active)).toEqual([true]);
  });
});
