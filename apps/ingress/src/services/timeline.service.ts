import type { Repos, Scope, ShipmentTimeline, TrackingRegistration } from '@shiplink/db';
import {
  customerBucket,
  type CustomerBucket,
  type TrackingLocation,
  type TrackingStatus,
} from '@shiplink/domain';
import { HttpProblem } from '../http/problems';

export interface CheckpointView {
  /** As the carrier reported it: with its offset, or local wall time when it gave none. */
  occurredAt: string;
  occurredAtUtc: string;
  status: string;
  subStatus: string;
  message: string | null;
  location: string | null;
}

export interface ShipmentTimelineView {
  trackingNumber: string | null;
  /** AfterShip courier slug; null while nobody knows it. */
  carrier: string | null;
  carrierStatus: 'mapped' | 'detected' | 'needs_review' | null;
  /** `none` for a shipment without a tracking number or without an AfterShip account. */
  registration: TrackingRegistration | 'none';
  /** Why a person is needed (unknown carrier, refused number), when one is. */
  note: string | null;
  status: TrackingStatus;
  subStatus: string | null;
  reason: string | null;
  bucket: CustomerBucket;
  actionRequired: boolean;
  statusOccurredAt: string | null;
  items: { sku: string; quantity: number }[];
  checkpoints: CheckpointView[];
  anomalies: {
    kind: string;
    from: string | null;
    to: string | null;
    detail: string;
    recordedAt: string;
  }[];
}

export interface OrderTimelineView {
  orderNumber: string;
  shipments: ShipmentTimelineView[];
}

function place(location: TrackingLocation): string | null {
  if (location.raw) return location.raw;
  const parts = [location.city, location.state, location.postalCode, location.countryRegion];
  const text = parts.filter((part) => part).join(', ');
  return text === '' ? null : text;
}

function present(shipment: ShipmentTimeline): ShipmentTimelineView {
  const { tracking } = shipment;
  const status = tracking?.current.status ?? 'pending';
  return {
    trackingNumber: tracking?.trackingNumber ?? shipment.trackingNumber,
    carrier: tracking ? tracking.slug : shipment.carrierSlug || null,
    carrierStatus: tracking?.carrierStatus ?? null,
    registration: tracking?.registration ?? 'none',
    note: tracking?.registrationNote ?? null,
    status,
    subStatus: tracking?.current.subStatus ?? null,
    reason: tracking?.current.reason ?? null,
    bucket: customerBucket(status),
    actionRequired: tracking?.current.actionRequired ?? false,
    statusOccurredAt: tracking?.current.occurredAt?.toISOString() ?? null,
    items: shipment.items,
    checkpoints: shipment.checkpoints.map((checkpoint) => ({
      occurredAt: checkpoint.occurredAt,
      occurredAtUtc: checkpoint.occurredAtUtc.toISOString(),
      status: checkpoint.status,
      subStatus: checkpoint.subStatus,
      message: checkpoint.message,
      location: place(checkpoint.location),
    })),
    anomalies: shipment.anomalies.map((anomaly) => ({
      kind: anomaly.kind,
      from: anomaly.fromStatus,
      to: anomaly.toStatus,
      detail: anomaly.detail,
      recordedAt: anomaly.recordedAt.toISOString(),
    })),
  };
}

/**
 * An order's parcels as support staff and a tracking page see them: status, bucket and the whole
 * normalized timeline. Only store-side and carrier identifiers appear, never the hub's own ids.
 */
export async function orderTimeline(
  repos: Repos,
  scope: Scope,
  orderNumber: string,
): Promise<OrderTimelineView> {
  const orders = await repos.timelines.forOrderNumber(scope, orderNumber);
  if (orders.length === 0) {
    throw new HttpProblem(404, 'unknown_order', `no order ${orderNumber} is known`);
  }
  return { orderNumber, shipments: orders.flatMap((order) => order.shipments.map(present)) };
}

/** A parcel by its tracking number, with the order it belongs to: 404 for another tenant's. */
export async function trackingTimeline(repos: Repos, scope: Scope, trackingNumber: string) {
  const orders = await repos.timelines.forTrackingNumber(scope, trackingNumber);
  if (orders.length === 0) {
    throw new HttpProblem(404, 'unknown_tracking', `no parcel ${trackingNumber} is known`);
  }
  return {
    trackingNumber,
    orders: orders.map((order) => ({
      orderNumber: order.orderNumber,
      storeName: order.storeName,
      shipments: order.shipments.map(present),
    })),
  };
}
