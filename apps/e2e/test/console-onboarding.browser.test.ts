import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { signBigCommerceWebhook } from '@shiplink/connectors/bigcommerce';
import { waitFor } from '@shiplink/testing';
import {
  addConsoleUsers,
  CONSOLE_PASSWORD,
  ConsoleSession,
  openAccounts,
  startWorld,
  type TestWorld,
} from '@shiplink/test-world';
import { ConsoleBrowser, openScreen as open, violations } from './console-browser';

const OWNER = 'owner@sandbox.example';
const VIEWER = 'viewer@sandbox.example';
/** The navigation's links, in its order. */
const SCREENS = [
  'Connections',
  'Reviews',
  'Rules',
  'Orders',
  'Dead letters',
  'Returns',
  'Labels',
  'Analytics',
  'Users & tokens',
] as const;

/**
 * The console's way in, in Chromium: a merchant installs the app from the BigCommerce control
 * panel and lands signed in; an owner signs in and out, looks after the connections, adds a
 * viewer and an API token; the viewer can look but not change; the operator reaches Bull Board.
 */
describe('console: install, sign-in, connections, users and tokens', () => {
  let world: TestWorld;
  let browser: ConsoleBrowser;
  const url = (path = '/console/') => `${world.hub.ingressUrl}${path}`;
  const operator = () => ConsoleSession.withToken(world.hub.ingressUrl, world.hub.env.ADMIN_TOKEN);

  beforeAll(async () => {
    world = await startWorld();
    await addConsoleUsers(world.hub, world.setup.tenantId, [{ email: OWNER, role: 'owner' }]);
    browser = await ConsoleBrowser.launch();
  }, 60_000);

  afterEach(() => browser.closePages());

  afterAll(async () => {
    await browser?.close();
    await world?.close();
  });

  const newPage = (width = 1280) => browser.newPage(width);
  const signedIn = (email: string, width = 1280) =>
    browser.signedIn(world.hub.ingressUrl, email, width);

  const nav = (page: Page, name: string) =>
    page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true });

  const facts = (page: Page, provider: string) =>
    page.getByRole('region', { name: `${provider} connection` });

  it('installs from the control panel into a signed-in console with the new store connected', async () => {
    const { storeRef } = await openAccounts(world.simulators.urls, { providers: [] });
    const page = await newPage();
    await page.goto(`${world.simulators.urls.bigcommerce}/manage/stores/${storeRef}/apps`);
    await page.getByRole('button', { name: 'Install Shiplink' }).click();

    const banner = page.getByRole('status').filter({ hasText: 'Store connected' });
    await banner.waitFor();
    expect(new URL(page.url()).pathname).toBe('/console/');
    await page.getByText('Signed in as').waitFor();
    const stores = (await operator().get('/admin/api/stores')).body as {
      id: string;
      externalRef: string;
    }[];
    const installed = stores.find((store) => store.externalRef === storeRef)!;
    expect(await page.getByLabel('Store', { exact: true }).inputValue()).toBe(installed.id);
    await page.getByRole('heading', { name: 'Connections', level: 1 }).waitFor();

    // The webhooks are registered while the browser lands: the health shows them once in place.
    const bigcommerce = facts(page, 'bigcommerce');
    await waitFor(
      async () => {
        const missing = bigcommerce.locator('dt:has-text("Webhooks missing") + dd');
        if ((await missing.count()) > 0 && (await missing.innerText()) === '—') return true;
        await page.reload();
        await bigcommerce.waitFor();
        return undefined;
      },
      { timeoutMs: 30_000, what: 'the BigCommerce webhooks in place' },
    );
    await expect(bigcommerce.locator('dt:has-text("Status") + dd').innerText()).resolves.toBe(
      'Active',
    );
    const present = await bigcommerce.locator('dt:has-text("Webhooks present") + dd').innerText();
    expect(present).toContain('store/order/created');
    expect(await violations(page)).toEqual([]);

    await banner.getByRole('button', { name: 'Dismiss' }).click();
    await banner.waitFor({ state: 'detached' });
    expect(new URL(page.url()).search).toBe('');
  }, 60_000);

  it('signs an owner in with e-mail and password, refuses a wrong one, and signs out', async () => {
    const page = await newPage();
    await page.goto(url());
    await page.getByRole('heading', { name: 'Sign in', level: 1 }).waitFor();
    await page.getByRole('heading', { name: 'With your e-mail', level: 2 }).waitFor();
    await page.getByRole('heading', { name: 'As the platform operator', level: 2 }).waitFor();
    expect(await violations(page)).toEqual([]);

    await page.getByLabel('E-mail', { exact: true }).fill(OWNER);
    await page.getByLabel('Password', { exact: true }).fill('not the password at all');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByRole('alert').getByText('Those credentials were not accepted.').waitFor();
    expect(await violations(page)).toEqual([]);

    await page.getByLabel('Password', { exact: true }).fill(CONSOLE_PASSWORD);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByText(`Signed in as ${OWNER} (owner)`).waitFor();
    expect(await page.getByRole('alert').count()).toBe(0);
    expect((await page.request.get(url('/console/api/session'))).status()).toBe(200);

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Sign in', level: 1 }).waitFor();
    expect((await page.request.get(url('/console/api/session'))).status()).toBe(401);
    await page.reload();
    await page.getByRole('heading', { name: 'Sign in', level: 1 }).waitFor();
  });

  it('rotates a secret, showing the new secret once, and re-registers the webhooks', async () => {
    const page = await signedIn(OWNER);
    await page.getByRole('heading', { name: 'Connections', level: 1 }).waitFor();
    const shipstation = facts(page, 'shipstation');
    await shipstation.locator('dt:has-text("Status") + dd').waitFor();
    expect(await violations(page)).toEqual([]);
    const fingerprint = async () => {
      const connections = (
        await operator().get(`/admin/api/stores/${world.setup.storeId}/connections`)
      ).body as { id: string; webhook: { secretFingerprint: string } }[];
      return connections.find((c) => c.id === world.setup.fulfilment.id)!.webhook.secretFingerprint;
    };
    const before = await fingerprint();

    await shipstation.getByRole('button', { name: 'Rotate secret' }).click();
    await shipstation.getByRole('heading', { name: 'Rotate the webhook secret?' }).waitFor();
    await shipstation.getByRole('button', { name: 'Rotate secret now' }).click();
    const shown = shipstation.getByRole('group', { name: 'New webhook secret' });
    const secret = (await shown.locator('code').innerText()).trim();
    expect(secret.length).toBeGreaterThanOrEqual(16);
    await shown.getByRole('button', { name: 'Copy secret' }).waitFor();
    expect(await fingerprint()).not.toBe(before);
    expect(await violations(page)).toEqual([]);

    await page.reload();
    await shipstation.locator('dt:has-text("Status") + dd').waitFor();
    expect(await page.getByRole('group', { name: 'New webhook secret' }).count()).toBe(0);
    expect(await page.getByText(secret).count()).toBe(0);

    // ShipStation's webhooks name the secret in their URL: registering again adds new ones.
    await shipstation.getByRole('button', { name: 'Re-register webhooks' }).click();
    const registered = shipstation.getByText(/^Webhooks registered: /);
    await registered.waitFor();
    expect(await registered.innerText()).toMatch(/^Webhooks registered: SHIP_NOTIFY/);
    await shipstation.getByRole('button', { name: 'Re-register webhooks' }).click();
    await shipstation.getByText(/^Webhooks registered: —\. Already there: SHIP_NOTIFY/).waitFor();
  }, 60_000);

  it('takes a BigCommerce secret the provider issued, and signs webhooks with it from then on', async () => {
    const connectionId = world.setup.connections.bigcommerce.id;
    const original = world.accounts.list[0]!.credentials.clientSecret!;
    const delivery = async (secret: string) => {
      const body = Buffer.from(
        JSON.stringify({
          scope: 'store/cart/created',
          store_id: '1001',
          data: { type: 'cart', id: `c-${randomUUID()}` },
          hash: randomUUID(),
          created_at: Math.floor(Date.now() / 1000),
          producer: `stores/${world.storeHash}`,
        }),
      );
      const headers = signBigCommerceWebhook({
        id: `msg_${randomUUID()}`,
        timestamp: Math.floor(Date.now() / 1000),
        body,
        secret,
      });
      const answer = await fetch(url(`/webhooks/bigcommerce/${connectionId}`), {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json' },
        body,
      });
      return answer.status;
    };
    const page = await signedIn(OWNER);
    const bigcommerce = facts(page, 'bigcommerce');
    await bigcommerce.locator('dt:has-text("Status") + dd').waitFor();

    await bigcommerce.getByRole('button', { name: 'Rotate secret' }).click();
    const field = bigcommerce.getByLabel('New secret');
    await field.waitFor();
    expect(await bigcommerce.getByText(/Developer Portal/).count()).toBe(1);
    const confirm = bigcommerce.getByRole('button', { name: 'Rotate secret now' });
    expect(await confirm.isDisabled()).toBe(true);
    expect(await violations(page)).toEqual([]);

    const issued = `bc-secret-${randomUUID()}`;
    await field.fill(issued);
    await confirm.click();
    await bigcommerce.getByText('The webhook secret was rotated.').waitFor();
    // The merchant typed it: it is not shown back.
    expect(await page.getByRole('group', { name: 'New webhook secret' }).count()).toBe(0);
    expect(await delivery(issued)).toBe(202);
    expect(await delivery(original)).toBe(401);

    // Back to the secret the simulator signs with, for the other tests.
    await operator().post(`/admin/api/connections/${connectionId}/webhook-secret`, {
      webhookSecret: original,
    });
    expect(await delivery(original)).toBe(202);
  }, 60_000);

  it('adds a viewer, and makes an API token that is shown once and works until revoked', async () => {
    const page = await signedIn(OWNER);
    await open(page, 'Users & tokens');
    const addUser = page.getByRole('form', { name: 'Add user' });
    await addUser.getByLabel('E-mail').fill(VIEWER);
    await addUser.getByLabel('Role').selectOption('viewer');
    await addUser.getByLabel('Initial password').fill(CONSOLE_PASSWORD);
    await addUser.getByRole('button', { name: 'Add user' }).click();
    await page.getByText(`${VIEWER} was added as viewer.`).waitFor();
    await page.getByRole('button', { name: `Change role of ${VIEWER}` }).waitFor();
    const users = (await operator().get('/admin/api/users')).body as {
      email: string;
      role: string;
    }[];
    expect(users.find((user) => user.email === VIEWER)?.role).toBe('viewer');

    const createToken = page.getByRole('form', { name: 'Create token' });
    await createToken.getByLabel('Token name').fill('nightly export');
    await createToken.getByRole('button', { name: 'Create token' }).click();
    const shown = page.getByRole('group', { name: 'New token nightly export' });
    const token = (await shown.locator('code').innerText()).trim();
    await shown.getByRole('button', { name: 'Copy token' }).waitFor();
    const withToken = ConsoleSession.withToken(world.hub.ingressUrl, token);
    const stores = await withToken.get('/admin/api/stores');
    expect(stores.status).toBe(200);
    expect((stores.body as { id: string }[]).map((store) => store.id)).toEqual([
      world.setup.storeId,
    ]);
    expect(await violations(page)).toEqual([]);

    await page.reload();
    await page.getByRole('button', { name: 'Revoke nightly export' }).waitFor();
    expect(await page.getByText(token).count()).toBe(0);
    await page.getByRole('button', { name: 'Revoke nightly export' }).click();
    await page.getByRole('button', { name: 'Revoke token' }).click();
    await page.getByText('The token nightly export was revoked.').waitFor();
    expect((await withToken.get('/admin/api/stores')).status).toBe(401);

    // Who did what is listed under the users and tokens.
    await page.reload();
    const actions = page.getByRole('region', { name: 'Admin actions' });
    await actions
      .getByRole('row', { name: /POST \/admin\/api\/tokens/ })
      .first()
      .waitFor();
    const rows = await actions.getByRole('row').allInnerTexts();
    for (const action of ['POST /admin/api/users', 'POST /admin/api/tokens', 'DELETE']) {
      expect(rows.some((row) => row.includes(OWNER) && row.includes(action))).toBe(true);
    }
    expect(await violations(page)).toEqual([]);
  }, 60_000);

  it('lets the viewer look, with every change button disabled', async () => {
    const page = await signedIn(VIEWER);
    await page.getByText(`Signed in as ${VIEWER} (viewer)`).waitFor();
    const note = 'You have read-only access (viewer): buttons that change things are disabled.';
    await page.getByText(note).waitFor();
    expect(await nav(page, 'Users & tokens').count()).toBe(0);
    expect(await nav(page, 'Queues (Bull Board)').count()).toBe(0);

    const shipstation = facts(page, 'shipstation');
    await shipstation.locator('dt:has-text("Status") + dd').waitFor();
    for (const name of ['Re-register webhooks', 'Rotate secret']) {
      const buttons = page.getByRole('button', { name, exact: true });
      expect(await buttons.count()).toBe(2);
      for (const button of await buttons.all()) expect(await button.isDisabled()).toBe(true);
    }
    expect(await violations(page)).toEqual([]);

    await open(page, 'Rules');
    await page.getByRole('heading', { name: 'Routing rules', level: 2 }).waitFor();
    expect(await page.getByRole('button', { name: 'Validate and save' }).isDisabled()).toBe(true);
    expect(await page.getByRole('button', { name: 'Dry run routing' }).isDisabled()).toBe(true);
    await open(page, 'Dead letters');
    await page.getByRole('button', { name: 'Apply filters' }).waitFor();
    expect(await page.getByRole('button', { name: 'Replay all matching' }).isDisabled()).toBe(true);
    expect(await page.getByRole('button', { name: 'Replay selected' }).isDisabled()).toBe(true);

    // The API says the same to a viewer who sends a change anyway.
    const session = (await (await page.request.get(url('/console/api/session'))).json()) as {
      csrfToken: string;
    };
    const sent = await page.request.post(
      url(`/admin/api/connections/${world.setup.fulfilment.id}/webhooks`),
      { headers: { 'x-csrf-token': session.csrfToken }, data: {} },
    );
    expect(sent.status()).toBe(403);
  }, 60_000);

  it("changes a user's role and removes a user, and their open session follows at once", async () => {
    const LEAVER = 'leaver@sandbox.example';
    await addConsoleUsers(world.hub, world.setup.tenantId, [{ email: LEAVER, role: 'operator' }]);
    const theirs = await ConsoleSession.signIn(world.hub.ingressUrl, {
      email: LEAVER,
      password: CONSOLE_PASSWORD,
    });
    const theirChange = () =>
      theirs.post(`/admin/api/connections/${world.setup.fulfilment.id}/webhooks`);
    expect((await theirChange()).status).toBe(200);

    const page = await signedIn(OWNER);
    await open(page, 'Users & tokens');
    const change = page.getByRole('button', { name: `Change role of ${LEAVER}` });
    expect(await change.isDisabled()).toBe(true);
    await page.getByLabel(`Role of ${LEAVER}`, { exact: true }).selectOption('viewer');
    await change.click();
    await page.getByText(`${LEAVER} is now viewer.`).waitFor();
    expect((await theirChange()).status).toBe(403);
    expect((await theirs.get('/admin/api/stores')).status).toBe(200);
    // Nobody can change their own role or remove themselves.
    expect(await page.getByRole('button', { name: `Remove ${OWNER}` }).isDisabled()).toBe(true);

    await page.getByRole('button', { name: `Remove ${LEAVER}` }).click();
    await page.getByRole('heading', { name: `Remove ${LEAVER}?` }).waitFor();
    expect(await violations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Remove user' }).click();
    await page.getByText(`${LEAVER} was removed.`).waitFor();
    await page.getByRole('rowheader', { name: new RegExp(`^${LEAVER} \\(removed `) }).waitFor();
    expect(await page.getByRole('button', { name: `Remove ${LEAVER}` }).isDisabled()).toBe(true);
    expect((await theirs.get('/admin/api/stores')).status).toBe(401);
    const again = await fetch(url('/console/api/session'), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: LEAVER, password: CONSOLE_PASSWORD }),
    });
    expect(again.status).toBe(401);

    const users = (await operator().get('/admin/api/users')).body as {
      id: string;
      email: string;
      role: string;
      disabledAt: string | null;
    }[];
    const leaver = users.find((user) => user.email === LEAVER)!;
    expect(leaver.role).toBe('viewer');
    expect(leaver.disabledAt).not.toBeNull();
    const audited = (await operator().get('/admin/api/admin-actions')).body as {
      actorLabel: string;
      action: string;
      target: string;
    }[];
    for (const method of ['PATCH', 'DELETE']) {
      const done = audited.find((a) => a.action.startsWith(`${method} /admin/api/users/`));
      expect(done?.actorLabel).toBe(OWNER);
      expect(done?.target).toContain(leaver.id);
    }
  }, 60_000);

  it('signs the platform operator in with the token, and opens Bull Board from the navigation', async () => {
    const page = await newPage();
    await page.goto(url());
    await page.getByLabel('Operator token').fill(world.hub.env.ADMIN_TOKEN);
    await page.getByRole('button', { name: 'Sign in as operator' }).click();
    await page.getByText('Signed in as Platform operator').waitFor();
    await open(page, 'Connections');
    expect(await violations(page)).toEqual([]);
    await nav(page, 'Queues (Bull Board)').click();
    await page.waitForURL((where) => where.pathname.startsWith('/admin/queues'));
    for (const queue of ['orders', 'orders-dlq']) {
      await page.getByText(queue, { exact: true }).first().waitFor();
    }
  });

  it('fits a 360 px phone on every screen, without scrolling sideways', async () => {
    const page = await signedIn(OWNER, 360);
    const wide: string[] = [];
    for (const link of SCREENS) {
      await open(page, link, link === 'Analytics' ? 'Delivery analytics' : link);
      // Each screen asks the API for its data: the width is taken once it has answered.
      await page
        .getByText(/^Loading .+…$/)
        .first()
        .waitFor({ state: 'detached' });
      const width = (await page.evaluate('document.documentElement.scrollWidth')) as number;
      if (width > 360) wide.push(`${link}: ${width} px`);
    }
    expect(wide).toEqual([]);
  }, 60_000);
});
