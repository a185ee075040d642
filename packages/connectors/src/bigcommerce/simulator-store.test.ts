import axios from 'axios';
import { SimulatorControl } from '../testing/control';
import { startBigCommerceSimulator } from './simulator';
import { openBigCommerceAccount } from './simulator/account';

const STORE = { hash: 'storesim1', accessToken: 'token-storesim', clientSecret: 'secret-ss' };

describe('BigCommerce simulator: store information', () => {
  let sim: Awaited<ReturnType<typeof startBigCommerceSimulator>>;
  let control: SimulatorControl;
  const store = (token = STORE.accessToken) =>
    axios.get(`${sim.url}/stores/${STORE.hash}/v2/store`, {
      headers: { 'X-Auth-Token': token },
      validateStatus: () => true,
    });
  const units = async () => {
    const answer = await store();
    return [answer.data.weight_units, answer.data.dimension_units];
  };

  beforeAll(async () => {
    sim = await startBigCommerceSimulator();
    control = new SimulatorControl(sim.url);
  });
  afterAll(() => sim.close());
  beforeEach(async () => {
    await control.reset();
    await control.post('/stores', STORE);
  });

  it('answers behind the token and quota, in the v2 error shape when refused', async () => {
    const refused = await store('nope');
    expect(refused.status).toBe(401);
    expect(refused.data).toEqual([{ status: 401, message: expect.any(String) }]);
    const answer = await store();
    expect(answer.status).toBe(200);
    expect(answer.headers['x-rate-limit-requests-quota']).toBe('150');
    expect(answer.data).toMatchObject({ id: STORE.hash, currency: 'USD', plan_name: 'Standard' });
  });

  it('serves the store’s units, Ounces and Inches unless set', async () => {
    expect(await units()).toEqual(['Ounces', 'Inches']);
    await axios.put(`${sim.url}/__control/stores/${STORE.hash}/settings`, { weightUnit: 'Pounds' });
    expect(await units()).toEqual(['LBS', 'Inches']);
    await control.post('/stores', { ...STORE, weightUnit: 'Grams', dimensionUnit: 'Centimeters' });
    expect(await units()).toEqual(['Grams', 'Centimeters']);
    await expect(
      axios.put(`${sim.url}/__control/stores/${STORE.hash}/settings`, { weightUnit: 'Stone' }),
    ).rejects.toMatchObject({ response: { status: 400 } });
  });

  it('opens simulated accounts whose store weighs in the unit their settings name', async () => {
    const account = await openBigCommerceAccount(sim.url, { settings: { weightUnit: 'kg' } });
    const answer = await axios.get(`${sim.url}/stores/${account.storeRef}/v2/store`, {
      headers: { 'X-Auth-Token': account.credentials.accessToken },
    });
    expect(answer.data.weight_units).toBe('Kilograms');
  });
});
