import { DeliveryTally, type ParcelFacts } from './delivery';

export const SERIES_INTERVALS = ['day', 'week'] as const;
export type SeriesInterval = (typeof SERIES_INTERVALS)[number];

export interface DeliveryPoint {
  /** The bucket's first instant (UTC midnight; weeks start on Monday, as ISO weeks do). */
  start: string;
  parcels: number;
  delivered: number;
  onTimeRate: number | null;
  transitHoursMedian: number | null;
}

const DAY_MS = 86_400_000;

/** The start of the UTC day or ISO week an instant falls in. */
export function bucketStart(at: Date, interval: SeriesInterval): Date {
  const day = Math.floor(at.getTime() / DAY_MS) * DAY_MS;
  if (interval === 'day') return new Date(day);
  const sinceMonday = (new Date(day).getUTCDay() + 6) % 7;
  return new Date(day - sinceMonday * DAY_MS);
}

const stepMs = (interval: SeriesInterval) => (interval === 'day' ? DAY_MS : 7 * DAY_MS);

/**
 * Parcels per day or week of the period, by when their transit began, for charts: every bucket
 * the period touches is a point, empty ones too, so a chart's axis has no gaps.
 */
export class DeliverySeriesBuilder {
  private readonly tallies = new Map<number, DeliveryTally>();

  constructor(
    private readonly period: { from: Date; to: Date },
    private readonly interval: SeriesInterval,
  ) {}

  add(parcel: ParcelFacts): void {
    const at = parcel.startedAt.getTime();
    if (at < this.period.from.getTime() || at >= this.period.to.getTime()) return;
    const key = bucketStart(parcel.startedAt, this.interval).getTime();
    let tally = this.tallies.get(key);
    if (!tally) {
      tally = new DeliveryTally();
      this.tallies.set(key, tally);
    }
    tally.add(parcel);
  }

  build(): DeliveryPoint[] {
    const points: DeliveryPoint[] = [];
    const step = stepMs(this.interval);
    const end = this.period.to.getTime();
    for (let at = bucketStart(this.period.from, this.interval).getTime(); at < end; at += step) {
      const metrics = (this.tallies.get(at) ?? new DeliveryTally()).metrics();
      points.push({
        start: new Date(at).toISOString(),
        parcels: metrics.parcels,
        delivered: metrics.delivered,
        onTimeRate: metrics.onTimeRate,
        transitHoursMedian: metrics.transitHoursMedian,
      });
    }
    return points;
  }
}
