import { waitFor } from '@shiplink/testing';
import {
  addConsoleUsers,
  badAddressOrder,
  ConsoleSession,
  multiLineOrder,
  openAccounts,
  startWorld,
  type TestWorld,
} from '@shiplink/test-world';
import { ConsoleBrowser, violations } from './console-browser';

/**
 * The console in a real browser: a merchant installs the app from the BigCommerce control panel
 * and lands in the console, an on-call engineer replays a filtered set of dead letters after its
 * dry run, every screen passes an accessibility check, and a viewer can look but not change.
 */
describe('the console in a real browser', () => {
  let world: TestWorld;
  let browser: ConsoleBrowser;

  beforeAll(async () => {
    world = await startWorld();
    await addConsoleUsers(world.hub, world.setup.tenantId, [
      { email: 'owner@sandbox.example', role: 'owner' },
      { email: 'viewer@sandbox.example', role: 'viewer' },
    ]);
    browser = await ConsoleBrowser.launch();
  }, 60_000);

  afterEach(() => browser.closePages());

  afterAll(async () => {
    await browser?.close();
    await world?.close();
  });

  const signedIn = (email: string, width = 1280) =>
    browser.signedIn(world.hub.ingressUrl, email, width);
  const accessible = violations;

  it('installs from the BigCommerce control panel and opens the console signed in', async () => {
    const { storeRef } = await openAccounts(world.simulators.urls, { providers: [] });
    const page = await browser.newPage();
    await page.goto(`${world.simulators.urls.bigcommerce}/manage/stores/${storeRef}/apps`);
    await page
      .getByRole('button', { name: /install/i })
      .first()
      .click();
    await page.getByText('Store connected').waitFor();
    expect(new URL(page.url()).pathname.startsWith('/console')).toBe(true);
    await page.getByRole('heading', { name: 'Connections', level: 1 }).waitFor();
    await page.getByRole('region', { name: /bigcommerce connection/i }).waitFor();
  });

  it('refuses a wrong password with a message', async () => {
    const page = await browser.newPage();
    await page.goto(`${world.hub.ingressUrl}/console/`);
    await page.getByLabel('E-mail', { exact: true }).fill('owner@sandbox.example');
    await page.getByLabel('Password', { exact: true }).fill('not the password at all');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByRole('alert').getByText('Those credentials were not accepted.').waitFor();
  });

  it('replays only the dead letters a filter matches, after showing its dry run', async () => {
    const bad = [
      await world.placeOrder(badAddressOrder()),
      await world.placeOrder(badAddressOrder()),
    ];
    const other = await world.hub.platform.repos.deadLetters.record({
      queue: 'tracking',
      jobName: 'tracking.event',
      jobId: `tracking-event.${world.setup.connections.bigcommerce.id}.unrelated`,
      payload: { connectionId: world.setup.connections.bigcommerce.id },
      reason: 'aftership.unknown_tracking',
      error: 'no such tracking',
      attemptsMade: 1,
    });
    const owner = ConsoleSession.withToken(world.hub.ingressUrl, world.hub.env.ADMIN_TOKEN);
    const open = async () =>
      (await owner.get('/admin/api/dead-letters?status=open&limit=500')).body.items as {
        id: string;
        jobId: string;
        replayCount: number;
      }[];
    await waitFor(async () => {
      const letters = await open();
      return bad.every((id) => letters.some((l) => l.jobId.includes(`.${id}.`)));
    });

    const page = await signedIn('owner@sandbox.example');
    await page.getByRole('link', { name: 'Dead letters' }).click();
    await page.getByRole('heading', { name: 'Dead letters', level: 1 }).waitFor();
    expect(await accessible(page)).toEqual([]);
    await page.getByLabel('Queue').fill('orders');
    await page.getByLabel('Reason').fill('shipstation.');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.getByRole('button', { name: 'Replay all matching' }).click();
    await page.getByRole('heading', { name: 'Confirm replay' }).waitFor();
    await page.getByText('2 dead letters would be replayed').waitFor();
    await page.getByRole('button', { name: 'Confirm replay' }).click();
    await waitFor(async () => {
      const replayed = (await owner.get('/admin/api/dead-letters?queue=orders&limit=500')).body
        .items as { jobId: string; replayCount: number }[];
      return bad.every((id) =>
        replayed.some((l) => l.jobId.includes(`.${id}.`) && l.replayCount >= 1),
      );
    });
    const untouched = (await owner.get(`/admin/api/dead-letters/${other.id}`)).body;
    expect(untouched).toMatchObject({ status: 'open', replayCount: 0 });
    const actions = (await owner.get('/admin/api/admin-actions')).body as {
      actorLabel: string;
      action: string;
      detail: { dryRun?: boolean; matched?: number };
    }[];
    const replays = actions.filter((a) => a.action === 'POST /admin/api/dead-letters/replay');
    expect(replays.map((a) => [a.actorLabel, a.detail.dryRun, a.detail.matched])).toEqual(
      expect.arrayContaining([
        ['owner@sandbox.example', true, 2],
        ['owner@sandbox.example', false, 2],
      ]),
    );
  });

  it('approves a return from the console, and the store refunds it exactly once', async () => {
    const orderId = await world.placeOrder(multiLineOrder());
    const exported = await world.shipStationOrder(orderId);
    await world.shipstation.post(`/orders/${exported.orderId}/ship`, {
      carrierCode: 'ups_walleted',
      serviceCode: 'ups_ground',
    });
    await world.bigCommerceShipments(orderId, 1);
    await world.shipstation.post(`/orders/${exported.orderId}/return-label`, {
      items: [{ lineItemKey: exported.items[0]!.lineItemKey, quantity: 1 }],
      carrierCode: 'ups_walleted',
      serviceCode: 'ups_ground',
    });
    // The merchant asks the hub to look at ShipStation now rather than at the next poll.
    await world.admin.http.post(`/connections/${world.setup.fulfilment.id}/polls`);

    const page = await signedIn('owner@sandbox.example');
    await page.getByRole('link', { name: 'Returns' }).click();
    await page.getByRole('heading', { name: 'Returns', level: 1 }).waitFor();
    const approve = page.getByRole('button', { name: /^Approve refund for return/ });
    await waitFor(
      async () => {
        if ((await approve.count()) > 0) return true;
        await page.reload();
        await page.getByRole('heading', { name: 'Returns', level: 1 }).waitFor();
        return undefined;
      },
      { timeoutMs: 30_000, what: 'the return awaiting approval' },
    );
    await approve.first().click();
    await page.getByRole('button', { name: 'Confirm approval' }).click();
    await page.getByText(/was approved; it is being issued/).waitFor();
    const refunds = () =>
      world.bigcommerce
        .get<{ order_id: number }[]>(`/stores/${world.storeHash}/refunds`)
        .then((all) => all.filter((r) => r.order_id === orderId));
    await waitFor(async () => ((await refunds()).length === 1 ? true : undefined), {
      timeoutMs: 30_000,
      what: 'one refund at the store',
    });
    expect(await refunds()).toHaveLength(1);
  }, 90_000);

  it('passes an accessibility check on every screen, and fits a phone', async () => {
    const page = await signedIn('owner@sandbox.example');
    const failures: string[] = [];
    for (const [link, heading] of [
      ['Connections', 'Connections'],
      ['Reviews', 'Reviews'],
      ['Rules', 'Rules'],
      ['Orders', 'Orders'],
      ['Dead letters', 'Dead letters'],
      ['Returns', 'Returns'],
      ['Labels', 'Labels'],
      ['Analytics', 'Delivery analytics'],
      ['Users & tokens', 'Users & tokens'],
    ]) {
      await page
        .getByRole('navigation', { name: 'Main' })
        .getByRole('link', { name: link })
        .click();
      await page.getByRole('heading', { name: heading, level: 1 }).waitFor();
      for (const id of await accessible(page)) failures.push(`${link}: ${id}`);
    }
    expect(failures).toEqual([]);
    const phone = await signedIn('owner@sandbox.example', 360);
    expect(await phone.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(360);
  }, 90_000);

  it('lets a viewer look, with every change button disabled', async () => {
    const page = await signedIn('viewer@sandbox.example');
    await page.getByText('You have read-only access (viewer)').waitFor();
    await page.getByRole('region', { name: /bigcommerce connection/i }).waitFor();
    const reRegister = page.getByRole('button', { name: 'Re-register webhooks' }).first();
    expect(await reRegister.isDisabled()).toBe(true);
  });
});
