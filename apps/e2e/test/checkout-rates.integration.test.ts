import { SIMULATORS } from '@shiplink/connectors/simulators';
import { SimulatorControl } from '@shiplink/connectors/testing';
import { finnishRateRules, startWorld, type TestWorld } from '@shiplink/test-world';

interface CheckoutQuote {
  status: number;
  elapsedMs: number;
  error?: string;
  quotes: { code: string; display_name: string; cost: { currency: string; amount: number } }[];
  messages: { text: string; type: string }[];
}

describe('checkout rates: BigCommerce asks the hub for shipping quotes', () => {
  let world: TestWorld;
  let key: string;
  beforeAll(async () => {
    world = await startWorld();
    const saved = await world.admin.http.put(`/stores/${world.setup.storeId}/rate-rules`, {
      rules: finnishRateRules(),
      by: 'test',
    });
    expect(saved.data).toMatchObject({ version: 1 });
    const issued = await world.admin.http.post<{
      key: string;
      rateUrl: string;
      checkConnectionUrl: string;
    }>(`/stores/${world.setup.storeId}/checkout-key`);
    key = issued.data.key;
    await world.bigcommerce.put(`/stores/${world.storeHash}/shipping-carrier`, {
      code: 'shiplink-posti',
      displayName: 'Posti',
      rateUrl: issued.data.rateUrl,
      checkConnectionUrl: issued.data.checkConnectionUrl,
      connectionOptions: { key },
      timeoutMs: 3_000,
    });
  }, 60_000);
  afterAll(() => world?.close());

  const quote = (destination: object, items: object[] = [{ sku: 'MUG', quantity: 1 }]) =>
    world.bigcommerce.post<CheckoutQuote>(`/stores/${world.storeHash}/checkout/quote`, {
      destination,
      items,
      fresh: true,
    });
  const helsinki = {
    zip: '00100',
    city: 'Helsinki',
    country_iso2: 'FI',
    address_type: 'residential',
  };

  it('prices Posti services for a Finnish home address, in time', async () => {
    const answer = await quote(helsinki);
    expect(answer.status).toBe(200);
    expect(answer.elapsedMs).toBeLessThan(2_000);
    const byCode = Object.fromEntries(answer.quotes.map((q) => [q.code, q.cost]));
    expect(byCode['posti-home']).toEqual({ currency: 'EUR', amount: 8.9 });
    expect(byCode['posti-express']).toEqual({ currency: 'EUR', amount: 24.9 });
    // No carrier connection gives pickup points yet: the service is offered, choice at delivery.
    expect(byCode['posti-pickup']).toEqual({ currency: 'EUR', amount: 5.9 });
    expect(answer.messages.map((m) => m.text)).toContain('Pickup point chosen at delivery');
  });

  it('prices a storefront by its own zone', async () => {
    const outlet = await world.bigcommerce.post<CheckoutQuote>(
      `/stores/${world.storeHash}/checkout/quote`,
      { destination: helsinki, items: [{ sku: 'MUG', quantity: 1 }], channelId: 2, fresh: true },
    );
    expect(outlet.quotes.map((q) => [q.code, q.cost.amount])).toEqual([['posti-home', 4.9]]);
  });

  it('quotes the flat rate for Åland and weight bands for heavy carts', async () => {
    const aland = await quote({ zip: '22100', city: 'Mariehamn', country_iso2: 'AX' });
    expect(aland.quotes.map((q) => [q.code, q.cost.amount])).toEqual([['posti-aland', 14.9]]);
    const heavy = await quote(helsinki, [
      { sku: 'KETTLEBELL', quantity: 2, weight: { units: 'g', value: 6_000 } },
    ]);
    expect(heavy.quotes.find((q) => q.code === 'posti-home')?.cost.amount).toBe(19.9);
  });

  it('gives nothing to a checkout with the wrong key, and says the key is wrong', async () => {
    const url = (await world.admin.http.get(`/stores/${world.setup.storeId}/rate-rules`)).data as {
      version: number;
    };
    expect(url.version).toBe(1);
    const refused = await fetch(`${world.hub.ingressUrl}/checkout/${world.setup.storeId}/rate`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ base_options: {}, connection_options: { key: 'slck_wrong' } }),
    });
    expect(refused.status).toBe(401);
    expect(
      await world.bigcommerce.post(`/stores/${world.storeHash}/shipping-carrier/check`),
    ).toEqual({ valid: true, messages: [] });
  });

  it('refuses rules that do not validate, naming each problem', async () => {
    const rules = finnishRateRules();
    // Bands must go up: 10 kg before 2 kg cannot be read.
    rules.zones[0]!.services[1]!.pricing.EUR = {
      bands: [
        { upToKg: 10, price: '11.90' },
        { upToKg: 2, price: '8.90' },
      ],
      perExtraParcel: '3.00',
    };
    const refused = await world.admin.http.put(
      `/stores/${world.setup.storeId}/rate-rules`,
      { rules },
      { validateStatus: () => true },
    );
    expect(refused.status).toBe(422);
    expect(JSON.stringify(refused.data)).toMatch(/bands/);
  });

  it('explains what checkout would show for a cart and an address (dry run)', async () => {
    const explained = await world.admin.http.post(
      `/stores/${world.setup.storeId}/rate-rules/dry-run`,
      {
        rateRequest: {
          base_options: {
            destination: { zip: '00100', country_iso2: 'FI', address_type: 'RESIDENTIAL' },
            items: [
              {
                sku: 'MUG',
                quantity: 1,
                weight: { units: 'g', value: 500 },
                discounted_price: { currency: 'EUR', amount: '12.50' },
              },
            ],
          },
        },
        language: 'fi',
      },
    );
    expect(explained.data).toMatchObject({
      zone: { id: 'fi-mainland' },
      quotes: expect.arrayContaining([expect.objectContaining({ displayName: 'Kotipaketti' })]),
    });
  });

  describe('with the store’s Posti account connected', () => {
    const posti = () => new SimulatorControl(world.simulators.urls.posti);
    beforeAll(async () => {
      const entry = SIMULATORS.find((simulator) => simulator.provider === 'posti')!;
      const account = await entry.openAccount(world.simulators.urls.posti, {
        settings: {
          sender: {
            name: 'Nordic Trail Oy',
            street: 'Teollisuuskatu 1',
            postcode: '00510',
            city: 'Helsinki',
            phone: '+358401234567',
          },
        },
      });
      await world.admin.connectAccounts(world.setup.storeId, [account]);
    });
    afterEach(async () => {
      await posti().delete('/lookups/slow');
      await posti().clearFaults();
    });
    const pickupQuotes = (answer: CheckoutQuote) =>
      answer.quotes.filter((q) => q.code.startsWith('posti-pickup'));

    it('offers the pickup service once per nearest pickup point', async () => {
      const answer = await quote({ ...helsinki, zip: '00150' });
      const points = pickupQuotes(answer);
      expect(points.length).toBeGreaterThanOrEqual(3);
      expect(points.every((q) => /^posti-pickup:\S+$/.test(q.code))).toBe(true);
      expect(points[0]!.display_name).toMatch(/^Posti parcel to a pickup point – /);
      expect(answer.messages).toEqual([]);
    });

    it('answers in time from the cache while Posti is slow', async () => {
      await quote({ ...helsinki, zip: '00170' });
      await posti().post('/lookups/slow', { delayMs: 3_000, endpoints: ['pickup-points'] });
      const cached = await quote({ ...helsinki, zip: '00170' });
      expect(cached.elapsedMs).toBeLessThan(2_000);
      expect(pickupQuotes(cached).length).toBeGreaterThanOrEqual(3);
    });

    it('answers in time without points, and says so, when Posti is slow and nothing is cached', async () => {
      await posti().post('/lookups/slow', { delayMs: 3_000, endpoints: ['pickup-points'] });
      const answer = await quote({ ...helsinki, zip: '00990' });
      expect(answer.status).toBe(200);
      expect(answer.elapsedMs).toBeLessThan(2_000);
      expect(pickupQuotes(answer).map((q) => q.code)).toEqual(['posti-pickup']);
      expect(answer.quotes.some((q) => q.code === 'posti-home')).toBe(true);
      expect(answer.messages.map((m) => m.type)).toContain('WARNING');
    });

    it('keeps the checkout full when Posti fails', async () => {
      await posti().addFault({ kind: 'server_error', count: 5, path: '/pickup-points/search' });
      const answer = await quote({ ...helsinki, zip: '00980' });
      expect(answer.status).toBe(200);
      expect(answer.quotes.length).toBeGreaterThanOrEqual(3);
      expect(answer.messages.length).toBeGreaterThan(0);
    });
  });
});
