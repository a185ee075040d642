import { checkpointIdentity, type TrackingEvent, type TrackingLocation } from '@shiplink/domain';
import { parseCheckpointTime } from './checkpoint-time';
import { toAlpha3 } from './country-codes';
import type {
  AfterShipCheckpoint,
  AfterShipCreateTrackingBody,
  AfterShipCustomer,
  AfterShipTracking,
} from './schemas';
import { AFTERSHIP_MAPPING_VERSION, mapAfterShipStatus, type AfterShipStatus } from './status-map';

export * from './status-map';

const orNull = (value: string | null | undefined): string | null =>
  value === undefined || value === null || value.trim() === '' ? null : value;

function locationOf(checkpoint: AfterShipCheckpoint): TrackingLocation {
  return {
    city: orNull(checkpoint.city),
    state: orNull(checkpoint.state),
    postalCode: orNull(checkpoint.zip ?? checkpoint.postal_code),
    countryRegion: orNull(checkpoint.country_region),
    raw: orNull(checkpoint.location),
  };
}

/**
 * One checkpoint → one canonical event; undefined when it has no usable `checkpoint_time`.
 * Such a checkpoint cannot be placed on the timeline, and falling back to `created_at` would give
 * it an identity that changes between re-sends (AfterShip restamps it), so it is left out; the
 * tracking-level tag still reaches us through `currentFromTracking`.
 */
export function eventFromCheckpoint(checkpoint: AfterShipCheckpoint): TrackingEvent | undefined {
  const location = locationOf(checkpoint);
  const time = parseCheckpointTime(checkpoint.checkpoint_time, location);
  if (!time) return undefined;
  const mapped = mapAfterShipStatus(checkpoint.tag, checkpoint.subtag);
  return {
    status: mapped.status,
    subStatus: mapped.subStatus,
    reason: mapped.reason,
    actionRequired: mapped.actionRequired,
    ...time,
    // The carrier's own code when AfterShip forwards it; else AfterShip's subtag.
    rawCode: orNull(checkpoint.raw_tag) ?? orNull(checkpoint.subtag) ?? orNull(checkpoint.tag),
    rawTag: orNull(checkpoint.tag),
    message: orNull(checkpoint.message),
    location,
    source: 'aftership',
    mappingVersion: AFTERSHIP_MAPPING_VERSION,
  };
}

/** Every checkpoint of a tracking as canonical events, in AfterShip's order. */
export function eventsFromTracking(tracking: AfterShipTracking): TrackingEvent[] {
  return (tracking.checkpoints ?? []).flatMap((checkpoint) => {
    const event = eventFromCheckpoint(checkpoint);
    return event ? [event] : [];
  });
}

/** The dedup identity of one of `tracking`'s events (the tracker key is slug + number). */
export function afterShipCheckpointIdentity(
  tracking: AfterShipTracking,
  event: TrackingEvent,
): string {
  return checkpointIdentity({
    carrier: tracking.slug,
    trackingNumber: tracking.tracking_number,
    occurredAtUtc: event.occurredAtUtc,
    rawCode: event.rawCode,
    location: event.location,
  });
}

export interface AfterShipCurrentStatus extends AfterShipStatus {
  /** The latest checkpoint's occurred-at (UTC); null before the first carrier scan. */
  occurredAtUtc: string | null;
  /** AfterShip stops polling inactive trackings (delivered, expired, completed). */
  active: boolean | null;
  mappingVersion: string;
}

/**
 * What AfterShip itself says the tracking's status is (its tracking-level tag/subtag), mapped.
 * The hub derives its own current status from the events; this is for trackings without
 * checkpoints (Pending, Expired) and for reconciliation.
 */
export function currentFromTracking(tracking: AfterShipTracking): AfterShipCurrentStatus {
  const latest = eventsFromTracking(tracking).reduce<string | null>(
    (max, event) => (max === null || event.occurredAtUtc > max ? event.occurredAtUtc : max),
    null,
  );
  return {
    ...mapAfterShipStatus(tracking.tag, tracking.subtag),
    occurredAtUtc: latest,
    active: tracking.active ?? null,
    mappingVersion: AFTERSHIP_MAPPING_VERSION,
  };
}

export interface CreateAfterShipTrackingInput {
  trackingNumber: string;
  /** AfterShip courier slug (`ups`, `usps`, `posti` …). */
  slug: string;
  /** The STORE's order id (e.g. the BigCommerce order id) — never one of Shiplink's own ids. */
  orderId: string;
  /** The customer-facing order number. */
  orderNumber: string;
  title?: string;
  customers?: {
    role?: 'buyer' | 'receiver';
    name?: string | null;
    email?: string | null;
    phone?: string | null;
    language?: string | null;
  }[];
  /** ISO 3166 alpha-2 or alpha-3; sent as alpha-3, dropped when unrecognized. */
  destinationCountryRegion?: string | null;
  /** The items in this parcel, for partial shipments; shown through `custom_fields`. */
  shipmentItems?: { sku: string; quantity: number }[];
  /** ISO 639-1, for AfterShip's notifications and tracking page. */
  language?: string;
}

/** Keys of `custom_fields` we write. */
export const AFTERSHIP_CUSTOM_FIELDS = { shipmentItems: 'shipment_items' } as const;

function customerOf(
  input: NonNullable<CreateAfterShipTrackingInput['customers']>[number],
): AfterShipCustomer {
  const customer: AfterShipCustomer = { role: input.role ?? 'buyer' };
  if (input.name) customer.name = input.name;
  if (input.email) customer.email = input.email;
  if (input.phone) customer.phone_number = input.phone;
  if (input.language) customer.language = input.language;
  return customer;
}

/**
 * Our registration → the 2025-01 create body (unwrapped). Only store-side identifiers go out:
 * AfterShip shows order ids and numbers on tracking pages and in notifications.
 */
export function toCreateTracking(input: CreateAfterShipTrackingInput): AfterShipCreateTrackingBody {
  const body: AfterShipCreateTrackingBody = {
    tracking_number: input.trackingNumber.replace(/\s+/g, ''),
    slug: input.slug,
    order_id: input.orderId,
    order_number: input.orderNumber,
  };
  if (input.title) body.title = input.title;
  if (input.language) body.language = input.language;
  const destination = toAlpha3(input.destinationCountryRegion);
  if (destination) body.destination_country_region = destination;
  const customers = (input.customers ?? []).filter((c) => c.email || c.phone || c.name);
  if (customers.length > 0) body.customers = customers.map(customerOf);
  if (input.shipmentItems && input.shipmentItems.length > 0) {
    body.custom_fields = {
      [AFTERSHIP_CUSTOM_FIELDS.shipmentItems]: input.shipmentItems
        .map((item) => `${item.sku} x${item.quantity}`)
        .join(', '),
    };
  }
  return body;
}
