import type { ParcelFacts } from './delivery';
import { bucketStart, DeliverySeriesBuilder } from './delivery-series';

const parcel = (startedAt: string, deliveredAfterHours?: number): ParcelFacts => ({
  storeId: 's',
  storeName: 'S',
  carrier: 'posti',
  service: null,
  country: 'FI',
  region: null,
  startedAt: new Date(startedAt),
  deliveredAt:
    deliveredAfterHours === undefined
      ? null
      : new Date(Date.parse(startedAt) + deliveredAfterHours * 3_600_000),
  deliveredLocalDate: null,
  estimatedDelivery: null,
  exception: false,
  failedAttempt: false,
  returned: false,
});

describe('series buckets', () => {
  it.each([
    ['2026-03-04T23:59:59.999Z', 'day', '2026-03-04T00:00:00.000Z'],
    ['2026-03-05T00:00:00.000Z', 'day', '2026-03-05T00:00:00.000Z'],
    // 2026-03-04 is a Wednesday; its ISO week began on Monday the 2nd.
    ['2026-03-04T12:00:00.000Z', 'week', '2026-03-02T00:00:00.000Z'],
    ['2026-03-02T00:00:00.000Z', 'week', '2026-03-02T00:00:00.000Z'],
    ['2026-03-08T23:00:00.000Z', 'week', '2026-03-02T00:00:00.000Z'],
    ['2026-03-09T00:00:00.000Z', 'week', '2026-03-09T00:00:00.000Z'],
  ] as const)('%s by %s starts at %s', (at, interval, start) => {
    expect(bucketStart(new Date(at), interval).toISOString()).toBe(start);
  });
});

describe('delivery series', () => {
  it('has a point for every day of the period, empty days too', () => {
    const series = new DeliverySeriesBuilder(
      { from: new Date('2026-03-01T00:00:00Z'), to: new Date('2026-03-04T00:00:00Z') },
      'day',
    );
    series.add(parcel('2026-03-01T08:00:00Z', 20));
    series.add(parcel('2026-03-01T09:00:00Z', 30));
    series.add(parcel('2026-03-01T10:00:00Z'));
    series.add(parcel('2026-03-03T10:00:00Z', 5));
    // Outside the period: not counted anywhere.
    series.add(parcel('2026-03-04T00:00:00Z', 5));
    expect(series.build()).toEqual([
      {
        start: '2026-03-01T00:00:00.000Z',
        parcels: 3,
        delivered: 2,
        onTimeRate: null,
        transitHoursMedian: 25,
      },
      {
        start: '2026-03-02T00:00:00.000Z',
        parcels: 0,
        delivered: 0,
        onTimeRate: null,
        transitHoursMedian: null,
      },
      {
        start: '2026-03-03T00:00:00.000Z',
        parcels: 1,
        delivered: 1,
        onTimeRate: null,
        transitHoursMedian: 5,
      },
    ]);
  });

  it('starts weekly points on the Monday of the first week the period touches', () => {
    const series = new DeliverySeriesBuilder(
      { from: new Date('2026-03-04T00:00:00Z'), to: new Date('2026-03-17T00:00:00Z') },
      'week',
    );
    series.add(parcel('2026-03-04T08:00:00Z'));
    series.add(parcel('2026-03-16T08:00:00Z'));
    expect(series.build().map((point) => [point.start, point.parcels])).toEqual([
      ['2026-03-02T00:00:00.000Z', 1],
      ['2026-03-09T00:00:00.000Z', 0],
      ['2026-03-16T00:00:00.000Z', 1],
    ]);
  });
});
