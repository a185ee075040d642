import type { Page } from 'playwright-core';
import { waitFor } from '@shiplink/testing';
import {
  addConsoleUsers,
  badAddressOrder,
  ConsoleSession,
  deadLettersOfOrder,
  multiLineOrder,
  orphanShipmentDeadLetter,
  returnAwaitingApproval,
  startTrackingWorld,
  type TestWorld,
  type TrackingHelpers,
} from '@shiplink/test-world';
import { ConsoleBrowser, openScreen as open, violations } from './console-browser';

const OWNER = 'owner@sandbox.example';

/**
 * Support and on-call in the console, in Chromium: an order found by its number and by its
 * tracking number with its whole story, a filtered set of dead letters replayed after its dry
 * run, and a return's refund approved, on a store with ShipStation and AfterShip.
 */
describe('console: orders, dead letters and returns', () => {
  let world: TestWorld;
  let t: TrackingHelpers;
  let browser: ConsoleBrowser;

  beforeAll(async () => {
    ({ world, t } = await startTrackingWorld());
    await addConsoleUsers(world.hub, world.setup.tenantId, [{ email: OWNER, role: 'owner' }]);
    browser = await ConsoleBrowser.launch();
  }, 60_000);

  afterEach(() => browser.closePages());

  afterAll(async () => {
    await browser?.close();
    await world?.close();
  });

  const signedIn = (width = 1280) => browser.signedIn(world.hub.ingressUrl, OWNER, width);

  const scrollWidth = (page: Page) =>
    page.evaluate('document.documentElement.scrollWidth') as Promise<number>;

  async function search(page: Page, text: string): Promise<void> {
    await page.getByLabel('Order number, e-mail or tracking number').fill(text);
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await page.getByText(/^\d+ orders? found\.$/).waitFor();
  }

  it('finds an order by number and by tracking number, and shows its calls and timeline', async () => {
    const { orderNumber, trackingNumber, tracking } = await t.shippedInStore(multiLineOrder());
    await t.scan(tracking.id, { subtag: 'InTransit_001', message: 'Departed UPS facility' });
    await t.scan(tracking.id, { subtag: 'Delivered_001', message: 'Delivered, front door' });
    await t.timeline(
      orderNumber,
      (parcels) => t.parcel(parcels, trackingNumber)?.status === 'delivered',
    );

    const page = await signedIn();
    await open(page, 'Orders');
    expect(await violations(page)).toEqual([]);
    await search(page, orderNumber);
    const found = page.getByRole('region', { name: 'Orders found' });
    const hit = found.getByRole('row', { name: new RegExp(`^${orderNumber} `) });
    expect(await hit.innerText()).toContain('orderNumber');
    expect(await violations(page)).toEqual([]);
    await hit.getByRole('link', { name: orderNumber, exact: true }).click();

    await page.getByRole('heading', { name: `Order ${orderNumber}`, level: 1 }).waitFor();
    await page.getByRole('heading', { name: 'Order', level: 2, exact: true }).waitFor();
    const story = page.getByRole('region', { name: 'Story' });
    await story.getByText('order placed').first().waitFor();
    await story.getByText(`${trackingNumber}: delivered`).waitFor();
    const calls = page.getByRole('region', { name: /^Provider calls/ });
    const callRows = await calls.getByRole('row').allInnerTexts();
    expect(callRows.some((row) => row.includes('shipstation'))).toBe(true);
    expect(callRows.some((row) => row.includes('aftership'))).toBe(true);
    const parcels = page.getByRole('region', { name: /^Tracking timeline/ });
    await parcels.getByText('Delivered, front door').waitFor();
    await parcels.getByText('Departed UPS facility').waitFor();
    expect(await violations(page)).toEqual([]);

    await page.getByRole('link', { name: 'Back to order search' }).click();
    await page.getByRole('heading', { name: 'Orders', level: 1 }).waitFor();
    await search(page, trackingNumber);
    const byTracking = await found.getByRole('row').allInnerTexts();
    // A header row and the one order.
    expect(byTracking).toHaveLength(2);
    expect(byTracking[1]).toContain(orderNumber);
    expect(byTracking[1]).toContain('trackingNumber');
  }, 90_000);

  it('replays only the dead letters the filters match, after showing the dry run', async () => {
    const bad = [
      await world.placeOrder(badAddressOrder()),
      await world.placeOrder(badAddressOrder()),
    ];
    const replayable: string[] = [];
    for (const orderId of bad) {
      const [letter] = await waitFor(
        async () => {
          const letters = await deadLettersOfOrder(world, orderId);
          return letters.length ? letters : undefined;
        },
        { what: `the dead letter of order ${orderId}` },
      );
      replayable.push(letter!.id);
    }
    const orphan = await orphanShipmentDeadLetter(world, 987_654);

    const page = await signedIn();
    await open(page, 'Dead letters');
    await page.getByRole('heading', { name: 'Filters', level: 2 }).waitFor();
    const table = page.getByRole('region', { name: 'Dead letters' });
    await table.getByRole('checkbox', { name: `Select dead letter ${orphan.id}` }).waitFor();
    expect(await violations(page)).toEqual([]);

    const filter = async (fields: { queue: string; reason: string }, matches: number) => {
      await page.getByLabel('Queue').fill(fields.queue);
      await page.getByLabel('Reason').fill(fields.reason);
      await page.getByRole('button', { name: 'Apply filters' }).click();
      await page.getByText(`${matches} dead letter${matches === 1 ? '' : 's'} match.`).waitFor();
    };
    await filter({ queue: '', reason: 'store.' }, 1);
    await table.getByRole('checkbox', { name: `Select dead letter ${orphan.id}` }).waitFor();
    await filter({ queue: 'orders', reason: 'shipstation.' }, 2);
    expect(await table.getByRole('checkbox', { name: /^Select dead letter / }).count()).toBe(2);

    await page.getByRole('button', { name: 'Replay all matching' }).click();
    const confirm = page.getByRole('region', { name: 'Confirm replay' });
    await confirm.getByRole('heading', { name: 'Confirm replay', level: 3 }).waitFor();
    await confirm.getByText('2 dead letters would be replayed.').waitFor();
    const listed = await confirm
      .getByRole('list', { name: 'Dead letters to replay' })
      .getByRole('listitem')
      .allInnerTexts();
    expect(listed).toHaveLength(2);
    expect(listed.every((item) => item.includes('shipstation.validation'))).toBe(true);
    expect(await violations(page)).toEqual([]);
    await confirm.getByRole('button', { name: 'Confirm replay' }).click();
    await page.getByText('2 dead letters replayed.').waitFor();

    const operator = ConsoleSession.withToken(world.hub.ingressUrl, world.hub.env.ADMIN_TOKEN);
    const letter = async (id: string) =>
      (await operator.get(`/admin/api/dead-letters/${id}`)).body as { replayCount: number };
    for (const id of replayable) {
      await waitFor(async () => ((await letter(id)).replayCount === 1 ? true : undefined), {
        what: `dead letter ${id} replayed once`,
      });
    }
    expect(await letter(orphan.id)).toMatchObject({ status: 'open', replayCount: 0 });

    // The dead letter left alone, opened on its own.
    await filter({ queue: 'shipments', reason: '' }, 1);
    await table.getByRole('link', { name: 'store-shipment.sync' }).click();
    await page.getByRole('heading', { name: `Dead letter ${orphan.id}`, level: 1 }).waitFor();
    await page.getByRole('heading', { name: 'Payload', level: 2 }).waitFor();
    await page.getByRole('button', { name: 'Replay this dead letter' }).waitFor();
    await page.getByRole('region', { name: 'Payload' }).getByText('987654').first().waitFor();
    expect(await violations(page)).toEqual([]);
    // Replayed from its own page, after its dry run.
    await page.getByRole('button', { name: 'Replay this dead letter' }).click();
    await confirm.getByText('1 dead letter would be replayed.').waitFor();
    expect(await violations(page)).toEqual([]);
    await confirm.getByRole('button', { name: 'Confirm replay' }).click();
    await page.getByText('1 dead letter replayed.').waitFor();
    await waitFor(async () => ((await letter(orphan.id)).replayCount === 1 ? true : undefined), {
      what: `dead letter ${orphan.id} replayed once`,
    });

    // The replay (and its dry run) are in the admin actions, under the owner's name.
    await open(page, 'Users & tokens');
    const actions = page.getByRole('region', { name: 'Admin actions' });
    const replays = actions.getByRole('row', { name: /dead-letters\/replay/ });
    await replays.first().waitFor();
    const rows = await replays.allInnerTexts();
    expect(rows.filter((row) => row.includes(OWNER))).toHaveLength(4);
    for (const replayed of ['"replayed":2', '"replayed":1']) {
      expect(rows.some((row) => row.includes('"dryRun":false') && row.includes(replayed))).toBe(
        true,
      );
    }
  }, 90_000);

  it('approves a return from the console, and the store refunds it exactly once', async () => {
    const { orderId } = await returnAwaitingApproval(world);
    const page = await signedIn();
    await open(page, 'Returns');
    const approve = page.getByRole('button', { name: /^Approve refund for return / });
    await waitFor(
      async () => {
        if ((await approve.count()) > 0) return true;
        await page.reload();
        await page.getByRole('heading', { name: 'Returns', level: 1 }).waitFor();
        return undefined;
      },
      { timeoutMs: 30_000, what: 'the return awaiting approval' },
    );
    expect(await approve.count()).toBe(1);
    expect(await violations(page)).toEqual([]);
    await approve.click();
    await page.getByRole('button', { name: 'Confirm approval' }).click();
    await page.getByText(/was approved; it is being issued\.$/).waitFor();
    // The list is read again: the return has left those awaiting approval.
    await approve.first().waitFor({ state: 'detached' });

    const refunds = () =>
      world.bigcommerce
        .get<{ order_id: number }[]>(`/stores/${world.storeHash}/refunds`)
        .then((all) => all.filter((refund) => refund.order_id === orderId));
    await waitFor(async () => ((await refunds()).length === 1 ? true : undefined), {
      timeoutMs: 30_000,
      what: 'one refund at the store',
    });
    const issued = ConsoleSession.withToken(world.hub.ingressUrl, world.hub.env.ADMIN_TOKEN);
    await waitFor(
      async () => {
        const path = `/admin/api/stores/${world.setup.storeId}/returns?refundState=issued`;
        const found = (await issued.get(path)).body as unknown[];
        return found.length === 1 ? true : undefined;
      },
      { what: 'the refund recorded as issued' },
    );
    await page.getByLabel('Refund state').selectOption('issued');
    await page.getByRole('region', { name: 'Returns' }).getByText(OWNER).waitFor();
    expect(await violations(page)).toEqual([]);
    expect(await refunds()).toHaveLength(1);
  }, 90_000);

  it('fits a 360 px phone with these screens full', async () => {
    const page = await signedIn(360);
    const wide: string[] = [];
    for (const [link, heading] of [
      ['Dead letters', 'Dead letters'],
      ['Returns', 'Returns'],
      ['Users & tokens', 'Users & tokens'],
    ] as const) {
      await open(page, link, heading);
      // Each screen asks the API for its data: the width is taken once it has answered.
      await page
        .getByText(/^Loading .+…$/)
        .first()
        .waitFor({ state: 'detached' });
      if ((await scrollWidth(page)) > 360) wide.push(link);
    }
    await open(page, 'Orders');
    await search(page, '1');
    await page.getByRole('region', { name: 'Orders found' }).getByRole('link').first().click();
    await page.getByRole('region', { name: 'Provider calls', exact: true }).waitFor();
    if ((await scrollWidth(page)) > 360) wide.push('Order story');
    expect(wide).toEqual([]);
  }, 60_000);
});
