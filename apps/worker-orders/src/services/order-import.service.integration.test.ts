import { PermanentError } from '@shiplink/errors';
import {
  badAddressOrder,
  multiLineOrder,
  startWorld,
  type ShipStationOrderView,
  type TestWorld,
} from '@shiplink/test-world';
import { OrderImportService } from './order-import.service';

/** The order import on the real PostgreSQL and Redis, against the provider simulators. */
describe('OrderImportService', () => {
  let world: TestWorld;
  let service: OrderImportService;

  beforeAll(async () => {
    // No queue workers: the service is called here, on the platform the world's hub runs on.
    world = await startWorld({ workers: [] });
    service = new OrderImportService(world.hub.platform);
  });

  afterAll(async () => {
    await world?.close();
  });

  const importOrder = (orderId: number) =>
    service.importOrder({
      connectionId: world.setup.connections.bigcommerce.id,
      orderRef: String(orderId),
    });
  const copiesOf = async (orderId: number): Promise<ShipStationOrderView[]> =>
    (await world.shipStationOrders()).filter(
      (order) => order.orderKey === `bc-${world.storeHash}-${orderId}`,
    );

  it('exports a placed order to ShipStation once, however often it is imported', async () => {
    const orderId = await world.placeOrder(multiLineOrder());
    await importOrder(orderId);
    await importOrder(orderId);

    const copies = await copiesOf(orderId);
    expect(copies).toHaveLength(1);
    expect(copies[0]?.orderStatus).toBe('awaiting_shipment');
    expect(copies[0]?.items.map((item) => [item.sku, item.quantity])).toEqual([
      ['TENT-2P', 1],
      ['STOVE-MINI', 2],
      ['SOCK-WOOL-M', 3],
    ]);
    const [stored] = (await world.admin.order(String(orderId))).orders;
    expect(stored?.fulfilmentOrders).toEqual([
      expect.objectContaining({
        orderKey: copies[0]?.orderKey,
        externalId: String(copies[0]?.orderId),
        status: 'awaiting_shipment',
      }),
    ]);
  });

  it('cancels the ShipStation order of an order archived in the store', async () => {
    const orderId = await world.placeOrder(multiLineOrder());
    await importOrder(orderId);
    await world.bigcommerce.patch(`/stores/${world.storeHash}/orders/${orderId}`, {
      archived: true,
    });
    await importOrder(orderId);

    const copies = await copiesOf(orderId);
    expect(copies.map((order) => order.orderStatus)).toEqual(['cancelled']);
  });

  it('refuses an address ShipStation rejects as permanent, without creating anything', async () => {
    const orderId = await world.placeOrder(badAddressOrder());
    const failure = importOrder(orderId);

    await expect(failure).rejects.toBeInstanceOf(PermanentError);
    await expect(failure).rejects.toMatchObject({ reason: 'shipstation.validation' });
    expect(await copiesOf(orderId)).toEqual([]);
  });
});
