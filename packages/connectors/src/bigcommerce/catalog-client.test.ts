import axios from 'axios';
import { SimulatorControl } from '../testing/control';
import { createBigCommerceClient, type BigCommerceClient } from './client';
import { startBigCommerceSimulator } from './simulator';

const STORE = { hash: 'catcli1', accessToken: 'token-catcli', clientSecret: 'secret-catcli' };

describe('BigCommerce catalog client', () => {
  let sim: Awaited<ReturnType<typeof startBigCommerceSimulator>>;
  let control: SimulatorControl;
  let client: BigCommerceClient;

  beforeAll(async () => {
    sim = await startBigCommerceSimulator();
    control = new SimulatorControl(sim.url);
    client = createBigCommerceClient({
      baseUrl: sim.url,
      credentials: { storeHash: STORE.hash, accessToken: STORE.accessToken, clientSecret: 'x' },
      retryBaseDelayMs: 5,
    });
  });
  afterAll(() => sim.close());
  beforeEach(async () => {
    await control.reset();
    await control.post('/stores', STORE);
    await control.post(`/stores/${STORE.hash}/catalog/products`, {
      products: [
        { id: 111, sku: 'MUG', inventoryTracking: 'product', weight: 12, depth: 3 },
        {
          id: 112,
          sku: 'TEE',
          type: 'physical',
          inventoryTracking: 'variant',
          weight: 8,
          variants: [{ id: 201, sku: 'TEE-S', weight: 6, height: 1 }, { sku: 'TEE-M' }],
        },
      ],
    });
  });

  it('reads a product with its variants in one call, undefined when there is none', async () => {
    await control.clearRequests();
    const tee = await client.getProduct(112);
    expect(await control.requests()).toHaveLength(1);
    expect(tee).toMatchObject({ id: 112, sku: 'TEE', type: 'physical', weight: 8, depth: 0 });
    expect(tee?.variants).toEqual([
      expect.objectContaining({ id: 201, sku: 'TEE-S', weight: 6, height: 1, width: null }),
      expect.objectContaining({ sku: 'TEE-M', weight: null, calculated_weight: 8 }),
    ]);
    const mug = await client.getProduct(111);
    expect(mug?.variants).toEqual([expect.objectContaining({ sku: 'MUG', weight: null })]);
    await expect(client.getProduct(999)).resolves.toBeUndefined();
  });

  it('reads the store’s units in BigCommerce’s words and the settings’ terms', async () => {
    expect(await client.storeUnits()).toEqual({
      weightUnits: 'Ounces',
      dimensionUnits: 'Inches',
      weightUnit: 'oz',
      dimensionUnit: 'in',
    });
    await axios.put(`${sim.url}/__control/stores/${STORE.hash}/settings`, {
      weightUnit: 'Pounds',
      dimensionUnit: 'Centimeters',
    });
    expect(await client.storeUnits()).toEqual({
      weightUnits: 'LBS',
      dimensionUnits: 'Centimeters',
      weightUnit: 'lbs',
      dimensionUnit: 'cm',
    });
  });

  it('still finds catalog SKUs, products’ and variants’', async () => {
    const found = await client.findCatalogSkus(['MUG', 'TEE-S', 'NOPE']);
    expect(found).toEqual([
      { sku: 'MUG', productId: 111, variantId: expect.any(Number) },
      { sku: 'TEE-S', productId: 112, variantId: 201 },
    ]);
  });
});
