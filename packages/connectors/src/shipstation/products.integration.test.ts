import type { CatalogVariant } from '@shiplink/domain';
import { SimulatorControl } from '../testing/control';
import { createShipStationClient } from './client';
import { createOrderBody } from './fixtures/create-order-body';
import { shipStationProductSync } from './products';
import { startShipStationSimulator, type RunningShipStationSimulator } from './simulator';

const ACCOUNT = { apiKey: 'key-products', apiSecret: 'secret-products' };

const kettle = (overrides: Partial<CatalogVariant> = {}): CatalogVariant => ({
  sku: 'KETTLE-CAST-09',
  name: 'Cast iron kettle',
  weightGrams: 1_360.777,
  dimensionsCm: { length: 20.32, width: 17.78, height: 15.24 },
  customs: {
    description: 'Cast iron kettle',
    valueAmount: '42.50',
    currency: 'USD',
    tariffCode: '7323.91',
    countryOfOrigin: 'JP',
  },
  ...overrides,
});

/** ShipStation's products kept in step with the store's, against the simulator over HTTP. */
describe('ShipStation product sync against the simulator', () => {
  let sim: RunningShipStationSimulator;
  let control: SimulatorControl;
  const client = () =>
    createShipStationClient({ baseUrl: sim.url, credentials: ACCOUNT, retryBaseDelayMs: 10 });
  const sync = (variants: CatalogVariant[]) => shipStationProductSync(client())(variants);
  const writes = async () => control.requests({ method: 'PUT' });

  beforeAll(async () => {
    sim = await startShipStationSimulator({
      accounts: [ACCOUNT],
      quota: { limit: 1_000, windowMs: 60_000 },
    });
    control = new SimulatorControl(sim.url);
  });
  afterAll(() => sim.close());
  beforeEach(async () => {
    await control.reset();
    // ShipStation files a product for each SKU of an imported order, with the item's weight.
    await client().upsertOrder(createOrderBody('bc-products-1001'));
    await control.clearRequests();
  });

  it('updates a product once with the whole body, and re-sends nothing unchanged', async () => {
    const before = (await client().listProducts({ sku: 'KETTLE-CAST-09' }))[0]!;
    expect(await sync([kettle()])).toEqual([{ sku: 'KETTLE-CAST-09', status: 'updated' }]);
    const after = await client().getProduct(before.productId);
    expect(after).toMatchObject({
      name: before.name,
      price: before.price,
      active: true,
      weightOz: 48,
      length: 8,
      width: 7,
      height: 6,
      customsDescription: 'Cast iron kettle',
      customsValue: 42.5,
      customsTariffNo: '7323.91',
      customsCountryCode: 'JP',
    });
    expect(await writes()).toHaveLength(1);

    await control.clearRequests();
    expect(await sync([kettle()])).toEqual([{ sku: 'KETTLE-CAST-09', status: 'unchanged' }]);
    expect(await writes()).toHaveLength(0);
    expect(await control.requests({ method: 'GET', path: '/products' })).toHaveLength(1);
  });

  it('reports a SKU ShipStation has no product for, and asks about each SKU once', async () => {
    const outcomes = await sync([
      kettle({ sku: 'NEW-LAMP' }),
      kettle({ sku: 'NEW-LAMP' }),
      kettle({ sku: 'tea-sencha-250', weightGrams: 310, dimensionsCm: null }),
    ]);
    expect(outcomes).toEqual([
      { sku: 'NEW-LAMP', status: 'unknown' },
      { sku: 'tea-sencha-250', status: 'updated' },
    ]);
    expect(await control.requests({ method: 'GET', path: '/products' })).toHaveLength(2);
    const tea = (await client().listProducts({ sku: 'TEA-SENCHA-250' }))[0];
    // The order's item weight was 310 g already; the customs fields were what changed.
    expect(tea).toMatchObject({ weightOz: 10.93, length: null, customsCountryCode: 'JP' });
  });

  it('finds an inactive product, and answers a refusal for its SKU alone', async () => {
    const tea = (await client().listProducts({ sku: 'TEA-SENCHA-250' }))[0]!;
    await client().updateProduct({ ...tea, active: false });
    expect(await sync([kettle({ sku: 'TEA-SENCHA-250', customs: kettle().customs })])).toEqual([
      { sku: 'TEA-SENCHA-250', status: 'updated' },
    ]);
    expect(await client().getProduct(tea.productId)).toMatchObject({ active: false });
    expect(await sync([kettle({ sku: ' ' }), kettle()])).toEqual([
      { sku: ' ', status: 'refused', reason: 'a product needs a SKU' },
      { sku: 'KETTLE-CAST-09', status: 'updated' },
    ]);
  });
});
