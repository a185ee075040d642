import { waitFor } from '@shiplink/testing';
import { multiLineOrder, startWorld, type TestWorld } from '@shiplink/test-world';

describe('store shipment events for orders the hub does not hold', () => {
  let world: TestWorld;

  beforeAll(async () => {
    world = await startWorld();
  });

  afterAll(async () => {
    await world?.close();
  });

  const deadLetters = async () =>
    (await world.admin.deadLetters()).filter((row) => row.queue === 'shipments');
  const syncJobsFor = async (shipmentId: number) =>
    (
      await world.hub.platform.producer
        .queue('shipments')
        .getJobs(['waiting', 'active', 'delayed', 'completed', 'failed'])
    ).filter(
      (job) =>
        job.name === 'store-shipment.sync' &&
        (job.data as { payload: { shipmentRef: string } }).payload.shipmentRef ===
          String(shipmentId),
    );

  it('dead-letters at once, saying so, when the store has no such order', async () => {
    const missingOrder = 987_654;
    await world.bigcommerce.post(`/stores/${world.storeHash}/events`, {
      scope: 'store/shipment/created',
      data: { type: 'shipment', id: 4_242, orderId: missingOrder },
    });
    const [row] = await waitFor(
      async () => {
        const rows = (await deadLetters()).filter((r) => r.jobName === 'store-shipment.sync');
        return rows.length > 0 ? rows : undefined;
      },
      { timeoutMs: 10_000, what: 'a dead letter for the shipment event' },
    );
    expect(row).toMatchObject({
      reason: 'store.order_not_found',
      error: expect.stringContaining(`no order ${missingOrder}`),
      // One try: no retries spent on an event that can never succeed.
      attemptsMade: 1,
    });
    // Nothing was asked of the order import: there is nothing to import.
    const imports = await world.hub.platform.producer
      .queue('orders')
      .getJobs(['waiting', 'active', 'delayed', 'completed', 'failed']);
    expect(imports.filter((job) => job.id?.includes(`.${missingOrder}.`))).toEqual([]);
  });

  it('imports an order the store has, retrying the shipment until it is there', async () => {
    const trackingNumber = '1ZSTORE0000000001';
    const { orderId, shipmentId } = await withoutWorker(world, 'worker-orders', async () => {
      const placed = await world.placeOrder(multiLineOrder());
      const view = await world.bigcommerce.get<{
        products: { id: number; quantity: number }[];
        shippingAddresses: { id: number }[];
      }>(`/stores/${world.storeHash}/orders/${placed}`);
      // The merchant ships in the store's admin before the hub has imported the order.
      const shipment = await world.bigcommerce.post<{ id: number }>(
        `/stores/${world.storeHash}/orders/${placed}/shipments`,
        {
          order_address_id: view.shippingAddresses[0]!.id,
          items: view.products.map((p) => ({ order_product_id: p.id, quantity: p.quantity })),
          tracking_number: trackingNumber,
          tracking_carrier: 'ups',
        },
      );
      const [retrying] = await waitFor(
        async () => {
          const found = (await syncJobsFor(shipment.id)).filter((job) => job.attemptsMade > 0);
          return found.length > 0 ? found : undefined;
        },
        { what: 'the shipment sync to wait for the import' },
      );
      expect(retrying?.failedReason).toBe(`store order ${placed} exists but is not imported yet`);
      return { orderId: placed, shipmentId: shipment.id };
    });
    const recorded = await waitFor(
      async () => {
        const order = (await world.admin.order(String(orderId))).orders[0];
        return order?.shipments.find((s) => s.storeShipmentId === String(shipmentId));
      },
      { timeoutMs: 30_000, what: 'the store shipment to be recorded against the imported order' },
    );
    expect(recorded).toMatchObject({ trackingNumber, carrierSlug: 'ups' });
    expect((await deadLetters()).filter((r) => r.jobId.includes(`.${shipmentId}.`))).toEqual([]);
  });
});

/** Runs `work` with one worker app stopped, so that its jobs wait in the queue meanwhile. */
async function withoutWorker<T>(
  world: TestWorld,
  app: 'worker-orders' | 'worker-shipments',
  work: () => Promise<T>,
): Promise<T> {
  await world.hub.stopWorkers(app);
  try {
    return await work();
  } finally {
    await world.hub.startWorkers(app);
  }
}
