import { TrackingLocationSchema, type TrackingLocation } from '@shiplink/domain';
import type { Db } from '../client';
import type { Prisma } from '../generated/prisma/client';
import { inStoreOf, type Scope } from '../scope';
import {
  LIVE_REGISTRATIONS,
  toTrackingRecord,
  toTrackingTransition,
  type TrackingRecord,
  type TrackingTransition,
} from './tracking-records';

export interface TimelineCheckpoint {
  occurredAt: string;
  /** `occurredAt` is the local wall time at the checkpoint, without an offset. */
  occurredAtIsLocal: boolean;
  occurredAtUtc: Date;
  status: string;
  subStatus: string;
  reason: string | null;
  message: string | null;
  location: TrackingLocation;
}

export interface TimelineAnomaly {
  kind: string;
  fromStatus: string | null;
  toStatus: string | null;
  detail: string;
  recordedAt: Date;
}

export interface ShipmentTimeline {
  shipmentId: string;
  /** The shipment's own number, also when no tracking exists for it (yet). */
  trackingNumber: string | null;
  carrierSlug: string | null;
  shipDate: Date | null;
  items: { sku: string; name: string; quantity: number }[];
  tracking: TrackingRecord | null;
  checkpoints: TimelineCheckpoint[];
  anomalies: TimelineAnomaly[];
}

export interface OrderTimeline {
  orderId: string;
  orderNumber: string;
  storeName: string;
  storeStatus: string;
  shipments: ShipmentTimeline[];
}

export interface OrderForTrackingWriteback {
  id: string;
  externalId: string;
  orderNumber: string;
  storeId: string;
  storeSettings: unknown;
  /**
   * Shipments that still count (not voided), each with its live tracking if it has one and every
   * status that tracking moved to, oldest first.
   */
  shipments: {
    id: string;
    /** The store's own id of the shipment (a commercetools parcel id), once it has one. */
    storeShipmentId: string | null;
    trackingNumber: string | null;
    tracking: TrackingRecord | null;
    transitions: TrackingTransition[];
    /** The tracking's newest checkpoint, for stores that show the last event per parcel. */
    lastCheckpoint: { message: string | null; city: string | null; occurredAtUtc: Date } | null;
    items: { orderLineId: string; quantity: number }[];
  }[];
  /** Ordered quantity per order line, to tell whether every item is in a shipment. */
  lines: { id: string; quantity: number }[];
}

export type TrackingWritebackKind = 'order_status' | 'staff_note';

const cityOf = (location: unknown): string | null =>
  location &&
  typeof location === 'object' &&
  typeof (location as { city?: unknown }).city === 'string'
    ? (location as { city: string }).city
    : null;

/** Read models over trackings: an order's timeline, and what store write-back needs. */
export class TrackingTimelinesRepo {
  constructor(private readonly db: Db) {}

  /** Every order with this store order number (one per store), with its parcels' timelines. */
  async forOrderNumber(scope: Scope, orderNumber: string): Promise<OrderTimeline[]> {
    return this.load({ orderNumber, ...inStoreOf(scope) });
  }

  /** The orders the scope sees with a parcel of this tracking number, with only those parcels. */
  async forTrackingNumber(scope: Scope, trackingNumber: string): Promise<OrderTimeline[]> {
    const orders = await this.load({
      shipments: { some: { trackingNumber, voided: false } },
      ...inStoreOf(scope),
    });
    return orders.map((order) => ({
      ...order,
      shipments: order.shipments.filter((shipment) => shipment.trackingNumber === trackingNumber),
    }));
  }

  /** One order's parcels and their timelines (undefined: no such order). */
  async forOrder(orderId: string): Promise<OrderTimeline | undefined> {
    const [order] = await this.load({ id: orderId });
    return order;
  }

  private async load(where: Prisma.OrderWhereInput) {
    const orders = await this.db.order.findMany({
      where,
      include: {
        store: { select: { name: true } },
        shipments: {
          where: { voided: false },
          orderBy: { createdAt: 'asc' },
          include: {
            items: { include: { orderLine: { select: { sku: true, name: true } } } },
            trackings: {
              where: { registration: { in: [...LIVE_REGISTRATIONS] } },
              orderBy: { createdAt: 'desc' },
              take: 1,
              include: {
                checkpoints: { orderBy: [{ occurredAtUtc: 'asc' }, { recordedAt: 'asc' }] },
                anomalies: { orderBy: { recordedAt: 'asc' } },
              },
            },
          },
        },
      },
    });
    return orders.map((order): OrderTimeline => ({
      orderId: order.id,
      orderNumber: order.orderNumber,
      storeName: order.store.name,
      storeStatus: order.storeStatus,
      shipments: order.shipments.map((shipment) => {
        const tracking = shipment.trackings[0];
        return {
          shipmentId: shipment.id,
          trackingNumber: shipment.trackingNumber,
          carrierSlug: shipment.carrierSlug,
          shipDate: shipment.shipDate,
          items: shipment.items.map((item) => ({
            sku: item.orderLine.sku,
            name: item.orderLine.name,
            quantity: item.quantity,
          })),
          tracking: tracking ? toTrackingRecord(tracking) : null,
          checkpoints: (tracking?.checkpoints ?? []).map((checkpoint) => ({
            occurredAt: checkpoint.occurredAt,
            occurredAtIsLocal: checkpoint.occurredAtIsLocal,
            occurredAtUtc: checkpoint.occurredAtUtc,
            status: checkpoint.status,
            subStatus: checkpoint.subStatus,
            reason: checkpoint.reason,
            message: checkpoint.message,
            location: TrackingLocationSchema.parse(checkpoint.location),
          })),
          anomalies: (tracking?.anomalies ?? []).map((anomaly) => ({
            kind: anomaly.kind,
            fromStatus: anomaly.fromStatus,
            toStatus: anomaly.toStatus,
            detail: anomaly.detail,
            recordedAt: anomaly.recordedAt,
          })),
        };
      }),
    }));
  }

  async orderForWriteback(orderId: string): Promise<OrderForTrackingWriteback | undefined> {
    const order = await this.db.order.findUnique({
      where: { id: orderId },
      include: {
        store: { select: { settings: true } },
        lines: { select: { id: true, quantity: true } },
        shipments: {
          where: { voided: false },
          include: {
            items: { select: { orderLineId: true, quantity: true } },
            trackings: {
              where: { registration: { in: [...LIVE_REGISTRATIONS] } },
              orderBy: { createdAt: 'desc' },
              take: 1,
              include: {
                transitions: { orderBy: [{ occurredAtUtc: 'asc' }, { recordedAt: 'asc' }] },
                checkpoints: {
                  orderBy: [{ occurredAtUtc: 'desc' }, { recordedAt: 'desc' }],
                  take: 1,
                  select: { message: true, location: true, occurredAtUtc: true },
                },
              },
            },
          },
        },
      },
    });
    if (!order) return undefined;
    return {
      id: order.id,
      externalId: order.externalId,
      orderNumber: order.orderNumber,
      storeId: order.storeId,
      storeSettings: order.store.settings,
      lines: order.lines,
      shipments: order.shipments.map((shipment) => {
        const tracking = shipment.trackings[0];
        const checkpoint = tracking?.checkpoints[0];
        return {
          id: shipment.id,
          storeShipmentId: shipment.storeShipmentId,
          trackingNumber: shipment.trackingNumber,
          tracking: tracking ? toTrackingRecord(tracking) : null,
          transitions: (tracking?.transitions ?? []).map(toTrackingTransition),
          lastCheckpoint: checkpoint
            ? {
                message: checkpoint.message,
                city: cityOf(checkpoint.location),
                occurredAtUtc: checkpoint.occurredAtUtc,
              }
            : null,
          items: shipment.items,
        };
      }),
    };
  }

  /** `<kind>:<key>` of every write-back already made to the order. */
  async writebacksDone(orderId: string): Promise<Set<string>> {
    const rows = await this.db.trackingWriteback.findMany({
      where: { orderId },
      select: { kind: true, key: true },
    });
    return new Set(rows.map((row) => `${row.kind}:${row.key}`));
  }

  async recordWritebacks(
    orderId: string,
    entries: { kind: TrackingWritebackKind; key: string; detail?: string }[],
  ): Promise<void> {
    if (entries.length === 0) return;
    await this.db.trackingWriteback.createMany({
      data: entries.map((entry) => ({ orderId, detail: null, ...entry })),
      skipDuplicates: true,
    });
  }
}
