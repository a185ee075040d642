import type { RoutingDecision } from '@shiplink/domain';
import { SimulatorControl } from '../testing/control';
import { createShipStationClient } from './client';
import { giftOrder } from './fixtures/canonical-orders';
import { shipStationFulfilmentSystem } from './ports';
import { startShipStationSimulator, type RunningShipStationSimulator } from './simulator';

const A = { apiKey: 'key-routing', apiSecret: 'secret-routing' };

const decision = (overrides: Partial<RoutingDecision>): { routing: RoutingDecision } => ({
  routing: { version: 1, tags: [], applied: [{ id: 'rule', name: 'Rule' }], ...overrides },
});

describe('ShipStation orders as the routing rules decided', () => {
  let sim: RunningShipStationSimulator;
  let control: SimulatorControl;
  let east: number;
  let priority: number;
  let wholesale: number;
  let system: ReturnType<typeof shipStationFulfilmentSystem>;
  let live: ReturnType<typeof createShipStationClient>;

  beforeAll(async () => {
    sim = await startShipStationSimulator({
      accounts: [A],
      quota: { limit: 1000, windowMs: 60_000 },
    });
    control = new SimulatorControl(sim.url);
    live = createShipStationClient({
      baseUrl: sim.url,
      credentials: A,
      retryBaseDelayMs: 10,
    });
    system = shipStationFulfilmentSystem(live, { customFields: [] });
    priority = (await control.post<{ tagId: number }>('/tags', { name: 'Priority' })).tagId;
    east = (await control.post<{ warehouseId: number }>('/warehouses', { warehouseName: 'East' }))
      .warehouseId;
    wholesale = (await control.post<{ storeId: number }>('/stores', { storeName: 'Wholesale' }))
      .storeId;
  });
  afterAll(() => sim.close());

  const destination = giftOrder.destinations[0]!;
  const shipStationOrder = async (saved: { externalId: string } | undefined) =>
    live.getOrderOrThrow(saved!.externalId);

  it('tags, routes to a warehouse and store, and asks for the service the rules named', async () => {
    const saved = await system.upsertOrder(
      giftOrder,
      destination,
      { orderKey: 'bc-route-1' },
      decision({
        tags: ['priority'],
        warehouse: String(east),
        fulfilmentStore: String(wholesale),
        requestedService: 'ups_next_day_air',
      }),
    );
    expect(saved).toMatchObject({ status: 'open', rawStatus: 'awaiting_shipment', unapplied: [] });
    expect(await shipStationOrder(saved)).toMatchObject({
      tagIds: [priority],
      requestedShippingService: 'ups_next_day_air',
      advancedOptions: expect.objectContaining({ warehouseId: east, storeId: wholesale }),
    });
  });

  it('holds an order until the day the rules said, and not once that day has come', async () => {
    const held = await system.upsertOrder(
      giftOrder,
      destination,
      { orderKey: 'bc-route-2' },
      decision({ holdUntil: '2999-01-01' }),
    );
    expect(held).toMatchObject({ status: 'on_hold', rawStatus: 'on_hold' });
    expect(await shipStationOrder(held)).toMatchObject({
      holdUntilDate: '2999-01-01',
    });
    const past = await system.upsertOrder(
      giftOrder,
      destination,
      { orderKey: 'bc-route-3' },
      decision({ holdUntil: '2000-01-01' }),
    );
    expect(past).toMatchObject({ rawStatus: 'awaiting_shipment' });
  });

  it('reports what ShipStation does not have, and still exports the order', async () => {
    const saved = await system.upsertOrder(
      giftOrder,
      destination,
      { orderKey: 'bc-route-4' },
      decision({
        tags: ['Priority', 'Fragile'],
        warehouse: '999999',
        fulfilmentStore: '888888',
      }),
    );
    expect(saved?.unapplied).toEqual([
      'tag "Fragile" does not exist in ShipStation',
      'warehouse 999999 does not exist in ShipStation',
      'store 888888 does not exist in ShipStation',
    ]);
    const order = await shipStationOrder(saved);
    expect(order.tagIds).toEqual([priority]);
    expect(order.advancedOptions?.warehouseId).not.toBe(999999);
  });

  it('exports as before without a decision', async () => {
    const saved = await system.upsertOrder(giftOrder, destination, { orderKey: 'bc-route-5' });
    expect(saved).toEqual({
      externalId: expect.any(String),
      status: 'open',
      rawStatus: 'awaiting_shipment',
      shipBy: null,
    });
  });
});

describe('ShipStation orders with the status the store table names', () => {
  it('refuses a status ShipStation does not take', async () => {
    const system = shipStationFulfilmentSystem(
      createShipStationClient({ baseUrl: 'http://127.0.0.1:9', credentials: A }),
      { customFields: [] },
    );
    await expect(
      system.upsertOrder(
        giftOrder,
        giftOrder.destinations[0]!,
        { orderKey: 'k' },
        { status: 'shipped' },
      ),
    ).rejects.toMatchObject({ reason: 'store.bad_settings' });
  });
});
