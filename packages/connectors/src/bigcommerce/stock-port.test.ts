import type { StorePlatform } from '@shiplink/domain';
import { SimulatorControl } from '../testing/control';
import { createBigCommerceClient } from './client';
import { bigCommerceStorePlatform } from './ports';
import { startBigCommerceSimulator } from './simulator';
import { STOCK_REFUSALS } from './stock-port';

const STORE = { hash: 'invport1', accessToken: 'token-invport', clientSecret: 'secret-invport' };
const CATALOG = [
  { sku: 'MUG', inventoryTracking: 'product', levels: { '1': 5 } },
  {
    sku: 'TEE',
    inventoryTracking: 'variant',
    variants: [{ sku: 'TEE-S', levels: { '1': 2, '2': 8 } }, { sku: 'TEE-M' }],
  },
  { sku: 'CAP', inventoryTracking: 'product', variants: [{ sku: 'CAP-RED' }] },
  { sku: 'PEN', inventoryTracking: 'none' },
];

describe('BigCommerce as a store platform: stock', () => {
  let sim: Awaited<ReturnType<typeof startBigCommerceSimulator>>;
  let control: SimulatorControl;
  let store: StorePlatform;
  const transactions = () =>
    control.get<{ items: { sku: string }[] }[]>(`/stores/${STORE.hash}/inventory/transactions`);

  beforeAll(async () => {
    sim = await startBigCommerceSimulator();
    control = new SimulatorControl(sim.url);
    const client = createBigCommerceClient({
      baseUrl: sim.url,
      credentials: {
        storeHash: STORE.hash,
        accessToken: STORE.accessToken,
        clientSecret: STORE.clientSecret,
      },
    });
    store = bigCommerceStorePlatform(client, { weightUnit: 'lbs' });
  });
  afterAll(() => sim.close());
  beforeEach(async () => {
    await control.reset();
    await control.post('/stores', STORE);
    await control.post(`/stores/${STORE.hash}/inventory/locations`, { label: 'East' });
    await control.post(`/stores/${STORE.hash}/catalog/products`, { products: CATALOG });
    await control.clearRequests();
  });

  it('sets what the store takes and answers the rest with why, never throwing', async () => {
    const mug = { sku: 'MUG', locationRef: '1', quantity: 4 };
    const teeEast = { sku: 'TEE-S', locationRef: '2', quantity: 9 };
    const capRed = { sku: 'CAP-RED', locationRef: '1', quantity: 1 };
    const unknown = { sku: 'NOPE', locationRef: '1', quantity: 3 };
    const nowhere = { sku: 'MUG', locationRef: '99', quantity: 1 };
    const notALocation = { sku: 'MUG', locationRef: 'east', quantity: 1 };
    const negative = { sku: 'TEE-M', locationRef: '1', quantity: -1 };

    const result = await store.setStock(
      [mug, capRed, unknown, teeEast, nowhere, notALocation, negative],
      'warehouse sync',
    );

    expect(result.applied).toEqual(expect.arrayContaining([mug, teeEast]));
    expect(result.applied).toHaveLength(2);
    expect(result.rejected).toEqual(
      expect.arrayContaining([
        { level: unknown, reason: STOCK_REFUSALS.unknownSku },
        { level: nowhere, reason: STOCK_REFUSALS.unknownLocation },
        { level: notALocation, reason: STOCK_REFUSALS.unknownLocation },
        { level: negative, reason: STOCK_REFUSALS.quantity },
        {
          level: capRed,
          reason:
            '[Item with sku CAP-RED is tracked by product, please update stock by product id]',
        },
      ]),
    );
    expect(result.rejected).toHaveLength(5);

    // Refused locally, the unknown SKU never reached BigCommerce, in any payload.
    const puts = await control.requests({ method: 'PUT' });
    const sent = puts.flatMap(
      (put) => (put.body as { items: { sku: string; location_id: number }[] }).items,
    );
    expect(sent.map((item) => item.sku)).not.toContain('NOPE');
    expect(sent.map((item) => item.location_id)).not.toContain(99);
    const accepted = (await transactions()).flatMap((sent) => sent.items.map((item) => item.sku));
    expect(accepted.sort()).toEqual(['MUG', 'TEE-S']);

    expect(await store.readStock(['MUG', 'TEE-S'], ['1', '2'])).toEqual(
      expect.arrayContaining([
        { sku: 'MUG', locationRef: '1', quantity: 4 },
        { sku: 'TEE-S', locationRef: '2', quantity: 9 },
      ]),
    );
  });

  it('answers an empty batch without asking the store', async () => {
    expect(await store.setStock([], 'nothing')).toEqual({ applied: [], rejected: [] });
    expect(await store.readStock([], ['1'])).toEqual([]);
    expect(await store.readStock(['MUG'], ['east'])).toEqual([]);
    expect(await control.requests()).toEqual([]);
  });

  it('reads levels on hand at the locations asked; SKUs without stock are absent', async () => {
    const levels = await store.readStock(['MUG', 'TEE-S', 'PEN', 'NOPE'], ['1', '2', 'x']);
    expect(levels).toEqual([
      { sku: 'MUG', locationRef: '1', quantity: 5 },
      { sku: 'MUG', locationRef: '2', quantity: 0 },
      { sku: 'TEE-S', locationRef: '1', quantity: 2 },
      { sku: 'TEE-S', locationRef: '2', quantity: 8 },
    ]);
    expect(await store.readStock(['TEE-S'], ['2'])).toEqual([
      { sku: 'TEE-S', locationRef: '2', quantity: 8 },
    ]);
  });

  it('knows the SKUs of simple products and of variants', async () => {
    expect(await store.knownSkus(['MUG', 'TEE-S', 'NOPE', 'CAP-RED', 'MUG', 'PEN'])).toEqual([
      'MUG',
      'TEE-S',
      'CAP-RED',
      'PEN',
    ]);
    expect(await store.knownSkus([])).toEqual([]);
  });
});
