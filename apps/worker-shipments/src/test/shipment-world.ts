import {
  multiLineOrder,
  provideWorkerApps,
  startWorld,
  type TestWorld,
} from '@shiplink/test-world';
import { registrations as orderRegistrations } from '@shiplink/worker-orders/registrations';

export type ShipResult = { resourceUrl: string; shipments: { trackingNumber: string }[] };

/**
 * A test world where the order import runs as in production, so ShipStation holds orders the
 * hub exported; the shipments queue has no workers, and the shipment services are called by the
 * test itself.
 */
export async function startShipmentWorld(): Promise<TestWorld> {
  provideWorkerApps({ 'worker-orders': { queue: 'orders', registrations: orderRegistrations } });
  return startWorld({ workers: ['worker-orders'] });
}

/** A placed order, exported by the hub and shipped whole in ShipStation (one UPS label). */
export async function shipExportedOrder(world: TestWorld) {
  const orderId = await world.placeOrder(multiLineOrder());
  const exported = await world.shipStationOrder(orderId);
  const shipped = await world.shipstation.post<ShipResult>(`/orders/${exported.orderId}/ship`, {
    carrierCode: 'ups_walleted',
    serviceCode: 'ups_ground',
    shipmentCost: 14.2,
  });
  return { orderId, shipped };
}
