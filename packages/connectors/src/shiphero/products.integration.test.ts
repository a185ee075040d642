import type { CatalogVariant } from '@shiplink/domain';
import { SimulatorControl } from '../testing/control';
import { ShipHeroClient } from './client';
import { ShipHeroCredentialsSchema } from './credentials';
import { shipHeroProductSync } from './products';
import { openShipHeroAccount, startShipHeroSimulator, type ShipHeroSimAccount } from './simulator';
import { postGraphQL } from './simulator/test-support';

const lantern = (overrides: Partial<CatalogVariant> = {}): CatalogVariant => ({
  sku: 'LANTERN-LED',
  name: 'LED lantern',
  weightGrams: 340.194,
  dimensionsCm: { length: 12.7, width: 10.16, height: 22.86 },
  customs: {
    description: 'Camping lantern',
    valueAmount: '24.00',
    currency: 'USD',
    tariffCode: '9405.40',
    countryOfOrigin: 'CN',
  },
  ...overrides,
});

const PRODUCT = `query($sku: String!) { product(sku: $sku) { data {
  id sku name tariff_code country_of_manufacture customs_description customs_value
  dimensions { weight height width length }
  warehouse_products { warehouse_id on_hand }
} } }`;

/** ShipHero's products kept in step with the store's, against the simulator over HTTP. */
describe('ShipHero product sync against the simulator', () => {
  let simulator: Awaited<ReturnType<typeof startShipHeroSimulator>>;
  let control: SimulatorControl;
  let account: ShipHeroSimAccount;
  let east: string;

  const client = () =>
    new ShipHeroClient({
      baseUrl: simulator.url,
      credentials: ShipHeroCredentialsSchema.parse(account.credentials),
    });
  const sync = (variants: CatalogVariant[]) => shipHeroProductSync(client())(variants);
  const product = async (sku: string) => {
    const answer = await postGraphQL(simulator.url, account.credentials.accessToken, PRODUCT, {
      sku,
    });
    return (answer.body.data?.product as { data: Record<string, unknown> | null } | null)?.data;
  };
  const operations = async () =>
    (await control.requests({ method: 'POST', path: '/graphql' })).map(
      (request) => (request.body as { operationName?: string }).operationName,
    );

  beforeAll(async () => {
    simulator = await startShipHeroSimulator();
    control = new SimulatorControl(simulator.url);
  });
  afterAll(async () => {
    await simulator?.close();
  });
  beforeEach(async () => {
    account = await openShipHeroAccount(simulator.url);
    east = (
      await control.post<{ id: string }>(`/accounts/${account.accountId}/warehouses`, {
        identifier: 'East',
      })
    ).id;
  });

  it('creates a product ShipHero does not have, then updates only what changed', async () => {
    expect(await sync([lantern()])).toEqual([{ sku: 'LANTERN-LED', status: 'updated' }]);
    expect(await product('LANTERN-LED')).toEqual({
      id: expect.any(String),
      sku: 'LANTERN-LED',
      name: 'LED lantern',
      tariff_code: '9405.40',
      country_of_manufacture: 'CN',
      customs_description: 'Camping lantern',
      customs_value: '24.00',
      dimensions: { weight: '12', length: '5', width: '4', height: '9' },
      warehouse_products: [
        { warehouse_id: account.warehouseId, on_hand: 0 },
        { warehouse_id: east, on_hand: 0 },
      ],
    });

    await control.clearRequests();
    expect(await sync([lantern()])).toEqual([{ sku: 'LANTERN-LED', status: 'unchanged' }]);
    expect(await operations()).toEqual(['ProductDetails']);

    await control.clearRequests();
    const heavier = lantern({
      weightGrams: 453.592,
      customs: { ...lantern().customs, tariffCode: '9405.49' },
    });
    expect(await sync([heavier])).toEqual([{ sku: 'LANTERN-LED', status: 'updated' }]);
    expect(await operations()).toEqual(['ProductDetails', 'ProductUpdate']);
    expect(await product('LANTERN-LED')).toMatchObject({
      tariff_code: '9405.49',
      customs_value: '24.00',
      dimensions: { weight: '16', length: '5', width: '4', height: '9' },
    });
  });

  it('updates a product the warehouse had already, keeping what the store says nothing of', async () => {
    await control.post(`/accounts/${account.accountId}/products`, {
      products: [{ sku: 'STOVE-MINI', name: 'Mini stove', stock: [{ onHand: 7 }] }],
    });
    const outcome = await sync([
      lantern({
        sku: 'STOVE-MINI',
        dimensionsCm: null,
        customs: { ...lantern().customs, tariffCode: null },
      }),
    ]);
    expect(outcome).toEqual([{ sku: 'STOVE-MINI', status: 'updated' }]);
    expect(await product('STOVE-MINI')).toMatchObject({
      name: 'Mini stove',
      tariff_code: null,
      dimensions: { weight: '12', length: '0.00', width: '0.00', height: '0.00' },
      warehouse_products: [{ warehouse_id: account.warehouseId, on_hand: 7 }],
    });
  });

  it('answers a refusal for its SKU alone and asks for the warehouses once', async () => {
    await control.clearRequests();
    const outcomes = await sync([
      lantern({ sku: 'TENT-2P', name: ' ' }),
      lantern({ sku: 'TENT-2P' }),
      lantern({ sku: 'TENT-3P' }),
    ]);
    expect(outcomes).toEqual([
      { sku: 'TENT-2P', status: 'refused', reason: expect.stringContaining('name') },
      { sku: 'TENT-3P', status: 'updated' },
    ]);
    expect((await operations()).filter((name) => name === 'Account')).toHaveLength(1);
    expect(await product('TENT-2P')).toBeUndefined();
  });
});
