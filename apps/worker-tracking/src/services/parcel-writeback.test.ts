import type { OrderForTrackingWriteback, TrackingRecord } from '@shiplink/db';
import type { TrackingStatus } from '@shiplink/domain';
import { everythingInShipments, parcelTrackingUpdate } from './parcel-writeback';

type Shipment = OrderForTrackingWriteback['shipments'][number];

const LINES = [
  { id: 'line-socks', quantity: 3 },
  { id: 'line-beanie', quantity: 1 },
];

function trackingRecord(
  trackingNumber: string,
  status: TrackingStatus,
  extra: Partial<TrackingRecord> = {},
): TrackingRecord {
  return {
    id: `tracking-${trackingNumber}`,
    orderId: 'order-1',
    shipmentId: `shipment-${trackingNumber}`,
    storeId: 'store-1',
    orderNumber: 'CT-10001',
    trackingNumber,
    slug: 'posti',
    carrierStatus: 'mapped',
    carrierCandidates: [],
    trackingRef: `aftership-${trackingNumber}`,
    connectionId: null,
    registration: 'registered',
    registrationNote: null,
    current: {
      status,
      subStatus: `aftership:${status}`,
      reason: null,
      actionRequired: false,
      occurredAt: new Date('2024-05-07T03:15:00Z'),
    },
    mappingVersion: '1',
    estimatedDelivery: '2024-05-09',
    trackingUrl: `https://track.example/${trackingNumber}`,
    lastEventAt: new Date('2024-05-07T03:15:00Z'),
    lastPolledAt: null,
    replacedById: null,
    ...extra,
  };
}

/** A shipment of `items`, tracked with `status` and held by the store as `storeShipmentId`. */
function shipment(
  name: string,
  status: TrackingStatus | null,
  items: Shipment['items'],
  extra: Partial<Shipment> = {},
): Shipment {
  const trackingNumber = `JJFI${name}`;
  return {
    id: `shipment-${name}`,
    storeShipmentId: `parcel-${name}`,
    trackingNumber,
    tracking: status ? trackingRecord(trackingNumber, status) : null,
    transitions: [],
    lastCheckpoint: {
      message: 'Arrived at the sorting centre',
      city: 'Vantaa',
      occurredAtUtc: new Date('2024-05-07T03:15:00Z'),
    },
    items,
    ...extra,
  };
}

const order = (shipments: Shipment[], lines = LINES): OrderForTrackingWriteback => ({
  id: 'order-1',
  externalId: '5b0e3a2e-4a47-4c58-9a2f-0f6f2d1c7e11',
  orderNumber: 'CT-10001',
  storeId: 'store-1',
  storeSettings: {},
  shipments,
  lines,
});

const ALL_ITEMS = [
  { orderLineId: 'line-socks', quantity: 3 },
  { orderLineId: 'line-beanie', quantity: 1 },
];

describe('parcelTrackingUpdate', () => {
  it('tells the store each tracked parcel’s status, last event, estimate and link', () => {
    const update = parcelTrackingUpdate(order([shipment('A', 'in_transit', ALL_ITEMS)]));
    expect(update).toEqual({
      parcels: [
        {
          shipmentRef: 'parcel-A',
          trackingNumber: 'JJFIA',
          status: 'in_transit',
          subStatus: 'aftership:in_transit',
          lastEvent: 'Arrived at the sorting centre (Vantaa)',
          lastEventAt: '2024-05-07T03:15:00.000Z',
          estimatedDelivery: '2024-05-09',
          trackingUrl: 'https://track.example/JJFIA',
        },
      ],
      progress: 'shipped',
    });
  });

  it('writes only shipments with both a tracking and a parcel in the store', () => {
    const update = parcelTrackingUpdate(
      order([
        shipment('A', 'in_transit', ALL_ITEMS),
        shipment('B', null, []),
        shipment('C', 'in_transit', [], { storeShipmentId: null }),
      ]),
    );
    expect(update.parcels.map((parcel) => parcel.shipmentRef)).toEqual(['parcel-A']);
  });

  it('says the event without a place when the carrier names none, and nothing without one', () => {
    const noCity = shipment('A', 'in_transit', ALL_ITEMS, {
      lastCheckpoint: { message: 'Parcel picked up', city: null, occurredAtUtc: new Date(0) },
    });
    const noMessage = shipment('B', 'info_received', [], {
      lastCheckpoint: { message: null, city: 'Vantaa', occurredAtUtc: new Date(0) },
    });
    const noCheckpoint = shipment('C', 'pending', [], { lastCheckpoint: null });
    const parcels = parcelTrackingUpdate(order([noCity, noMessage, noCheckpoint])).parcels;
    expect(parcels.map((parcel) => [parcel.lastEvent, parcel.lastEventAt])).toEqual([
      ['Parcel picked up', '1970-01-01T00:00:00.000Z'],
      [null, '1970-01-01T00:00:00.000Z'],
      [null, null],
    ]);
  });

  it('is partial while an order line is not fully in shipments', () => {
    const update = parcelTrackingUpdate(
      order([shipment('A', 'delivered', [{ orderLineId: 'line-socks', quantity: 2 }])]),
    );
    expect(update.progress).toBe('partial');
  });

  it('is delivered once every item is in delivered parcels', () => {
    const update = parcelTrackingUpdate(
      order([
        shipment('A', 'delivered', [{ orderLineId: 'line-socks', quantity: 3 }]),
        shipment('B', 'delivered', [{ orderLineId: 'line-beanie', quantity: 1 }]),
      ]),
    );
    expect(update.progress).toBe('delivered');
  });

  it('is delayed when a parcel is held up', () => {
    const update = parcelTrackingUpdate(
      order([
        shipment('A', 'delivered', [{ orderLineId: 'line-socks', quantity: 3 }]),
        shipment('B', 'exception', [{ orderLineId: 'line-beanie', quantity: 1 }]),
      ]),
    );
    expect(update.progress).toBe('delayed');
  });

  it('is not delivered while a shipment is not yet a tracked parcel of the store', () => {
    const delivered = shipment('A', 'delivered', [{ orderLineId: 'line-socks', quantity: 3 }]);
    const beanie = [{ orderLineId: 'line-beanie', quantity: 1 }];
    const untracked = shipment('B', null, beanie);
    const notInStore = shipment('C', 'in_transit', beanie, { storeShipmentId: null });
    expect(parcelTrackingUpdate(order([delivered, untracked])).progress).toBe('shipped');
    expect(parcelTrackingUpdate(order([delivered, notInStore])).progress).toBe('shipped');
  });

  it('says nothing of the order before any parcel is tracked', () => {
    expect(parcelTrackingUpdate(order([shipment('A', null, ALL_ITEMS)]))).toEqual({
      parcels: [],
      progress: undefined,
    });
    expect(parcelTrackingUpdate(order([]))).toEqual({ parcels: [], progress: undefined });
  });
});

describe('everythingInShipments', () => {
  it('is true when every line’s quantity is in shipments, over several of them', () => {
    const split = order([
      shipment('A', 'in_transit', [{ orderLineId: 'line-socks', quantity: 2 }]),
      shipment('B', null, [
        { orderLineId: 'line-socks', quantity: 1 },
        { orderLineId: 'line-beanie', quantity: 1 },
      ]),
    ]);
    expect(everythingInShipments(split)).toBe(true);
  });

  it('is false while a line is short, or missing from every shipment', () => {
    const short = order([
      shipment('A', 'in_transit', [
        { orderLineId: 'line-socks', quantity: 2 },
        { orderLineId: 'line-beanie', quantity: 1 },
      ]),
    ]);
    const missing = order([
      shipment('A', 'in_transit', [{ orderLineId: 'line-socks', quantity: 3 }]),
    ]);
    expect(everythingInShipments(short)).toBe(false);
    expect(everythingInShipments(missing)).toBe(false);
    expect(everythingInShipments(order([]))).toBe(false);
  });

  it('counts more shipped than ordered as everything', () => {
    const over = order([
      shipment('A', 'in_transit', [
        { orderLineId: 'line-socks', quantity: 5 },
        { orderLineId: 'line-beanie', quantity: 1 },
      ]),
    ]);
    expect(everythingInShipments(over)).toBe(true);
  });

  it('is true for an order without lines', () => {
    expect(everythingInShipments(order([], []))).toBe(true);
  });
});
