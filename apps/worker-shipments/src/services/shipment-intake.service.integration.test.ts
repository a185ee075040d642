import { jobs, type JobEnvelope } from '@shiplink/jobs';
import type { TestWorld } from '@shiplink/test-world';
import { shipExportedOrder, startShipmentWorld } from '../test/shipment-world';
import { ShipmentIntakeService } from './shipment-intake.service';

/** Shipments in, on the real PostgreSQL and Redis, against the ShipStation simulator. */
describe('ShipmentIntakeService', () => {
  let world: TestWorld;
  let service: ShipmentIntakeService;

  beforeAll(async () => {
    world = await startShipmentWorld();
    service = new ShipmentIntakeService(world.hub.platform);
  });

  afterAll(async () => {
    await world?.close();
  });

  const connectionId = () => world.setup.fulfilment.id;

  const shippedOrder = () => shipExportedOrder(world);

  /** The write-backs waiting in the shipments queue, by shipment. */
  async function queuedWritebacks(): Promise<string[]> {
    const queued = await world.hub.platform.producer
      .queue(jobs.shipmentWriteback.queue)
      .getJobs(['waiting', 'delayed', 'prioritized']);
    return queued
      .filter((job) => job.name === jobs.shipmentWriteback.name)
      .map(
        (job) => jobs.shipmentWriteback.schema.parse((job.data as JobEnvelope).payload).shipmentId,
      );
  }

  it('records a shipped order’s shipment once, by its SHIP_NOTIFY batch or the poll', async () => {
    const { orderId, shipped } = await shippedOrder();
    await service.fetchBatch({ connectionId: connectionId(), batchRef: shipped.resourceUrl });
    await service.fetchBatch({ connectionId: connectionId(), batchRef: shipped.resourceUrl });
    await service.poll({ connectionId: connectionId() });

    const [order] = (await world.admin.order(String(orderId))).orders;
    expect(order?.shipments).toEqual([
      expect.objectContaining({
        trackingNumber: shipped.shipments[0]?.trackingNumber,
        carrierSlug: 'ups',
        writebackStatus: 'pending',
        shippingCost: '14.2',
      }),
    ]);
    expect(order?.shipments[0]?.items.reduce((units, item) => units + item.quantity, 0)).toBe(6);
    expect(order?.fulfilmentOrders.map((fulfilment) => fulfilment.status)).toEqual(['shipped']);

    const writebacks = await queuedWritebacks();
    expect(writebacks.filter((id) => id === order?.shipments[0]?.id)).toHaveLength(1);
  });
});
