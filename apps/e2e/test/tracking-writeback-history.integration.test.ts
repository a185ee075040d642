import { waitFor } from '@shiplink/testing';
import {
  multiLineOrder,
  startTrackingWorld,
  type TestWorld,
  type TrackingHelpers,
} from '@shiplink/test-world';

describe('tracking write-back follows every status a parcel passed through', () => {
  let world: TestWorld;
  let t: TrackingHelpers;
  beforeAll(async () => ({ world, t } = await startTrackingWorld()));
  afterAll(() => world?.close());

  const shippedInStore = () => t.shippedInStore(multiLineOrder());
  const scanAt = (afterShipId: string, subtag: string, checkpointTime: string) =>
    t.scan(afterShipId, { subtag, checkpoint_time: checkpointTime, message: subtag });
  const ourLines = async (orderId: number) =>
    (await t.storeOrder(orderId)).order.staff_notes
      .split('\n')
      .filter((line) => line.startsWith('[Shiplink]'));
  const notedOnce = async (orderId: number, count: number) => {
    const lines = await waitFor(
      async () => {
        const found = await ourLines(orderId);
        return found.length >= count ? found : undefined;
      },
      { what: `${count} staff note line(s) on order ${orderId}` },
    );
    // Every other write-back of the order has run by now; none may add a line twice.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(await ourLines(orderId)).toEqual(lines);
    return lines;
  };
  const writebacksSince = async (orderNumber: string, since: number) => {
    const [order] = (await world.admin.order(orderNumber)).orders;
    const jobs = await world.hub.platform.producer
      .queue('tracking')
      .getJobs(['waiting', 'active', 'delayed', 'completed', 'failed']);
    return jobs.filter(
      (job) =>
        job.name === 'tracking.writeback' &&
        job.timestamp >= since &&
        (job.data as { payload: { orderId: string } }).payload.orderId === order?.id,
    ).length;
  };
  /** AfterShip's webhooks held back while `work` runs, then only the event it returns is sent. */
  const withWebhooksHeld = async (work: () => Promise<string>) => {
    const { id, webhookUrl } = world.setup.connections.aftership!;
    // The secret AfterShip signs with is the one the connection was given.
    const connection = await world.hub.platform.repos.tenancy.findConnection(id);
    const removed = await fetch(`${world.aftership.baseUrl}/__control/webhook-endpoints`, {
      method: 'DELETE',
    });
    expect(removed.status).toBe(204);
    const eventId = await work().finally(() =>
      world.aftership.post('/webhook-endpoints', {
        url: webhookUrl,
        secret: connection!.webhookSecret,
      }),
    );
    await t.redeliver(eventId);
  };

  it('notes an exception that a delivery overtook within one webhook', async () => {
    const { orderId, orderNumber, trackingNumber, tracking } = await shippedInStore();
    const since = Date.now();
    // One webhook carries both checkpoints, as when a carrier uploads its scans in bulk.
    await withWebhooksHeld(async () => {
      await scanAt(tracking.id, 'Exception_003', '2025-03-01T10:00:00-06:00');
      return (await scanAt(tracking.id, 'Delivered_001', '2025-03-02T12:00:00-06:00')).eventId;
    });
    await t.timeline(orderNumber, ([p]) => p?.status === 'delivered');
    expect(await notedOnce(orderId, 1)).toEqual([
      `[Shiplink] Parcel ${trackingNumber} (ups): exception (consignee refused) at 2025-03-01 16:00 UTC`,
    ]);
    // One write-back for the webhook's batch: it reads the whole history, so the exception the
    // delivery overtook is noted all the same.
    expect(await writebacksSince(orderNumber, since)).toBe(1);
    // The delivery itself is written back too: the whole order is delivered.
    await waitFor(async () => (await t.storeOrder(orderId)).order.status_id === 10, {
      what: 'the store order to be completed',
    });
  });

  it('notes each status once when several arrive before the write-back runs', async () => {
    const { orderId, orderNumber, trackingNumber, tracking } = await shippedInStore();
    await world.hub.stopWorkers('worker-tracking');
    try {
      await scanAt(tracking.id, 'AttemptFail_001', '2025-03-03T09:15:00-06:00');
      await scanAt(tracking.id, 'Exception_003', '2025-03-03T18:40:00-06:00');
      await scanAt(tracking.id, 'Delivered_001', '2025-03-04T11:00:00-06:00');
      await waitFor(
        async () => (await t.inbox()).filter((r) => r.status !== 'processed').length >= 3,
        {
          what: 'the three webhooks to be recorded',
        },
      );
    } finally {
      await world.hub.startWorkers('worker-tracking');
    }
    await t.timeline(orderNumber, ([p]) => p?.status === 'delivered');
    const lines = await notedOnce(orderId, 2);
    expect(lines).toEqual([
      expect.stringMatching(
        new RegExp(
          `^\\[Shiplink\\] Parcel ${trackingNumber} \\(ups\\): attempt failed .*at 2025-03-03 15:15 UTC$`,
        ),
      ),
      `[Shiplink] Parcel ${trackingNumber} (ups): exception (consignee refused) at 2025-03-04 00:40 UTC`,
    ]);
  });

  it('notes nothing for late events the status never moved to', async () => {
    const { orderId, orderNumber, tracking } = await shippedInStore();
    await scanAt(tracking.id, 'InTransit_002', '2025-03-05T08:00:00-06:00');
    await scanAt(tracking.id, 'Delivered_001', '2025-03-06T12:00:00-06:00');
    // Late means after the delivery was applied: an event arriving in the same batch as the
    // delivery, and older than it, is a step the parcel took, not a late one.
    await t.timeline(orderNumber, ([p]) => p?.status === 'delivered');
    // Older than the delivery (history), then newer but after a final status (an anomaly).
    await scanAt(tracking.id, 'Exception_003', '2025-03-05T20:00:00-06:00');
    await scanAt(tracking.id, 'AttemptFail_001', '2025-03-07T09:00:00-06:00');
    const [parcel] = await t.timeline(orderNumber, ([p]) => p?.checkpoints.length === 4);
    expect(parcel).toMatchObject({ status: 'delivered' });
    expect(parcel!.anomalies).toEqual([
      expect.objectContaining({ kind: 'terminal_regression', to: 'attempt_failed' }),
    ]);
    await waitFor(async () => (await t.storeOrder(orderId)).order.status_id === 10, {
      what: 'the store order to be completed',
    });
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(await ourLines(orderId)).toEqual([]);
  });
});
