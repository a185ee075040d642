import type { CatalogVariant } from '../catalog';
import type { CanonicalOrder, Destination } from '../order';
import type { RoutingDecision } from '../routing/evaluate';
import type { ProductMatch } from '../stock';

/**
 * A fulfilment system (ShipStation now; ShipHero and Posti next): orders out, shipments back.
 * One fulfilment order per destination of a store order, upserted under a stable key.
 */
export interface FulfilmentSystem {
  /**
   * Creates or updates the fulfilment order of one destination, in the state the store order's
   * canonical status asks for. Undefined when that status is not exported at all (incomplete
   * checkouts, or a status the warehouse owns from here on). See `ExportOptions`.
   */
  upsertOrder(
    order: CanonicalOrder,
    destination: Destination,
    key: FulfilmentOrderKey,
    options?: ExportOptions,
  ): Promise<FulfilmentOrderState | undefined>;
  /**
   * The fulfilment order of one destination as the system holds it now: by its own id when
   * known, else by key and the order number the system gives that destination (a crash between
   * creating and recording it). Undefined when there is none.
   */
  findOrder(
    order: CanonicalOrder,
    destination: Destination,
    key: FulfilmentOrderKey & { externalId?: string },
  ): Promise<FulfilmentOrderState | undefined>;
  /** What `upsertOrder` would do for this canonical status: export it, cancel it, or leave it. */
  intentFor(status: CanonicalOrder['status']): 'export' | 'cancel' | 'skip';
  /** A recorded status word (`FulfilmentOrderState.rawStatus`) in canonical terms. */
  statusOf(rawStatus: string): FulfilmentOrderStatus;
  /**
   * A fulfilment order by the system's own id, as it holds it now (a webhook said it changed);
   * undefined when there is none.
   */
  orderState(externalId: string): Promise<FulfilmentOrderState | undefined>;
  /**
   * Which of these store SKUs the system has products for, for systems that only take orders
   * for products they know (ShipHero). Absent where any SKU is accepted (ShipStation).
   */
  matchProducts?(skus: readonly string[]): Promise<ProductMatch[]>;
  /**
   * The fulfilment orders a webhook pointed at (an opaque batch reference), for systems whose
   * order notifications are pointers (ShipStation's ORDER_NOTIFY and FULFILLMENT_REJECTED).
   */
  ordersIn?(batchRef: string): Promise<FulfilmentOrderState[]>;
  /** Fulfilment orders changed at or after `since` (the poll that sees holds and delays). */
  ordersChangedSince?(since: Date): Promise<FulfilmentOrderState[]>;
  /** The shipments a webhook pointed at (an opaque batch reference). */
  shipmentsIn(batchRef: string): Promise<InboundShipment[]>;
  /** Shipments created at or after `since`. */
  shipmentsSince(since: Date): Promise<InboundShipment[]>;
  /**
   * Gives the system's products of these SKUs the store's weights, dimensions and customs data
   * (a `null` value leaves the system's own alone), changing only what differs: one outcome per
   * SKU. Absent where the system keeps no products the hub could keep in step.
   */
  syncProducts?(variants: readonly CatalogVariant[]): Promise<ProductSyncOutcome[]>;
}

/** What a fulfilment system did with one SKU's product values. */
export type ProductSyncOutcome =
  /** `updated`: its product has the values now; `unchanged`: it had them already. */
  | { sku: string; status: 'updated' | 'unchanged' }
  /** It has no product for the SKU yet and cannot create one (ShipStation V1 has no create). */
  | { sku: string; status: 'unknown' }
  /** It refused the values (a validation error, in its words). */
  | { sku: string; status: 'refused'; reason: string };

/** What the store's settings and rules add to an export. */
export interface ExportOptions {
  /**
   * What the store's routing rules decided (tags, warehouse, store, service, hold); what of it
   * the system cannot apply is answered in `unapplied`, never thrown, so a rule never stops an
   * order shipping.
   */
  routing?: RoutingDecision;
  /**
   * The system's own status word to export with, from the store's status table, in place of the
   * one the canonical status maps to. A word the system cannot take is a configuration error.
   */
  status?: string;
}

/** The stable upsert key (see `fulfilmentOrderKey`); the system numbers the order itself. */
export interface FulfilmentOrderKey {
  orderKey: string;
}

/**
 * `rejected`: a fulfilment partner refused the order; it takes no store changes until a person
 * sends it on (like `shipped` and `cancelled`, which are settled for good).
 */
export type FulfilmentOrderStatus = 'open' | 'on_hold' | 'rejected' | 'shipped' | 'cancelled';

export interface FulfilmentOrderState {
  externalId: string;
  /** Canonical: settled orders (`shipped`, `cancelled`) take no more store changes. */
  status: FulfilmentOrderStatus;
  /** The system's own status word, kept for people reading the record. */
  rawStatus: string;
  /** Routing actions the system could not apply, in words (a tag it does not have). */
  unapplied?: string[];
  /**
   * When the status is one of the exceptions (on hold, awaiting payment, rejected by a partner),
   * which, and what the system said of it (internal notes: never shown to customers).
   */
  exception?: { kind: 'on_hold' | 'awaiting_payment' | 'rejected'; detail: string | null };
  /** When the order should have shipped by (ISO 8601), where the system keeps it. */
  shipBy?: string | null;
}

/** A shipment reported by a fulfilment system, normalized. */
export interface InboundShipment {
  /** The system's shipment id. */
  sourceId: string;
  orderKey: string | null;
  /** The system's id of the fulfilment order it belongs to. */
  fulfilmentOrderId: string | null;
  trackingNumber: string | null;
  /** The system's carrier code, as it gave it. */
  carrierCode: string | null;
  /** The courier slug that carrier code stands for; empty or null when it cannot be told honestly. */
  carrierSlug: string | null;
  serviceCode: string | null;
  /** What the label cost the merchant (decimal string), without insurance. */
  shippingCost: string | null;
  /** What insuring the parcel cost, where the system says. */
  insuranceCost: string | null;
  shipDate: string | null;
  voided: boolean;
  /** A label for the customer to send goods back: a return, not a parcel leaving. */
  isReturn: boolean;
  /** The system's id of the warehouse it left from, where it says. */
  warehouseRef: string | null;
  items: { lineRef: string | null; sku: string | null; quantity: number }[];
  raw: unknown;
}
