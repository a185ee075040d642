import {
  multiLineOrder,
  openAccounts,
  startWorld,
  storeOrderViews,
  type TestWorld,
} from '@shiplink/test-world';
import { waitFor } from '@shiplink/testing';
import { seedChecks } from './seed-checks';

type ShipStationOrder = {
  orderId: number;
  orderStatus: string;
  tagIds: number[] | null;
  advancedOptions: { storeId: number | null };
};

/**
 * Two storefronts of one BigCommerce store (its channels) consolidated into one ShipStation
 * account: each channel's orders filed under a ShipStation store of their own by the routing
 * rules, and the labels bought in either store written back to the right order.
 */
describe('two storefronts routed to two ShipStation stores of one account', () => {
  let world: TestWorld;
  let stores: { web: number; outlet: number };
  let tags: { web: number; outlet: number };

  beforeAll(async () => {
    world = await startWorld();
    const store = (storeName: string) =>
      world.shipstation.post<{ storeId: number }>('/stores', { storeName }).then((s) => s.storeId);
    const tag = (name: string) =>
      world.shipstation.post<{ tagId: number }>('/tags', { name }).then((t) => t.tagId);
    stores = { web: await store('Trailhead Web'), outlet: await store('Trailhead Outlet') };
    tags = { web: await tag('Web'), outlet: await tag('Outlet') };
    await world.admin.saveRoutingRules(world.setup.storeId, [
      {
        id: 'outlet',
        name: 'The outlet storefront’s orders to its own store',
        when: { all: [{ field: 'channel', op: 'equals', value: '2' }] },
        then: { tags: ['Outlet'], fulfilmentStore: String(stores.outlet) },
        stop: true,
      },
      {
        id: 'web',
        name: 'Everything else is the web shop’s',
        then: { tags: ['Web'], fulfilmentStore: String(stores.web) },
      },
    ]);
  }, 60_000);

  afterAll(async () => {
    await world?.close();
  });

  const shipStationOrder = async (orderId: number) => {
    const exported = await world.shipStationOrder(orderId, 30_000);
    return world.shipstation.get<ShipStationOrder>(`/orders/by-key/${exported.orderKey}`);
  };

  it('files each channel’s orders under its own ShipStation store, as the rules say', async () => {
    const web = await world.placeOrder({ ...multiLineOrder(), channelId: 1 });
    const outlet = await world.placeOrder({ ...multiLineOrder(), channelId: 2 });
    const [fromWeb, fromOutlet] = [await shipStationOrder(web), await shipStationOrder(outlet)];
    expect(fromWeb.advancedOptions.storeId).toBe(stores.web);
    expect(fromWeb.tagIds).toEqual([tags.web]);
    expect(fromOutlet.advancedOptions.storeId).toBe(stores.outlet);
    expect(fromOutlet.tagIds).toEqual([tags.outlet]);
    // One account: both are in the same ShipStation order list.
    const keys = (await world.shipStationOrders()).map((o) => o.orderKey);
    expect(keys).toEqual(
      expect.arrayContaining([`bc-${world.storeHash}-${web}`, `bc-${world.storeHash}-${outlet}`]),
    );
    const recorded = await world.admin.order(String(outlet));
    expect(recorded.orders[0]!.fulfilmentOrders[0]!.routing?.applied).toEqual([
      expect.objectContaining({ id: 'outlet' }),
    ]);

    const dry = await world.admin.routingDryRun(world.setup.storeId, String(web));
    expect(dry.destinations[0]!.decision.applied.map((rule) => rule.id)).toEqual(['web']);
  }, 90_000);

  it('writes the labels bought in either ShipStation store back to the right store order', async () => {
    const web = await world.placeOrder({ ...multiLineOrder(), channelId: 1 });
    const outlet = await world.placeOrder({ ...multiLineOrder(), channelId: 2 });
    const shipped: Record<number, string> = {};
    for (const orderId of [web, outlet]) {
      const order = await shipStationOrder(orderId);
      const label = await world.shipstation.post<{ shipments: { trackingNumber: string }[] }>(
        `/orders/${order.orderId}/ship`,
        { carrierCode: 'ups_walleted', serviceCode: 'ups_ground' },
      );
      shipped[orderId] = label.shipments[0]!.trackingNumber;
    }
    for (const orderId of [web, outlet]) {
      const view = await world.bigCommerceShipments(orderId, 1);
      expect(view.shipments.map((s) => s.tracking_number)).toEqual([shipped[orderId]]);
      expect(view.order.status_id).toBe(2);
    }
    // Read again: still one store shipment each.
    await world.admin.pollNow(world.setup.fulfilment.id);
    await seedChecks(world).quiet();
    for (const orderId of [web, outlet]) {
      expect((await world.bigCommerceOrder(orderId)).shipments).toHaveLength(1);
    }
  }, 90_000);

  it('keeps a second BigCommerce store on the same ShipStation account apart, with rules of its own', async () => {
    const shipstation = world.accounts.list.find((a) => a.provider === 'shipstation')!;
    const second = await openAccounts(world.simulators.urls, { providers: [] });
    const outletShop = await world.admin.connectAnyStore('Trailhead Outlet Shop', [
      ...second.list,
      shipstation,
    ]);
    await world.admin.saveRoutingRules(outletShop.storeId, [
      {
        id: 'outlet-shop',
        name: 'The outlet shop files under the outlet store',
        then: { tags: ['Outlet'], fulfilmentStore: String(stores.outlet) },
      },
    ]);
    const outletOrders = storeOrderViews(world.bigcommerce, second.storeRef);
    const placed = await world.bigcommerce.post<{ order: { id: number } }>(
      `/stores/${second.storeRef}/orders`,
      multiLineOrder(),
    );
    const web = await world.placeOrder(multiLineOrder());
    const outletKey = `bc-${second.storeRef}-${placed.order.id}`;
    const fromOutlet = await waitFor(
      async () =>
        (await world.shipStationOrders()).find((o) => o.orderKey === outletKey) &&
        world.shipstation.get<ShipStationOrder>(`/orders/by-key/${outletKey}`),
      { what: 'the outlet shop’s order in ShipStation', timeoutMs: 30_000 },
    );
    expect(fromOutlet.advancedOptions.storeId).toBe(stores.outlet);
    expect((await shipStationOrder(web)).advancedOptions.storeId).toBe(stores.web);

    await world.shipstation.post(`/orders/${fromOutlet.orderId}/ship`, {
      carrierCode: 'ups_walleted',
      serviceCode: 'ups_ground',
    });
    const written = await outletOrders.shipments(placed.order.id, 1);
    expect(written.shipments).toHaveLength(1);
    // The first store's connection saw the same shipment: nothing of it lands on that store.
    await seedChecks(world).quiet();
    expect((await world.bigCommerceOrder(web)).shipments).toEqual([]);
    expect((await outletOrders.order(placed.order.id)).shipments).toHaveLength(1);
  }, 90_000);
});
