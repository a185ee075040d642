import type { ParcelTracking, ParcelTrackingUpdate } from '@shiplink/domain';
import { SINGLE, singleModeOrderWithDeliveries } from './fixtures/orders';
import { PARCEL_FIELDS } from './parcel-type';
import { parcelFieldValues, planParcelWrites } from './parcel-writes';
import { CommercetoolsSettingsSchema, type CommercetoolsSettings } from './settings';

type Json = Record<string, unknown>;

const TYPE_ID = 'd1c2b3a4-9f8e-4d7c-8b6a-5f4e3d2c1b0a';
const OUR_TYPE = { typeId: 'type', id: TYPE_ID };
const PARCEL_ID = SINGLE.hubParcelId;
const OTHER_PARCEL_ID = SINGLE.threePlParcelId;
const defaults = CommercetoolsSettingsSchema.parse({});

const tracking = (fields: Partial<ParcelTracking> = {}): ParcelTracking => ({
  shipmentRef: PARCEL_ID,
  trackingNumber: 'JJFI65432100001234',
  status: 'in_transit',
  subStatus: 'aftership:InTransit_002',
  lastEvent: 'Arrived at the sorting centre (Vantaa)',
  lastEventAt: '2024-05-07T06:15:00+03:00',
  estimatedDelivery: '2024-05-09T20:00:00+03:00',
  trackingUrl: null,
  ...fields,
});

const update = (
  parcels: ParcelTracking[],
  progress?: ParcelTrackingUpdate['progress'],
): ParcelTrackingUpdate => ({ parcels, progress });

/** What the store holds once the hub's fields for `tracking()` are written. */
const storedFields: Json = {
  [PARCEL_FIELDS.status]: { key: 'in_transit', label: { en: 'In transit', de: 'Unterwegs' } },
  [PARCEL_FIELDS.subStatus]: 'aftership:InTransit_002',
  [PARCEL_FIELDS.lastEvent]: 'Arrived at the sorting centre (Vantaa)',
  [PARCEL_FIELDS.lastEventAt]: '2024-05-07T03:15:00.000Z',
  [PARCEL_FIELDS.estimatedDelivery]: '2024-05-09',
};

const parcel = (fields: Json = {}): Json => ({
  id: PARCEL_ID,
  key: 'shiplink-7d3c9a10-5f2e-4b8a-9c1d-2e3f4a5b6c7d',
  createdAt: '2024-05-06T09:00:01.000Z',
  trackingData: { trackingId: 'JJFI65432100001234', carrier: 'Posti Express' },
  items: [{ id: SINGLE.socksLineId, quantity: 2 }],
  ...fields,
});

const otherParcel = (fields: Json = {}): Json => ({
  id: OTHER_PARCEL_ID,
  createdAt: '2024-05-06T09:30:00.000Z',
  trackingData: { trackingId: '1Z999AA10123456784', carrier: 'UPS' },
  ...fields,
});

const delivery = (parcels: Json[]): Json => ({
  id: SINGLE.deliveryId,
  createdAt: '2024-05-06T09:00:00.000Z',
  items: [
    { id: SINGLE.socksLineId, quantity: 2 },
    { id: SINGLE.beanieLineId, quantity: 1 },
  ],
  parcels,
});

const orderWithParcels = (parcels: Json[], patch: Json = {}) =>
  singleModeOrderWithDeliveries([delivery(parcels)], patch);

const plan = (
  order: ReturnType<typeof orderWithParcels>,
  given: ParcelTrackingUpdate,
  settings: Pick<CommercetoolsSettings, 'shipmentStates' | 'returns'> = defaults,
) => planParcelWrites(order, given, TYPE_ID, settings);

describe('parcelFieldValues', () => {
  it('writes the instant in UTC and the estimate as the day it names', () => {
    expect(parcelFieldValues(tracking())).toEqual({
      shiplinkStatus: 'in_transit',
      shiplinkSubStatus: 'aftership:InTransit_002',
      shiplinkLastEvent: 'Arrived at the sorting centre (Vantaa)',
      shiplinkLastEventAt: '2024-05-07T03:15:00.000Z',
      shiplinkEstimatedDelivery: '2024-05-09',
      shiplinkTrackingUrl: null,
    });
  });

  it('clips long texts to what the fields hold, and drops unreadable times', () => {
    const values = parcelFieldValues(
      tracking({
        subStatus: 's'.repeat(300),
        lastEvent: 'e'.repeat(1_500),
        trackingUrl: `https://track.example/${'u'.repeat(2_100)}`,
        lastEventAt: 'yesterday',
        estimatedDelivery: 'soon',
      }),
    );
    expect(values[PARCEL_FIELDS.subStatus]).toHaveLength(200);
    expect(values[PARCEL_FIELDS.lastEvent]).toHaveLength(1_000);
    expect(values[PARCEL_FIELDS.trackingUrl]).toHaveLength(2_000);
    expect(values[PARCEL_FIELDS.lastEventAt]).toBeNull();
    expect(values[PARCEL_FIELDS.estimatedDelivery]).toBeNull();
  });
});

describe('planParcelWrites: parcel fields', () => {
  it('gives a parcel without fields the hub’s Type with every field that has a value', () => {
    const order = orderWithParcels([parcel()]);
    expect(plan(order, update([tracking()]))).toEqual({
      actions: [
        {
          action: 'setParcelCustomType',
          parcelId: PARCEL_ID,
          type: OUR_TYPE,
          fields: {
            shiplinkStatus: 'in_transit',
            shiplinkSubStatus: 'aftership:InTransit_002',
            shiplinkLastEvent: 'Arrived at the sorting centre (Vantaa)',
            shiplinkLastEventAt: '2024-05-07T03:15:00.000Z',
            shiplinkEstimatedDelivery: '2024-05-09',
          },
        },
      ],
      missing: [],
      foreign: [],
    });
  });

  it('writes nothing once the parcel holds those fields (enum read back as {key, label})', () => {
    const after = orderWithParcels([parcel({ custom: { type: OUR_TYPE, fields: storedFields } })]);
    expect(plan(after, update([tracking()]))).toEqual({ actions: [], missing: [], foreign: [] });
  });

  it('reads an enum value stored as its bare key as that key', () => {
    const fields = { ...storedFields, [PARCEL_FIELDS.status]: 'in_transit' };
    const order = orderWithParcels([parcel({ custom: { type: OUR_TYPE, fields } })]);
    expect(plan(order, update([tracking()])).actions).toEqual([]);
  });

  it.each(['2024-05-07T03:15:00Z', '2024-05-07T06:15:00.000+03:00', '2024-05-06T22:15:00-05:00'])(
    'reads the DateTime %s as the same instant',
    (stored) => {
      const fields = { ...storedFields, [PARCEL_FIELDS.lastEventAt]: stored };
      const order = orderWithParcels([parcel({ custom: { type: OUR_TYPE, fields } })]);
      expect(plan(order, update([tracking()])).actions).toEqual([]);
    },
  );

  it('sets only the fields that differ', () => {
    const order = orderWithParcels([parcel({ custom: { type: OUR_TYPE, fields: storedFields } })]);
    const moved = tracking({
      status: 'out_for_delivery',
      lastEvent: 'Out for delivery (Helsinki)',
      lastEventAt: '2024-05-08T07:02:00Z',
    });
    expect(plan(order, update([moved])).actions).toEqual([
      {
        action: 'setParcelCustomField',
        parcelId: PARCEL_ID,
        name: 'shiplinkStatus',
        value: 'out_for_delivery',
      },
      {
        action: 'setParcelCustomField',
        parcelId: PARCEL_ID,
        name: 'shiplinkLastEvent',
        value: 'Out for delivery (Helsinki)',
      },
      {
        action: 'setParcelCustomField',
        parcelId: PARCEL_ID,
        name: 'shiplinkLastEventAt',
        value: '2024-05-08T07:02:00.000Z',
      },
    ]);
  });

  it('removes a field the hub no longer has a value for, and leaves absent ones absent', () => {
    const fields = { ...storedFields, [PARCEL_FIELDS.trackingUrl]: 'https://old.example/1' };
    const order = orderWithParcels([parcel({ custom: { type: OUR_TYPE, fields } })]);
    const withoutEstimate = tracking({ estimatedDelivery: null });
    expect(plan(order, update([withoutEstimate])).actions).toEqual([
      { action: 'setParcelCustomField', parcelId: PARCEL_ID, name: 'shiplinkEstimatedDelivery' },
      { action: 'setParcelCustomField', parcelId: PARCEL_ID, name: 'shiplinkTrackingUrl' },
    ]);
  });

  it('compares clipped texts as they were written', () => {
    const long = 'e'.repeat(1_200);
    const fields = { ...storedFields, [PARCEL_FIELDS.lastEvent]: long.slice(0, 1_000) };
    const order = orderWithParcels([parcel({ custom: { type: OUR_TYPE, fields } })]);
    expect(plan(order, update([tracking({ lastEvent: long })])).actions).toEqual([]);
  });

  it('leaves a parcel with another Type alone and reports it', () => {
    const foreign = { typeId: 'type', id: '99999999-0000-4000-8000-000000000000' };
    const order = orderWithParcels([
      parcel({ custom: { type: foreign, fields: { warehouseNote: 'fragile' } } }),
    ]);
    expect(plan(order, update([tracking()]))).toEqual({
      actions: [],
      missing: [],
      foreign: [PARCEL_ID],
    });
  });

  it('reports parcels the order no longer has, and writes the others', () => {
    const order = orderWithParcels([parcel()]);
    const result = plan(order, update([tracking({ shipmentRef: 'removed-parcel' }), tracking()]));
    expect(result.missing).toEqual(['removed-parcel']);
    expect(result.actions).toEqual([
      expect.objectContaining({ action: 'setParcelCustomType', parcelId: PARCEL_ID }),
    ]);
  });

  it('finds parcels in every shipping of a Multiple-mode order', () => {
    const order = singleModeOrderWithDeliveries([], {
      shippingMode: 'Multiple',
      shippingInfo: null,
      shipping: [
        {
          shippingKey: 'home',
          shippingInfo: {
            shippingMethodName: 'DHL Paket',
            price: { currencyCode: 'EUR', centAmount: 490, fractionDigits: 2 },
            deliveries: [delivery([parcel()])],
          },
          shippingAddress: { country: 'DE' },
        },
      ],
    });
    expect(plan(order, update([tracking()])).actions).toEqual([
      expect.objectContaining({ action: 'setParcelCustomType', parcelId: PARCEL_ID }),
    ]);
  });
});

describe('planParcelWrites: returns', () => {
  const returned = (fields: Partial<ParcelTracking> = {}) =>
    tracking({
      status: 'returned',
      lastEvent: 'Returned to sender (Vantaa)',
      lastEventAt: '2024-05-12T09:30:00+03:00',
      estimatedDelivery: null,
      ...fields,
    });
  const returnKey = (parcelId: string, lineId: string) => `shiplink-return-${parcelId}-${lineId}`;

  it('adds one return of the parcel’s own items', () => {
    const order = orderWithParcels([parcel({ custom: { type: OUR_TYPE, fields: {} } })]);
    const actions = plan(order, update([returned()])).actions;
    expect(actions.filter((action) => action.action === 'addReturnInfo')).toEqual([
      {
        action: 'addReturnInfo',
        items: [
          {
            key: returnKey(PARCEL_ID, SINGLE.socksLineId),
            lineItemId: SINGLE.socksLineId,
            quantity: 2,
            shipmentState: 'Returned',
            comment: 'Parcel JJFI65432100001234 returned to sender',
          },
        ],
        returnTrackingId: 'JJFI65432100001234',
        returnDate: '2024-05-12T06:30:00.000Z',
      },
    ]);
  });

  it('returns the delivery’s items for a parcel without items of its own', () => {
    const order = orderWithParcels([otherParcel()]);
    const back = returned({ shipmentRef: OTHER_PARCEL_ID, trackingNumber: '1Z999AA10123456784' });
    const [, addReturn] = plan(order, update([back])).actions;
    expect(addReturn).toMatchObject({
      action: 'addReturnInfo',
      returnTrackingId: '1Z999AA10123456784',
      items: [
        { key: returnKey(OTHER_PARCEL_ID, SINGLE.socksLineId), quantity: 2 },
        { key: returnKey(OTHER_PARCEL_ID, SINGLE.beanieLineId), quantity: 1 },
      ],
    });
  });

  it('returns only line items with a quantity (not custom line items)', () => {
    const items = [
      { id: SINGLE.socksLineId, quantity: 0 },
      { id: 'custom-line-item-1', quantity: 1 },
      { id: SINGLE.beanieLineId, quantity: 1 },
    ];
    const order = orderWithParcels([parcel({ items })]);
    const addReturn = plan(order, update([returned()])).actions.find(
      (action) => action.action === 'addReturnInfo',
    );
    expect(addReturn?.items).toEqual([
      expect.objectContaining({ lineItemId: SINGLE.beanieLineId, quantity: 1 }),
    ]);
  });

  it('does not add the return again once its items’ keys are on the order', () => {
    const returnInfo = [
      {
        items: [
          {
            id: 'return-item-1',
            key: returnKey(PARCEL_ID, SINGLE.socksLineId),
            quantity: 2,
            lineItemId: SINGLE.socksLineId,
            shipmentState: 'Returned',
            paymentState: 'Initial',
            createdAt: '2024-05-12T07:00:00.000Z',
            lastModifiedAt: '2024-05-12T07:00:00.000Z',
          },
        ],
        returnTrackingId: 'JJFI65432100001234',
        returnDate: '2024-05-12T06:30:00.000Z',
      },
    ];
    const order = orderWithParcels([parcel()], { returnInfo });
    const actions = plan(order, update([returned()])).actions;
    expect(actions.map((action) => action.action)).toEqual(['setParcelCustomType']);
  });

  it('adds only the items not returned yet', () => {
    const returnInfo = [
      {
        items: [
          {
            id: 'return-item-1',
            key: returnKey(OTHER_PARCEL_ID, SINGLE.socksLineId),
            quantity: 2,
            lineItemId: SINGLE.socksLineId,
            shipmentState: 'Returned',
          },
        ],
      },
    ];
    const order = orderWithParcels([otherParcel()], { returnInfo });
    const back = returned({ shipmentRef: OTHER_PARCEL_ID, trackingNumber: '1Z999AA10123456784' });
    const addReturn = plan(order, update([back])).actions.find(
      (action) => action.action === 'addReturnInfo',
    );
    expect(addReturn?.items).toEqual([
      expect.objectContaining({ key: returnKey(OTHER_PARCEL_ID, SINGLE.beanieLineId) }),
    ]);
  });

  it('adds no return date when the last event has no time', () => {
    const order = orderWithParcels([parcel()]);
    const addReturn = plan(order, update([returned({ lastEventAt: null })])).actions.find(
      (action) => action.action === 'addReturnInfo',
    );
    expect(addReturn).toBeDefined();
    expect(addReturn).not.toHaveProperty('returnDate');
  });

  it('adds no return when the settings say so, nor for a parcel on its way back', () => {
    const order = orderWithParcels([parcel()]);
    const actions = (given: ParcelTracking, returns: boolean) =>
      plan(order, update([given]), { ...defaults, returns }).actions.map((a) => a.action);
    expect(actions(returned(), false)).toEqual(['setParcelCustomType']);
    expect(actions(returned({ status: 'return_to_sender' }), true)).toEqual([
      'setParcelCustomType',
    ]);
  });

  it('adds the return even for a parcel with another Type, whose fields it leaves alone', () => {
    const foreign = { typeId: 'type', id: '99999999-0000-4000-8000-000000000000' };
    const order = orderWithParcels([parcel({ custom: { type: foreign, fields: {} } })]);
    const result = plan(order, update([returned()]));
    expect(result.foreign).toEqual([PARCEL_ID]);
    expect(result.actions.map((action) => action.action)).toEqual(['addReturnInfo']);
  });
});

describe('planParcelWrites: the order’s shipment state', () => {
  const stateActions = (
    shipmentState: string | null,
    progress: ParcelTrackingUpdate['progress'],
    shipmentStates: Partial<CommercetoolsSettings['shipmentStates']> = {},
  ) => {
    const order = orderWithParcels([parcel({ custom: { type: OUR_TYPE, fields: storedFields } })], {
      shipmentState,
    });
    const settings = {
      ...defaults,
      shipmentStates: { ...defaults.shipmentStates, ...shipmentStates },
    };
    return plan(order, update([tracking()], progress), settings).actions;
  };

  it.each<[ParcelTrackingUpdate['progress'], string]>([
    ['shipped', 'Shipped'],
    ['partial', 'Partial'],
    ['delayed', 'Delayed'],
    ['delivered', 'Delivered'],
  ])('moves the order to the state for %s (%s) when it is elsewhere', (progress, state) => {
    expect(stateActions('Pending', progress)).toEqual([
      { action: 'changeShipmentState', shipmentState: state },
    ]);
  });

  it('sets the state on an order that has none yet', () => {
    expect(stateActions(null, 'shipped')).toEqual([
      { action: 'changeShipmentState', shipmentState: 'Shipped' },
    ]);
  });

  it('changes nothing when the order is in that state already', () => {
    expect(stateActions('Delivered', 'delivered')).toEqual([]);
  });

  it('never moves a shipment the merchant cancelled', () => {
    expect(stateActions('Canceled', 'delivered')).toEqual([]);
    expect(stateActions('Canceled', 'delayed')).toEqual([]);
  });

  it('leaves the state alone without a progress', () => {
    expect(stateActions('Pending', undefined)).toEqual([]);
  });

  it('follows the settings’ map, where null leaves the order alone', () => {
    expect(stateActions('Shipped', 'delayed', { delayed: null })).toEqual([]);
    expect(stateActions('Shipped', 'delayed', { delayed: 'Backorder' })).toEqual([
      { action: 'changeShipmentState', shipmentState: 'Backorder' },
    ]);
  });
});

describe('planParcelWrites is idempotent', () => {
  it('plans nothing for the order its own plan produced', () => {
    const before = orderWithParcels([parcel(), otherParcel()], { shipmentState: 'Partial' });
    const given = update(
      [
        tracking({
          estimatedDelivery: null,
          trackingUrl: 'https://track.example/JJFI65432100001234',
        }),
        tracking({
          shipmentRef: OTHER_PARCEL_ID,
          trackingNumber: '1Z999AA10123456784',
          status: 'returned',
          subStatus: null,
          lastEvent: 'Returned to sender',
          lastEventAt: '2024-05-12T09:30:00+03:00',
          estimatedDelivery: null,
        }),
      ],
      'shipped',
    );
    expect(plan(before, given).actions.map((action) => action.action)).toEqual([
      'setParcelCustomType',
      'setParcelCustomType',
      'addReturnInfo',
      'changeShipmentState',
    ]);

    // The same order as commercetools answers it once those actions are applied.
    const after = orderWithParcels(
      [
        parcel({
          custom: {
            type: OUR_TYPE,
            fields: {
              shiplinkStatus: { key: 'in_transit', label: { en: 'In transit' } },
              shiplinkSubStatus: 'aftership:InTransit_002',
              shiplinkLastEvent: 'Arrived at the sorting centre (Vantaa)',
              shiplinkLastEventAt: '2024-05-07T03:15:00.000Z',
              shiplinkTrackingUrl: 'https://track.example/JJFI65432100001234',
            },
          },
        }),
        otherParcel({
          custom: {
            type: OUR_TYPE,
            fields: {
              shiplinkStatus: { key: 'returned', label: { en: 'Returned to sender' } },
              shiplinkLastEvent: 'Returned to sender',
              shiplinkLastEventAt: '2024-05-12T06:30:00.000Z',
            },
          },
        }),
      ],
      {
        shipmentState: 'Shipped',
        returnInfo: [
          {
            items: [
              {
                id: 'ri-1',
                key: `shiplink-return-${OTHER_PARCEL_ID}-${SINGLE.socksLineId}`,
                quantity: 2,
                lineItemId: SINGLE.socksLineId,
                shipmentState: 'Returned',
                paymentState: 'Initial',
                comment: 'Parcel 1Z999AA10123456784 returned to sender',
              },
              {
                id: 'ri-2',
                key: `shiplink-return-${OTHER_PARCEL_ID}-${SINGLE.beanieLineId}`,
                quantity: 1,
                lineItemId: SINGLE.beanieLineId,
                shipmentState: 'Returned',
                paymentState: 'Initial',
                comment: 'Parcel 1Z999AA10123456784 returned to sender',
              },
            ],
            returnTrackingId: '1Z999AA10123456784',
            returnDate: '2024-05-12T06:30:00.000Z',
          },
        ],
      },
    );
    expect(plan(after, given)).toEqual({ actions: [], missing: [], foreign: [] });
  });
});
