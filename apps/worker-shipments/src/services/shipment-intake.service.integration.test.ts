import { jobs, type JobEnvelope } from '@shiplink/jobs';
import {
  multiLineOrder,
  provideWorkerApps,
  startWorld,
  type TestWorld,
} from '@shiplink/test-world';
import { registrations as orderRegistrations } from '@shiplink/worker-orders/registrations';
import { ShipmentIntakeService } from './shipment-intake.service';

type ShipResult = { resourceUrl: string; shipments: { trackingNumber: string }[] };

/** Shipments in, on the real PostgreSQL and Redis, against the ShipStation simulator. */
describe('ShipmentIntakeService', () => {
  let world: TestWorld;
  let service: ShipmentIntakeService;

  beforeAll(async () => {
    // The order import runs as in production, so ShipStation holds orders the hub exported; the
    // shipments queue has no workers, and the service is called here.
    provideWorkerApps({ 'worker-orders': { queue: 'orders', registrations: orderRegistrations } });
    world = await startWorld({ workers: ['worker-orders'] });
    service = new ShipmentIntakeService(world.hub.platform);
  });

  afterAll(async () => {
    await world?.close();
  });

  const connectionId = () => world.setup.connections.shipstation.id;

  /** A placed order, exported by the hub and shipped whole in ShipStation (one label). */
  async function shippedOrder() {
    const orderId = await world.placeOrder(multiLineOrder());
    const exported = await world.shipStationOrder(orderId);
    const shipped = await world.shipstation.post<ShipResult>(`/orders/${exported.orderId}/ship`, {
      carrierCode: 'ups_walleted',
      serviceCode: 'ups_ground',
      shipmentCost: 14.2,
    });
    return { orderId, shipped };
  }

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
