import { SimulatorControl } from '../testing/control';
import { ShipHeroClient } from './client';
import { ShipHeroCredentialsSchema } from './credentials';
import { ShipHeroSettingsSchema } from './settings';
import { openShipHeroAccount, startShipHeroSimulator, type ShipHeroSimAccount } from './simulator';
import { shipHeroStock } from './stock';

/** ShipHero's stock port against the simulator, on a clock that moves only when the test says. */
describe('ShipHero stock against the simulator', () => {
  let simulator: Awaited<ReturnType<typeof startShipHeroSimulator>>;
  let control: SimulatorControl;
  let account: ShipHeroSimAccount;
  let second: string;
  let clock = Math.floor(Date.now() / 1000) * 1000 + 250;

  const stock = (settings: object = {}) =>
    shipHeroStock(
      new ShipHeroClient({
        baseUrl: simulator.url,
        credentials: ShipHeroCredentialsSchema.parse(account.credentials),
      }),
      ShipHeroSettingsSchema.parse(settings),
    );
  const setOnHand = (sku: string, onHand: number, warehouseId?: string) =>
    control.post(`/accounts/${account.accountId}/stock`, {
      sku,
      onHand,
      ...(warehouseId ? { warehouseId } : {}),
    });
  /** Whole seconds, as ShipHero answers its times. */
  const simSecond = () => new Date(Math.floor(clock / 1000) * 1000).toISOString();

  beforeAll(async () => {
    simulator = await startShipHeroSimulator({ now: () => clock });
    control = new SimulatorControl(simulator.url);
  });
  afterAll(async () => {
    await simulator?.close();
  });
  beforeEach(async () => {
    account = await openShipHeroAccount(simulator.url);
    second = (
      await control.post<{ id: string }>(`/accounts/${account.accountId}/warehouses`, {
        identifier: 'East',
      })
    ).id;
  });

  it('reads every warehouse of each SKU with ShipHero’s time as ISO UTC, and nothing for an unknown SKU', async () => {
    await control.post(`/accounts/${account.accountId}/products`, {
      products: [
        { sku: 'TENT-2P', stock: [{ onHand: 4 }, { warehouseId: second, onHand: 9 }] },
        { sku: 'STOVE-MINI', stock: [{ onHand: 0 }] },
      ],
    });
    const at = simSecond();

    const observations = await stock().stockOf(['TENT-2P', 'STOVE-MINI', 'NOT-AT-SHIPHERO']);
    expect(observations).toEqual(
      expect.arrayContaining([
        {
          sku: 'TENT-2P',
          warehouseRef: account.warehouseId,
          available: 4,
          onHand: 4,
          observedAt: at,
        },
        { sku: 'TENT-2P', warehouseRef: second, available: 9, onHand: 9, observedAt: at },
        {
          sku: 'STOVE-MINI',
          warehouseRef: account.warehouseId,
          available: 0,
          onHand: 0,
          observedAt: at,
        },
      ]),
    );
    expect(observations).toHaveLength(3);
  });

  it('lists the balances changed since a time, each with its own time', async () => {
    await control.post(`/accounts/${account.accountId}/products`, {
      products: [
        { sku: 'TENT-2P', stock: [{ onHand: 4 }] },
        { sku: 'LAMP-USB', stock: [{ onHand: 2 }] },
      ],
    });
    clock += 60_000;
    const since = new Date(clock);
    await setOnHand('LAMP-USB', 6, second);
    const at = simSecond();

    const changed = await stock().stockChangedSince(since);
    expect(changed).toEqual([
      { sku: 'LAMP-USB', warehouseRef: second, available: 6, onHand: 6, observedAt: at },
    ]);
  });

  it('answers the ownership setting and where each warehouse’s stock goes', () => {
    const mapped = stock({
      stock: { owner: 'store', locations: { [second]: '2' }, defaultLocation: null },
    });
    expect(mapped.ownsStoreStock).toBe(false);
    expect(mapped.locationOf(second)).toBe('2');
    expect(mapped.locationOf(account.warehouseId)).toBeUndefined();
    expect(stock().locationOf(account.warehouseId)).toBe('1');
  });
});
