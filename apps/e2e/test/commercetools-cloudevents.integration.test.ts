import type { AfterShipTracking } from '@shiplink/connectors/aftership';
import { waitFor } from '@shiplink/testing';
import {
  fieldKey,
  parcelsOf,
  startCommercetoolsWorld,
  upsNumber,
  type CommercetoolsWorld,
} from '@shiplink/test-world';

describe('commercetools messages in the CloudEvents format', () => {
  let world: CommercetoolsWorld;
  beforeAll(async () => {
    world = await startCommercetoolsWorld({ settings: { format: 'CloudEvents' } });
  }, 60_000);
  afterAll(() => world?.close());

  it('tracks a delivery announced as a CloudEvent and writes its status back', async () => {
    const order = await world.placeOrder();
    const number = upsNumber();
    await world.addDelivery(order.id, { parcels: [{ trackingId: number, carrier: 'UPS' }] });
    const tracking = await waitFor(
      async () =>
        (await world.aftership.get<{ tracking: AfterShipTracking }[]>('/trackings'))
          .map((row) => row.tracking)
          .find((t) => t.tracking_number === number),
      { what: `AfterShip tracking ${number}` },
    );
    const sent =
      await world.commercetools.get<{ payload: { specversion?: string } }[]>('/notifications');
    expect(sent.some((notification) => notification.payload.specversion === '1.0')).toBe(true);
    await world.aftership.post(`/trackings/${tracking.id}/scan`, { subtag: 'Delivered_001' });
    const delivered = await world.orderWhen(
      order.id,
      (o) => o.shipmentState === 'Delivered',
      'the order delivered',
    );
    expect(fieldKey(parcelsOf(delivered)[0]?.custom?.fields.shiplinkStatus)).toBe('delivered');
  });
});
