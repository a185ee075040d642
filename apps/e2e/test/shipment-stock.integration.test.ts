import { giveBackRef } from '@shiplink/db';
import { jobs } from '@shiplink/jobs';
import { multiLineOrder, startWorld, type TestWorld } from '@shiplink/test-world';
import { seedChecks } from './seed-checks';

/**
 * Stock after shipments through ShipStation, on the real PostgreSQL and Redis: each of the three
 * policies (other channels only, every shipment, never), a warehouse's own store location, and
 * a voided label giving back what its shipment took, each once whatever the polls read again.
 */
describe('stock after ShipStation shipments: the policies, warehouse locations and voided labels', () => {
  let world: TestWorld;
  let check: ReturnType<typeof seedChecks>;
  let serial = 0;

  beforeAll(async () => {
    world = await startWorld();
    check = seedChecks(world);
    await world.bigcommerce.post(`/stores/${world.storeHash}/inventory/locations`, {
      id: 2,
      code: 'EAST',
      label: 'East Coast',
    });
    await world.bigcommerce.post(`/stores/${world.storeHash}/catalog/products`, {
      products: [
        ['TENT-2P', 'Ridgeline 2-Person Tent'],
        ['STOVE-MINI', 'Pocket Rocket Stove'],
        ['SOCK-WOOL-M', 'Merino Hiking Socks'],
      ].map(([sku, name]) => ({
        sku,
        name,
        inventoryTracking: 'product',
        levels: { '1': 50, '2': 20 },
      })),
    });
  }, 60_000);

  afterAll(async () => {
    await world?.close();
  });

  const inventory = (settings: object) =>
    world.admin.storeSettings(world.setup.storeId, { inventory: settings });
  const movesOf = async (sourceRef: string) =>
    (await world.hub.platform.repos.stockMovements.forStore(world.setup.storeId))
      .filter((m) => m.sourceRef === sourceRef)
      .map((m) => [m.sku, m.locationRef, m.delta, m.state, m.origin]);
  const levels = async () => ({
    tent: await check.level('TENT-2P'),
    stove: await check.level('STOVE-MINI'),
    socks: await check.level('SOCK-WOOL-M'),
  });
  /** Reads ShipStation's shipments twice more, and waits for all it set off. */
  const replayed = async () => {
    await check.run(jobs.shipmentsPoll, { connectionId: world.setup.fulfilment.id });
    await check.run(jobs.shipmentsPoll, { connectionId: world.setup.fulfilment.id });
    await check.quiet();
  };
  const marketplace = (items: { sku: string; quantity: number }[]) =>
    check.otherChannelShipment(`AMZ-${(serial += 1)}`, items);

  /** A store order exported and shipped whole in ShipStation, written back to the store. */
  async function storeOrderShipped(): Promise<number> {
    const orderId = await world.placeOrder(multiLineOrder());
    const exported = await world.shipStationOrder(orderId);
    await world.shipstation.post(`/orders/${exported.orderId}/ship`, {
      carrierCode: 'ups_walleted',
      serviceCode: 'ups_ground',
    });
    await world.bigCommerceShipments(orderId, 1);
    return orderId;
  }

  it('lowers stock for every shipment, the store’s own orders too, when set to', async () => {
    await inventory({ shipmentStock: 'every' });
    const before = await levels();
    await storeOrderShipped();
    await check.levelWhen('SOCK-WOOL-M', before.socks! - 3);
    await replayed();
    expect(await levels()).toEqual({
      tent: before.tent! - 1,
      stove: before.stove! - 2,
      socks: before.socks! - 3,
    });
  }, 90_000);

  it('leaves the store’s own orders alone by default, and lowers nothing at all when set to never', async () => {
    await inventory({});
    const before = await levels();
    await storeOrderShipped();
    await inventory({ shipmentStock: 'never' });
    const other = await marketplace([{ sku: 'TENT-2P', quantity: 2 }]);
    await replayed();
    expect(await levels()).toEqual(before);
    expect(await movesOf(String(other.shipmentId))).toEqual([]);
  }, 90_000);

  it('lowers the store location of the warehouse that shipped, when the store maps one', async () => {
    const warehouses =
      await check.shipStationApi<{ warehouseId: number; isDefault: boolean }[]>('/warehouses');
    const warehouse = warehouses.find((w) => w.isDefault)!;
    await inventory({ warehouseLocations: { [String(warehouse.warehouseId)]: '2' } });
    const east = await check.level('STOVE-MINI', 2);
    const main = await check.level('STOVE-MINI', 1);
    const other = await marketplace([{ sku: 'STOVE-MINI', quantity: 3 }]);
    await check.levelWhen('STOVE-MINI', east! - 3, 2);
    await replayed();
    expect(await check.level('STOVE-MINI', 2)).toBe(east! - 3);
    expect(await check.level('STOVE-MINI', 1)).toBe(main);
    expect(await movesOf(String(other.shipmentId))).toEqual([
      ['STOVE-MINI', '2', -3, 'applied', 'other_channel'],
    ]);
  }, 90_000);

  it('gives back what a voided label took, once, however often the shipments are read again', async () => {
    await inventory({});
    const tent = await check.level('TENT-2P');
    const other = await marketplace([{ sku: 'TENT-2P', quantity: 2 }]);
    await check.levelWhen('TENT-2P', tent! - 2);
    await world.shipstation.post(`/orders/${other.orderId}/void-shipment/${other.shipmentId}`);
    // ShipStation sends no webhook for a void: the shipments poll finds it.
    await check.run(jobs.shipmentsPoll, { connectionId: world.setup.fulfilment.id });
    await check.levelWhen('TENT-2P', tent!);
    await replayed();
    expect(await check.level('TENT-2P')).toBe(tent);
    const ref = String(other.shipmentId);
    expect(await movesOf(ref)).toEqual([['TENT-2P', '1', -2, 'reverted', 'other_channel']]);
    expect(await movesOf(giveBackRef(ref))).toEqual([
      ['TENT-2P', '1', 2, 'applied', 'label_voided'],
    ]);
  }, 90_000);
});
