import { waitFor } from '@shiplink/testing';
import { cancelledOrder, multiLineOrder, startWorld, type TestWorld } from '@shiplink/test-world';

describe('orders archived in BigCommerce, end to end on real PostgreSQL and Redis', () => {
  let world: TestWorld;

  beforeAll(async () => {
    world = await startWorld();
    await expectArchivingSubscribed(world);
  });

  afterAll(async () => {
    await world?.close();
  });

  const keyOf = (orderId: number) => `bc-${world.storeHash}-${orderId}`;
  /** The merchant archives the order in the control panel (BigCommerce: is_deleted). */
  const archive = (orderId: number) =>
    world.bigcommerce.patch(`/stores/${world.storeHash}/orders/${orderId}`, { archived: true });
  const ordersQueueIdle = () =>
    waitFor(
      async () => {
        const counts = await world.hub.platform.producer
          .queue('orders')
          .getJobCounts('waiting', 'active', 'delayed', 'prioritized');
        return Object.values(counts).every((count) => count === 0);
      },
      { what: 'the orders queue to be idle' },
    );
  const waitingImports = async () =>
    (await world.hub.platform.producer.queue('orders').getJobCounts('waiting')).waiting ?? 0;
  const deadLetters = async () => world.admin.parkedDeadLetters('orders');
  const hubOrder = async (orderId: number) => (await world.admin.order(String(orderId))).orders[0];

  it('cancels the ShipStation order of an order archived after its export', async () => {
    const orderId = await world.placeOrder(cancelledOrder());
    expect((await world.shipStationOrder(orderId)).orderStatus).toBe('awaiting_shipment');
    await archive(orderId);
    const cancelled = await waitFor(
      async () => {
        const order = await world.shipStationOrder(orderId);
        return order.orderStatus === 'cancelled' ? order : undefined;
      },
      { what: 'the ShipStation order to be cancelled' },
    );
    expect(cancelled.orderKey).toBe(keyOf(orderId));
    await ordersQueueIdle();
    // Later events of the archived order leave it cancelled, and nothing was dead-lettered.
    expect((await world.shipStationOrder(orderId)).orderStatus).toBe('cancelled');
    expect((await world.bigCommerceOrder(orderId)).order.status_id).toBe(11);
    expect((await hubOrder(orderId))?.fulfilmentOrders).toEqual([
      expect.objectContaining({ orderKey: keyOf(orderId), status: 'cancelled' }),
    ]);
    expect((await deadLetters()).filter((d) => d.jobId.includes(`.${orderId}.`))).toEqual([]);
  });

  it('never exports an order archived before its import ran', async () => {
    await world.hub.stopWorkers('worker-orders');
    const orderId = await (async () => {
      try {
        const placed = await world.placeOrder(multiLineOrder());
        await archive(placed);
        // Both webhooks (created, archived) are queued before any import runs.
        await waitFor(async () => (await waitingImports()) >= 2, {
          what: 'both imports to be queued',
        });
        return placed;
      } finally {
        await world.hub.startWorkers('worker-orders');
      }
    })();
    await waitFor(async () => (await hubOrder(orderId))?.storeStatus, {
      what: 'the archived order to be recorded',
    });
    await ordersQueueIdle();
    expect((await world.shipStationOrders()).filter((o) => o.orderKey === keyOf(orderId))).toEqual(
      [],
    );
    expect((await hubOrder(orderId))?.fulfilmentOrders).toEqual([]);
    expect((await deadLetters()).filter((d) => d.jobId.includes(`.${orderId}.`))).toEqual([]);
  });

  it('leaves an order the warehouse shipped before the archive reached it', async () => {
    const orderId = await world.placeOrder(cancelledOrder());
    const exported = await world.shipStationOrder(orderId);
    // The label is bought while the SHIP_NOTIFY waits: the hub still thinks it is open.
    await world.hub.stopWorkers('worker-shipments');
    try {
      await world.shipstation.post(`/orders/${exported.orderId}/ship`, {
        carrierCode: 'usps',
        serviceCode: 'usps_first_class_mail',
      });
      await archive(orderId);
      await waitFor(
        async () => (await hubOrder(orderId))?.fulfilmentOrders.find((f) => f.status === 'shipped'),
        { what: 'the shipped state to be read from ShipStation' },
      );
      await ordersQueueIdle();
    } finally {
      await world.hub.startWorkers('worker-shipments');
    }
    expect((await world.shipStationOrder(orderId)).orderStatus).toBe('shipped');
    expect((await deadLetters()).filter((d) => d.jobId.includes(`.${orderId}.`))).toEqual([]);
  });
});

/** The hub's webhook registration asked BigCommerce for archive events of this connection. */
async function expectArchivingSubscribed(world: TestWorld): Promise<void> {
  const { repos, clients } = world.hub.platform;
  const { id, webhookUrl } = world.setup.connections.bigcommerce;
  const hooks = await clients.bigcommerce((await repos.tenancy.findConnection(id))!).listHooks();
  expect(
    hooks.filter((hook) => hook.destination === webhookUrl).map((hook) => hook.scope),
  ).toContain('store/order/archived');
}
