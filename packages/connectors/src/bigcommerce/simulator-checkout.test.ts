import express from 'express';
import { listen, type RunningServer } from '../simulator-kit/simulator';
import { SimulatorControl } from '../testing/control';
import { startBigCommerceSimulator } from './simulator';

const STORE = { hash: 'checkout1', accessToken: 'token-checkout', clientSecret: 'secret-checkout' };

interface Quote {
  status: number;
  cached: boolean;
  error?: string;
  elapsedMs: number;
  quotes: { code: string; cost: { amount: number } }[];
  messages: unknown[];
}

describe('BigCommerce simulator: checkout calls the shipping carrier', () => {
  let sim: Awaited<ReturnType<typeof startBigCommerceSimulator>>;
  let control: SimulatorControl;
  let carrier: RunningServer;
  const received: { path: string; body: Record<string, unknown> }[] = [];
  let delayMs = 0;

  beforeAll(async () => {
    sim = await startBigCommerceSimulator();
    control = new SimulatorControl(sim.url);
    await control.post('/stores', STORE);
    const app = express();
    app.use(express.json());
    app.post('/rate', async (req, res) => {
      received.push({ path: req.path, body: req.body as Record<string, unknown> });
      await new Promise((resolve) => setTimeout(resolve, delayMs));
      res.json({
        quote_id: 'q-1',
        ttl: 60,
        messages: [],
        carrier_quotes: [
          {
            carrier_info: { code: 'posti', display_name: 'Posti' },
            quotes: [
              {
                code: 'posti-home',
                display_name: 'Kotipaketti',
                cost: { currency: 'EUR', amount: 6.9 },
              },
            ],
          },
        ],
      });
    });
    app.post('/check', (req, res) => {
      const options = (req.body as { connection_options?: { key?: string } }).connection_options;
      res.json({ valid: options?.key === 'k-1', messages: [] });
    });
    carrier = await listen(app);
    await control.put('/stores/checkout1/shipping-carrier', {
      code: 'posti',
      displayName: 'Posti',
      rateUrl: `${carrier.url}/rate`,
      checkConnectionUrl: `${carrier.url}/check`,
      connectionOptions: { key: 'k-1' },
      timeoutMs: 500,
    });
  });
  afterAll(async () => {
    await carrier?.close();
    await sim?.close();
  });

  const cart = {
    destination: { zip: '00100', city: 'Helsinki', country_iso2: 'FI' },
    items: [{ sku: 'MUG', quantity: 2, price: '12.50' }],
  };

  it('sends the Rate Request Payload as BigCommerce does and shows the quotes', async () => {
    const answer = await control.post<Quote>('/stores/checkout1/checkout/quote', {
      ...cart,
      fresh: true,
    });
    expect(answer).toMatchObject({ status: 200, cached: false, quotes: [{ code: 'posti-home' }] });
    const body = received.at(-1)!.body as {
      base_options: {
        destination: { address_type: string };
        items: { product_id: unknown; discounted_price: { amount: unknown }; weight: unknown }[];
        store_id: string;
      };
      connection_options: Record<string, string>;
    };
    expect(body.base_options.destination.address_type).toBe('residential');
    expect(body.base_options.items[0]).toMatchObject({
      product_id: expect.any(String),
      discounted_price: { currency: 'EUR', amount: '12.50' },
      weight: { units: 'g', value: 500 },
    });
    expect(body.connection_options).toEqual({ key: 'k-1' });
  });

  it('serves a repeated cart from its cache for the ttl the carrier gave', async () => {
    const before = received.length;
    await control.post<Quote>('/stores/checkout1/checkout/quote', cart);
    const again = await control.post<Quote>('/stores/checkout1/checkout/quote', cart);
    expect(again.cached).toBe(true);
    expect(received.length - before).toBeLessThanOrEqual(1);
  });

  it('goes on without the carrier when it answers too slowly', async () => {
    delayMs = 1_000;
    try {
      const answer = await control.post<Quote>('/stores/checkout1/checkout/quote', {
        ...cart,
        fresh: true,
      });
      expect(answer).toMatchObject({ status: 0, quotes: [] });
      expect(answer.error).toMatch(/500 ms/);
    } finally {
      delayMs = 0;
    }
  });

  it('checks the store connection with the carrier', async () => {
    expect(await control.post('/stores/checkout1/shipping-carrier/check')).toEqual({
      valid: true,
      messages: [],
    });
  });
});
