import { startApp, waitFor, type AppProcess } from '@shiplink/testing';
import { multiLineOrder, startWorld, type TestWorld } from '@shiplink/test-world';

describe('a worker process killed mid-job', () => {
  let world: TestWorld;
  let worker: AppProcess | undefined;

  beforeAll(async () => {
    // Orders are worked by a real OS process here, so it can be killed.
    world = await startWorld({ workers: ['worker-shipments'] });
  });

  afterAll(async () => {
    await worker?.stop('SIGKILL');
    await world?.close();
  });

  const startWorker = async () => {
    const app = startApp('worker-orders', {
      ...world.hub.env,
      LOG_LEVEL: 'info',
      WORKER_CONCURRENCY: '2',
    });
    await app.waitForOutput('worker ready');
    return app;
  };

  it('completes the job exactly once after a restart', async () => {
    worker = await startWorker();
    // The first ShipStation call hangs long enough to kill the worker in the middle of it.
    await world.shipstation.addFault({
      kind: 'slow',
      delayMs: 2_500,
      count: 1,
      path: '/orders/createorder',
    });
    await world.shipstation.clearRequests();
    const orderId = await world.placeOrder(multiLineOrder());
    const jobs = world.hub.platform.producer.queue('orders');
    const active = await waitFor(async () => (await jobs.getActive())[0], {
      what: 'the import to start',
    });
    await new Promise((resolve) => setTimeout(resolve, 500));
    await worker.stop('SIGKILL');

    worker = await startWorker();
    const exported = await world.shipStationOrder(orderId, 30_000);
    await waitFor(async () => (await jobs.getJobState(active.id!)) === 'completed', {
      timeoutMs: 20_000,
      what: 'the stalled job to complete',
    });
    // Let the killed worker's in-flight request land too: it must upsert, not duplicate.
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    const copies = (await world.shipStationOrders()).filter(
      (o) => o.orderKey === exported.orderKey,
    );
    expect(copies).toHaveLength(1);
    const job = await jobs.getJob(active.id!);
    expect(job?.finishedOn).toBeDefined();
    expect(job?.failedReason ?? '').toBe('');
  });

  it('drains active work and exits 0 on SIGTERM', async () => {
    await world.shipstation.addFault({
      kind: 'slow',
      delayMs: 1_500,
      count: 1,
      path: '/orders/createorder',
    });
    const orderId = await world.placeOrder(multiLineOrder());
    const jobs = world.hub.platform.producer.queue('orders');
    await waitFor(async () => (await jobs.getActive())[0], { what: 'the import to start' });
    const code = await worker!.stop('SIGTERM');
    expect(code).toBe(0);
    expect(worker!.output()).toContain('shutdown complete');
    // The job finished before the process left.
    await world.shipStationOrder(orderId, 1_000);
    worker = undefined;
  });
});
