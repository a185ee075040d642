import { reduceTimeline } from '@shiplink/domain';
import { runConnectorContract } from '../testing';
import { SimulatorControl } from '../testing/control';
import { createAfterShipClient, type AfterShipClient } from './client';
import { afterShip } from './descriptor';
import { afterShipTrackingFixture } from './fixtures/tracking';
import {
  AFTERSHIP_FIXTURE_WEBHOOK_SECRET,
  signedAfterShipWebhookFixture,
} from './fixtures/webhook';
import { currentFromTracking, eventsFromTracking } from './mapping';
import { AFTERSHIP_API_BASE_PATH } from './profile';
import type { AfterShipTracking } from './schemas';
import { AFTERSHIP_SIM_API_KEY, startAfterShipSimulator } from './simulator';
import {
  AFTERSHIP_SIGNATURE_HEADER,
  signAfterShipWebhook,
  verifyAfterShipWebhook,
} from './webhook';

let url = '';
/** Given by the merchant from AfterShip's admin, where the endpoint is configured too. */
const WEBHOOK_SECRET = 'contract-aftership-webhook-secret';
const seeded: string[] = [];

runConnectorContract<AfterShipClient>({
  provider: 'aftership',
  async start() {
    const sim = await startAfterShipSimulator();
    url = sim.url;
    return { control: new SimulatorControl(sim.url), close: () => sim.close() };
  },
  client: ({ limiter, maxInlineWaitMs, accountKey }) =>
    createAfterShipClient({
      baseUrl: url,
      credentials: { apiKey: AFTERSHIP_SIM_API_KEY },
      limiter,
      accountKey,
      retryBaseDelayMs: 20,
      ...(maxInlineWaitMs === undefined ? {} : { maxInlineWaitMs }),
    }),
  async seed(control, count) {
    for (let i = 0; i < count; i++) {
      const tracking = await control.post<AfterShipTracking>('/trackings', {
        tracking_number: `1Z999AA1012345${String(6000 + i)}`,
        slug: 'ups',
        order_id: String(4000 + i),
        order_number: String(10000 + i),
      });
      seeded.push(tracking.id);
    }
  },
  // A small page size, so that several cursor pages are fetched.
  listAll: (client) => client.listTrackings({ limit: 3 }),
  listPath: `${AFTERSHIP_API_BASE_PATH}/trackings`,
  readOne: (client) => client.getTrackingOrThrow(seeded[0]!),
  readMissing: (client) => client.getTrackingOrThrow('0'.repeat(32)),
  webhook: {
    signed: () => signedAfterShipWebhookFixture(),
    verify: (headers, body) =>
      verifyAfterShipWebhook({ headers, rawBody: body, secret: AFTERSHIP_FIXTURE_WEBHOOK_SECRET })
        .ok,
  },
  webhookDelivery: {
    handler: afterShip.webhook!,
    connection: () => ({
      id: 'c0a80101-0000-4000-8000-00000000a501',
      baseUrl: url,
      webhookSecret: WEBHOOK_SECRET,
      storeRef: 'contract-store',
      settings: {},
    }),
    async send(control, destination) {
      await control.post('/webhook-endpoints', { url: destination, secret: WEBHOOK_SECRET });
      const tracking = await control.post<AfterShipTracking>('/trackings', {
        tracking_number: '1Z999AA10123459999',
        slug: 'ups',
        order_id: '4999',
        order_number: '10999',
      });
      await control.post(`/trackings/${tracking.id}/advance`);
    },
    intent: 'tracking.updated',
    sign: (body, _genuine, connection) => ({
      [AFTERSHIP_SIGNATURE_HEADER]: signAfterShipWebhook(body, connection.webhookSecret),
    }),
  },
  fixtureMapping() {
    const events = eventsFromTracking(afterShipTrackingFixture);
    expect(events).toHaveLength(afterShipTrackingFixture.checkpoints!.length);
    expect(reduceTimeline(events)).toMatchObject({
      current: { status: 'returned' },
      anomalies: [],
    });
    expect(currentFromTracking(afterShipTrackingFixture)).toMatchObject({
      status: 'returned',
      mapped: true,
    });
  },
});
