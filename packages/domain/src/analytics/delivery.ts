import { carrierFromName } from '../carriers';
import { roundTo } from '../catalog';
import { quantile, ratio, sortedAscending } from './stats';

/** What a delivery report can be broken down by. */
export const DELIVERY_DIMENSIONS = ['carrier', 'service', 'region', 'store'] as const;
export type DeliveryDimension = (typeof DELIVERY_DIMENSIONS)[number];

/**
 * What "on time" is measured against. `first_estimate`: the first delivery date the carrier (or
 * the tracking service) estimated; a later estimate that slipped does not excuse a late parcel.
 */
export type OnTimeBasis = 'first_estimate';

/** One parcel's delivery, as compact as a report needs it. */
export interface ParcelFacts {
  storeId: string;
  storeName: string;
  /** Courier slug; null while nobody knows the carrier. */
  carrier: string | null;
  service: string | null;
  /** ISO 3166-1 alpha-2 of the destination, and its state or region as the store wrote it. */
  country: string | null;
  region: string | null;
  /** The first carrier scan, else the ship date: when the parcel's transit began. */
  startedAt: Date;
  deliveredAt: Date | null;
  /** The delivery's calendar date where it happened (`YYYY-MM-DD`), when the carrier said. */
  deliveredLocalDate: string | null;
  /** A date or date-time, as the provider estimated it; null when there is none. */
  estimatedDelivery: string | null;
  exception: boolean;
  failedAttempt: boolean;
  returned: boolean;
}

export interface DeliveryMetrics {
  parcels: number;
  delivered: number;
  transitHoursMedian: number | null;
  transitHoursP90: number | null;
  /** Of the delivered parcels with an estimate, those delivered on or before its day. */
  onTimeRate: number | null;
  exceptionRate: number | null;
  failedAttemptRate: number | null;
  returnRate: number | null;
}

export interface DeliveryRow extends DeliveryMetrics {
  key: string;
  label: string;
}

const HOUR_MS = 3_600_000;

/** Hours to a tenth, rates to a hundredth of a percent; nothing stays nothing. */
const figure = (value: number | null, places: number) =>
  value === null ? null : roundTo(value, places);
const DATE_PART = /^(\d{4}-\d{2}-\d{2})(?:$|[T ])/;

/**
 * Whether a delivered parcel came on or before its estimated day; null when it is not delivered
 * or has no usable estimate. Days are compared as the carrier wrote them (the local date), since
 * an estimate names the recipient's day, not a UTC one.
 */
export function deliveredOnTime(
  parcel: Pick<ParcelFacts, 'deliveredAt' | 'deliveredLocalDate' | 'estimatedDelivery'>,
): boolean | null {
  if (!parcel.deliveredAt) return null;
  const due = DATE_PART.exec(parcel.estimatedDelivery?.trim() ?? '')?.[1];
  if (!due) return null;
  const day =
    DATE_PART.exec(parcel.deliveredLocalDate ?? '')?.[1] ??
    parcel.deliveredAt.toISOString().slice(0, 10);
  return day <= due;
}

/** Hours from the start of transit to delivery; null when undelivered or the clocks disagree. */
export function transitHours(parcel: Pick<ParcelFacts, 'startedAt' | 'deliveredAt'>) {
  if (!parcel.deliveredAt) return null;
  const hours = (parcel.deliveredAt.getTime() - parcel.startedAt.getTime()) / HOUR_MS;
  return hours >= 0 ? hours : null;
}

/** Running counts for one group of parcels. */
export class DeliveryTally {
  private parcels = 0;
  private delivered = 0;
  private withEstimate = 0;
  private onTime = 0;
  private exceptions = 0;
  private failedAttempts = 0;
  private returns = 0;
  private readonly transit: number[] = [];

  add(parcel: ParcelFacts): void {
    this.parcels += 1;
    if (parcel.exception) this.exceptions += 1;
    if (parcel.failedAttempt) this.failedAttempts += 1;
    if (parcel.returned) this.returns += 1;
    if (!parcel.deliveredAt) return;
    this.delivered += 1;
    const hours = transitHours(parcel);
    if (hours !== null) this.transit.push(hours);
    const verdict = deliveredOnTime(parcel);
    if (verdict !== null) {
      this.withEstimate += 1;
      if (verdict) this.onTime += 1;
    }
  }

  metrics(): DeliveryMetrics {
    const transit = sortedAscending(this.transit);
    return {
      parcels: this.parcels,
      delivered: this.delivered,
      transitHoursMedian: figure(quantile(transit, 0.5), 1),
      transitHoursP90: figure(quantile(transit, 0.9), 1),
      onTimeRate: figure(ratio(this.onTime, this.withEstimate), 4),
      exceptionRate: figure(ratio(this.exceptions, this.parcels), 4),
      failedAttemptRate: figure(ratio(this.failedAttempts, this.parcels), 4),
      returnRate: figure(ratio(this.returns, this.parcels), 4),
    };
  }
}

/** Names for values nobody recorded, so a person reads a group rather than an empty cell. */
export const UNKNOWN_GROUP = {
  carrier: '(unknown carrier)',
  service: '(no service)',
  region: '(unknown region)',
} as const;

const carrierLabel = (slug: string | null) =>
  slug ? (carrierFromName(slug)?.name ?? slug) : UNKNOWN_GROUP.carrier;

/** The group a parcel falls in along a dimension: a stable key and a label for people. */
export function deliveryGroup(
  parcel: ParcelFacts,
  dimension: DeliveryDimension,
): { key: string; label: string } {
  switch (dimension) {
    case 'carrier':
      return { key: parcel.carrier ?? '', label: carrierLabel(parcel.carrier) };
    case 'service':
      return {
        key: `${parcel.carrier ?? ''}/${parcel.service ?? ''}`,
        label: `${carrierLabel(parcel.carrier)} · ${parcel.service ?? UNKNOWN_GROUP.service}`,
      };
    case 'region': {
      if (!parcel.country) return { key: '', label: UNKNOWN_GROUP.region };
      const region = parcel.region?.trim() || null;
      return {
        key: region ? `${parcel.country}/${region}` : parcel.country,
        label: region ? `${parcel.country} · ${region}` : parcel.country,
      };
    }
    case 'store':
      return { key: parcel.storeId, label: parcel.storeName };
  }
}

/** A delivery report by one dimension, fed parcel by parcel (so parcels can be read in batches). */
export class DeliveryReportBuilder {
  private readonly groups = new Map<string, { label: string; tally: DeliveryTally }>();
  private readonly all = new DeliveryTally();

  constructor(private readonly dimension: DeliveryDimension) {}

  add(parcel: ParcelFacts): void {
    const { key, label } = deliveryGroup(parcel, this.dimension);
    let group = this.groups.get(key);
    if (!group) {
      group = { label, tally: new DeliveryTally() };
      this.groups.set(key, group);
    }
    group.tally.add(parcel);
    this.all.add(parcel);
  }

  /** Groups with the most parcels first (then by label), and the totals over every parcel. */
  build(): { rows: DeliveryRow[]; totals: DeliveryMetrics } {
    const rows = [...this.groups.entries()].map(([key, group]) => ({
      key,
      label: group.label,
      ...group.tally.metrics(),
    }));
    rows.sort((a, b) => b.parcels - a.parcels || a.label.localeCompare(b.label));
    return { rows, totals: this.all.metrics() };
  }
}
