import { PermanentError, RetryableError } from '@shiplink/errors';
import { jobs } from '@shiplink/jobs';
import { multiLineOrder, startWorld, type TestWorld } from '@shiplink/test-world';
import { StoreShipmentService } from './store-shipment.service';

/** Store shipments in, on the real PostgreSQL and Redis, against the BigCommerce simulator. */
describe('StoreShipmentService', () => {
  let world: TestWorld;
  let service: StoreShipmentService;

  beforeAll(async () => {
    // No queue workers: the service is called here, and what it enqueues stays to be looked at.
    world = await startWorld({ workers: [] });
    service = new StoreShipmentService(world.hub.platform);
  });

  afterAll(async () => {
    await world?.close();
  });

  const sync = (orderRef: string, shipmentRef: string) =>
    service.sync({
      connectionId: world.setup.connections.bigcommerce.id,
      orderRef,
      shipmentRef,
      change: 'created',
      trigger: `test-${shipmentRef}`,
    });

  it('refuses a shipment of an order the store does not have as permanent', async () => {
    const failure = sync('987654', '1');

    await expect(failure).rejects.toBeInstanceOf(PermanentError);
    await expect(failure).rejects.toMatchObject({ reason: 'store.order_not_found' });
  });

  it('imports a store order the hub does not hold yet, and asks to be retried', async () => {
    const orderId = await world.placeOrder(multiLineOrder());
    const failure = sync(String(orderId), '7');

    await expect(failure).rejects.toBeInstanceOf(RetryableError);
    await expect(failure).rejects.toMatchObject({ reason: 'shipment.order_not_imported' });
    const jobId = jobs.orderImport.jobId({
      connectionId: world.setup.connections.bigcommerce.id,
      orderRef: String(orderId),
      trigger: 'shipment-7',
    });
    expect(await world.hub.platform.producer.queue('orders').getJob(jobId)).toBeDefined();
  });
});
