import type { TrackingProvider, TrackingRequest } from '@shiplink/domain';
import { PermanentError, RetryableError } from '@shiplink/errors';
import type { WebhookConnection } from '../descriptor';
import { SimulatorControl } from '../testing/control';
import { PostiClient } from './client';
import { PostiCredentialsSchema, type PostiCredentials } from './credentials';
import { finnishOrder, postiSettings } from './fixtures/orders';
import { startRawReceiver } from './fixtures/raw-receiver';
import { toPostiShipment } from './mapping';
import { openPostiAccount, startPostiSimulator, TEST_TRACKING_CODE } from './simulator';
import { postiTrackingProvider } from './tracking';
import { postiWebhook } from './webhook';

const request = (trackingNumber: string, carrierSlug = 'posti'): TrackingRequest => ({
  trackingNumber,
  carrierSlug,
  orderRef: '20510',
  orderNumber: '20510',
  customer: { name: 'Aino Virtanen', email: 'aino.virtanen@example.fi', phone: null },
  destinationCountry: 'FI',
  items: [{ sku: 'MUG-ARABIA', quantity: 2 }],
});

describe('postiTrackingProvider against the simulator', () => {
  let simulator: Awaited<ReturnType<typeof startPostiSimulator>>;
  let control: SimulatorControl;
  let credentials: PostiCredentials;
  let client: PostiClient;
  let provider: TrackingProvider;

  const clientFor = (baseUrl: string) =>
    new PostiClient({ baseUrl, credentials, retries: 0, retryBaseDelayMs: 5 });

  /** A new parcel of the account, as the hub's shipment creation leaves it. */
  const createParcel = async (callbackUrl?: string): Promise<string> => {
    const settings = postiSettings(callbackUrl ? { callbackUrl } : {});
    const plan = toPostiShipment(
      finnishOrder,
      finnishOrder.destinations[0]!,
      { productCode: '2104' },
      settings,
    );
    if (!plan.ok) throw new Error('the fixture order maps');
    const created = await client.createShipment(
      client.createShipmentXml(`hub-${Math.random()}`, plan.shipment),
    );
    return created.trackingCodes[0]!.code;
  };
  const addEvent = (code: string, statusCode: number, at: string) =>
    control.post(`/parcels/${code}/events`, { status_code: statusCode, event_timestamp: at });
  const statusReads = async () => (await control.requests({ path: '/shipment/status' })).length;

  beforeAll(async () => {
    simulator = await startPostiSimulator({ callbackRetryDelaysMs: [50] });
    control = new SimulatorControl(simulator.url);
  });
  afterAll(async () => {
    await simulator?.close();
  });
  beforeEach(async () => {
    await control.clearFaults();
    const account = await openPostiAccount(simulator.url);
    credentials = PostiCredentialsSchema.parse(account.credentials);
    client = clientFor(simulator.url);
    provider = postiTrackingProvider(client, postiSettings());
  });

  it('tracks Posti parcels only, and knows their codes', async () => {
    expect(provider.name).toBe('Posti');
    expect(provider.carriers).toEqual(['posti']);
    const code = await createParcel();
    const detect = (trackingNumber: string) =>
      provider.detectCarrier({ trackingNumber, postalCode: '00100', countryRegion: 'FI' });
    for (const number of [code, TEST_TRACKING_CODE, 'CA123456789FI', ` ${code.toLowerCase()} `])
      expect(await detect(number)).toEqual(['posti']);
    for (const number of ['1Z999AA10123456784', 'CA123456789SE', '00340434161094042557', 'JJFI'])
      expect(await detect(number)).toEqual([]);
  });

  it('registers a new parcel without history, and with it once Posti has scanned it', async () => {
    const code = await createParcel();
    const fresh = await provider.register(request(code));
    expect(fresh).toEqual({
      outcome: 'registered',
      created: true,
      hasHistory: false,
      snapshot: expect.objectContaining({
        trackingRef: code,
        trackingNumber: code,
        carrierSlug: 'posti',
        orderNumber: '20510',
        entries: [],
      }),
    });

    await addEvent(code, 68, '2025-03-03T15:34:00Z');
    await addEvent(code, 13, '2025-03-04T13:30:00Z');
    const scanned = await provider.register(request(code));
    expect(scanned).toMatchObject({ outcome: 'registered', created: true, hasHistory: true });
    if (scanned.outcome !== 'registered') throw new Error('registered');
    expect(scanned.snapshot.entries.map((entry) => entry.event.rawCode)).toEqual(['68', '13']);
    // Posti's timestamps are Helsinki time; the entries carry the instant.
    expect(scanned.snapshot.entries[0]!.event.occurredAtUtc).toBe('2025-03-03T15:34:00.000Z');

    const read = await provider.read(code);
    expect(read).toMatchObject({ trackingRef: code, orderNumber: '20510' });
    expect(read!.entries.map((entry) => entry.identity)).toEqual(
      scanned.snapshot.entries.map((entry) => entry.identity),
    );
    expect(
      await provider.findRegistered({
        trackingNumber: ` ${code} `,
        carrierSlug: 'posti',
        orderNumber: '20510',
      }),
    ).toEqual([code]);
    expect(await provider.remove(code)).toBe(false);
  });

  it('reads the published test code every account can ask about', async () => {
    const result = await provider.register(request(TEST_TRACKING_CODE));
    expect(result).toMatchObject({ outcome: 'registered', hasHistory: true });
    const read = await provider.read(TEST_TRACKING_CODE);
    expect(read?.entries.map((entry) => entry.event.rawCode)).toEqual(['68', '13', '31']);
  });

  it('reads a code Posti has no events for as a tracking without events', async () => {
    // Posti answers [] for a code it has not heard of: the same answer as for a parcel just made.
    const unknown = 'JJFI99999900000000001';
    expect(await provider.register(request(unknown))).toMatchObject({
      outcome: 'registered',
      hasHistory: false,
    });
    expect(await provider.read(unknown)).toMatchObject({ trackingRef: unknown, entries: [] });

    // Another account's parcel is as unknown to this one, events and all.
    const theirs = await createParcel();
    await addEvent(theirs, 68, '2025-03-03T15:34:00Z');
    const account = await openPostiAccount(simulator.url);
    const stranger = new PostiClient({
      baseUrl: simulator.url,
      credentials: PostiCredentialsSchema.parse(account.credentials),
      retries: 0,
    });
    expect(await postiTrackingProvider(stranger, postiSettings()).read(theirs)).toMatchObject({
      entries: [],
    });
  });

  it('takes Posti saying the code does not exist as no tracking, and lets other refusals through', async () => {
    const notFound = await startRawReceiver({
      status: 200,
      body: { success: false, message: 'Tracking code not found' },
    });
    const refused = await startRawReceiver({
      status: 200,
      body: { success: false, message: 'Invalid hash' },
    });
    const wrongHost = await startRawReceiver({ status: 404, body: { message: 'Not Found' } });
    try {
      const code = 'JJFI64574900000137203';
      const unknown = postiTrackingProvider(clientFor(notFound.url), postiSettings());
      expect(await unknown.read(code)).toBeUndefined();
      expect(await unknown.register(request(code))).toMatchObject({
        outcome: 'registered',
        hasHistory: false,
        snapshot: { trackingRef: code, entries: [] },
      });
      // The request was a signed status read for the code.
      expect(new URLSearchParams(notFound.bodies[0]!.toString()).get('tracking_code')).toBe(code);

      const otherwise = postiTrackingProvider(clientFor(refused.url), postiSettings());
      await expect(otherwise.read(code)).rejects.toMatchObject({ reason: 'posti.refused' });
      await expect(otherwise.register(request(code))).rejects.toThrow(PermanentError);
      // A 404 that does not name the parcel is a misconfigured host, not an unknown code.
      const elsewhere = postiTrackingProvider(clientFor(wrongHost.url), postiSettings());
      await expect(elsewhere.read(code)).rejects.toMatchObject({ status: 404 });
    } finally {
      await Promise.all([notFound.close(), refused.close(), wrongHost.close()]);
    }
  });

  it('lets a transient failure propagate as retryable', async () => {
    const code = await createParcel();
    await control.addFault({ kind: 'server_error', path: '/shipment/status', count: 2 });
    await expect(provider.register(request(code))).rejects.toThrow(RetryableError);
    await expect(provider.read(code)).rejects.toThrow(RetryableError);
  });

  it('refuses a parcel of another courier without asking Posti', async () => {
    const before = await statusReads();
    expect(await provider.register(request('1Z999AA10123456784', 'ups'))).toEqual({
      outcome: 'failed',
      why: expect.stringContaining('ups'),
      reason: 'posti.not_a_posti_parcel',
    });
    expect(await statusReads()).toBe(before);
    expect(
      await provider.findRegistered({
        trackingNumber: '1Z999AA10123456784',
        carrierSlug: 'ups',
        orderNumber: '20510',
      }),
    ).toEqual([]);
  });

  it('reads back the callbacks the webhook handler stored, as the status read has them', async () => {
    const receiver = await startRawReceiver({ status: 200, body: { success: true } });
    try {
      const code = await createParcel(`${receiver.url}/webhooks/posti`);
      await control.post(`/parcels/${code}/run`, { journey: 'home' });
      expect(await simulator.simulator.settled(5_000)).toBe(true);
      expect(receiver.bodies.length).toBeGreaterThan(0);

      const connection: WebhookConnection = {
        id: 'c1',
        baseUrl: simulator.url,
        webhookSecret: 'not-what-posti-signs-with',
        storeRef: 'store-1',
        settings: {},
        credentials,
      };
      const polled = await provider.read(code);
      const polledIdentities = new Set(polled!.entries.map((entry) => entry.identity));
      for (const rawBody of receiver.bodies) {
        const verdict = postiWebhook.handle(
          { headers: {}, rawBody, pathSecret: undefined, toleranceSec: 300 },
          connection,
        );
        if (!verdict.ok) throw new Error(`refused: ${verdict.code}`);
        expect(verdict.intent).toEqual({
          kind: 'tracking.updated',
          trackingRef: code,
          eventRef: verdict.eventRef,
        });
        // The inbox keeps the payload as JSON.
        const stored = JSON.parse(JSON.stringify(verdict.payload)) as unknown;
        const snapshot = provider.snapshotOfEvent(stored);
        expect(snapshot).toMatchObject({ trackingRef: code, carrierSlug: 'posti' });
        expect(snapshot.orderNumber).toBe('20510');
        expect(snapshot.entries).toHaveLength(1);
        expect(polledIdentities.has(snapshot.entries[0]!.identity)).toBe(true);
      }
    } finally {
      await receiver.close();
    }
  });

  it('refuses a stored payload it cannot read as permanent', () => {
    const payloads: unknown[] = [
      null,
      {},
      { trackingCode: 'JJFI1', eventCode: '22', sentAt: 1, event: { tracking_code: 'JJFI1' } },
      { msg: { id: 'aftership-shaped' }, event: 'tracking_update' },
    ];
    for (const payload of payloads) {
      let thrown: unknown;
      try {
        provider.snapshotOfEvent(payload);
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(PermanentError);
      expect(thrown).toMatchObject({ reason: 'posti.callback_invalid', provider: 'posti' });
    }
  });
});
