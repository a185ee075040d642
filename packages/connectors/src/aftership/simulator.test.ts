import axios from 'axios';
import { PermanentError } from '@shiplink/errors';
import { SimulatorControl } from '../testing/control';
import { createAfterShipClient, type AfterShipClient } from './client';
import { AFTERSHIP_API_BASE_PATH } from './profile';
import type { AfterShipTracking } from './schemas';
import {
  AFTERSHIP_SIM_API_KEY,
  startAfterShipSimulator,
  type RunningAfterShipSimulator,
} from './simulator';

describe('AfterShip simulator and client', () => {
  let sim: RunningAfterShipSimulator;
  let control: SimulatorControl;
  let client: AfterShipClient;
  const api = (path: string) => `${sim.url}${AFTERSHIP_API_BASE_PATH}${path}`;
  const auth = { headers: { 'as-api-key': AFTERSHIP_SIM_API_KEY }, validateStatus: () => true };

  beforeAll(async () => {
    sim = await startAfterShipSimulator();
    control = new SimulatorControl(sim.url);
    client = createAfterShipClient({
      baseUrl: sim.url,
      credentials: { apiKey: AFTERSHIP_SIM_API_KEY },
      retryBaseDelayMs: 10,
    });
  });
  afterAll(() => sim.close());
  beforeEach(() => control.reset());

  it('creates once, and answers a duplicate (4003) with the existing tracking', async () => {
    const body = {
      tracking_number: '1Z999AA10123456784',
      slug: 'ups',
      order_id: '4017',
      order_number: '10234',
    };
    const first = await client.createTracking(body);
    expect(first.created).toBe(true);
    expect(first.tracking).toMatchObject({
      tag: 'Pending',
      subtag: 'Pending_001',
      order_id: '4017',
    });

    const second = await client.createTracking(body);
    expect(second).toEqual({ created: false, tracking: first.tracking });
    const posts = await control.requests({
      method: 'POST',
      path: `${AFTERSHIP_API_BASE_PATH}/trackings`,
    });
    expect(posts.map((r) => r.status)).toEqual([201, 400]);
    expect(sim.state.list()).toHaveLength(1);
  });

  it('finds a duplicate outside the default 120-day list window', async () => {
    const old = await control.post<AfterShipTracking>('/trackings', {
      tracking_number: '9400111899223100001234',
      slug: 'usps',
      created_at: new Date(Date.now() - 200 * 86_400_000).toISOString(),
    });
    const result = await client.createTracking({
      tracking_number: old.tracking_number,
      slug: 'usps',
    });
    expect(result).toMatchObject({ created: false, tracking: { id: old.id } });
  });

  it.each<[string, string[]]>([
    ['1Z999AA10123456784', ['ups']],
    ['9400111899223100001234', ['usps']],
    ['9261290100130435082146', ['usps', 'fedex']],
    ['123456789012', ['fedex']],
    ['JJFI64123450000012345', ['posti']],
    ['JJD0000000000000000123', ['posti', 'dhl']],
    ['hello!', []],
    ['12', []],
  ])('detects the courier of %s', async (trackingNumber, slugs) => {
    await expect(client.detectCourier({ trackingNumber })).resolves.toEqual(slugs);
  });

  it('detects the slug at create, and refuses numbers it cannot place', async () => {
    const { tracking } = await client.createTracking({ tracking_number: 'JJFI64123450000012345' });
    expect(tracking.slug).toBe('posti');
    await expect(
      client.createTracking({ tracking_number: 'NOT-A-REAL-NUMBER' }),
    ).rejects.toMatchObject({
      reason: 'aftership.4012',
    });
    await expect(client.createTracking({ tracking_number: 'x!' })).rejects.toMatchObject({
      reason: 'aftership.4005',
    });
  });

  it.each<[string, unknown, number]>([
    ['a 2024-04 wrapped body', { tracking: { tracking_number: '1Z999AA10123456784' } }, 4007],
    ['a wrong field type', { tracking_number: '1Z999AA10123456784', order_id: 4017 }, 4008],
    ['an unknown slug', { tracking_number: '1Z999AA10123456784', slug: 'pigeon' }, 4010],
    ['an array', [], 4006],
  ])('refuses %s: %j → meta.code %i', async (_name, body, code) => {
    const response = await axios.post(api('/trackings'), body, auth);
    expect(response.status).toBe(400);
    expect(response.data).toMatchObject({ meta: { code, type: 'BadRequest' }, data: {} });
  });

  it('gets, updates, lists and deletes', async () => {
    const { tracking } = await client.createTracking({
      tracking_number: '123456789012',
      slug: 'fedex',
    });
    await expect(client.getTracking(tracking.id)).resolves.toMatchObject({ id: tracking.id });
    const updated = await client.updateTracking(tracking.id, {
      title: 'Order #7',
      order_number: '7',
    });
    expect(updated).toMatchObject({
      title: 'Order #7',
      order_number: '7',
      tracking_number: '123456789012',
    });
    await expect(client.listTrackings({ slug: 'fedex' })).resolves.toHaveLength(1);
    await expect(client.deleteTracking(tracking.id)).resolves.toBe(true);
    await expect(client.deleteTracking(tracking.id)).resolves.toBe(false);
    await expect(client.getTracking(tracking.id)).resolves.toBeUndefined();
    await expect(client.getTrackingOrThrow(tracking.id)).rejects.toBeInstanceOf(PermanentError);
  });

  it('follows the cursor across pages, newest first', async () => {
    for (let i = 0; i < 5; i++) {
      await control.post('/trackings', { tracking_number: `10000000000${i}`, slug: 'dhl' });
    }
    const all = await client.listTrackings({ limit: 2 });
    expect(all.map((t) => t.tracking_number)).toEqual(
      [4, 3, 2, 1, 0].map((i) => `10000000000${i}`),
    );
    const pages = await control.requests({
      method: 'GET',
      path: `${AFTERSHIP_API_BASE_PATH}/trackings`,
    });
    expect(pages).toHaveLength(3);
    const bad = await axios.get(api('/trackings?updated_at_min=2025-01-01T00:00:00 02:00'), auth);
    expect(bad.status).toBe(400);
  });

  it('sends rate-limit headers per endpoint and answers 429 past the limit', async () => {
    const { tracking } = await client.createTracking({ tracking_number: '1Z999AA10123456784' });
    const ok = await axios.get(api(`/trackings/${tracking.id}`), auth);
    expect(ok.headers).toMatchObject({
      'as-api-version': '2025-01',
      'x-ratelimit-limit': '5',
      'x-ratelimit-remaining': '4',
    });
    const reset = Number(ok.headers['x-ratelimit-reset']);
    expect(reset * 1000).toBeGreaterThanOrEqual(Date.now());
    expect(reset * 1000).toBeLessThanOrEqual(Date.now() + 2_000);
    const list = await axios.get(api('/trackings'), auth);
    expect(list.headers['x-ratelimit-limit']).toBe('6');

    await control.post('/rate-limits', { 'GET /trackings/{id}': 2 });
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++)
      statuses.push((await axios.get(api(`/trackings/${tracking.id}`), auth)).status);
    expect(statuses).toEqual([200, 200, 429]);
    const limited = await axios.get(api(`/trackings/${tracking.id}`), auth);
    expect(limited.data).toMatchObject({ meta: { code: 429, type: 'TooManyRequests' } });
  });

  it.each<[string, Record<string, string>]>([
    ['no key', {}],
    ['a wrong key', { 'as-api-key': 'nope' }],
    ['the legacy header', { 'aftership-api-key': AFTERSHIP_SIM_API_KEY }],
  ])('answers 401 in the meta envelope for %s', async (_name, headers) => {
    const response = await axios.get(api('/trackings'), { headers, validateStatus: () => true });
    expect(response.status).toBe(401);
    expect(response.data).toEqual({
      meta: { code: 401, message: 'Invalid API Key.', type: 'Unauthorized' },
      data: {},
    });
  });

  it('makes a bad key a permanent failure for the client', async () => {
    const bad = createAfterShipClient({ baseUrl: sim.url, credentials: { apiKey: 'nope' } });
    await expect(bad.listTrackings()).rejects.toMatchObject({ reason: 'aftership.unauthorized' });
  });

  it('refuses other API versions, and the client refuses to be pointed at one', async () => {
    const response = await axios.get(`${sim.url}/tracking/2024-04/trackings`, auth);
    expect(response.status).toBe(404);
    expect(response.data.meta).toMatchObject({ code: 404, type: 'NotFound' });
    expect(() =>
      createAfterShipClient({
        baseUrl: `${sim.url}/tracking/2024-10`,
        credentials: { apiKey: 'k' },
      }),
    ).toThrow(PermanentError);
  });
});
