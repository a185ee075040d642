import { reduceTimeline } from '@shiplink/domain';
import { PermanentError, RetryableError } from '@shiplink/errors';
import { SimulatorControl } from '../testing/control';
import { readPostiCallback } from './callback';
import { PostiClient } from './client';
import { PostiCredentialsSchema, type PostiCredentials } from './credentials';
import { finnishOrder, line, postiSettings } from './fixtures/orders';
import { startRawReceiver } from './fixtures/raw-receiver';
import { toPostiShipment, type PostiShipmentPlan } from './mapping';
import { openPostiAccount, startPostiSimulator } from './simulator';
import { postiSnapshot } from './timeline';

describe('PostiClient against the simulator', () => {
  let simulator: Awaited<ReturnType<typeof startPostiSimulator>>;
  let control: SimulatorControl;
  let credentials: PostiCredentials;
  let client: PostiClient;

  const plan = (settings = postiSettings()): PostiShipmentPlan => {
    const result = toPostiShipment(
      finnishOrder,
      finnishOrder.destinations[0]!,
      { productCode: '2104' },
      settings,
    );
    if (!result.ok) throw new Error('the fixture order maps');
    return result;
  };
  const shipmentsOfAccount = () =>
    control.get<{ trackingCodes?: string[] }[]>(`/accounts/${credentials.apiKey}/shipments`);

  beforeAll(async () => {
    simulator = await startPostiSimulator({ callbackRetryDelaysMs: [50] });
    control = new SimulatorControl(simulator.url);
  });
  afterAll(async () => {
    await simulator?.close();
  });
  beforeEach(async () => {
    const account = await openPostiAccount(simulator.url);
    credentials = PostiCredentialsSchema.parse(account.credentials);
    client = new PostiClient({ baseUrl: simulator.url, credentials, retryBaseDelayMs: 5 });
  });

  it('lists shipping methods and finds pickup points with signed requests', async () => {
    const methods = await client.shippingMethods('FI');
    expect(methods.map((method) => method.shipping_method_code)).toEqual(
      expect.arrayContaining(['2103', '2104']),
    );
    const points = await client.pickupPoints({ postcode: '00100', country: 'FI', maxResults: 3 });
    expect(points.length).toBeGreaterThan(0);
    expect(points.length).toBeLessThanOrEqual(3);
    const first = points[0]!;
    const info = await client.pickupPointInfo(first.pickup_point_id, {
      serviceProvider: first.provider ?? 'Posti',
    });
    expect(info).toMatchObject({ pickup_point_id: first.pickup_point_id, name: first.name });
    expect(await client.pickupPointInfo('999999999')).toBeUndefined();
  });

  it('gives a checkout a short, unretried pickup point search', async () => {
    await control.post('/lookups/slow', { delayMs: 1_000, count: 1, endpoints: ['pickup-points'] });
    const started = Date.now();
    await expect(
      client.pickupPoints({ postcode: '00100', country: 'FI' }, { timeoutMs: 150 }),
    ).rejects.toThrow(RetryableError);
    expect(Date.now() - started).toBeLessThan(900);
    // The slow answer was used up by the one attempt; the next search answers normally.
    expect(
      (await client.pickupPoints({ postcode: '00100', country: 'FI' }, { timeoutMs: 2_000 }))
        .length,
    ).toBeGreaterThan(0);
  });

  it('creates a shipment, prints its label, reads its status and cancels it', async () => {
    const xml = client.createShipmentXml('hub-shipment-1', plan().shipment);
    const created = await client.createShipment(xml);
    expect(created.trackingCodes).toHaveLength(1);
    expect(created.reference?.value).toBe('20510');
    const uuid = created.reference?.uuid;
    expect(uuid).toMatch(/^[0-9a-f-]{36}$/i);

    const pdf = await client.label(
      '20510',
      created.trackingCodes.map((code) => code.code),
    );
    expect(pdf.subarray(0, 4).toString('latin1')).toBe('%PDF');

    const events = await client.shipmentStatus(created.trackingCodes[0]!.code);
    for (const event of events) expect(event.status_code).toMatch(/^\d+$/);

    expect(await client.cancelShipment(uuid!)).toMatchObject({ cancelled: true });
    expect(await client.cancelShipment(uuid!)).toMatchObject({ cancelled: false });
  });

  it('sends a COD parcel split in two to a pickup point the search found', async () => {
    const [point] = await client.pickupPoints({
      postcode: '00100',
      country: 'FI',
      serviceProvider: 'Posti',
    });
    const order = {
      ...finnishOrder,
      paymentMethod: 'Cash on Delivery',
      customFields: { 'shipping.Pickup point': point!.pickup_point_id },
      lines: [
        line({ externalId: '9001', name: 'Kettlebell 16 kg', quantity: 2, weightGrams: 16_000 }),
      ],
    };
    const settings = postiSettings({
      additionalServices: { cod: { iban: 'FI2112345600000785', bic: 'NORDFIHH' } },
      callbackUrl: 'https://hub.example.com/webhooks/posti/c1',
    });
    const destination = order.destinations[0]!;
    const choice = { productCode: '2103', pickupPointId: point!.pickup_point_id };
    const result = toPostiShipment(order, destination, choice, settings);
    if (!result.ok) throw new Error('the order maps');
    const created = await client.createShipment(
      client.createShipmentXml('hub-shipment-6', result.shipment),
    );
    expect(created.trackingCodes).toHaveLength(2);
    const stored = await control.get<Record<string, unknown>>(
      `/shipments/${created.reference!.uuid}`,
    );
    expect(stored).toMatchObject({
      product: '2103',
      pickupPointId: point!.pickup_point_id,
      callbackUrl: 'https://hub.example.com/webhooks/posti/c1',
      parcels: [{ weightKg: 16 }, { weightKg: 16 }],
    });
    expect(stored.cashOnDelivery).toEqual({
      amountCents: 7570,
      account: 'FI2112345600000785',
      codbic: 'NORDFIHH',
      reference: '205106',
    });
  });

  it('sends a create once, even when the answer is a 5xx (the request may have been taken)', async () => {
    await control.clearRequests();
    await control.post('/prinetti/faults', {
      status: 240,
      count: 1,
      endpoint: 'create-shipment',
      httpStatus: 503,
    });
    await expect(
      client.createShipment(client.createShipmentXml('hub-shipment-3', plan().shipment)),
    ).rejects.toMatchObject({ status: 503 });
    expect(await control.requests({ path: '/prinetti/create-shipment' })).toHaveLength(1);
    expect(await shipmentsOfAccount()).toEqual([]);
  });

  it('classifies Prinetti failures inside HTTP 200', async () => {
    await control.post('/prinetti/faults', { status: 160, count: 1, endpoint: 'create-shipment' });
    const xml = client.createShipmentXml('hub-shipment-4', plan().shipment);
    await expect(client.createShipment(xml)).rejects.toThrow(RetryableError);
    expect((await client.createShipment(xml)).trackingCodes).toHaveLength(1);
  });

  it('is refused with a wrong secret', async () => {
    const stranger = new PostiClient({
      baseUrl: simulator.url,
      credentials: { ...credentials, secret: 'not-the-secret' },
      retries: 0,
    });
    await expect(stranger.shippingMethods()).rejects.toThrow(PermanentError);
    const create = stranger.createShipment(stranger.createShipmentXml('x', plan().shipment));
    await expect(create).rejects.toThrow(PermanentError);
    await expect(
      stranger.createShipment(stranger.createShipmentXml('x', plan().shipment)),
    ).rejects.toMatchObject({
      reason: 'posti.unauthorized',
      message: expect.stringContaining('Routing.Key'),
    });
  });

  it('follows a parcel through its journey, by status and by signed callbacks', async () => {
    const receiver = await startRawReceiver();
    try {
      const { shipment } = plan(postiSettings({ callbackUrl: `${receiver.url}/webhooks/posti` }));
      const created = await client.createShipment(
        client.createShipmentXml('hub-shipment-5', shipment),
      );
      const code = created.trackingCodes[0]!.code;
      await control.post(`/parcels/${code}/run`, { journey: 'home' });
      expect(await simulator.simulator.settled(5_000)).toBe(true);

      const snapshot = postiSnapshot(code, await client.shipmentStatus(code));
      expect(snapshot.orderNumber).toBe('20510');
      expect(reduceTimeline(snapshot.entries.map((entry) => entry.event)).current?.status).toBe(
        'delivered',
      );

      const callbacks = receiver.bodies.map((rawBody) =>
        readPostiCallback({ rawBody, secret: credentials.secret, apiKey: credentials.apiKey }),
      );
      expect(callbacks.length).toBeGreaterThan(0);
      for (const callback of callbacks)
        expect(callback).toMatchObject({ ok: true, trackingCode: code });
      const codes = callbacks.flatMap((callback) => (callback.ok ? [callback.eventCode] : []));
      expect(codes).toEqual(expect.arrayContaining(['13', '31', '48', '71', '22']));
      const refs = new Set(
        callbacks.flatMap((callback) => (callback.ok ? [callback.eventRef] : [])),
      );
      expect(refs.size).toBe(callbacks.length);
      // The callback and the status poll describe the same events.
      const polled = new Set(snapshot.entries.map((entry) => entry.event.rawCode));
      for (const code of codes) expect(polled.has(code)).toBe(true);
    } finally {
      await receiver.close();
    }
  });
});
