import type { CatalogProduct } from '../catalog';
import type { CanonicalOrder } from '../order';
import type { StockAdjustResult, StockAdjustment, StockLevel, StockWriteResult } from '../stock';
import type { OrderShipmentProgress } from '../tracking/shipment-progress';
import type { TrackingStatus } from '../tracking/status';
import type { StoreRefunds, StoreReturn } from './store-refunds';

/**
 * A store platform (BigCommerce now, commercetools next) as the workers see it: canonical
 * orders and shipments in, store shipments, statuses and notes out. References are the store's
 * own ids as opaque strings; nothing here names a vendor.
 */
export interface StorePlatform {
  /** The order as a canonical order; undefined when the store has no such order. */
  readOrder(orderRef: string): Promise<CanonicalOrder | undefined>;
  /** Whether the store has the order at all (cheaper than reading it). */
  hasOrder(orderRef: string): Promise<boolean>;
  /** Orders changed at or after `since`, oldest change first, with the change stamp. */
  ordersChangedSince(since: Date): Promise<OrderChange[]>;
  /**
   * Whether the store keeps staff notes on an order (BigCommerce does; commercetools keeps
   * tracking and returns on parcels and return info instead).
   */
  readonly staffNotes: boolean;
  /** The order's store status and staff notes, for write-back decisions. */
  readOrderState(orderRef: string): Promise<StoreOrderState | undefined>;
  /** Changes only what is given: the store status (by the store's own id) and the staff notes. */
  updateOrder(
    orderRef: string,
    patch: { storeStatusId?: number; staffNotes?: string },
  ): Promise<void>;
  listShipments(orderRef: string): Promise<StoreShipment[]>;
  readShipment(orderRef: string, shipmentRef: string): Promise<StoreShipment | undefined>;
  createShipment(orderRef: string, draft: StoreShipmentDraft): Promise<StoreShipment>;
  /**
   * Sets absolute stock levels, split into the batches the store accepts. A level the store
   * refuses (unknown SKU, stock tracked another way) is answered in `rejected`, not thrown, so
   * one bad SKU never blocks the rest of a batch.
   */
  setStock(levels: readonly StockLevel[], reason: string): Promise<StockWriteResult>;
  /**
   * Changes stock by a number of units per SKU and location (shipments of other channels). Like
   * `setStock`, a refused adjustment is answered in `rejected`. Absent where the store cannot
   * adjust stock by a difference.
   */
  adjustStock?(adjustments: readonly StockAdjustment[], reason: string): Promise<StockAdjustResult>;
  /** The store's current levels of these SKUs at these locations (absent: the store has none). */
  readStock(skus: readonly string[], locationRefs: readonly string[]): Promise<StockLevel[]>;
  /** Which of these SKUs the store sells (products or variants), for SKU mapping. */
  knownSkus(skus: readonly string[]): Promise<string[]>;
  /**
   * For stores that keep tracking on each parcel (commercetools: parcel custom fields and the
   * order's shipment state): writes what differs from what the store holds now, and nothing when
   * nothing does, so a repeated update makes no second write. Absent where tracking reaches the
   * store as order status and staff notes (BigCommerce).
   */
  writeParcelTracking?(orderRef: string, update: ParcelTrackingUpdate): Promise<ParcelWriteResult>;
  /** Refunds through the store; absent where refunds stay the merchant's to make there. */
  refunds?: StoreRefunds;
  /**
   * For stores that keep returns on the order (commercetools' return info): records the return
   * once, by its ref. Absent where the store keeps no return records of its own.
   */
  recordReturn?(orderRef: string, record: StoreReturn): Promise<void>;
  /**
   * A product with its sellable variants' SKUs, weights, dimensions and customs data, for the
   * fulfilment systems' products; undefined when the store has no such product. Absent where the
   * store's catalog is not read.
   */
  readProduct?(productRef: string): Promise<CatalogProduct | undefined>;
}

/** What the hub knows of one parcel's tracking, for the store's parcel fields. */
export interface ParcelTracking {
  /** The store's parcel id (`StoreShipment.shipmentRef`). */
  shipmentRef: string;
  trackingNumber: string;
  status: TrackingStatus;
  subStatus: string | null;
  /** The last checkpoint in words, and when it happened (ISO 8601, UTC). */
  lastEvent: string | null;
  lastEventAt: string | null;
  /** The carrier's or the tracking provider's estimate (ISO 8601 date or date-time). */
  estimatedDelivery: string | null;
  trackingUrl: string | null;
}

export interface ParcelTrackingUpdate {
  parcels: ParcelTracking[];
  /** The order's state as a whole (`orderShipmentProgress`); undefined leaves it alone. */
  progress: OrderShipmentProgress | undefined;
}

export interface ParcelWriteResult {
  /** Changes written (0 when the store held all of it already). */
  changes: number;
  /** Parcels the store no longer has (removed since), skipped. */
  missing: string[];
}

export interface OrderChange {
  orderRef: string;
  /** The store's modification stamp, as it gave it: the same change always has the same stamp. */
  changedAt: string;
}

export interface StoreOrderState {
  /** Canonical status, as `readOrder` would say. */
  status: CanonicalOrder['status'];
  /** The store's own status id (what store settings such as `deliveredStatusId` speak in). */
  storeStatusId: number;
  /** The store's id for "shipped in full", which write-back compares against. */
  shippedStatusId: number;
  staffNotes: string;
}

/** A shipment as the store holds it. `carrierSlug` is a courier slug (AfterShip's list). */
export interface StoreShipment {
  shipmentRef: string;
  trackingNumber: string | null;
  carrierSlug: string | null;
  shippingMethod: string | null;
  shippingCost: string | null;
  comments: string;
  createdAt: string | null;
  items: { lineRef: string; quantity: number }[];
  raw: unknown;
}

/** A store shipment to create: one destination's lines, with carrier and tracking. */
export interface StoreShipmentDraft {
  addressRef: string;
  items: { lineRef: string; quantity: number }[];
  trackingNumber: string | null;
  carrierSlug: string | null;
  shippingMethod: string | null;
  shippingCost: string | null;
  /** Where the customer follows the parcel, where the hub knows a link (a carrier's own page). */
  trackingUrl?: string | null;
  /** Free text kept with the shipment; the hub writes its marker here. */
  comments: string;
}
