import { SimulatorControl } from '../testing/control';
import { PostiClient } from './client';
import { PostiCredentialsSchema } from './credentials';
import { postiPickupPoints } from './pickup-points';
import { openPostiAccount, startPostiSimulator } from './simulator';

describe('Posti pickup points for checkout, against the simulator', () => {
  let simulator: Awaited<ReturnType<typeof startPostiSimulator>>;
  let control: SimulatorControl;
  let client: PostiClient;

  beforeAll(async () => {
    simulator = await startPostiSimulator();
    control = new SimulatorControl(simulator.url);
    const account = await openPostiAccount(simulator.url);
    client = new PostiClient({
      baseUrl: simulator.url,
      credentials: PostiCredentialsSchema.parse(account.credentials),
    });
  });
  afterAll(async () => {
    await simulator?.close();
  });
  afterEach(() => control.delete('/lookups/slow'));

  const helsinki = { country: 'FI', postcode: '00100', street: null, city: 'Helsinki' };

  it('answers the nearest points in the hub’s terms', async () => {
    const points = await postiPickupPoints(client).nearest(helsinki, { limit: 3, timeoutMs: 800 });
    expect(points).toHaveLength(3);
    for (const point of points) {
      expect(point).toMatchObject({
        id: expect.stringMatching(/\S/),
        name: expect.stringMatching(/\S/),
        country: 'FI',
        distanceMetres: null,
      });
    }
    expect(points[0]!.postcode.startsWith('00')).toBe(true);
  });

  it('gives up within the checkout’s timeout when Posti is slow', async () => {
    await control.post('/lookups/slow', { delayMs: 2_000, endpoints: ['pickup-points'] });
    const started = Date.now();
    await expect(
      postiPickupPoints(client).nearest(helsinki, { limit: 3, timeoutMs: 300 }),
    ).rejects.toThrow();
    expect(Date.now() - started).toBeLessThan(1_000);
  });
});
