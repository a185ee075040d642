import {
  ReasonSchema,
  TrackingStatusSchema,
  type Reason,
  type TrackingEvent,
  type TrackingStatus,
} from '@shiplink/domain';
import type {
  Tracking,
  TrackingTransition as TrackingTransitionRow,
} from '../generated/prisma/client';
import type { CarrierResolution, TrackingRegistration } from '../generated/prisma/enums';

/* The tracking types the repositories take and return, and the row → record mapping. */

export type { CarrierResolution, TrackingRegistration };

/** The carrier key of a tracking whose carrier nobody knows yet (unique keys need a value). */
export const UNKNOWN_CARRIER_KEY = '?';

/** Registrations that count as the shipment's tracking; replaced and removed ones are history. */
export const LIVE_REGISTRATIONS: readonly TrackingRegistration[] = [
  'pending',
  'registered',
  'needs_review',
  'failed',
];

export interface TrackingCurrent {
  status: TrackingStatus;
  subStatus: string | null;
  reason: Reason | null;
  actionRequired: boolean;
  /** Occurred-at of the event that set the status; null before the first event. */
  occurredAt: Date | null;
}

export interface TrackingRecord {
  id: string;
  orderId: string;
  shipmentId: string;
  storeId: string;
  orderNumber: string;
  trackingNumber: string;
  slug: string | null;
  carrierStatus: CarrierResolution;
  carrierCandidates: string[];
  /** The tracking provider's id of it, once registered there. */
  trackingRef: string | null;
  /** The tracking connection it is registered with; null for trackings older than the column. */
  connectionId: string | null;
  registration: TrackingRegistration;
  registrationNote: string | null;
  current: TrackingCurrent;
  mappingVersion: string | null;
  /** The provider's estimated delivery and the customer's tracking link, as last reported. */
  estimatedDelivery: string | null;
  trackingUrl: string | null;
  lastEventAt: Date | null;
  lastPolledAt: Date | null;
  replacedById: string | null;
}

/** What registration knows of a tracking before AfterShip has it. */
export type TrackingClaim = Pick<
  TrackingRecord,
  | 'orderId'
  | 'shipmentId'
  | 'storeId'
  | 'orderNumber'
  | 'trackingNumber'
  | 'slug'
  | 'carrierStatus'
  | 'carrierCandidates'
  | 'registrationNote'
  | 'connectionId'
> & { registration: 'pending' | 'needs_review' };

export interface NewCheckpoint {
  identity: string;
  event: TrackingEvent;
  raw: unknown;
}

export interface NewAnomaly {
  kind: string;
  fromStatus: TrackingStatus | null;
  toStatus: TrackingStatus | null;
  detail: string;
  eventIdentity: string;
  raw: unknown;
}

/** A status the tracking moved to, with the detail and time of the event that brought it. */
export interface TrackingTransition {
  fromStatus: TrackingStatus | null;
  status: TrackingStatus;
  subStatus: string | null;
  reason: Reason | null;
  actionRequired: boolean;
  occurredAt: Date;
  /** The checkpoint identity of that event. */
  eventIdentity: string;
}

/** What an event batch changes, written in one transaction with its checkpoints. */
export interface TrackingProgress {
  checkpoints: NewCheckpoint[];
  anomalies: NewAnomaly[];
  /** Set when the current status moves. */
  current?: TrackingCurrent & { occurredAt: Date; mappingVersion: string };
  /** Every status the batch moved the tracking to, oldest first (the last one is `current`). */
  transitions?: TrackingTransition[];
  seenAt: Date;
  polled?: boolean;
  /** What the provider says besides checkpoints; undefined keeps what is stored. */
  estimatedDelivery?: string | null;
  trackingUrl?: string | null;
}

export function toTrackingRecord(row: Tracking): TrackingRecord {
  return {
    id: row.id,
    orderId: row.orderId,
    shipmentId: row.shipmentId,
    storeId: row.storeId,
    orderNumber: row.orderNumber,
    trackingNumber: row.trackingNumber,
    slug: row.slug,
    carrierStatus: row.carrierStatus,
    carrierCandidates: row.carrierCandidates,
    trackingRef: row.afterShipId,
    connectionId: row.connectionId,
    registration: row.registration,
    registrationNote: row.registrationNote,
    current: {
      // Stored by us from the domain enum; a value from a newer release reads as unknown.
      status: TrackingStatusSchema.catch('unknown').parse(row.status),
      subStatus: row.subStatus,
      reason: row.reason === null ? null : ReasonSchema.catch('unknown').parse(row.reason),
      actionRequired: row.actionRequired,
      occurredAt: row.statusOccurredAt,
    },
    mappingVersion: row.mappingVersion,
    estimatedDelivery: row.estimatedDelivery,
    trackingUrl: row.trackingUrl,
    lastEventAt: row.lastEventAt,
    lastPolledAt: row.lastPolledAt,
    replacedById: row.replacedById,
  };
}

export function toTrackingTransition(row: TrackingTransitionRow): TrackingTransition {
  const status = (value: string) => TrackingStatusSchema.catch('unknown').parse(value);
  return {
    fromStatus: row.fromStatus === null ? null : status(row.fromStatus),
    status: status(row.status),
    subStatus: row.subStatus,
    reason: row.reason === null ? null : ReasonSchema.catch('unknown').parse(row.reason),
    actionRequired: row.actionRequired,
    occurredAt: row.occurredAtUtc,
    eventIdentity: row.eventIdentity,
  };
}
