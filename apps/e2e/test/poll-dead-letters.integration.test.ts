import { randomUUID } from 'node:crypto';
import { PLATFORM_SCOPE } from '@shiplink/db';
import { jobs, type JobEnvelope } from '@shiplink/jobs';
import { waitFor } from '@shiplink/testing';
import { badAddressOrder, startWorld, type TestWorld } from '@shiplink/test-world';

/** Delta polls: they ride out short provider outages and leave dead-lettered orders alone. */
describe('order delta polls', () => {
  let world: TestWorld;

  beforeAll(async () => {
    world = await startWorld({ workers: ['worker-orders'] });
  });

  afterAll(async () => {
    await world?.close();
  });

  const connectionId = () => world.setup.connections.bigcommerce.id;
  const orders = () => world.hub.platform.producer.queue('orders');

  /** One poll run, under an id of its own (a scheduler's runs each get one too). */
  async function poll(): Promise<string> {
    const envelope: JobEnvelope = {
      payload: { connectionId: connectionId() },
      meta: { correlationId: `poll-test-${randomUUID()}`, enqueuedAt: new Date().toISOString() },
    };
    const job = await orders().add(jobs.ordersPoll.name, envelope, {
      jobId: `poll-test-${randomUUID()}`,
      attempts: jobs.ordersPoll.policy.attempts,
      backoff: { type: 'exponential', delay: 200 },
    });
    return waitFor(
      async () => {
        const state = await orders().getJobState(job.id!);
        return state === 'completed' || state === 'failed' ? state : undefined;
      },
      { timeoutMs: 40_000, what: 'the poll to finish' },
    );
  }

  const deadLettersOf = async (orderId: number) =>
    (await world.hub.platform.repos.deadLetters.list(PLATFORM_SCOPE, { queue: 'orders' })).filter(
      (d) => (d.payload as { orderRef?: string }).orderRef === String(orderId),
    );

  it('skips an order whose import already waits in the dead-letter queue', async () => {
    const orderId = await world.placeOrder(badAddressOrder());
    await waitFor(async () => (await deadLettersOf(orderId)).length === 1, {
      what: 'the bad order to be dead-lettered',
    });
    expect(await poll()).toBe('completed');
    expect(await poll()).toBe('completed');
    // Whatever the polls enqueued has run before the dead letters are counted.
    await waitFor(
      async () => {
        const counts = await orders().getJobCounts('waiting', 'active', 'delayed', 'prioritized');
        return Object.values(counts).every((n) => n === 0);
      },
      { what: 'the orders queue to drain' },
    );
    const letters = await deadLettersOf(orderId);
    expect(letters).toHaveLength(1);
    expect(letters[0]?.reason).toBe('shipstation.validation');
    expect(letters[0]?.subject).toBe(`order.${connectionId()}.${orderId}`);
  });

  it('retries through a short provider outage instead of dead-lettering the poll', async () => {
    // Twelve 503s: more than three attempts of three requests each.
    await world.bigcommerce.addFault({
      kind: 'server_error',
      status: 503,
      count: 12,
      method: 'GET',
      path: `/stores/${world.storeHash}/v2/orders`,
    });
    try {
      expect(await poll()).toBe('completed');
    } finally {
      await world.bigcommerce.clearFaults();
    }
    const pollLetters = (
      await world.hub.platform.repos.deadLetters.list(PLATFORM_SCOPE, { queue: 'orders' })
    ).filter((d) => d.jobName === jobs.ordersPoll.name);
    expect(pollLetters).toEqual([]);
  });
});
