import { TRACKING_STATUSES } from '../tracking/status';
import {
  DeliveryReportBuilder,
  deliveredOnTime,
  deliveryGroup,
  transitHours,
  type ParcelFacts,
} from './delivery';
import { CARRIER_SCAN_STATUSES, DELIVERY_SIGNALS, SIGNAL_STATUSES } from './delivery-signals';

const parcel = (overrides: Partial<ParcelFacts> = {}): ParcelFacts => ({
  storeId: 'store-a',
  storeName: 'Store A',
  carrier: 'ups',
  service: 'ups_ground',
  country: 'US',
  region: 'CA',
  startedAt: new Date('2026-03-02T10:00:00Z'),
  deliveredAt: null,
  deliveredLocalDate: null,
  estimatedDelivery: null,
  exception: false,
  failedAttempt: false,
  returned: false,
  ...overrides,
});

const deliveredAfter = (hours: number, overrides: Partial<ParcelFacts> = {}) =>
  parcel({
    deliveredAt: new Date(Date.parse('2026-03-02T10:00:00Z') + hours * 3_600_000),
    ...overrides,
  });

describe('delivery signals', () => {
  it('classifies every canonical status', () => {
    expect(Object.keys(DELIVERY_SIGNALS).sort()).toEqual([...TRACKING_STATUSES].sort());
  });

  it.each([
    ['pending', false],
    ['info_received', false],
    ['picked_up', true],
    ['in_transit', true],
    ['delivered', true],
    ['cancelled', false],
    ['expired', false],
  ] as const)('%s is a carrier scan: %p', (status, scan) => {
    expect(CARRIER_SCAN_STATUSES.includes(status)).toBe(scan);
  });

  it('names the statuses behind each signal', () => {
    expect(SIGNAL_STATUSES).toEqual({
      exception: ['on_hold', 'exception', 'failed'],
      failed_attempt: ['attempt_failed'],
      return: ['return_to_sender', 'returned'],
    });
  });
});

describe('on time', () => {
  it.each([
    ['not delivered', { deliveredAt: null, estimatedDelivery: '2026-03-05' }, null],
    ['no estimate', { estimatedDelivery: null }, null],
    ['an estimate that is no date', { estimatedDelivery: 'soon' }, null],
    ['before the day', { deliveredLocalDate: '2026-03-04', estimatedDelivery: '2026-03-05' }, true],
    ['on the day', { deliveredLocalDate: '2026-03-05', estimatedDelivery: '2026-03-05' }, true],
    ['a day late', { deliveredLocalDate: '2026-03-06', estimatedDelivery: '2026-03-05' }, false],
    [
      'late in the evening of the day, by a date-time estimate',
      { deliveredLocalDate: '2026-03-05', estimatedDelivery: '2026-03-05T12:00:00+02:00' },
      true,
    ],
    [
      'on the local day although UTC is the next one',
      {
        deliveredAt: new Date('2026-03-06T02:30:00Z'),
        deliveredLocalDate: '2026-03-05',
        estimatedDelivery: '2026-03-05',
      },
      true,
    ],
    [
      'by the UTC date when the carrier gave no local time',
      { deliveredAt: new Date('2026-03-06T02:30:00Z'), estimatedDelivery: '2026-03-05' },
      false,
    ],
  ] as const)('%s → %p', (_case, overrides, expected) => {
    const facts = { deliveredAt: new Date('2026-03-05T20:00:00Z'), ...overrides };
    expect(deliveredOnTime(parcel(facts))).toBe(expected);
  });
});

describe('transit hours', () => {
  it.each([
    [parcel(), null],
    [deliveredAfter(0), 0],
    [deliveredAfter(50.5), 50.5],
    [deliveredAfter(-2), null],
  ])('%#: %p', (facts, expected) => {
    expect(transitHours(facts)).toBe(expected);
  });
});

describe('delivery groups', () => {
  it.each([
    ['carrier', parcel(), 'ups', 'UPS'],
    [
      'carrier',
      parcel({ carrier: 'some-local-courier' }),
      'some-local-courier',
      'some-local-courier',
    ],
    ['carrier', parcel({ carrier: null }), '', '(unknown carrier)'],
    ['service', parcel(), 'ups/ups_ground', 'UPS · ups_ground'],
    ['service', parcel({ service: null }), 'ups/', 'UPS · (no service)'],
    ['region', parcel(), 'US/CA', 'US · CA'],
    ['region', parcel({ region: '  ' }), 'US', 'US'],
    ['region', parcel({ country: null }), '', '(unknown region)'],
    ['store', parcel(), 'store-a', 'Store A'],
  ] as const)('by %s: %j', (dimension, facts, key, label) => {
    expect(deliveryGroup(facts, dimension)).toEqual({ key, label });
  });
});

describe('delivery report', () => {
  it('counts, times and rates each group and all parcels together', () => {
    const builder = new DeliveryReportBuilder('carrier');
    const parcels = [
      deliveredAfter(24, { deliveredLocalDate: '2026-03-03', estimatedDelivery: '2026-03-04' }),
      deliveredAfter(48, { deliveredLocalDate: '2026-03-04', estimatedDelivery: '2026-03-04' }),
      deliveredAfter(96, {
        deliveredLocalDate: '2026-03-06',
        estimatedDelivery: '2026-03-04',
        failedAttempt: true,
      }),
      deliveredAfter(30),
      parcel({ exception: true }),
      parcel({ exception: true, returned: true }),
      deliveredAfter(12, { carrier: 'dhl' }),
    ];
    for (const facts of parcels) builder.add(facts);
    const { rows, totals } = builder.build();
    expect(rows).toEqual([
      {
        key: 'ups',
        label: 'UPS',
        parcels: 6,
        delivered: 4,
        transitHoursMedian: 39,
        transitHoursP90: 81.6,
        onTimeRate: 0.6667,
        exceptionRate: 0.3333,
        failedAttemptRate: 0.1667,
        returnRate: 0.1667,
      },
      {
        key: 'dhl',
        label: 'DHL Express',
        parcels: 1,
        delivered: 1,
        transitHoursMedian: 12,
        transitHoursP90: 12,
        onTimeRate: null,
        exceptionRate: 0,
        failedAttemptRate: 0,
        returnRate: 0,
      },
    ]);
    expect(totals).toMatchObject({ parcels: 7, delivered: 5, transitHoursMedian: 30 });
  });

  it('has no rates and no times when nothing was shipped', () => {
    expect(new DeliveryReportBuilder('store').build()).toEqual({
      rows: [],
      totals: {
        parcels: 0,
        delivered: 0,
        transitHoursMedian: null,
        transitHoursP90: null,
        onTimeRate: null,
        exceptionRate: null,
        failedAttemptRate: null,
        returnRate: null,
      },
    });
  });
});
