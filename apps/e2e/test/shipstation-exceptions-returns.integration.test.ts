import { randomUUID } from 'node:crypto';
import {
  accountOf,
  multiLineOrder,
  startMailbox,
  startWorld,
  type TestWorld,
} from '@shiplink/test-world';
import type { ShipStationSimAccount } from '@shiplink/connectors/shipstation/simulator';
import { jobs, type AnyJob, type JobEnvelope } from '@shiplink/jobs';
import { overrideEnv, waitFor } from '@shiplink/testing';

type StoreOrder = { order: { id: number; status_id: number; staff_notes: string } };
type Level = { sku: string; locationId: number; quantity: number };
type Refund = { id: number; order_id: number; total_amount: number };
type ReturnView = { id: string; refundState: string; state: string; items: { quantity: number }[] };

/**
 * The rest of the BigCommerce ⇄ ShipStation seed on the real PostgreSQL and Redis: warehouse
 * exceptions shown once, stock after other channels' shipments, and returns with one refund.
 */
describe('exceptions, stock after shipments, returns and refunds: BigCommerce ⇄ ShipStation', () => {
  let mailbox: Awaited<ReturnType<typeof startMailbox>>;
  let world: TestWorld;
  let restoreEnv: () => void = () => undefined;

  beforeAll(async () => {
    mailbox = await startMailbox();
    restoreEnv = overrideEnv({ SMTP_URL: mailbox.url, TRACKING_PAGE_URL: 'http://127.0.0.1:1' });
    world = await startWorld();
    await world.admin.storeSettings(world.setup.storeId, {
      notifications: { enabled: true, email: { from: 'orders@sandbox.example' } },
    });
    await world.bigcommerce.post(`/stores/${world.storeHash}/catalog/products`, {
      products: [
        {
          sku: 'TENT-2P',
          name: 'Ridgeline 2-Person Tent',
          inventoryTracking: 'product',
          levels: { '1': 50 },
        },
        {
          sku: 'STOVE-MINI',
          name: 'Pocket Rocket Stove',
          inventoryTracking: 'product',
          levels: { '1': 50 },
        },
        {
          sku: 'SOCK-WOOL-M',
          name: 'Merino Hiking Socks',
          inventoryTracking: 'product',
          levels: { '1': 50 },
        },
      ],
    });
  }, 60_000);

  afterAll(async () => {
    restoreEnv();
    await world?.close();
    await mailbox?.close();
  });

  /** One run of a job under an id of its own (as a scheduler's runs are), finished. */
  async function run(definition: AnyJob, payload: object): Promise<void> {
    const queue = world.hub.platform.producer.queue(definition.queue);
    const envelope: JobEnvelope = {
      payload,
      meta: { correlationId: `test-${randomUUID()}`, enqueuedAt: new Date().toISOString() },
    };
    const job = await queue.add(definition.name, envelope, {
      jobId: `test-${randomUUID()}`,
      attempts: definition.policy.attempts,
      backoff: { type: 'exponential', delay: 200 },
    });
    await waitFor(
      async () => {
        const state = await queue.getJobState(job.id!);
        return state === 'completed' || state === 'failed' ? state : undefined;
      },
      { timeoutMs: 30_000, what: `${definition.name} to finish` },
    );
  }
  const fulfilmentId = () => world.setup.fulfilment.id;
  const storeOrder = (orderId: number) =>
    world.bigcommerce.get<StoreOrder>(`/stores/${world.storeHash}/orders/${orderId}`);
  const storeOrderWhen = (orderId: number, ready: (o: StoreOrder) => boolean, what: string) =>
    waitFor(
      async () => {
        const order = await storeOrder(orderId);
        return ready(order) ? order : undefined;
      },
      { what, timeoutMs: 20_000 },
    );
  const level = async (sku: string) => {
    const levels = await world.bigcommerce.get<Level[]>(
      `/stores/${world.storeHash}/inventory/levels`,
    );
    return levels.find((l) => l.sku === sku && l.locationId === 1)?.quantity;
  };
  const mailsAbout = (orderId: number) =>
    mailbox.received.filter((mail) =>
      `${mail.subject ?? ''} ${mail.text ?? ''}`.includes(String(orderId)),
    );
  const settle = () => new Promise((resolve) => setTimeout(resolve, 1_500));

  it('shows a warehouse hold on the store order and tells the customer once, and gives the order back on release', async () => {
    const orderId = await world.placeOrder(multiLineOrder());
    const exported = await world.shipStationOrder(orderId);
    await world.shipstation.post(`/orders/${exported.orderId}/status`, { orderStatus: 'on_hold' });
    await run(jobs.fulfilmentOrdersPoll, { connectionId: fulfilmentId() });
    const held = await storeOrderWhen(
      orderId,
      (o) => o.order.status_id === 12,
      'the order on hold in the store',
    );
    expect(held.order.staff_notes).toContain('as on_hold');
    await waitFor(async () => (mailsAbout(orderId).length ? true : undefined), {
      what: 'the customer told of the hold',
    });

    // Polled again, and the store's own webhook for the status the hub set: nothing new, and the
    // hold is not undone at the warehouse.
    await run(jobs.fulfilmentOrdersPoll, { connectionId: fulfilmentId() });
    await settle();
    expect(mailsAbout(orderId)).toHaveLength(1);
    expect((await world.shipStationOrder(orderId)).orderStatus).toBe('on_hold');
    const notes = (await storeOrder(orderId)).order.staff_notes;
    expect(notes.split('as on_hold')).toHaveLength(2);

    await world.shipstation.post(`/orders/${exported.orderId}/status`, {
      orderStatus: 'awaiting_shipment',
    });
    await run(jobs.fulfilmentOrdersPoll, { connectionId: fulfilmentId() });
    const released = await storeOrderWhen(
      orderId,
      (o) => o.order.status_id === 11,
      'the order released',
    );
    expect(released.order.staff_notes).toContain('no longer on hold');
  }, 60_000);

  it('reports a fulfilment partner’s refusal from its webhook, and a late order from the poll', async () => {
    const rejected = await world.placeOrder(multiLineOrder());
    const first = await world.shipStationOrder(rejected);
    await world.shipstation.post(`/orders/${first.orderId}/reject-fulfillment`, {
      reason: 'Out of stock at 3PL',
    });
    const shown = await storeOrderWhen(
      rejected,
      (o) => o.order.status_id === 12,
      'the rejection in the store',
    );
    expect(shown.order.staff_notes).toContain('Out of stock at 3PL');

    const late = await world.placeOrder(multiLineOrder());
    const second = await world.shipStationOrder(late);
    await world.shipstation.post(`/orders/${second.orderId}/ship-by`, {
      shipByDate: '2020-01-01T12:00:00.0000000',
    });
    await run(jobs.fulfilmentOrdersPoll, { connectionId: fulfilmentId() });
    const noted = await storeOrderWhen(
      late,
      (o) => o.order.staff_notes.includes('is late'),
      'the delay noted',
    );
    expect(noted.order.status_id).toBe(11);
    await waitFor(async () => (mailsAbout(late).length ? true : undefined), {
      what: 'the customer told of the delay',
    });
    await run(jobs.fulfilmentOrdersPoll, { connectionId: fulfilmentId() });
    await settle();
    expect(mailsAbout(late)).toHaveLength(1);
  }, 60_000);

  it('lowers BigCommerce stock once for another channel’s shipment, and not for the store’s own', async () => {
    const account = accountOf<ShipStationSimAccount>(world.accounts, 'shipstation')!;
    const { apiKey, apiSecret } = account.credentials;
    const before = { tent: await level('TENT-2P'), socks: await level('SOCK-WOOL-M') };
    // An order another sales channel put into the same ShipStation account.
    const created = await fetch(`${world.simulators.urls.shipstation}/orders/createorder`, {
      method: 'POST',
      headers: {
        authorization: `Basic ${Buffer.from(`${apiKey}:${apiSecret}`).toString('base64')}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify({
        orderNumber: 'AMZ-1001',
        orderKey: 'amazon-1001',
        orderDate: '2026-11-30T10:00:00.0000000',
        orderStatus: 'awaiting_shipment',
        billTo: { name: 'Ola Nordmann' },
        shipTo: {
          name: 'Ola Nordmann',
          street1: '1 Main St',
          city: 'Austin',
          state: 'TX',
          postalCode: '78701',
          country: 'US',
        },
        items: [
          { lineItemKey: 'amz-1', sku: 'TENT-2P', name: 'Tent', quantity: 2, unitPrice: 249 },
        ],
      }),
    });
    expect(created.status).toBe(200);
    const marketplace = (await created.json()) as { orderId: number };
    await world.shipstation.post(`/orders/${marketplace.orderId}/ship`, {
      carrierCode: 'ups_walleted',
      serviceCode: 'ups_ground',
    });
    await waitFor(async () => ((await level('TENT-2P')) === before.tent! - 2 ? true : undefined), {
      what: 'the tent stock lowered by 2',
    });
    // The store's own order shipped: its stock was taken at checkout already.
    const own = await world.placeOrder(multiLineOrder());
    const exported = await world.shipStationOrder(own);
    await world.shipstation.post(`/orders/${exported.orderId}/ship`, {
      carrierCode: 'ups_walleted',
      serviceCode: 'ups_ground',
    });
    await world.bigCommerceShipments(own, 1);

    // The shipments read again, twice: nothing moves a second time.
    await run(jobs.shipmentsPoll, { connectionId: fulfilmentId() });
    await run(jobs.shipmentsPoll, { connectionId: fulfilmentId() });
    await settle();
    expect(await level('TENT-2P')).toBe(before.tent! - 2);
    expect(await level('SOCK-WOOL-M')).toBe(before.socks);
    const moves = await world.hub.platform.repos.stockMovements.forStore(world.setup.storeId);
    expect(moves.map((m) => [m.sku, m.delta, m.state, m.origin])).toEqual([
      ['TENT-2P', -2, 'applied', 'other_channel'],
    ]);
  }, 60_000);

  it('records a return, refunds it once after one of two approvals, and restocks it, whatever is replayed', async () => {
    const orderId = await world.placeOrder(multiLineOrder());
    const exported = await world.shipStationOrder(orderId);
    await world.shipstation.post(`/orders/${exported.orderId}/ship`, {
      carrierCode: 'ups_walleted',
      serviceCode: 'ups_ground',
    });
    await world.bigCommerceShipments(orderId, 1);
    const stoveBefore = await level('STOVE-MINI');
    await world.shipstation.post(`/orders/${exported.orderId}/return-label`, {
      items: [
        {
          lineItemKey: exported.items.find((i) => i.sku === 'STOVE-MINI')!.lineItemKey,
          quantity: 2,
        },
      ],
      carrierCode: 'ups_walleted',
      serviceCode: 'ups_ground',
    });
    await run(jobs.shipmentsPoll, { connectionId: fulfilmentId() });
    const returns = () =>
      world.admin.http
        .get<(ReturnView & { orderNumber: string })[]>(`/stores/${world.setup.storeId}/returns`)
        .then((r) => r.data.filter((x) => x.orderNumber === String(orderId)));
    const [recorded] = await waitFor(
      async () => {
        const found = await returns();
        return found.length ? found : undefined;
      },
      { what: 'the return recorded' },
    );
    expect(recorded).toMatchObject({
      state: 'received',
      refundState: 'awaiting_approval',
      items: [{ quantity: 2 }],
    });
    await waitFor(
      async () => ((await level('STOVE-MINI')) === stoveBefore! + 2 ? true : undefined),
      { what: 'the stoves back in stock' },
    );

    // Two people approve at once: one is accepted, the other told it is decided.
    const approve = () =>
      world.admin.http.post(
        `/returns/${recorded!.id}/approve`,
        { by: 'support' },
        { validateStatus: () => true },
      );
    const answers = await Promise.all([approve(), approve()]);
    expect(answers.map((a) => a.status).sort()).toEqual([202, 409]);
    const refunds = () =>
      world.bigcommerce
        .get<Refund[]>(`/stores/${world.storeHash}/refunds`)
        .then((all) => all.filter((r) => r.order_id === orderId));
    await waitFor(async () => ((await refunds()).length === 1 ? true : undefined), {
      what: 'one refund',
    });
    await waitFor(async () => ((await returns())[0]?.refundState === 'issued' ? true : undefined), {
      what: 'the refund recorded',
    });

    // A crash after the store refunded and before it was recorded, the refund job again, and
    // the return label read again: still one refund, one return.
    await world.hub.platform.repos.db.orderReturn.update({
      where: { id: recorded!.id },
      data: { refundState: 'issuing' },
    });
    await run(jobs.refundIssue, { returnId: recorded!.id });
    await run(jobs.shipmentsPoll, { connectionId: fulfilmentId() });
    await waitFor(async () => ((await returns())[0]?.refundState === 'issued' ? true : undefined), {
      what: 'the refund found again',
    });
    await settle();
    expect(await refunds()).toHaveLength(1);
    expect(await returns()).toHaveLength(1);
    expect(await level('STOVE-MINI')).toBe(stoveBefore! + 2);
    const notes = (await storeOrder(orderId)).order.staff_notes;
    expect(notes).toContain('Return');
    expect(notes.match(/Refund \d+ of/g)).toHaveLength(1);
    await waitFor(async () => (mailsAbout(orderId).length >= 2 ? true : undefined), {
      what: 'return and refund e-mails',
    });
  }, 90_000);
});
