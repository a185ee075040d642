import type { TrackingEvent } from '../tracking/event';

/**
 * A tracking provider (AfterShip): one tracking per parcel, its events as canonical checkpoints.
 * Posti's and ShipHero's own tracking feeds produce the same `TrackingSnapshot`.
 */
export interface TrackingProvider {
  /** The provider's name as people know it, for notes a person reads (the timeline's). */
  readonly name: string;
  /**
   * The couriers it tracks: `'any'` for a tracking service (AfterShip), or the carrier's own
   * slugs for a carrier that tracks only its parcels (Posti). A store with both has each parcel
   * tracked by the carrier's own feed where there is one.
   */
  readonly carriers: 'any' | readonly string[];
  /** Candidate courier slugs for a number, best first; empty when the provider cannot tell. */
  detectCarrier(hints: {
    trackingNumber: string;
    postalCode: string | null;
    countryRegion: string | null;
  }): Promise<string[]>;
  /** Registers the parcel; an existing tracking is returned, not an error. */
  register(request: TrackingRequest): Promise<TrackingRegistrationResult>;
  read(trackingRef: string): Promise<TrackingSnapshot | undefined>;
  /** False when there was nothing to delete. */
  remove(trackingRef: string): Promise<boolean>;
  /** Trackings registered for this number, carrier and order (a create whose id was lost). */
  findRegistered(query: {
    trackingNumber: string;
    carrierSlug: string;
    orderNumber: string;
  }): Promise<string[]>;
  /** The tracking an inbound event (as the ingress stored it) carries. */
  snapshotOfEvent(payload: unknown): TrackingSnapshot;
}

export interface TrackingRequest {
  trackingNumber: string;
  carrierSlug: string;
  /** The store's order id and number: never an internal id. */
  orderRef: string;
  orderNumber: string;
  customer: { name: string | null; email: string | null; phone: string | null };
  destinationCountry: string | null;
  items: { sku: string; quantity: number }[];
}

export type TrackingRegistrationResult =
  | {
      outcome: 'registered';
      snapshot: TrackingSnapshot;
      /** False when the provider had the tracking already (it is returned, not refused). */
      created: boolean;
      /** The provider holds carrier scans for it already (a tracking it had, or a fast carrier). */
      hasHistory: boolean;
    }
  /** The provider refused it for a reason a person must resolve (courier, or the number). */
  | { outcome: 'needs_review' | 'failed'; why: string; reason: string };

/** One normalized checkpoint with its identity and the raw record it came from. */
export interface TimelineEntry {
  identity: string;
  event: TrackingEvent;
  raw: unknown;
}

/** A tracking as the provider reports it: who it is, and every checkpoint so far. */
export interface TrackingSnapshot {
  trackingRef: string;
  trackingNumber: string;
  carrierSlug: string | null;
  orderNumber: string | null;
  entries: TimelineEntry[];
  /** The estimated delivery (ISO 8601 date or date-time), where the provider has one. */
  estimatedDelivery?: string | null;
  /** Where the customer follows the parcel (the provider's page, else the carrier's). */
  trackingUrl?: string | null;
}
