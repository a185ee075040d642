import {
  reduceTimeline,
  TrackingEventSchema,
  type Reason,
  type TrackingStatus,
} from '@shiplink/domain';
import { parseCheckpointTime } from './checkpoint-time';
import { afterShipTrackingFixture } from './fixtures/tracking';
import {
  AFTERSHIP_MAPPING_VERSION,
  AFTERSHIP_SUBTAGS,
  AFTERSHIP_TAGS,
  afterShipCheckpointIdentity,
  currentFromTracking,
  eventFromCheckpoint,
  eventsFromTracking,
  mapAfterShipStatus,
  toCreateTracking,
  type AfterShipSubtag,
  type AfterShipTag,
} from './mapping';

// Written out independently of the table under test, from AfterShip's sub-status texts.
const EXPECTED: Record<AfterShipSubtag, [TrackingStatus, Reason | null]> = {
  Pending_001: ['pending', null],
  Pending_002: ['pending', null],
  Pending_003: ['pending', null],
  Pending_004: ['pending', null],
  Pending_005: ['pending', null],
  Pending_006: ['pending', null],
  InfoReceived_001: ['info_received', null],
  InTransit_001: ['in_transit', null],
  InTransit_002: ['picked_up', null],
  InTransit_003: ['in_transit', null],
  InTransit_004: ['in_transit', null],
  InTransit_005: ['in_transit', null],
  InTransit_006: ['in_transit', null],
  InTransit_007: ['in_transit', null],
  InTransit_008: ['in_transit', null],
  InTransit_009: ['in_transit', null],
  OutForDelivery_001: ['out_for_delivery', null],
  OutForDelivery_002: ['out_for_delivery', null],
  OutForDelivery_003: ['out_for_delivery', null],
  OutForDelivery_004: ['out_for_delivery', null],
  AttemptFail_001: ['attempt_failed', null],
  AttemptFail_002: ['attempt_failed', 'consignee_not_available'],
  AttemptFail_003: ['attempt_failed', 'consignee_business_closed'],
  Delivered_001: ['delivered', null],
  Delivered_002: ['delivered', null],
  Delivered_003: ['delivered', null],
  Delivered_004: ['delivered', null],
  Delivered_005: ['delivered', null],
  AvailableForPickup_001: ['available_for_pickup', null],
  Exception_001: ['exception', null],
  Exception_002: ['on_hold', 'consignee_moved'],
  Exception_003: ['exception', 'consignee_refused'],
  Exception_004: ['delayed', 'customs_delay'],
  Exception_005: ['delayed', 'force_majeure'],
  Exception_006: ['on_hold', 'consignee_payment_required'],
  Exception_007: ['on_hold', 'consignee_incorrect_address'],
  Exception_008: ['exception', 'consignee_not_collected'],
  Exception_009: ['exception', 'carrier_rejected'],
  Exception_010: ['return_to_sender', null],
  Exception_011: ['returned', null],
  Exception_012: ['failed', 'carrier_damaged_parcel'],
  Exception_013: ['failed', 'carrier_parcel_lost'],
  Exception_016: ['delayed', 'carrier_processing_delay'],
  Exception_017: ['delayed', 'weather'],
  Exception_018: ['on_hold', 'customs_documentation'],
  Expired_001: ['expired', null],
};

describe('mapAfterShipStatus', () => {
  it.each(AFTERSHIP_SUBTAGS.map((subtag) => [subtag, ...EXPECTED[subtag]] as const))(
    '%s → %s (%s)',
    (subtag, status, reason) => {
      const mapped = mapAfterShipStatus(subtag.split('_')[0], subtag);
      expect(mapped).toMatchObject({
        status,
        reason,
        subStatus: `aftership:${subtag}`,
        mapped: true,
      });
    },
  );

  it.each<[AfterShipTag, TrackingStatus]>([
    ['Pending', 'pending'],
    ['InfoReceived', 'info_received'],
    ['InTransit', 'in_transit'],
    ['OutForDelivery', 'out_for_delivery'],
    ['AttemptFail', 'attempt_failed'],
    ['Delivered', 'delivered'],
    ['AvailableForPickup', 'available_for_pickup'],
    ['Exception', 'exception'],
    ['Expired', 'expired'],
  ])('tag %s without a subtag → %s', (tag, status) => {
    expect(AFTERSHIP_TAGS).toContain(tag);
    expect(mapAfterShipStatus(tag, null)).toMatchObject({
      status,
      subStatus: `aftership:${tag}`,
      mapped: true,
    });
  });

  it.each<[string | null, string | null | undefined, string]>([
    ['Exception', 'Exception_019', 'Exception_019'],
    ['InTransit', 'InTransit_010', 'InTransit_010'],
    ['Teleported', null, 'Teleported'],
    ['Teleported', 'Teleported_001', 'Teleported_001'],
    [null, undefined, 'none'],
    ['', '  ', 'none'],
  ])('unmapped %s/%s → unknown, raw kept', (tag, subtag, raw) => {
    expect(mapAfterShipStatus(tag, subtag)).toEqual({
      status: 'unknown',
      reason: null,
      actionRequired: false,
      subStatus: `aftership:CARRIER_STATUS_NOT_MAPPED:${raw}`,
      mapped: false,
    });
  });

  it.each<[AfterShipSubtag, boolean]>([
    ['AvailableForPickup_001', true],
    ['AttemptFail_002', true],
    ['Exception_007', true],
    ['Exception_008', true],
    ['Exception_009', true],
    ['Exception_005', false],
    ['Exception_013', false],
    ['InTransit_003', false],
    ['Delivered_001', false],
  ])('%s requires action: %s', (subtag, expected) => {
    expect(mapAfterShipStatus(null, subtag).actionRequired).toBe(expected);
  });
});

describe('parseCheckpointTime', () => {
  it.each<[string, string | undefined, boolean | undefined, string | undefined]>([
    ['2025-01-10T09:15:00+08:00', '2025-01-10T09:15:00+08:00', false, '2025-01-10T01:15:00.000Z'],
    ['2025-01-10T09:15:00+0800', '2025-01-10T09:15:00+08:00', false, '2025-01-10T01:15:00.000Z'],
    ['2025-01-10T09:15:00Z', '2025-01-10T09:15:00Z', false, '2025-01-10T09:15:00.000Z'],
    ['2025-01-10T09:15:00', '2025-01-10T09:15:00', true, '2025-01-10T09:15:00.000Z'],
    ['2025-01-10 09:15', '2025-01-10T09:15:00', true, '2025-01-10T09:15:00.000Z'],
    ['2025-01-10', '2025-01-10T00:00:00', true, '2025-01-10T00:00:00.000Z'],
    [
      '2025-01-10T09:15:00.123456-05:00',
      '2025-01-10T09:15:00.123-05:00',
      false,
      '2025-01-10T14:15:00.123Z',
    ],
    ['2025-02-30T09:15:00', undefined, undefined, undefined],
    ['yesterday', undefined, undefined, undefined],
    ['', undefined, undefined, undefined],
  ])('%s', (raw, occurredAt, isLocal, utc) => {
    const parsed = parseCheckpointTime(raw);
    expect(parsed?.occurredAt).toBe(occurredAt);
    expect(parsed?.occurredAtIsLocal).toBe(isLocal);
    expect(parsed?.occurredAtUtc).toBe(utc);
  });
});

describe('eventsFromTracking', () => {
  const events = eventsFromTracking(afterShipTrackingFixture);

  it('maps every checkpoint to a valid canonical event', () => {
    expect(events.map((e) => e.status)).toEqual([
      'info_received',
      'picked_up',
      'in_transit',
      'out_for_delivery',
      'attempt_failed',
      'return_to_sender',
      'returned',
    ]);
    for (const event of events) expect(TrackingEventSchema.parse(event)).toEqual(event);
  });

  it('keeps raw data and flags carrier local time', () => {
    expect(events[2]).toMatchObject({
      occurredAt: '2025-01-09T01:22:00',
      occurredAtIsLocal: true,
      // Chicago, IL: the zone comes from the checkpoint's own state (CST, UTC−6).
      occurredAtUtc: '2025-01-09T07:22:00.000Z',
      rawCode: 'AR',
      rawTag: 'InTransit',
      subStatus: 'aftership:InTransit_003',
      location: { city: 'Chicago', state: 'IL', postalCode: null, countryRegion: 'USA' },
      source: 'aftership',
      mappingVersion: AFTERSHIP_MAPPING_VERSION,
    });
  });

  it('reduces to returned', () => {
    expect(reduceTimeline(events).current?.status).toBe('returned');
    expect(currentFromTracking(afterShipTrackingFixture)).toMatchObject({
      status: 'returned',
      subStatus: 'aftership:Exception_011',
      occurredAtUtc: '2025-01-16T19:58:00.000Z',
      active: false,
    });
  });

  it('gives re-sent checkpoints the same identity whatever AfterShip stamped', () => {
    const original = afterShipTrackingFixture.checkpoints![1]!;
    const resent = { ...original, created_at: '2025-02-01T00:00:00+00:00' };
    const a = eventFromCheckpoint(original)!;
    const b = eventFromCheckpoint(resent)!;
    expect(afterShipCheckpointIdentity(afterShipTrackingFixture, a)).toBe(
      afterShipCheckpointIdentity(afterShipTrackingFixture, b),
    );
  });

  it('skips a checkpoint it cannot place in time, and never throws on odd ones', () => {
    const tracking = {
      ...afterShipTrackingFixture,
      checkpoints: [
        { checkpoint_time: null, tag: 'InTransit', subtag: 'InTransit_001' },
        { checkpoint_time: '2025-01-09T01:22:00', tag: 'Warp', subtag: 'Warp_001' },
      ],
    };
    const [only, ...rest] = eventsFromTracking(tracking);
    expect(rest).toEqual([]);
    expect(only).toMatchObject({
      status: 'unknown',
      subStatus: 'aftership:CARRIER_STATUS_NOT_MAPPED:Warp_001',
      rawCode: 'Warp_001',
    });
  });
});

describe('toCreateTracking', () => {
  it('builds the unwrapped 2025-01 body from store-side identifiers only', () => {
    expect(
      toCreateTracking({
        trackingNumber: '1Z999AA1 0123456784',
        slug: 'ups',
        orderId: '4017',
        orderNumber: '10234',
        title: 'Order #10234',
        customers: [
          {
            name: 'Jane Doe',
            email: 'jane.doe@example.com',
            phone: '+15125550148',
            language: 'en',
          },
          { name: null, email: null, phone: null },
        ],
        destinationCountryRegion: 'US',
        shipmentItems: [
          { sku: 'APRON-RED', quantity: 1 },
          { sku: 'KETTLE', quantity: 2 },
        ],
        language: 'en',
      }),
    ).toEqual({
      tracking_number: '1Z999AA10123456784',
      slug: 'ups',
      order_id: '4017',
      order_number: '10234',
      title: 'Order #10234',
      language: 'en',
      destination_country_region: 'USA',
      customers: [
        {
          role: 'buyer',
          name: 'Jane Doe',
          email: 'jane.doe@example.com',
          phone_number: '+15125550148',
          language: 'en',
        },
      ],
      custom_fields: { shipment_items: 'APRON-RED x1, KETTLE x2' },
    });
  });

  it.each<[string | null | undefined, string | undefined]>([
    ['FI', 'FIN'],
    ['fin', 'FIN'],
    ['XX', undefined],
    [null, undefined],
  ])('destination %s → %s', (given, expected) => {
    const body = toCreateTracking({
      trackingNumber: 'JJFI64123450000012345',
      slug: 'posti',
      orderId: '1',
      orderNumber: '1',
      destinationCountryRegion: given,
    });
    expect(body.destination_country_region).toBe(expected);
    expect(Object.keys(body).sort()).toEqual(
      [
        'order_id',
        'order_number',
        'slug',
        'tracking_number',
        ...(expected ? ['destination_country_region'] : []),
      ].sort(),
    );
  });
});
