import axios from 'axios';
import { SimulatorControl } from '../testing/control';
import { createBigCommerceClient } from './client';
import { BigCommerceShipmentCreateSchema } from './shipment-schemas';
import { startBigCommerceSimulator } from './simulator';

const STORE = { hash: 'shipcost1', accessToken: 'token-shipcost', clientSecret: 'secret-sc' };

describe('BigCommerce simulator: merchant_shipping_cost on shipments', () => {
  let sim: Awaited<ReturnType<typeof startBigCommerceSimulator>>;
  let control: SimulatorControl;

  beforeAll(async () => {
    sim = await startBigCommerceSimulator({ stores: [STORE] });
    control = new SimulatorControl(sim.url);
  });
  afterAll(() => sim.close());

  it('stores the cost on create and update and renders it as a four-place decimal', async () => {
    const client = createBigCommerceClient({
      baseUrl: sim.url,
      credentials: { storeHash: STORE.hash, accessToken: STORE.accessToken, clientSecret: 'x' },
    });
    const placed = await control.post<{
      order: { id: number };
      products: { id: number }[];
      shippingAddresses: { id: number }[];
    }>(`/stores/${STORE.hash}/orders`, {
      billing: { firstName: 'Ann', street1: '1 Main St', city: 'Austin', zip: '78701' },
      lines: [{ sku: 'MUG', name: 'Mug', quantity: 1 }],
    });
    const orderId = placed.order.id;
    const body = BigCommerceShipmentCreateSchema.parse({
      order_address_id: placed.shippingAddresses[0]!.id,
      items: [{ order_product_id: placed.products[0]!.id, quantity: 1 }],
      merchant_shipping_cost: '7.5',
    });
    const shipment = await client.createShipment(orderId, body);
    expect(shipment.merchant_shipping_cost).toBe('7.5000');
    const updated = await client.updateShipment(orderId, shipment.id, {
      merchant_shipping_cost: '3.25',
    });
    expect(updated.merchant_shipping_cost).toBe('3.2500');
    expect((await client.getShipment(orderId, shipment.id))?.merchant_shipping_cost).toBe('3.2500');
    // Other updates leave it alone.
    await client.updateShipment(orderId, shipment.id, { comments: 'left at the door' });
    expect((await client.listShipments(orderId))[0]?.merchant_shipping_cost).toBe('3.2500');

    const refused = await axios.put(
      `${sim.url}/stores/${STORE.hash}/v2/orders/${orderId}/shipments/${shipment.id}`,
      { merchant_shipping_cost: 'cheap' },
      { headers: { 'X-Auth-Token': STORE.accessToken }, validateStatus: () => true },
    );
    expect(refused.status).toBe(400);
    expect(refused.data).toEqual([
      { status: 400, message: expect.stringMatching(/merchant_shipping_cost/) },
    ]);
    expect(
      BigCommerceShipmentCreateSchema.safeParse({ ...body, merchant_shipping_cost: 'cheap' })
        .success,
    ).toBe(false);
  });
});
