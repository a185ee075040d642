import { storeOrderState, storeShipment } from './ports';
import type { BigCommerceOrder, BigCommerceShipment } from './schemas';

describe('storeShipment', () => {
  it('reads the carrier as a courier slug and empty values as null', () => {
    const raw = {
      id: 7,
      tracking_number: ' ',
      tracking_carrier: 'ups',
      shipping_method: '',
      merchant_shipping_cost: '7.4500',
      comments: 'shiplink:x',
      date_created: '',
      items: [{ order_product_id: 8801, product_id: 1, quantity: 2 }],
    } as unknown as BigCommerceShipment;
    expect(storeShipment(raw)).toEqual({
      shipmentRef: '7',
      trackingNumber: null,
      carrierSlug: 'ups',
      shippingMethod: null,
      shippingCost: '7.4500',
      comments: 'shiplink:x',
      createdAt: null,
      items: [{ lineRef: '8801', quantity: 2 }],
      raw,
    });
  });
});

describe('storeOrderState', () => {
  it.each([
    [2, false, 'shipped'],
    [11, false, 'awaiting_fulfilment'],
    [11, true, 'archived'],
  ])('status %i (archived: %p) → %s', (statusId, deleted, status) => {
    const order = {
      status_id: statusId,
      items_shipped: 0,
      items_total: 1,
      is_deleted: deleted,
      staff_notes: 'note',
    } as unknown as BigCommerceOrder;
    expect(storeOrderState(order)).toEqual({
      status,
      storeStatusId: statusId,
      shippedStatusId: 2,
      staffNotes: 'note',
    });
  });
});
