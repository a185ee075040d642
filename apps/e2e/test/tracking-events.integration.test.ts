import { inboxDedupKey } from '@shiplink/domain';
import { waitFor } from '@shiplink/testing';
import {
  multiLineOrder,
  startTrackingWorld,
  upsNumber,
  type TestWorld,
  type TrackingHelpers,
} from '@shiplink/test-world';

describe('AfterShip status events, end to end on real PostgreSQL and Redis', () => {
  let world: TestWorld;
  let t: TrackingHelpers;
  beforeAll(async () => ({ world, t } = await startTrackingWorld()));
  /** The inbox key of one AfterShip event of this world's connection. */
  const keyOf = (eventId: string) =>
    inboxDedupKey('aftership', world.setup.connections.aftership!.id, eventId);
  afterAll(() => world?.close());
  const shippedInStore = () => t.shippedInStore(multiLineOrder());

  it('stores each checkpoint once, however often webhooks deliver and re-send it', async () => {
    const { orderNumber, tracking } = await shippedInStore();
    const first = await world.aftership.post<{ eventId: string }>(
      `/trackings/${tracking.id}/advance`,
    );
    const second = await world.aftership.post<{ eventId: string }>(
      `/trackings/${tracking.id}/advance`,
    );
    await Promise.all(
      [first, second, first, second, first].map((event) => t.redeliver(event.eventId)),
    );
    await t.timeline(orderNumber, ([p]) => p?.checkpoints.length === 2);
    await t.run(tracking.id);
    const [parcel] = await t.timeline(orderNumber, ([p]) => p?.status === 'delivered');
    expect(parcel!.checkpoints).toHaveLength(8);
    expect(new Set(parcel!.checkpoints.map((c) => `${c.occurredAt}|${c.status}`)).size).toBe(8);
    // One inbox row per AfterShip event, whatever the number of deliveries.
    const emitted = (
      await world.aftership.get<{ eventId: string; trackingId: string }[]>('/events')
    )
      .filter((e) => e.trackingId === tracking.id)
      .map((e) => e.eventId);
    const rows = await waitFor(async () => {
      const mine = (await t.inbox()).filter((r) => emitted.some((id) => r.dedupKey === keyOf(id)));
      return mine.every((row) => row.status === 'processed') && mine;
    });
    expect(rows).toHaveLength(emitted.length);
    const deliveries = await world.aftership.webhooks();
    expect(deliveries.every((d) => d.delivered && d.attempts === 1)).toBe(true);
  });

  it('keeps late and contradictory events as anomalies, never regressing the status', async () => {
    const { orderNumber, tracking } = await shippedInStore();
    const scanAt = (subtag: string, checkpointTime: string) =>
      t.scan(tracking.id, { subtag, checkpoint_time: checkpointTime });
    await scanAt('InTransit_002', '2025-03-01T10:00:00-06:00');
    await scanAt('Delivered_001', '2025-03-03T12:00:00-06:00');
    // Reported late: older than the delivery, consistent with it — history, not a change.
    await scanAt('InTransit_003', '2025-03-02T09:00:00-06:00');
    // Newer than the delivery but back in transit: contradicts a terminal status.
    await scanAt('InTransit_007', '2025-03-04T08:00:00-06:00');
    const [parcel] = await t.timeline(orderNumber, ([p]) => p?.checkpoints.length === 4);
    expect(parcel).toMatchObject({ status: 'delivered', subStatus: 'aftership:Delivered_001' });
    expect(parcel!.checkpoints.map((c) => c.status)).toEqual([
      'picked_up',
      'in_transit',
      'delivered',
      'in_transit',
    ]);
    expect(parcel!.anomalies).toEqual([
      expect.objectContaining({ kind: 'terminal_regression', from: 'delivered', to: 'in_transit' }),
    ]);
  });

  it('answers a bad signature with 401 and stores nothing', async () => {
    const url = world.setup.connections.aftership!.webhookUrl;
    const before = (await t.inbox()).length;
    const body = JSON.stringify({ event: 'tracking_update', event_id: 'forged-1', msg: {}, ts: 1 });
    const post = (headers: Record<string, string>) =>
      fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body,
      });
    const forged = await post({ 'aftership-hmac-sha256': 'bm90IHRoZSBzaWduYXR1cmU=' });
    expect(forged.status).toBe(401);
    expect(await forged.json()).toMatchObject({ error: 'bad_signature' });
    expect((await post({})).status).toBe(401);
    expect(await t.inbox()).toHaveLength(before);
    await world.hub.platform.repos.audit.flush();
    const refused = await world.hub.platform.repos.audit.recent({
      kind: 'webhook.rejected',
      provider: 'aftership',
    });
    expect(refused.length).toBeGreaterThanOrEqual(2);
  });

  it('records and answers a webhook for a tracking the hub does not know', async () => {
    const stranger = await world.aftership.post<{ id: string }>('/trackings', {
      tracking_number: upsNumber(),
      slug: 'ups',
    });
    const { eventId } = await world.aftership.post<{ eventId: string }>(
      `/trackings/${stranger.id}/advance`,
    );
    const row = await waitFor(
      async () =>
        (await t.inbox()).find((r) => r.dedupKey === keyOf(eventId) && r.status === 'ignored'),
      { what: 'the unknown tracking event to be recorded as ignored' },
    );
    expect(row.error).toMatch(/no tracking/);
    expect(await t.trackingDeadLetters()).toEqual([]);
  });

  it('flags an exception on the store order once, keeping the merchant’s notes', async () => {
    const { orderId, orderNumber, trackingNumber, tracking } = await shippedInStore();
    const { eventId } = await t.scan(tracking.id, { subtag: 'Exception_003', message: 'Refused' });
    await Promise.all([1, 2, 3].map(() => t.redeliver(eventId)));
    await t.timeline(orderNumber, ([p]) => p?.status === 'exception');
    const notes = await waitFor(
      async () => {
        const { staff_notes } = (await t.storeOrder(orderId)).order;
        return staff_notes.includes('[Shiplink]') ? staff_notes : undefined;
      },
      { what: 'a staff note about the exception' },
    );
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const final = (await t.storeOrder(orderId)).order.staff_notes;
    expect(final).toBe(notes);
    expect(final.split('\n')).toEqual([
      'VIP customer',
      expect.stringMatching(
        new RegExp(
          `^\\[Shiplink\\] Parcel ${trackingNumber} \\(ups\\): exception \\(consignee refused\\)`,
        ),
      ),
    ]);
  });
});
