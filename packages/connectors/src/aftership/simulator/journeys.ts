import type { AfterShipSubtag } from '../status-map';

/** Where along the route a scan happens. */
export type Stop = 'origin' | 'hub' | 'depot' | 'destination';

export interface JourneyStep {
  subtag: AfterShipSubtag;
  message: string;
  stop: Stop;
  /** Quirk: a scan that happened between the last two, reported only now (out of order). */
  late?: boolean;
  /** Quirk: the previous checkpoint again, identical but for AfterShip's `created_at`. */
  repeat?: boolean;
  /** Quirk: the carrier sent local time without an offset. */
  localTime?: boolean;
  /** A tracking-level change without a carrier scan (Expired is AfterShip's own verdict). */
  noCheckpoint?: boolean;
}

const s = (
  subtag: AfterShipSubtag,
  message: string,
  stop: Stop,
  extra: Partial<JourneyStep> = {},
): JourneyStep => ({ subtag, message, stop, ...extra });

const start = [
  s('InfoReceived_001', 'Shipment information received', 'origin'),
  s('InTransit_002', 'Picked up by the carrier', 'origin'),
  s('InTransit_007', 'Departed from origin facility', 'origin'),
];

export const JOURNEYS = {
  delivered: [
    ...start,
    s('InTransit_003', 'Arrived at sort facility', 'hub'),
    s('InTransit_007', 'Departed from sort facility', 'hub'),
    s('InTransit_003', 'Arrived at delivery facility', 'depot'),
    s('OutForDelivery_001', 'Out for delivery', 'depot'),
    s('Delivered_001', 'Delivered, front door', 'destination'),
  ],
  exception: [
    ...start,
    s('InTransit_003', 'Arrived at sort facility', 'hub'),
    s('Exception_005', 'Delay due to circumstances beyond our control', 'hub'),
    s('InTransit_008', 'Shipment back on schedule', 'hub'),
    s('InTransit_003', 'Arrived at delivery facility', 'depot'),
    s('OutForDelivery_001', 'Out for delivery', 'depot'),
    s('Delivered_001', 'Delivered', 'destination'),
  ],
  lost: [
    ...start,
    s('InTransit_003', 'Arrived at sort facility', 'hub'),
    s('Exception_005', 'Delay due to circumstances beyond our control', 'hub'),
    s('Exception_013', 'Shipment cannot be located', 'hub'),
  ],
  return_to_sender: [
    ...start,
    s('InTransit_003', 'Arrived at delivery facility', 'depot'),
    s('OutForDelivery_001', 'Out for delivery', 'depot'),
    s('AttemptFail_002', 'Delivery attempted, recipient not available', 'destination'),
    s('OutForDelivery_001', 'Out for delivery', 'depot'),
    s('AttemptFail_001', 'Delivery attempted, notice left', 'destination'),
    s('Exception_010', 'Returning to sender: not collected', 'depot'),
    s('Exception_011', 'Returned to sender', 'origin'),
  ],
  failed_attempt: [
    ...start,
    s('InTransit_003', 'Arrived at delivery facility', 'depot'),
    s('OutForDelivery_001', 'Out for delivery', 'depot'),
    s('AttemptFail_003', 'Delivery attempted, business closed', 'destination'),
    s('OutForDelivery_001', 'Out for delivery', 'depot'),
    s('Delivered_003', 'Delivered, signed for', 'destination'),
  ],
  pickup_point: [
    ...start,
    s('InTransit_003', 'Arrived at delivery facility', 'depot'),
    s('AvailableForPickup_001', 'Ready for pickup at the service point', 'destination'),
    s('Delivered_002', 'Collected by the recipient', 'destination'),
  ],
  expired: [
    s('InfoReceived_001', 'Shipment information received', 'origin'),
    s('Expired_001', 'No tracking information for 30 days', 'origin', { noCheckpoint: true }),
  ],
  /** Delivered, with what real carriers do to a timeline: late, repeated and zone-less scans. */
  quirks: [
    ...start,
    s('InTransit_003', 'Arrived at sort facility', 'hub'),
    s('InTransit_003', 'Arrived at delivery facility', 'depot'),
    s('InTransit_007', 'Departed from sort facility', 'hub', { late: true }),
    s('InTransit_003', 'Arrived at delivery facility', 'depot', { repeat: true }),
    s('OutForDelivery_001', 'Out for delivery', 'depot', { localTime: true }),
    s('Delivered_001', 'Delivered', 'destination', { localTime: true }),
  ],
} as const satisfies Record<string, readonly JourneyStep[]>;

export type AfterShipJourneyName = keyof typeof JOURNEYS;
export const AFTERSHIP_JOURNEY_NAMES = Object.keys(JOURNEYS) as AfterShipJourneyName[];
export const DEFAULT_JOURNEY: AfterShipJourneyName = 'delivered';

export const isJourneyName = (value: unknown): value is AfterShipJourneyName =>
  typeof value === 'string' && Object.hasOwn(JOURNEYS, value);

export interface Place {
  city: string;
  state: string | null;
  zip: string;
  /** ISO 3166-1 alpha-3, as AfterShip's `country_region`. */
  country_region: string;
  /** IANA zone for the simulated local time (DST included). */
  zone: string;
}

const place = (city: string, state: string | null, zip: string, country: string, zone: string) => ({
  city,
  state,
  zip,
  country_region: country,
  zone,
});

const US: Record<Stop, Place> = {
  origin: place('Austin', 'TX', '78701', 'USA', 'America/Chicago'),
  hub: place('Louisville', 'KY', '40209', 'USA', 'America/New_York'),
  depot: place('Chicago', 'IL', '60607', 'USA', 'America/Chicago'),
  destination: place('Chicago', 'IL', '60614', 'USA', 'America/Chicago'),
};

const FI: Record<Stop, Place> = {
  origin: place('Helsinki', null, '00100', 'FIN', 'Europe/Helsinki'),
  hub: place('Vantaa', null, '01510', 'FIN', 'Europe/Helsinki'),
  depot: place('Tampere', null, '33100', 'FIN', 'Europe/Helsinki'),
  destination: place('Tampere', null, '33200', 'FIN', 'Europe/Helsinki'),
};

/** A plausible route for the courier and destination. */
export function routeFor(
  slug: string,
  destination: string | null | undefined,
): Record<Stop, Place> {
  return slug === 'posti' || destination === 'FIN' ? FI : US;
}

/** Where custom scans and AfterShip's own verdicts happen when no place is given. */
export const NOWHERE: Place = place('', null, '', '', 'UTC');
