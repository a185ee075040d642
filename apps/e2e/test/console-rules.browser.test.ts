import type { PlaceOrderInput } from '@shiplink/connectors/bigcommerce/simulator';
import { waitFor } from '@shiplink/testing';
import {
  addConsoleUsers,
  multiLineOrder,
  ShipHeroWarehouse,
  startWorld,
  type TestWorld,
} from '@shiplink/test-world';
import { ConsoleBrowser, openScreen as open, violations } from './console-browser';

const OPERATOR = 'ops@sandbox.example';
/** What the scenario orders use, in ShipHero's catalog from the start. */
const CATALOG = ['TENT-2P', 'STOVE-MINI', 'LAMP-USB', 'SOCK-WOOL-M'];

/**
 * The merchant's rules in the console, in Chromium, on a store whose ShipHero warehouse keeps a
 * catalog: an order held for an unknown SKU is released by mapping the SKU where it is listed,
 * and routing rules are refused with their problems shown, saved, and tried on an order.
 */
describe('console: reviews and rules', () => {
  let world: TestWorld;
  let warehouse: ShipHeroWarehouse;
  let browser: ConsoleBrowser;
  const storeId = () => world.setup.storeId;

  beforeAll(async () => {
    world = await startWorld({ fulfilment: 'shiphero' });
    warehouse = new ShipHeroWarehouse(world);
    await warehouse.stock(CATALOG.map((sku) => ({ sku, onHand: 20 })));
    await addConsoleUsers(world.hub, world.setup.tenantId, [{ email: OPERATOR, role: 'operator' }]);
    browser = await ConsoleBrowser.launch();
  }, 60_000);

  afterEach(() => browser.closePages());

  afterAll(async () => {
    await browser?.close();
    await world?.close();
  });

  const signedIn = (width = 1280) => browser.signedIn(world.hub.ingressUrl, OPERATOR, width);

  const withLines = (...lines: NonNullable<PlaceOrderInput['lines']>): PlaceOrderInput => ({
    ...multiLineOrder(),
    lines,
  });

  const reviewOf = (orderId: number, status: 'open' | 'dismissed' = 'open') =>
    waitFor(
      async () =>
        (await world.admin.reviews(storeId(), status)).find((r) => r.orderRef === `${orderId}`),
      { what: `the ${status} review of order ${orderId}` },
    );

  it('releases an order held for an unknown SKU by mapping the SKU in place', async () => {
    const orderId = await world.placeOrder(
      withLines(
        { sku: 'TENT-2P', name: 'Tent', quantity: 1 },
        { sku: 'BC-CANVAS-XL', name: 'Canvas', quantity: 2 },
      ),
    );
    await reviewOf(orderId);
    await warehouse.stock([{ sku: 'SH-CANVAS-XL', onHand: 4 }]);

    const page = await signedIn();
    await open(page, 'Reviews');
    const field = page.getByLabel('Fulfilment SKU for BC-CANVAS-XL');
    await field.waitFor();
    await page.getByRole('button', { name: `Retry order ${orderId}` }).waitFor();
    await page.getByRole('button', { name: `Dismiss order ${orderId}` }).waitFor();
    await page.getByRole('heading', { name: 'SKU mappings', level: 2 }).waitFor();
    expect(await violations(page)).toEqual([]);

    // A SKU the warehouse does not have is refused, and said so.
    await field.fill('SH-NO-SUCH');
    await page.getByRole('button', { name: 'Map SKU BC-CANVAS-XL' }).click();
    await page.getByRole('alert').filter({ hasText: 'unknown_product' }).waitFor();
    expect(await violations(page)).toEqual([]);

    await field.fill('SH-CANVAS-XL');
    await page.getByRole('button', { name: 'Map SKU BC-CANVAS-XL' }).click();
    await page
      .getByText('SKU BC-CANVAS-XL mapped to SH-CANVAS-XL: 1 waiting orders imported again.')
      .waitFor();
    await field.waitFor({ state: 'detached' });
    const mappings = page.getByRole('region', { name: 'SKU mappings' });
    const mapping = mappings.getByRole('row', { name: /BC-CANVAS-XL/ });
    expect(await mapping.innerText()).toContain('SH-CANVAS-XL');
    expect(await mapping.innerText()).toContain(OPERATOR);

    const exported = await warehouse.orderOf(orderId);
    expect(exported.line_items.map((line) => [line.sku, line.quantity])).toEqual([
      ['TENT-2P', 1],
      ['SH-CANVAS-XL', 2],
    ]);
    await page.getByLabel('Status').selectOption('released');
    const released = page.getByRole('region', { name: 'Reviews' }).getByRole('row', {
      name: new RegExp(`^${orderId} `),
    });
    expect(await released.innerText()).toContain(`released by ${OPERATOR}`);
  }, 60_000);

  it('dismisses a held order for good: it is never exported', async () => {
    const orderId = await world.placeOrder(
      withLines({ sku: 'DISCONTINUED-9', name: 'Old stove', quantity: 1 }),
    );
    await reviewOf(orderId);
    const page = await signedIn();
    await open(page, 'Reviews');
    const dismiss = page.getByRole('button', { name: `Dismiss order ${orderId}` });
    await dismiss.click();
    await page.getByText(`The review of order ${orderId} was dismissed.`).waitFor();
    await dismiss.waitFor({ state: 'detached' });
    expect(await reviewOf(orderId, 'dismissed')).toMatchObject({ resolvedBy: OPERATOR });
    const key = `bc-${world.storeHash}-${orderId}`;
    expect((await warehouse.orders()).filter((o) => o.partner_order_id === key)).toEqual([]);
  });

  it('shows why routing rules are refused, saves valid ones, and dry-runs them on an order', async () => {
    const orderId = await world.placeOrder(multiLineOrder());
    const page = await signedIn();
    await open(page, 'Rules');
    await page.getByRole('navigation', { name: 'Kinds of rules' }).waitFor();
    await page.getByRole('heading', { name: 'Routing rules', level: 2 }).waitFor();
    await page.getByText('No routing rules are saved yet').waitFor();
    expect(await violations(page)).toEqual([]);

    const editor = page.getByRole('textbox', { name: 'Routing rules (JSON)' });
    await editor.fill(JSON.stringify([{ id: 'Bad Id', name: 'Texas first', then: {} }]));
    await page.getByRole('button', { name: 'Validate and save' }).click();
    const problems = page.getByRole('list', { name: 'Problems in Routing rules (JSON)' });
    await problems.waitFor();
    const listed = await problems.getByRole('listitem').allInnerTexts();
    expect(listed).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^rules\[0\]\.id: /),
        expect.stringMatching(/^rules\[0\]\.then: /),
      ]),
    );
    expect(await editor.getAttribute('aria-invalid')).toBe('true');
    expect(await violations(page)).toEqual([]);

    const rules = [
      {
        id: 'texas-first',
        name: 'Texas orders first',
        when: { all: [{ field: 'region', op: 'equals', value: 'Texas' }] },
        then: { tags: ['Priority'] },
      },
    ];
    await editor.fill(JSON.stringify(rules, null, 2));
    await page.getByRole('button', { name: 'Validate and save' }).click();
    await page.getByText('Routing rules saved as version 1.').waitFor();
    await page.getByText(`Version 1, saved`).waitFor();
    expect(await page.getByRole('list', { name: 'Problems in Routing rules (JSON)' }).count()).toBe(
      0,
    );
    const saved = await world.admin.http.get<{ version: number; savedBy: string }>(
      `/stores/${storeId()}/routing-rules`,
    );
    expect(saved.data).toMatchObject({ version: 1, savedBy: OPERATOR });

    await page.getByRole('heading', { name: 'Dry run against an order', level: 3 }).waitFor();
    await page.getByLabel('Store order ID').fill(String(orderId));
    await page.getByRole('button', { name: 'Dry run routing' }).click();
    await page.getByText(`Dry run of version 1 on order ${orderId}`).waitFor();
    const result = page.getByRole('region', { name: 'Routing dry run result' });
    const explained = JSON.parse(await result.innerText()) as unknown[];
    expect(explained).toHaveLength(1);
    expect(explained[0]).toMatchObject({
      decision: { version: 1, tags: ['Priority'] },
      rules: [{ id: 'texas-first', matched: true }],
    });
    expect(await violations(page)).toEqual([]);
  }, 60_000);

  it('edits a notification template: refused with its problem, previewed, saved, reset', async () => {
    const page = await signedIn();
    await open(page, 'Rules');
    await page
      .getByRole('navigation', { name: 'Kinds of rules' })
      .getByRole('link', { name: 'Notification templates' })
      .click();
    await page.getByRole('button', { name: 'Edit shipped email en' }).click();
    await page.getByRole('heading', { name: 'Template shipped email en', level: 3 }).waitFor();
    const editor = page.getByRole('textbox', { name: 'Template fields (JSON)' });
    const defaults = JSON.parse(await editor.inputValue()) as Record<string, string>;
    expect(Object.keys(defaults).sort()).toEqual(['html', 'subject', 'text']);
    expect(await violations(page)).toEqual([]);

    await editor.fill(JSON.stringify({ ...defaults, subject: 'Sent: order {{order.number' }));
    await page.getByRole('button', { name: 'Save template' }).click();
    const problems = page.getByRole('list', { name: 'Problems in Template fields (JSON)' });
    await problems.waitFor();
    expect(await problems.getByRole('listitem').allInnerTexts()).toEqual([
      expect.stringMatching(/^subject: /),
    ]);
    expect(await violations(page)).toEqual([]);

    await editor.fill(
      JSON.stringify({ ...defaults, subject: 'Packed and sent: {{order.number}}' }),
    );
    await page.getByRole('button', { name: 'Preview' }).click();
    await page.getByText('Preview of shipped email en with the sample order.').waitFor();
    await page.getByText('Packed and sent: 1234').waitFor();
    // The merchant's markup is shown in a frame where nothing runs.
    const frame = page.getByTitle('E-mail preview');
    expect(await frame.getAttribute('sandbox')).toBe('');
    expect(await frame.getAttribute('srcdoc')).toContain('1234');
    expect(await violations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Save template' }).click();
    await page.getByText('Template shipped email en saved as version 1.').waitFor();
    const row = page.getByRole('row', { name: /^shipped email en / });
    await row.getByText('The store’s (version 1)').waitFor();
    const template = `/stores/${storeId()}/notification-templates/shipped/email/en`;
    const saved = await world.admin.http.get<{
      version: number;
      customizedFields: string[];
      template: { subject: string };
    }>(template);
    expect(saved.data).toMatchObject({
      version: 1,
      customizedFields: ['subject'],
      template: { subject: 'Packed and sent: {{order.number}}' },
    });

    await page.getByRole('button', { name: 'Reset to default' }).click();
    await page.getByRole('button', { name: 'Reset template' }).click();
    await page.getByText('Template shipped email en is the default again.').waitFor();
    await row.getByText('Default').waitFor();
    const reset = await world.admin.http.get<{ customized: boolean; template: object }>(template);
    expect(reset.data).toMatchObject({ customized: false, template: defaults });
  }, 60_000);

  it.each([
    ['Checkout rate rules', 'Save rate rules'],
    ['Notification templates', /^Edit /],
    ['Store settings', 'Save settings'],
  ])('shows the %s in an accessible form', async (kind, button) => {
    const page = await signedIn();
    await open(page, 'Rules');
    await page
      .getByRole('navigation', { name: 'Kinds of rules' })
      .getByRole('link', { name: kind })
      .click();
    await page.getByRole('heading', { name: kind, level: 2 }).waitFor();
    await page.getByRole('button', { name: button }).first().waitFor();
    expect(await violations(page)).toEqual([]);
  });
});
