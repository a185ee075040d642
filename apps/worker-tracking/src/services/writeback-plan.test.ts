import type { OrderForTrackingWriteback, TrackingRecord, TrackingTransition } from '@shiplink/db';
import type { TrackingStatus } from '@shiplink/domain';
import { allDelivered, staffNotesDue } from './writeback-plan';

type Shipment = OrderForTrackingWriteback['shipments'][number];

const at = (hour: number) => new Date(Date.UTC(2025, 2, 4, hour, 30));

const move = (
  status: TrackingStatus,
  hour: number,
  extra: Partial<TrackingTransition> = {},
): TrackingTransition => ({
  fromStatus: null,
  status,
  subStatus: `aftership:${status}`,
  reason: null,
  actionRequired: false,
  occurredAt: at(hour),
  eventIdentity: `${status}-${hour}`,
  ...extra,
});

const UNTRACKED: Shipment = {
  id: 'untracked',
  storeShipmentId: null,
  lastCheckpoint: null,
  items: [],
  trackingNumber: null,
  tracking: null,
  transitions: [],
};

const parcel = (
  trackingNumber: string,
  now: TrackingStatus,
  transitions: TrackingTransition[],
  slug: string | null = 'ups',
): Shipment => ({
  id: `shipment-${trackingNumber}`,
  storeShipmentId: null,
  lastCheckpoint: null,
  items: [],
  trackingNumber,
  tracking: {
    trackingNumber,
    slug,
    current: {
      status: now,
      subStatus: null,
      reason: null,
      actionRequired: false,
      occurredAt: null,
    },
  } as TrackingRecord,
  transitions,
});

const FLAGGED: TrackingStatus[] = ['exception', 'attempt_failed', 'returned'];
const none = new Set<string>();

describe('staffNotesDue', () => {
  it('notes a status the parcel has already left, with that event’s reason and time', () => {
    const order = {
      shipments: [
        parcel('1ZA', 'delivered', [
          move('in_transit', 1),
          move('exception', 2, { reason: 'consignee_refused' }),
          move('delivered', 3),
        ]),
      ],
    };
    expect(staffNotesDue(order, FLAGGED, none)).toEqual([
      {
        key: '1ZA:exception',
        marker: '[Shiplink] Parcel 1ZA (ups): exception',
        line: '[Shiplink] Parcel 1ZA (ups): exception (consignee refused) at 2025-03-04 02:30 UTC',
      },
    ]);
  });

  it.each<[string, TrackingTransition[], [string, string][]]>([
    ['nothing flagged', [move('in_transit', 1), move('delivered', 2)], []],
    [
      'each flagged status once, from its first arrival',
      [
        move('exception', 1),
        move('in_transit', 2),
        move('exception', 3),
        move('attempt_failed', 4),
      ],
      [
        ['1ZA:exception', '01:30 UTC'],
        ['1ZA:attempt_failed', '04:30 UTC'],
      ],
    ],
    ['a status the store does not flag', [move('out_for_delivery', 1)], []],
  ])('%s', (_, transitions, expected) => {
    const order = { shipments: [parcel('1ZA', 'in_transit', transitions)] };
    const notes = staffNotesDue(order, FLAGGED, none);
    expect(notes.map((n) => [n.key, n.line.slice(-9)])).toEqual(expected);
  });

  it('skips what is recorded already, and orders the parcels’ notes by time', () => {
    const order = {
      shipments: [
        parcel('1ZA', 'returned', [move('exception', 5), move('returned', 7)]),
        parcel('1ZB', 'exception', [move('attempt_failed', 6)], null),
        { ...UNTRACKED, id: 'no-tracking' },
      ],
    };
    const notes = staffNotesDue(order, FLAGGED, new Set(['staff_note:1ZA:exception']));
    expect(notes.map((n) => n.marker)).toEqual([
      '[Shiplink] Parcel 1ZB (carrier unknown): attempt failed',
      '[Shiplink] Parcel 1ZA (ups): returned',
    ]);
  });
});

describe('allDelivered', () => {
  it.each<[string, Shipment[], boolean]>([
    ['no parcels', [], false],
    [
      'every parcel delivered',
      [parcel('1ZA', 'delivered', []), parcel('1ZB', 'delivered', [])],
      true,
    ],
    ['one still moving', [parcel('1ZA', 'delivered', []), parcel('1ZB', 'in_transit', [])], false],
    [
      'a parcel without tracking',
      [parcel('1ZA', 'delivered', []), { ...UNTRACKED, id: 's' }],
      false,
    ],
  ])('%s', (_, shipments, expected) => {
    expect(allDelivered({ shipments })).toBe(expected);
  });
});
