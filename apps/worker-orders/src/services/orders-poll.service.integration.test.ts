import { jobs, orderSubject, type JobEnvelope } from '@shiplink/jobs';
import { sleep } from '@shiplink/testing';
import { badAddressOrder, multiLineOrder, startWorld, type TestWorld } from '@shiplink/test-world';
import { OrdersPollService } from './orders-poll.service';

/** The orders delta poll on the real PostgreSQL and Redis, against the BigCommerce simulator. */
describe('OrdersPollService', () => {
  let world: TestWorld;
  let service: OrdersPollService;

  beforeAll(async () => {
    // No queue workers: what the poll enqueues stays in the queue to be looked at.
    world = await startWorld({ workers: [] });
    service = new OrdersPollService(world.hub.platform);
  });

  afterAll(async () => {
    await world?.close();
  });

  const connectionId = () => world.setup.connections.bigcommerce.id;
  const poll = () => service.poll({ connectionId: connectionId() });

  /** Store order → how many imports the polls queued for it (webhooks queue their own). */
  async function polledImports(): Promise<Map<string, number>> {
    const queued = await world.hub.platform.producer
      .queue(jobs.orderImport.queue)
      .getJobs(['waiting', 'delayed', 'prioritized']);
    const counts = new Map<string, number>();
    for (const job of queued) {
      const envelope = job.data as JobEnvelope;
      if (job.name !== jobs.orderImport.name) continue;
      if (envelope.meta.correlationId !== `poll-${connectionId()}`) continue;
      const { orderRef } = jobs.orderImport.schema.parse(envelope.payload);
      counts.set(orderRef, (counts.get(orderRef) ?? 0) + 1);
    }
    return counts;
  }

  it('enqueues one import per changed order, however often it polls', async () => {
    const first = await world.placeOrder(multiLineOrder());
    const second = await world.placeOrder(multiLineOrder());
    await poll();
    await poll();

    const imports = await polledImports();
    expect(imports.get(String(first))).toBe(1);
    expect(imports.get(String(second))).toBe(1);
  });

  it('skips an order whose dead letter saw its latest change', async () => {
    const refused = await world.placeOrder(badAddressOrder());
    const fine = await world.placeOrder(multiLineOrder());
    // As the queue runtime records a permanent failure of the order's import.
    await world.hub.platform.repos.deadLetters.record({
      queue: jobs.orderImport.queue,
      jobName: jobs.orderImport.name,
      jobId: `order-import-${refused}`,
      payload: { connectionId: connectionId(), orderRef: String(refused), trigger: 'created' },
      reason: 'shipstation.validation',
      error: 'shipTo.postalCode is required',
      attemptsMade: 1,
      subject: orderSubject(connectionId(), String(refused)),
    });
    await poll();

    const imports = await polledImports();
    expect(imports.get(String(fine))).toBe(1);
    expect(imports.has(String(refused))).toBe(false);

    // The merchant fixes the address: a change after the dead letter is imported again. The
    // store's modification times have whole seconds.
    await sleep(1_100);
    const { shippingAddresses } = await world.bigcommerce.get<{
      shippingAddresses: { id: number }[];
    }>(`/stores/${world.storeHash}/orders/${refused}`);
    await world.bigcommerce.patch(`/stores/${world.storeHash}/orders/${refused}`, {
      shippingAddress: { id: shippingAddresses[0]!.id, zip: '78701' },
    });
    await poll();
    expect((await polledImports()).get(String(refused))).toBe(1);
  });
});
