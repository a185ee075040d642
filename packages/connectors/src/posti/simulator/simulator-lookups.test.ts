import { SimulatorControl } from '../../testing/control';
import { distanceKm, locatePostcode } from './pickup-points';
import { signedPost, type Merchant } from './test-support';
import {
  openPostiAccount,
  PICKUP_POINTS,
  startPostiSimulator,
  type RunningPostiSimulator,
} from '.';

interface Method {
  name: string;
  shipping_method_code: number;
  service_provider: string;
  supported_countries: string[];
  has_pickup_points: boolean;
  home_delivery: boolean;
  additional_services: { name: string; service_code: string; specifiers: unknown }[];
  icon: string;
}

interface Point {
  provider: string;
  pickup_point_id: string;
  name: string;
  street_address: string;
  postcode: string;
  city: string;
  country: string;
  description: string;
  map_latitude: string;
  map_longitude: string;
}

describe('Posti simulator shipping methods and pickup points', () => {
  let sim: RunningPostiSimulator;
  let control: SimulatorControl;
  let merchant: Merchant;
  const methods = async (language?: string) =>
    (
      await signedPost<Method[]>(
        sim.url,
        '/shipping-methods/list',
        merchant,
        language ? { language } : {},
      )
    ).body;
  const search = async (params: Record<string, string>) =>
    signedPost<Point[]>(sim.url, '/pickup-points/search', merchant, params);

  beforeAll(async () => {
    sim = await startPostiSimulator();
    control = new SimulatorControl(sim.url);
  });
  afterAll(() => sim.close());
  beforeEach(async () => {
    await control.reset();
    merchant = (await openPostiAccount(sim.url)).credentials;
  });

  it('lists the Posti products with names in FI (the default), SE and EN', async () => {
    const names = (list: Method[]) =>
      Object.fromEntries(list.map((method) => [method.shipping_method_code, method.name]));
    expect(names(await methods())).toMatchObject({
      2102: 'Express-paketti',
      2103: 'Postipaketti',
      2104: 'Kotipaketti',
      2108: 'Palautus',
      2461: 'Pikkupaketti',
    });
    expect(names(await methods('SE'))).toMatchObject({ 2103: 'Postpaket', 2104: 'Hempaket' });
    expect(names(await methods('en'))).toMatchObject({
      2103: 'Postal Parcel',
      2104: 'Home Parcel',
      2108: 'Return',
    });
    expect(names(await methods('XX'))).toEqual(names(await methods('FI')));
  });

  it('describes each product: countries, pickup points or home delivery, services', async () => {
    const list = await methods('EN');
    const postipaketti = list.find((method) => method.shipping_method_code === 2103)!;
    expect(postipaketti).toMatchObject({
      service_provider: 'Posti',
      supported_countries: ['FI', 'AX'],
      has_pickup_points: true,
      home_delivery: false,
      icon: `${sim.url}/static/logos/posti.svg`,
    });
    expect(postipaketti.additional_services.map((service) => service.service_code)).toEqual(
      expect.arrayContaining(['2106', '3101', '3102', '3104', '3139', '9901']),
    );
    expect(postipaketti.additional_services.find((s) => s.service_code === '3101')).toEqual({
      name: 'Cash on delivery',
      service_code: '3101',
      specifiers: [
        { name: 'amount', type: 'number', step: '0.01', min: '0' },
        { name: 'account', type: 'text' },
        { name: 'reference', type: 'text' },
        { name: 'codbic', type: 'text' },
      ],
    });
    const kotipaketti = list.find((method) => method.shipping_method_code === 2104)!;
    expect(kotipaketti).toMatchObject({ has_pickup_points: false, home_delivery: true });
    const logo = await fetch(postipaketti.icon);
    expect(logo.headers.get('content-type')).toContain('image/svg+xml');
  });

  it('answers one product with /shipping-methods/get', async () => {
    const got = await signedPost<Method>(sim.url, '/shipping-methods/get', merchant, {
      shipping_method_code: '2104',
      language: 'SE',
    });
    expect(got.status).toBe(200);
    expect(got.body).toMatchObject({ shipping_method_code: 2104, name: 'Hempaket' });
    const unknown = await signedPost(sim.url, '/shipping-methods/get', merchant, {
      shipping_method_code: '90010',
    });
    expect(unknown.status).toBe(404);
  });

  it('seeds realistic Finnish pickup points', () => {
    expect(PICKUP_POINTS.length).toBeGreaterThanOrEqual(30);
    const cities = new Set(PICKUP_POINTS.map((point) => point.city));
    for (const city of ['HELSINKI', 'ESPOO', 'TAMPERE', 'TURKU', 'OULU']) {
      expect(cities).toContain(city);
    }
    expect(new Set(PICKUP_POINTS.map((point) => point.id)).size).toBe(PICKUP_POINTS.length);
    expect(new Set(PICKUP_POINTS.map((point) => point.type))).toEqual(
      new Set(['PICKUPPOINT', 'PARCEL_LOCKER']),
    );
  });

  it('finds the points nearest to a postcode, nearest first, 5 by default', async () => {
    const answer = await search({ postcode: '90525' });
    expect(answer.status).toBe(200);
    expect(answer.body).toHaveLength(5);
    expect(answer.body[0]).toMatchObject({
      provider: 'Posti',
      name: 'Pakettiautomaatti, Sale Toppila',
      street_address: 'Paakakatu 2',
      postcode: '90525',
      city: 'OULU',
      country: 'FI',
    });
    expect(answer.body.every((point) => point.city === 'OULU')).toBe(true);
    const origin = locatePostcode('90525')!;
    const distances = answer.body.map((point) =>
      distanceKm(origin, [Number(point.map_latitude), Number(point.map_longitude)]),
    );
    expect(distances).toEqual([...distances].sort((a, b) => a - b));
  });

  it('places an unlisted postcode by its region, and reads one from the address or query', async () => {
    const espoo = await search({ postcode: '02110', limit: '3' });
    expect(espoo.body.map((point) => point.city)).toEqual(['ESPOO', 'ESPOO', 'ESPOO']);
    const fromAddress = await search({ street_address: 'Itsenäisyydenkatu 2, 33100 Tampere' });
    expect(fromAddress.body[0]?.city).toBe('TAMPERE');
    const fromQuery = await search({ query: 'Humalistonkatu 7, 20100 Turku', postcode: '00100' });
    expect(fromQuery.body[0]?.city).toBe('TURKU');
  });

  it('bounds the result count to 1…15 (limit, or max_results)', async () => {
    expect((await search({ postcode: '00100', limit: '15' })).body).toHaveLength(15);
    expect((await search({ postcode: '00100', limit: '99' })).body).toHaveLength(15);
    expect((await search({ postcode: '00100', max_results: '2' })).body).toHaveLength(2);
    expect((await search({ postcode: '00100', limit: '0' })).body).toHaveLength(1);
  });

  it('filters by provider and country', async () => {
    expect((await search({ postcode: '00100', service_provider: '2103' })).body).toHaveLength(5);
    expect((await search({ postcode: '00100', service_provider: 'Posti' })).body).toHaveLength(5);
    expect((await search({ postcode: '00100', service_provider: 'Matkahuolto' })).body).toEqual([]);
    expect((await search({ postcode: '11122', country: 'SE' })).body).toEqual([]);
    expect((await search({})).body).toEqual([]);
  });

  it('answers one point with /pickup-point/info, type included', async () => {
    const info = await signedPost<Point & { point_type: string }>(
      sim.url,
      '/pickup-point/info',
      merchant,
      { point_id: '905253201', service_code: '2103' },
    );
    expect(info.status).toBe(200);
    expect(info.body).toMatchObject({
      provider: 'Posti',
      provider_code: 'Posti',
      pickup_point_id: '905253201',
      name: 'Pakettiautomaatti, Sale Toppila',
      description: 'ma-la 7.00 - 22.00, su 9.00 - 22.00',
      map_latitude: '65.045630',
      point_type: 'PARCEL_LOCKER',
    });
    const unknown = await signedPost(sim.url, '/pickup-point/info', merchant, {
      point_id: '123',
      service_provider: 'Posti',
    });
    expect(unknown.status).toBe(404);
    const noService = await signedPost(sim.url, '/pickup-point/info', merchant, {
      point_id: '905253201',
    });
    expect(noService.status).toBe(400);
  });

  it('holds lookups back with a slow fault, for the next count requests', async () => {
    await control.post('/lookups/slow', { delayMs: 600, count: 1, endpoints: ['pickup-points'] });
    const timed = async (run: () => Promise<unknown>) => {
      const started = Date.now();
      await run();
      return Date.now() - started;
    };
    expect(await timed(() => methods())).toBeLessThan(450);
    expect(await timed(() => search({ postcode: '00100' }))).toBeGreaterThanOrEqual(590);
    expect(await timed(() => search({ postcode: '00100' }))).toBeLessThan(450);
    await control.post('/lookups/slow', { delayMs: 600 });
    expect(await control.get('/lookups/slow')).toEqual([
      { kind: 'slow', delayMs: 600, endpoints: ['pickup-points', 'shipping-methods'] },
    ]);
    expect(await timed(() => methods())).toBeGreaterThanOrEqual(590);
    await control.delete('/lookups/slow');
    expect(await timed(() => methods())).toBeLessThan(450);
  });
});
