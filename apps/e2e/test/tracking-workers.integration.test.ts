import { afterShipTimeline } from '@shiplink/connectors/aftership';
import { reduceTimeline } from '@shiplink/domain';
import { jobs } from '@shiplink/jobs';
import { startApp, type AppProcess } from '@shiplink/testing';
import {
  multiLineOrder,
  startTrackingWorld,
  type TestWorld,
  type TrackingHelpers,
} from '@shiplink/test-world';

describe('tracking worked by separate worker processes', () => {
  let world: TestWorld;
  let t: TrackingHelpers;
  let workers: AppProcess[] = [];

  beforeAll(async () => {
    // Tracking jobs are worked by two real OS processes here, racing each other.
    ({ world, t } = await startTrackingWorld({ workers: ['worker-orders', 'worker-shipments'] }));
    workers = [1, 2].map(() =>
      startApp('worker-tracking', {
        ...world.hub.env,
        LOG_LEVEL: 'info',
        WORKER_CONCURRENCY: '8',
        TRACKING_STALE_AFTER_MS: '1000',
      }),
    );
    await Promise.all(workers.map((worker) => worker.waitForOutput('worker ready')));
  });

  afterAll(async () => {
    await Promise.all(workers.map((worker) => worker.stop('SIGTERM')));
    await world?.close();
  });

  const shippedInStore = () => t.shippedInStore(multiLineOrder());

  it('ends in one consistent state when two processes race on one shipment’s events', async () => {
    // A journey with what carriers do to timelines: a late scan, a repeated one, local times.
    await world.aftership.post('/journeys/next', { journey: 'quirks' });
    const { orderNumber, tracking } = await shippedInStore();
    const { eventIds } = await t.run(tracking.id);
    // Every event again, all at once: both processes take some of each.
    await Promise.all(eventIds.flatMap((id) => [t.redeliver(id), t.redeliver(id)]));

    const final = (await t.afterShipTrackings()).find((x) => x.id === tracking.id)!;
    const expected = afterShipTimeline(final);
    const identities = new Set(expected.map((e) => e.identity));
    // The repeated scan is the same checkpoint again (AfterShip restamped only its created_at).
    expect(identities.size).toBe(expected.length - 1);
    const [parcel] = await t.timeline(
      orderNumber,
      ([p]) => p?.status === 'delivered' && p.checkpoints.length === identities.size,
    );
    // Let every duplicate job finish before judging the end state.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const [settled] = (await world.admin.timeline(orderNumber)).shipments;
    expect(settled).toEqual(parcel);
    expect(settled!.checkpoints).toHaveLength(identities.size);
    expect(settled!.status).toBe(reduceTimeline(expected.map((e) => e.event)).current?.status);
    expect(settled!.anomalies).toEqual([]);
    const output = workers.map((worker) => worker.output()).join('\n');
    expect(output).toMatch(/tracking progress applied/);
    expect(output).not.toMatch(/job dead-lettered|job failed/);
  });

  it('re-reads a tracking whose webhooks were lost, once it has been quiet long enough', async () => {
    const { orderNumber, tracking } = await shippedInStore();
    // AfterShip stops reaching us: its webhook URL is gone.
    await fetch(`${world.aftership.baseUrl}/__control/webhook-endpoints`, { method: 'DELETE' });
    await t.run(tracking.id);
    await new Promise((resolve) => setTimeout(resolve, 1_200));
    const [before] = (await world.admin.timeline(orderNumber)).shipments;
    expect(before?.status).toBe('pending');

    await world.hub.platform.producer.enqueue(
      jobs.trackingPoll,
      { connectionId: world.setup.connections.aftership!.id },
      { correlationId: 'delta-poll-test' },
    );
    const [parcel] = await t.timeline(orderNumber, ([p]) => p?.status === 'delivered');
    expect(parcel!.checkpoints).toHaveLength(8);
  });
});
