import { SimulatorControl } from '../../testing/control';
import {
  postXml,
  serviceXml,
  shipmentXml,
  signedPost,
  trackingCodesOf,
  type Merchant,
  type ShipmentOptions,
} from './test-support';
import {
  openPostiAccount,
  startPostiSimulator,
  TEST_TRACKING_CODE,
  type ParcelEventJson,
  type RunningPostiSimulator,
} from '.';

describe('Posti simulator shipment status and events', () => {
  let sim: RunningPostiSimulator;
  let control: SimulatorControl;
  let merchant: Merchant;
  // Summer time in Helsinki: UTC+3.
  let clock = Date.parse('2024-07-01T09:30:00Z');
  const signed = <T>(path: string, params: Record<string, string>, who = merchant) =>
    signedPost<T>(sim.url, path, who, params, { timestamp: Math.floor(clock / 1_000) });
  const statusOf = async (trackingCode: string, who = merchant) =>
    (await signed<ParcelEventJson[]>('/shipment/status', { tracking_code: trackingCode }, who))
      .body;
  const createShipment = async (options: ShipmentOptions = {}) => {
    const answer = await postXml(
      sim.url,
      '/prinetti/create-shipment',
      shipmentXml(merchant, { reference: '5001', ...options }),
    );
    return {
      uuid: answer.response['response.reference']!['@uuid'],
      codes: trackingCodesOf(answer),
    };
  };
  const codesOf = (events: ParcelEventJson[]) => events.map((event) => event.status_code);

  beforeAll(async () => {
    sim = await startPostiSimulator({ now: () => clock });
    control = new SimulatorControl(sim.url);
  });
  afterAll(() => sim.close());
  beforeEach(async () => {
    clock = Date.parse('2024-07-01T09:30:00Z');
    await control.reset();
    merchant = (await openPostiAccount(sim.url)).credentials;
  });

  it('has no events before Posti hears of the parcel', async () => {
    const { codes } = await createShipment();
    expect(await statusOf(codes[0]!)).toEqual([]);
  });

  it('answers events as strings, in Helsinki local time', async () => {
    const { codes } = await createShipment();
    const code = codes[0]!;
    const posted = await control.post<{ event: ParcelEventJson }>(`/parcels/${code}/events`, {
      status_code: 68,
      event_timestamp: '2024-07-01T09:27:00Z',
    });
    expect(posted.event).toEqual({
      message_created: '2024-07-01 12:30:00',
      reference: '5001',
      tracking_code: code,
      measured_weight: '0',
      measured_volume: '0',
      status_code: '68',
      receiver_name: '',
      event_timestamp: '2024-07-01 12:27:00',
      postcode: '33100',
      post_office: 'TAMPERE',
    });
    // Winter time: UTC+2.
    clock = Date.parse('2024-01-15T09:30:00Z');
    await control.post(`/parcels/${code}/events`, {
      status_code: '20',
      post_office: 'HELSINKI',
      postcode: '00230',
    });
    const events = await statusOf(code);
    expect(events).toHaveLength(2);
    expect(events[1]).toMatchObject({
      status_code: '20',
      event_timestamp: '2024-01-15 11:30:00',
      message_created: '2024-01-15 11:30:00',
      post_office: 'HELSINKI',
      postcode: '00230',
    });
    for (const value of Object.values(events[1]!)) expect(typeof value).toBe('string');
  });

  it('plays a home delivery journey from where the parcel is', async () => {
    const { codes } = await createShipment();
    const code = codes[0]!;
    await control.post(`/parcels/${code}/events`, { status_code: '68' });
    const run = await control.post<{ journey: string; events: ParcelEventJson[] }>(
      `/parcels/${code}/run`,
    );
    expect(run.journey).toBe('home');
    expect(codesOf(run.events)).toEqual(['13', '31', '48', '71', '22']);
    const events = await statusOf(code);
    expect(codesOf(events)).toEqual(['68', '13', '31', '48', '71', '22']);
    const delivered = events.at(-1)!;
    expect(delivered).toMatchObject({
      event_timestamp: '2024-07-01 12:30:00',
      receiver_name: 'Aino Virtanen',
      postcode: '00100',
      post_office: 'HELSINKI',
      measured_weight: '1.2',
      measured_volume: '0.02',
    });
    expect(events.at(-2)?.event_timestamp).toBe('2024-07-01 12:29:00');
  });

  it('plays a pickup point journey to the chosen point, and stops where told', async () => {
    const { codes } = await createShipment({
      product: '2103',
      services: [serviceXml('2106', { pickup_point_id: '331003101' })],
    });
    const code = codes[0]!;
    const first = await control.post<{ journey: string; events: ParcelEventJson[] }>(
      `/parcels/${code}/run`,
      { until: '31' },
    );
    expect(first.journey).toBe('pickup_point');
    expect(codesOf(first.events)).toEqual(['68', '13', '31']);
    await control.post(`/parcels/${code}/run`);
    const events = await statusOf(code);
    expect(codesOf(events)).toEqual(['68', '13', '31', '91', '22']);
    expect(events[3]).toMatchObject({ postcode: '33100', post_office: 'TAMPERE' });
  });

  it('adds the COD payment (38) after delivery, and runs every parcel of a shipment', async () => {
    const { codes } = await createShipment({
      weights: ['1', '2'],
      services: [serviceXml('3101', { amount: '990', account: 'FI2112345600000785' })],
    });
    const runs = await control.post<{ trackingCode: string; events: ParcelEventJson[] }[]>(
      '/shipments/5001/run',
      { journey: 'home' },
    );
    expect(runs.map((run) => run.trackingCode)).toEqual(codes);
    for (const code of codes) {
      expect(codesOf(await statusOf(code))).toEqual(['68', '13', '31', '48', '71', '22', '38']);
    }
  });

  it('spreads a journey out in real time with stepDelayMs', async () => {
    const { codes } = await createShipment();
    const code = codes[0]!;
    const run = await control.post<{ events: ParcelEventJson[]; scheduled: string[] }>(
      `/parcels/${code}/run`,
      { stepDelayMs: 30, until: '48' },
    );
    expect(codesOf(run.events)).toEqual(['68']);
    expect(run.scheduled).toEqual(['13', '31', '48']);
    expect(sim.simulator.events.idle()).toBe(false);
    await expect(sim.simulator.settled(2_000)).resolves.toBe(true);
    expect(codesOf(await statusOf(code))).toEqual(['68', '13', '31', '48']);
  });

  it('shows only the merchant its own parcels, and the public test code to everyone', async () => {
    const { codes } = await createShipment();
    await control.post(`/parcels/${codes[0]}/events`, { status_code: '68' });
    const other = (await openPostiAccount(sim.url)).credentials;
    expect(await statusOf(codes[0]!, other)).toEqual([]);
    expect(await statusOf('JJFI00000000000000000')).toEqual([]);
    expect(codesOf(await statusOf(TEST_TRACKING_CODE, other))).toEqual(['68', '13', '31']);
    const missing = await signed('/shipment/status', {});
    expect(missing.status).toBe(400);
  });

  it('refuses to cancel a picked-up shipment, and events for a cancelled one', async () => {
    const picked = await createShipment();
    await control.post(`/parcels/${picked.codes[0]}/run`, { until: '13' });
    expect((await signed('/shipment/cancel', { shipment_id: picked.uuid })).body).toEqual({
      success: false,
    });
    const announced = await createShipment();
    await control.post(`/parcels/${announced.codes[0]}/events`, { status_code: '68' });
    expect((await signed('/shipment/cancel', { shipment_id: announced.uuid })).body).toEqual({
      success: true,
    });
    await expect(
      control.post(`/parcels/${announced.codes[0]}/events`, { status_code: '13' }),
    ).rejects.toMatchObject({ response: { status: 409 } });
  });

  it('validates control input', async () => {
    const { codes } = await createShipment();
    await expect(
      control.post(`/parcels/${codes[0]}/events`, { status_code: '42' }),
    ).rejects.toMatchObject({ response: { status: 400 } });
    await expect(
      control.post('/parcels/JJFI0/events', { status_code: '68' }),
    ).rejects.toMatchObject({ response: { status: 404 } });
  });
});
