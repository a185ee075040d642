import {
  checkpointIdentity,
  EMPTY_LOCATION,
  localWallTimeToUtc,
  zoneOffsetMinutes,
  type TimelineEntry,
  type TrackingEvent,
  type TrackingLocation,
  type TrackingSnapshot,
} from '@shiplink/domain';
import type { PostiStatusEvent } from './schemas';
import { mapPostiStatus, POSTI_MAPPING_VERSION, postiEventDescription } from './status-map';

/** The courier slug of Posti parcels (AfterShip's, which the hub's carriers follow). */
export const POSTI_CARRIER_SLUG = 'posti';

/** Posti's public tracking page for a parcel. */
export function postiTrackingUrl(trackingCode: string): string {
  return `https://www.posti.fi/fi/seuranta#/lahetys/${encodeURIComponent(trackingCode.trim())}`;
}

const HELSINKI = 'Europe/Helsinki';
const FINLAND = { countryRegion: 'FI' } as const;
const TIMESTAMP = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2})(?::(\d{2}))?$/;

export interface PostiEventTime {
  /** ISO 8601 with Helsinki's offset at that instant, e.g. `2016-09-30T17:34:00+03:00`. */
  occurredAt: string;
  occurredAtIsLocal: false;
  occurredAtUtc: string;
}

function offsetText(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/**
 * A Posti timestamp (`YYYY-MM-DD HH:MM:SS`, Finnish local time whatever the event's location,
 * per the API docs) with its real offset. The zone is known, so unlike an offset-less AfterShip
 * checkpoint the time is not kept as local wall time: the domain's `localWallTimeToUtc` places it
 * in Europe/Helsinki (DST included), and `occurredAt` is written from that instant, so the two
 * always agree (a wall time in the spring-forward gap moves forward an hour). Undefined for
 * anything that is not a real date-time.
 */
export function parsePostiTimestamp(raw: string | null | undefined): PostiEventTime | undefined {
  const match = raw ? TIMESTAMP.exec(raw.trim()) : null;
  if (!match) return undefined;
  const [, date, hoursMinutes, seconds = '00'] = match;
  const wall = `${date}T${hoursMinutes}:${seconds}`;
  const asUtc = new Date(`${wall}Z`);
  // Rejects what the pattern lets through: Feb 30, hour 25, minute 61.
  if (Number.isNaN(asUtc.getTime()) || asUtc.toISOString().slice(0, 19) !== wall) return undefined;
  const occurredAtUtc = localWallTimeToUtc(wall, FINLAND);
  const instant = Date.parse(occurredAtUtc);
  const offset = zoneOffsetMinutes(HELSINKI, instant);
  const local = new Date(instant + offset * 60_000).toISOString().slice(0, 19);
  return { occurredAt: `${local}${offsetText(offset)}`, occurredAtIsLocal: false, occurredAtUtc };
}

const orNull = (value: string | null | undefined): string | null =>
  value === null || value === undefined || value.trim() === '' ? null : value.trim();

/** Where Posti scanned it: the post office (a Finnish postal town) and its postcode, in Finland. */
export function postiLocation(event: PostiStatusEvent): TrackingLocation {
  const city = orNull(event.post_office);
  const postalCode = orNull(event.postcode);
  if (!city && !postalCode) return EMPTY_LOCATION;
  return { city, state: null, postalCode, countryRegion: 'FI', raw: null };
}

/**
 * One Posti event (from `/shipment/status` or a callback's `object`) as a canonical event;
 * undefined without a usable `event_timestamp`, since an event that cannot be placed in time
 * would get an identity that changes between re-sends.
 */
export function postiTrackingEvent(event: PostiStatusEvent): TrackingEvent | undefined {
  const time = parsePostiTimestamp(event.event_timestamp);
  if (!time) return undefined;
  const mapped = mapPostiStatus(event.status_code);
  return {
    status: mapped.status,
    subStatus: mapped.subStatus,
    reason: mapped.reason,
    actionRequired: mapped.actionRequired,
    ...time,
    rawCode: orNull(event.status_code),
    rawTag: null,
    message: postiEventDescription(event.status_code),
    location: postiLocation(event),
    source: 'posti',
    mappingVersion: POSTI_MAPPING_VERSION,
  };
}

/**
 * One event with its identity and raw record. The identity uses the tracking code the hub asked
 * about (the tracker's key), not whatever the event repeats, so both feeds agree.
 */
export function postiTimelineEntry(
  trackingCode: string,
  event: PostiStatusEvent,
): TimelineEntry | undefined {
  const canonical = postiTrackingEvent(event);
  if (!canonical) return undefined;
  return {
    identity: checkpointIdentity({
      carrier: POSTI_CARRIER_SLUG,
      trackingNumber: trackingCode,
      occurredAtUtc: canonical.occurredAtUtc,
      rawCode: canonical.rawCode,
      location: canonical.location,
    }),
    event: canonical,
    raw: event,
  };
}

/** A parcel's events as timeline entries: placeable ones only, each identity once, oldest first. */
export function postiTimeline(
  trackingCode: string,
  events: readonly PostiStatusEvent[],
): TimelineEntry[] {
  const seen = new Set<string>();
  const entries: TimelineEntry[] = [];
  for (const event of events) {
    const entry = postiTimelineEntry(trackingCode, event);
    if (!entry || seen.has(entry.identity)) continue;
    seen.add(entry.identity);
    entries.push(entry);
  }
  // Array.prototype.sort is stable: same-instant events keep Posti's order.
  return entries.sort(
    (a, b) => Date.parse(a.event.occurredAtUtc) - Date.parse(b.event.occurredAtUtc),
  );
}

/**
 * The parcel as a tracking snapshot. Posti keys trackings by the tracking code itself; the order
 * number is the consignment reference the events repeat (the hub sends the store's order number)
 * unless the caller knows better. Posti gives no delivery estimate on this API.
 */
export function postiSnapshot(
  trackingCode: string,
  events: readonly PostiStatusEvent[],
  options: { orderNumber?: string | null } = {},
): TrackingSnapshot {
  const code = trackingCode.trim();
  const reference = events.map((event) => orNull(event.reference)).find(Boolean) ?? null;
  return {
    trackingRef: code,
    trackingNumber: code,
    carrierSlug: POSTI_CARRIER_SLUG,
    orderNumber: options.orderNumber ?? reference,
    entries: postiTimeline(code, events),
    estimatedDelivery: null,
    trackingUrl: postiTrackingUrl(code),
  };
}
