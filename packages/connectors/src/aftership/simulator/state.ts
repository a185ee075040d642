import { randomBytes } from 'node:crypto';
import { zoneOffsetMinutes } from '@shiplink/domain';
import type {
  AfterShipCheckpoint,
  AfterShipCreateTrackingBody,
  AfterShipTracking,
} from '../schemas';
import { courierBySlug } from './couriers';
import {
  DEFAULT_JOURNEY,
  isJourneyName,
  JOURNEYS,
  routeFor,
  type AfterShipJourneyName,
  type JourneyStep,
  type Place,
} from './journeys';
import { SUBTAG_MESSAGES, tagOf } from './subtags';

/** AfterShip writes its own timestamps with an explicit `+00:00`. */
export const afterShipTime = (ms: number) =>
  new Date(ms).toISOString().replace(/\.\d{3}Z$/, '+00:00');

/** The carrier's local time at `zone`, with or without the offset (as carriers vary). */
function localTime(ms: number, zone: string, withOffset: boolean): string {
  const offsetMinutes = zoneOffsetMinutes(zone, ms);
  const wall = new Date(ms + offsetMinutes * 60_000).toISOString().slice(0, 19);
  if (!withOffset) return wall;
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${wall}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

export interface AfterShipSimRecord {
  seq: number;
  tracking: AfterShipTracking;
  journey: AfterShipJourneyName;
  /** Index of the next journey step. */
  position: number;
  seenTags: Set<string>;
  /** Checkpoints with their instants, kept in time order as AfterShip lists them. */
  scans: { at: number; checkpoint: AfterShipCheckpoint }[];
  lastAdded: AfterShipCheckpoint | undefined;
}

/** A scan to apply: a journey step, or a custom one from the control API. */
export interface Scan {
  subtag: string;
  tag?: string;
  subtag_message?: string;
  message: string;
  place: Place;
  localTime?: boolean;
  late?: boolean;
  repeat?: boolean;
  noCheckpoint?: boolean;
  raw_tag?: string;
  /** An explicit carrier time, used verbatim (custom scans). */
  checkpoint_time?: string;
}

export interface ScanOutcome {
  record: AfterShipSimRecord;
  /** Whether this tag is new for the tracking (`is_tracking_first_tag`). */
  firstTag: boolean;
}

const MINUTE = 60_000;

export class AfterShipSimState {
  private records = new Map<string, AfterShipSimRecord>();
  private seq = 0;
  private journeyQueue: AfterShipJourneyName[] = [];

  constructor(private readonly now: () => number) {}

  queueJourney(name: AfterShipJourneyName): void {
    this.journeyQueue.push(name);
  }

  /** The journey is the explicit one, else `custom_fields.journey`, else the queue's next. */
  create(
    body: AfterShipCreateTrackingBody,
    slug: string,
    options: { createdAt?: number; journey?: AfterShipJourneyName } = {},
  ): AfterShipSimRecord {
    const createdAt = options.createdAt ?? this.now();
    const hint = body.custom_fields?.journey;
    const journey =
      options.journey ??
      (hint && isJourneyName(hint) ? hint : (this.journeyQueue.shift() ?? DEFAULT_JOURNEY));
    const number = body.tracking_number;
    const tracking: AfterShipTracking = {
      id: randomBytes(16).toString('hex'),
      legacy_id: randomBytes(12).toString('hex'),
      tracking_number: number,
      slug,
      active: true,
      tag: 'Pending',
      subtag: 'Pending_001',
      subtag_message: SUBTAG_MESSAGES.Pending_001,
      title: body.title ?? number,
      order_id: body.order_id ?? null,
      order_number: body.order_number ?? null,
      order_date: body.order_date ?? null,
      custom_fields: body.custom_fields ?? null,
      customers: body.customers ?? [],
      language: body.language ?? null,
      origin_country_region: body.origin_country_region ?? null,
      destination_country_region: body.destination_country_region ?? null,
      checkpoints: [],
      shipment_delivery_date: null,
      shipment_pickup_date: null,
      shipment_package_count: 1,
      shipment_type: null,
      shipment_weight: null,
      signed_by: null,
      source: 'api',
      tracked_count: 0,
      return_to_sender: false,
      courier_tracking_link: courierBySlug(slug)?.trackingLink(number) ?? null,
      courier_redirect_link: null,
      aftership_tracking_url: `https://track.aftership.com/${slug}/${number}`,
      created_at: afterShipTime(createdAt),
      updated_at: afterShipTime(createdAt),
    };
    const record: AfterShipSimRecord = {
      seq: ++this.seq,
      tracking,
      journey,
      position: 0,
      seenTags: new Set(['Pending']),
      scans: [],
      lastAdded: undefined,
    };
    this.records.set(tracking.id, record);
    return record;
  }

  get(id: string): AfterShipSimRecord | undefined {
    return this.records.get(id);
  }

  find(slug: string, trackingNumber: string): AfterShipSimRecord | undefined {
    for (const record of this.records.values()) {
      if (record.tracking.slug === slug && record.tracking.tracking_number === trackingNumber) {
        return record;
      }
    }
    return undefined;
  }

  /** Newest first, as AfterShip lists trackings. */
  list(): AfterShipSimRecord[] {
    return [...this.records.values()].sort((a, b) => b.seq - a.seq);
  }

  remove(id: string): AfterShipSimRecord | undefined {
    const record = this.records.get(id);
    this.records.delete(id);
    return record;
  }

  touch(record: AfterShipSimRecord): void {
    record.tracking.updated_at = afterShipTime(this.now());
  }

  /** The next step of the tracking's journey; undefined when the journey is over. */
  nextStep(record: AfterShipSimRecord): JourneyStep | undefined {
    return JOURNEYS[record.journey][record.position];
  }

  advance(record: AfterShipSimRecord): ScanOutcome | undefined {
    const step = this.nextStep(record);
    if (!step) return undefined;
    record.position += 1;
    const route = routeFor(record.tracking.slug, record.tracking.destination_country_region);
    return this.apply(record, { ...step, place: route[step.stop] });
  }

  apply(record: AfterShipSimRecord, scan: Scan): ScanOutcome {
    const tracking = record.tracking;
    const subtag = scan.subtag;
    const tag = scan.tag ?? tagOf(subtag);
    const subtagMessage =
      scan.subtag_message ?? SUBTAG_MESSAGES[subtag as keyof typeof SUBTAG_MESSAGES] ?? subtag;
    const latest = record.scans.at(-1)?.at;
    let isLatest = true;

    if (scan.repeat && record.lastAdded) {
      const copy = { ...record.lastAdded, created_at: afterShipTime(this.now()) };
      const at = record.scans.find((s) => s.checkpoint === record.lastAdded)?.at ?? this.now();
      this.insert(record, at, copy);
      isLatest = false;
    } else if (!scan.noCheckpoint) {
      const before = record.scans.at(-2)?.at;
      const at =
        scan.late && latest !== undefined && before !== undefined
          ? Math.floor((before + latest) / 2)
          : Math.max(this.now(), (latest ?? 0) + MINUTE);
      isLatest = latest === undefined || at >= latest;
      const checkpoint: AfterShipCheckpoint = {
        created_at: afterShipTime(this.now()),
        slug: tracking.slug,
        checkpoint_time: scan.checkpoint_time ?? localTime(at, scan.place.zone, !scan.localTime),
        location: [scan.place.city, scan.place.state, scan.place.country_region]
          .filter(Boolean)
          .join(', '),
        city: scan.place.city,
        state: scan.place.state,
        zip: scan.place.zip,
        country_region: scan.place.country_region,
        country_region_name: null,
        message: scan.message,
        tag,
        subtag,
        subtag_message: subtagMessage,
        raw_tag: scan.raw_tag ?? null,
        coordinate: null,
        source: 'carrier',
      };
      this.insert(record, at, checkpoint);
      record.lastAdded = checkpoint;
    }

    let firstTag = false;
    if (isLatest && !scan.repeat) {
      firstTag = !record.seenTags.has(tag);
      record.seenTags.add(tag);
      tracking.tag = tag;
      tracking.subtag = subtag;
      tracking.subtag_message = subtagMessage;
      this.sideEffects(tracking, subtag, record.lastAdded?.checkpoint_time ?? null);
    }
    tracking.tracked_count = (tracking.tracked_count ?? 0) + 1;
    this.touch(record);
    return { record, firstTag };
  }

  private insert(record: AfterShipSimRecord, at: number, checkpoint: AfterShipCheckpoint): void {
    record.scans.push({ at, checkpoint });
    // Stable sort keeps identical instants in arrival order.
    record.scans.sort((a, b) => a.at - b.at);
    record.tracking.checkpoints = record.scans.map((s) => s.checkpoint);
  }

  /** What AfterShip derives from the new status besides the tag itself. */
  private sideEffects(tracking: AfterShipTracking, subtag: string, time: string | null): void {
    if (subtag === 'InTransit_002') tracking.shipment_pickup_date = time;
    if (subtag.startsWith('Delivered_')) {
      tracking.shipment_delivery_date = time;
      tracking.active = false;
      if (subtag === 'Delivered_003') tracking.signed_by = 'J. DOE';
    }
    if (subtag === 'Exception_010' || subtag === 'Exception_011') tracking.return_to_sender = true;
    if (['Exception_011', 'Exception_013', 'Expired_001'].includes(subtag)) tracking.active = false;
  }

  reset(): void {
    this.records.clear();
    this.journeyQueue = [];
  }
}
