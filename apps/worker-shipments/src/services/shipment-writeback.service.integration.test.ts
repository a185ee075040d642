import type { TestWorld } from '@shiplink/test-world';
import { shipExportedOrder, startShipmentWorld } from '../test/shipment-world';
import { ShipmentIntakeService } from './shipment-intake.service';
import { ShipmentWritebackService } from './shipment-writeback.service';

/** Shipments back to the store, on the real PostgreSQL and Redis, against the simulators. */
describe('ShipmentWritebackService', () => {
  let world: TestWorld;
  let intake: ShipmentIntakeService;
  let service: ShipmentWritebackService;

  beforeAll(async () => {
    world = await startShipmentWorld();
    intake = new ShipmentIntakeService(world.hub.platform);
    service = new ShipmentWritebackService(world.hub.platform);
  });

  afterAll(async () => {
    await world?.close();
  });

  /** A placed order, exported, shipped whole in ShipStation and recorded by the intake. */
  async function recordedShipment() {
    const { orderId, shipped } = await shipExportedOrder(world);
    await intake.fetchBatch({
      connectionId: world.setup.fulfilment.id,
      batchRef: shipped.resourceUrl,
    });
    const [order] = (await world.admin.order(String(orderId))).orders;
    return {
      orderId,
      shipmentId: order!.shipments[0]!.id,
      trackingNumber: shipped.shipments[0]!.trackingNumber,
    };
  }

  it('creates one store shipment with carrier, tracking and items, even when run twice', async () => {
    const { orderId, shipmentId, trackingNumber } = await recordedShipment();
    // Two workers racing on the same job, then a redelivery after both finished.
    await Promise.all([service.writeBack({ shipmentId }), service.writeBack({ shipmentId })]);
    await service.writeBack({ shipmentId });

    const view = await world.bigCommerceOrder(orderId);
    expect(view.shipments).toHaveLength(1);
    const [shipment] = view.shipments;
    expect(shipment).toMatchObject({
      tracking_number: trackingNumber,
      tracking_carrier: 'ups',
      shipping_method: 'ups ground',
    });
    const skuOf = (productId: number) => view.products.find((p) => p.id === productId)?.sku;
    expect(shipment?.items.map((item) => [skuOf(item.order_product_id), item.quantity])).toEqual([
      ['TENT-2P', 1],
      ['STOVE-MINI', 2],
      ['SOCK-WOOL-M', 3],
    ]);
    const [order] = (await world.admin.order(String(orderId))).orders;
    expect(order?.shipments).toEqual([
      expect.objectContaining({
        writebackStatus: 'created',
        storeShipmentId: String(shipment?.id),
      }),
    ]);
  });
});
