import { readPushDelivery } from './envelope';
import {
  FIXTURE_DELIVERY_ID,
  FIXTURE_ORDER_ID,
  FIXTURE_PARCEL_ID,
  deliveryAddedFixture,
  deliveryRemovedFixture,
  orderChangeFixture,
  orderCreatedFixture,
  orderMessageFixture,
  parcelTrackingDataUpdatedFixture,
  payloadNotIncludedFixture,
  pushBodyFixture,
  structuredCloudEventFixture,
  subscriptionTestFixture,
} from './fixtures/notifications';
import {
  ORDER_CREATED_MESSAGE_TYPES,
  ORDER_SHIPPING_MESSAGE_TYPES,
  messageFacts,
  type OrderMessageFacts,
} from './message-facts';
import type { CommercetoolsNotification } from './notification';

function notificationOf(data: Record<string, unknown>): CommercetoolsNotification {
  const result = readPushDelivery(pushBodyFixture(data));
  if (!result.ok) throw new Error(`${result.code}: ${result.message} ${String(result.details)}`);
  return result.notification;
}

const factsOf = (data: Record<string, unknown>) => messageFacts(notificationOf(data));
const none = { parcelIds: [], trackingIds: [], returnTrackingIds: [] };

describe('messageFacts', () => {
  it('names the parcel, delivery and tracking id of a tracking update', () => {
    expect(factsOf(parcelTrackingDataUpdatedFixture)).toEqual<OrderMessageFacts>({
      kind: 'order-shipping',
      orderId: FIXTURE_ORDER_ID,
      deliveryId: FIXTURE_DELIVERY_ID,
      parcelIds: [FIXTURE_PARCEL_ID],
      trackingIds: ['1Z999AA10123456784'],
      returnTrackingIds: [],
    });
  });

  it('reads the same from a CloudEvent', () => {
    expect(factsOf(structuredCloudEventFixture(parcelTrackingDataUpdatedFixture))).toEqual(
      factsOf(parcelTrackingDataUpdatedFixture),
    );
  });

  it('names the delivery of DeliveryAdded and the parcels of DeliveryRemoved', () => {
    expect(factsOf(deliveryAddedFixture)).toEqual({
      kind: 'order-shipping',
      orderId: FIXTURE_ORDER_ID,
      deliveryId: FIXTURE_DELIVERY_ID,
      ...none,
    });
    expect(factsOf(deliveryRemovedFixture)).toMatchObject({
      deliveryId: FIXTURE_DELIVERY_ID,
      parcelIds: [FIXTURE_PARCEL_ID],
      trackingIds: ['JJD000390007827'],
    });
  });

  it('names the parcel of ParcelAddedToDelivery once, with its tracking id', () => {
    const parcel = { id: FIXTURE_PARCEL_ID, trackingData: { trackingId: 'TRK-1' } };
    const message = orderMessageFixture('ParcelAddedToDelivery', {
      delivery: { id: FIXTURE_DELIVERY_ID, parcels: [parcel] },
      parcel,
    });
    expect(factsOf(message)).toMatchObject({
      kind: 'order-shipping',
      deliveryId: FIXTURE_DELIVERY_ID,
      parcelIds: [FIXTURE_PARCEL_ID],
      trackingIds: ['TRK-1'],
    });
  });

  it('names return tracking ids of ReturnInfoAdded and ReturnInfoSet', () => {
    const added = orderMessageFixture('ReturnInfoAdded', {
      returnInfo: { items: [], returnTrackingId: 'RET-1' },
    });
    const set = orderMessageFixture('ReturnInfoSet', {
      returnInfo: [{ items: [], returnTrackingId: 'RET-2' }, { items: [] }],
    });
    expect(factsOf(added)).toMatchObject({ kind: 'order-shipping', returnTrackingIds: ['RET-1'] });
    expect(factsOf(set)).toMatchObject({ kind: 'order-shipping', returnTrackingIds: ['RET-2'] });
  });

  it('classes new orders, and names the parcels an imported order already has', () => {
    expect(factsOf(orderCreatedFixture)).toEqual({
      kind: 'order-created',
      orderId: FIXTURE_ORDER_ID,
      ...none,
    });
    const imported = orderMessageFixture('OrderImported', {
      order: {
        id: FIXTURE_ORDER_ID,
        shippingInfo: {
          deliveries: [{ id: 'd1', parcels: [{ id: 'p1', trackingData: { trackingId: 'T1' } }] }],
        },
        shipping: [{ shippingInfo: { deliveries: [{ id: 'd2', parcels: [{ id: 'p2' }] }] } }],
        returnInfo: [{ items: [], returnTrackingId: 'R1' }],
      },
    });
    expect(factsOf(imported)).toEqual({
      kind: 'order-created',
      orderId: FIXTURE_ORDER_ID,
      parcelIds: ['p1', 'p2'],
      trackingIds: ['T1'],
      returnTrackingIds: ['R1'],
    });
  });

  it('classes a payloadNotIncluded message by its payloadType', () => {
    expect(factsOf(payloadNotIncludedFixture)).toEqual({
      kind: 'order-created',
      orderId: FIXTURE_ORDER_ID,
      ...none,
    });
  });

  it.each<['ResourceCreated' | 'ResourceUpdated' | 'ResourceDeleted', OrderMessageFacts['kind']]>([
    ['ResourceCreated', 'order-shipping'],
    ['ResourceUpdated', 'order-shipping'],
    ['ResourceDeleted', 'order-other'],
  ])('classes an order %s change as %s', (kind, expected) => {
    expect(factsOf(orderChangeFixture(kind))).toEqual({
      kind: expected,
      orderId: FIXTURE_ORDER_ID,
      ...none,
    });
  });

  it('classes other order messages as order-other', () => {
    const message = orderMessageFixture('OrderStateChanged', { orderState: 'Confirmed' });
    expect(factsOf(message)).toEqual({ kind: 'order-other', orderId: FIXTURE_ORDER_ID, ...none });
  });

  it('ignores malformed message fields rather than failing', () => {
    const message = orderMessageFixture('ParcelTrackingDataUpdated', {
      deliveryId: 42,
      parcelId: '',
      trackingData: { trackingId: ['x'] },
      delivery: 'nope',
    });
    expect(factsOf(message)).toEqual({
      kind: 'order-shipping',
      orderId: FIXTURE_ORDER_ID,
      ...none,
    });
  });

  it('says nothing about notifications of other resources', () => {
    expect(factsOf(subscriptionTestFixture)).toBeUndefined();
    const inventory = {
      ...orderMessageFixture('InventoryEntryQuantitySet'),
      resource: { typeId: 'inventory-entry', id: 'inv-1' },
    };
    expect(factsOf(inventory)).toBeUndefined();
  });

  it('lists the shipping types of the brief', () => {
    expect([...ORDER_SHIPPING_MESSAGE_TYPES]).toHaveLength(11);
    expect(ORDER_CREATED_MESSAGE_TYPES.has('OrderImported')).toBe(true);
  });
});
