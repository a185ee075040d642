import { eventually } from '@shiplink/testing';
import { SimulatorControl } from '../../testing/control';
import {
  CallbackReceiver,
  postXml,
  serviceXml,
  shipmentXml,
  signedPost,
  trackingCodesOf,
  type Merchant,
} from './test-support';
import {
  openPostiAccount,
  startPostiSimulator,
  type CallbackDelivery,
  type ParcelEventJson,
  type RunningPostiSimulator,
} from '.';

describe('Posti simulator tracking callbacks', () => {
  let sim: RunningPostiSimulator;
  let control: SimulatorControl;
  let merchant: Merchant;
  const receiver = new CallbackReceiver();
  const callbacks = () => control.get<CallbackDelivery[]>('/callbacks');
  const settle = () => control.get<{ idle: boolean }>('/callbacks/idle?wait=5000');
  const received = (count: number) =>
    eventually(
      () => receiver.received,
      (list) => list.length >= count,
    );
  const createParcel = async (withCallback = true) => {
    const answer = await postXml(
      sim.url,
      '/prinetti/create-shipment',
      shipmentXml(merchant, {
        services: withCallback ? [serviceXml('9901', { url: receiver.url })] : [],
      }),
    );
    return trackingCodesOf(answer)[0]!;
  };

  beforeAll(async () => {
    await receiver.start();
    sim = await startPostiSimulator({ callbackRetryDelaysMs: [20, 20, 20] });
    control = new SimulatorControl(sim.url);
  });
  afterAll(async () => {
    await sim.close();
    await receiver.close();
  });
  beforeEach(async () => {
    await control.reset();
    receiver.clear();
    merchant = (await openPostiAccount(sim.url)).credentials;
    receiver.secret = merchant.secret;
  });

  it('posts each event to the 9901 url as a signed form, the status item as object', async () => {
    const code = await createParcel();
    const posted = await control.post<{ event: ParcelEventJson; callbackId: string }>(
      `/parcels/${code}/events`,
      { status_code: '68' },
    );
    const [callback, ...more] = await received(1);
    expect(more).toHaveLength(0);
    expect(callback!.verified).toBe(true);
    expect(Object.keys(callback!.params).sort()).toEqual(
      ['api_key', 'event', 'hash', 'object', 'timestamp', 'tracking_code'].sort(),
    );
    expect(callback!.params).toMatchObject({
      api_key: merchant.apiKey,
      tracking_code: code,
      event: '68',
      timestamp: expect.stringMatching(/^\d{10}$/),
    });
    expect(callback!.event).toEqual(posted.event);
    const status = await signedPost<ParcelEventJson[]>(sim.url, '/shipment/status', merchant, {
      tracking_code: code,
    });
    expect(callback!.event).toEqual(status.body[0]);
    await settle();
    const [delivery] = await callbacks();
    expect(delivery).toMatchObject({
      id: posted.callbackId,
      url: receiver.url,
      event: '68',
      trackingCode: code,
      attempts: 1,
      delivered: true,
      lastStatus: 200,
    });
  });

  it('calls a whole journey back in event order', async () => {
    const code = await createParcel();
    await control.post(`/parcels/${code}/run`, { journey: 'home' });
    const all = await received(6);
    expect(all.map((callback) => callback.params.event)).toEqual([
      '68',
      '13',
      '31',
      '48',
      '71',
      '22',
    ]);
    expect(all.every((callback) => callback.verified)).toBe(true);
  });

  it('sends nothing for a shipment without service 9901', async () => {
    const code = await createParcel(false);
    const posted = await control.post<{ callbackId: string | null }>(`/parcels/${code}/events`, {
      status_code: '68',
    });
    expect(posted.callbackId).toBeNull();
    await settle();
    expect(receiver.received).toEqual([]);
    expect(await callbacks()).toEqual([]);
  });

  it('re-sends the same callback after HTTP 500 until it is accepted', async () => {
    receiver.answers = [
      { status: 500, body: '{"success": false}' },
      { status: 503, body: 'busy' },
    ];
    const code = await createParcel();
    await control.post(`/parcels/${code}/events`, { status_code: '13' });
    await received(3);
    await settle();
    expect(receiver.received).toHaveLength(3);
    const bodies = new Set(receiver.received.map((callback) => JSON.stringify(callback.params)));
    expect(bodies.size).toBe(1);
    const [delivery] = await callbacks();
    expect(delivery).toMatchObject({ attempts: 3, delivered: true, lastStatus: 200 });
    expect(delivery!.history.map((attempt) => [attempt.status, attempt.accepted])).toEqual([
      [500, false],
      [503, false],
      [200, true],
    ]);
  });

  it('re-sends a callback answered 200 with anything but {"success": true}', async () => {
    receiver.answers = [
      { status: 200, body: '{"status": "OK"}' },
      { status: 200, body: 'thanks' },
      { status: 201, body: '{"success": true}' },
    ];
    const code = await createParcel();
    await control.post(`/parcels/${code}/events`, { status_code: '22' });
    await received(4);
    await settle();
    const [delivery] = await callbacks();
    expect(delivery!.history.map((attempt) => attempt.response)).toEqual([
      '{"status": "OK"}',
      'thanks',
      '{"success": true}',
      '{"success": true}',
    ]);
    expect(delivery).toMatchObject({ attempts: 4, delivered: true });
  });

  it('gives up after the last retry, and redelivers on request', async () => {
    receiver.answers = Array.from({ length: 4 }, () => ({ status: 500, body: '' }));
    const code = await createParcel();
    await control.post(`/parcels/${code}/events`, { status_code: '31' });
    await received(4);
    await settle();
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(receiver.received).toHaveLength(4);
    const [failed] = await callbacks();
    expect(failed).toMatchObject({ attempts: 4, delivered: false, lastStatus: 500 });

    const again = await control.post<CallbackDelivery>(`/callbacks/redeliver/${failed!.id}`);
    expect(again).toMatchObject({ redeliveryOf: failed!.id, body: failed!.body });
    await received(5);
    await settle();
    expect(receiver.received[4]!.params).toEqual(receiver.received[0]!.params);
    expect(receiver.received[4]!.verified).toBe(true);
    const deliveries = await callbacks();
    expect(deliveries.map((delivery) => delivery.delivered)).toEqual([false, true]);
    await expect(control.post('/callbacks/redeliver/nope')).rejects.toMatchObject({
      response: { status: 404 },
    });
  });

  it('takes its retry schedule from the control API', async () => {
    expect(await control.post('/callbacks/settings', { retryDelaysMs: [] })).toEqual({
      retryDelaysMs: [],
      timeoutMs: 10_000,
    });
    receiver.answers = [{ status: 500, body: '' }];
    const code = await createParcel();
    await control.post(`/parcels/${code}/events`, { status_code: '68' });
    await received(1);
    await settle();
    expect((await callbacks())[0]).toMatchObject({ attempts: 1, delivered: false });
  });
});
