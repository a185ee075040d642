import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import express from 'express';
import { checkpointIdentity, reduceTimeline } from '@shiplink/domain';
import { eventually } from '@shiplink/testing';
import { SimulatorControl } from '../testing/control';
import type { WebhookDelivery } from '../simulator-kit/webhook-sender';
import { createAfterShipClient, type AfterShipClient } from './client';
import { currentFromTracking, eventsFromTracking } from './mapping';
import type { AfterShipTracking } from './schemas';
import {
  AFTERSHIP_SIM_API_KEY,
  startAfterShipSimulator,
  type RunningAfterShipSimulator,
} from './simulator';
import { parseAfterShipWebhook, verifyAfterShipWebhook } from './webhook';

interface Received {
  headers: Record<string, unknown>;
  body: Buffer;
}

const SECRET = 'whsec-test';

describe('AfterShip simulator journeys and webhooks', () => {
  let sim: RunningAfterShipSimulator;
  let control: SimulatorControl;
  let client: AfterShipClient;
  let receiver: Server;
  let receiverUrl: string;
  let received: Received[] = [];
  // Statuses the receiver answers with, one per request; 204 once exhausted.
  let answers: number[] = [];

  beforeAll(async () => {
    const app = express();
    app.post('/hooks/aftership', express.raw({ type: '*/*' }), (req, res) => {
      received.push({ headers: req.headers, body: req.body as Buffer });
      res.status(answers.shift() ?? 204).end();
    });
    receiver = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => receiver.once('listening', resolve));
    receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks/aftership`;
    sim = await startAfterShipSimulator({ webhookRetryDelaysMs: [30, 60, 120] });
    control = new SimulatorControl(sim.url);
    client = createAfterShipClient({
      baseUrl: sim.url,
      credentials: { apiKey: AFTERSHIP_SIM_API_KEY },
    });
  });

  afterAll(async () => {
    await sim.close();
    receiver.closeAllConnections();
    await new Promise((resolve) => receiver.close(resolve));
  });

  beforeEach(async () => {
    await control.reset();
    await control.post('/webhook-endpoints', { url: receiverUrl, secret: SECRET });
    received = [];
    answers = [];
  });

  const create = async (trackingNumber: string, journey?: string) => {
    if (journey) await control.post('/journeys/next', { journey });
    return (await client.createTracking({ tracking_number: trackingNumber })).tracking;
  };
  const advance = (id: string) =>
    control.post<{ tracking: AfterShipTracking; eventId: string }>(`/trackings/${id}/advance`);
  const parsed = (r: Received) => parseAfterShipWebhook(JSON.parse(r.body.toString()));

  it('advances a step and posts a signed tracking_update with the whole tracking', async () => {
    const tracking = await create('1Z999AA10123456784');
    const { eventId } = await advance(tracking.id);
    const [hit] = await eventually(
      () => received,
      (r) => r.length === 1,
    );
    expect(
      verifyAfterShipWebhook({ headers: hit!.headers, rawBody: hit!.body, secret: SECRET }),
    ).toEqual({
      ok: true,
    });
    expect(hit!.headers['as-webhook-version']).toBe('2025-01');
    const body = parsed(hit!);
    expect(body).toMatchObject({
      event: 'tracking_update',
      event_id: eventId,
      is_tracking_first_tag: true,
    });
    expect(body.msg).toMatchObject({
      id: tracking.id,
      tag: 'InfoReceived',
      subtag: 'InfoReceived_001',
    });
    expect(eventsFromTracking(body.msg).map((e) => e.status)).toEqual(['info_received']);

    await advance(tracking.id);
    await eventually(
      () => received,
      (r) => r.length === 2,
    );
    expect(eventsFromTracking(parsed(received[1]!).msg).map((e) => e.status)).toEqual([
      'info_received',
      'picked_up',
    ]);
  });

  it('retries a delivery answered 500, on the configured schedule', async () => {
    answers = [500, 503];
    const tracking = await create('1Z999AA10123456785');
    const { eventId } = await advance(tracking.id);
    await eventually(
      () => received,
      (r) => r.length === 3,
    );
    expect(received.map((r) => parsed(r).event_id)).toEqual([eventId, eventId, eventId]);
    const deliveries = await eventually(
      () => control.webhooks(),
      (d: WebhookDelivery[]) => d[0]?.delivered === true,
    );
    expect(deliveries).toHaveLength(1);
    expect(deliveries[0]).toMatchObject({ attempts: 3, delivered: true, lastStatus: 204 });
  });

  it('redelivers the exact same event on request', async () => {
    const tracking = await create('1Z999AA10123456786');
    const { eventId } = await advance(tracking.id);
    await eventually(
      () => received,
      (r) => r.length === 1,
    );
    await advance(tracking.id);
    await eventually(
      () => received,
      (r) => r.length === 2,
    );
    await control.post(`/webhooks/redeliver/${eventId}`);
    await eventually(
      () => received,
      (r) => r.length === 3,
    );
    expect(received[2]!.body.equals(received[0]!.body)).toBe(true);
    expect(received[2]!.headers['aftership-hmac-sha256']).toBe(
      received[0]!.headers['aftership-hmac-sha256'],
    );
  });

  /** The bodies of `eventIds`, in emission order (deliveries race each other over HTTP). */
  const bodiesOf = async (eventIds: string[]) => {
    await eventually(
      () => received,
      (r) => r.length >= eventIds.length,
    );
    const byId = new Map(received.map((r) => [parsed(r).event_id, parsed(r)]));
    return eventIds.map((id) => byId.get(id)!);
  };

  it.each<[string, string, string, string]>([
    ['delivered', '1Z999AA10123456787', 'delivered', 'delivered'],
    ['exception', '1Z999AA10123456788', 'delivered', 'delivered'],
    ['lost', '1Z999AA10123456789', 'failed', 'failed'],
    ['return_to_sender', '1Z999AA10123456790', 'returned', 'returned'],
    ['failed_attempt', '1Z999AA10123456791', 'delivered', 'delivered'],
    ['pickup_point', '1Z999AA10123456792', 'delivered', 'delivered'],
    // Expired is AfterShip's verdict, not a carrier scan: only the tracking-level tag says it.
    ['expired', '1Z999AA10123456793', 'info_received', 'expired'],
    ['quirks', '1Z999AA10123456794', 'delivered', 'delivered'],
  ])('runs the %s journey to its end', async (journey, number, fromEvents, fromTag) => {
    const tracking = await create(number, journey);
    const { eventIds } = await control.post<{ eventIds: string[] }>(
      `/trackings/${tracking.id}/run`,
    );
    const last = (await bodiesOf(eventIds)).at(-1)!.msg;
    const timeline = reduceTimeline(eventsFromTracking(last));
    expect(timeline).toMatchObject({ current: { status: fromEvents }, anomalies: [] });
    expect(currentFromTracking(last).status).toBe(fromTag);
    const more = await control
      .post<unknown>(`/trackings/${tracking.id}/advance`)
      .catch((e: unknown) => e);
    expect(more).toMatchObject({ response: { status: 409 } });
  });

  it('shows real-world quirks: late, repeated and zone-less scans in re-sent lists', async () => {
    const tracking = await create('1Z999AA10123456795', 'quirks');
    const { eventIds } = await control.post<{ eventIds: string[] }>(
      `/trackings/${tracking.id}/run`,
    );
    const bodies = await bodiesOf(eventIds);
    const lists = bodies.map((b) => b.msg.checkpoints ?? []);
    // Every webhook re-sends all earlier checkpoints.
    expect(lists.map((l) => l.length)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    // The 7th scan arrives late: it sorts before the one delivered just before it.
    const late = lists[6]!.findIndex((c) => c.message === 'Departed from sort facility');
    expect(late).toBeLessThan(lists[6]!.length - 1);
    const events = eventsFromTracking(bodies.at(-1)!.msg);
    const ids = events.map((e) =>
      checkpointIdentity({ carrier: 'ups', trackingNumber: tracking.tracking_number, ...e }),
    );
    // The repeated scan differs only in AfterShip's created_at: one identity for both.
    expect(new Set(ids).size).toBe(events.length - 1);
    const local = events.filter((e) => e.occurredAtIsLocal);
    expect(local.map((e) => e.status)).toEqual(['out_for_delivery', 'delivered']);
    // Zone-less times still order after the scans before them (zone inferred from IL).
    const withOffset = events.filter((e) => !e.occurredAtIsLocal).map((e) => e.occurredAtUtc);
    expect(local[0]!.occurredAtUtc > withOffset.sort().at(-1)!).toBe(true);
  });

  it('takes a custom scan, the journey hint and unmapped subtags', async () => {
    const { tracking } = await client.createTracking({
      tracking_number: '1Z999AA10123456796',
      custom_fields: { journey: 'pickup_point' },
    });
    expect(sim.state.get(tracking.id)?.journey).toBe('pickup_point');
    await control.post(`/trackings/${tracking.id}/scan`, {
      subtag: 'Exception_019',
      message: 'Something new',
      checkpoint_time: '2025-03-04T10:00:00+02:00',
      city: 'Vantaa',
    });
    const [hit] = await eventually(
      () => received,
      (r) => r.length === 1,
    );
    const [event] = eventsFromTracking(parsed(hit!).msg);
    expect(event).toMatchObject({
      status: 'unknown',
      subStatus: 'aftership:CARRIER_STATUS_NOT_MAPPED:Exception_019',
      occurredAtUtc: '2025-03-04T08:00:00.000Z',
    });
  });
});
