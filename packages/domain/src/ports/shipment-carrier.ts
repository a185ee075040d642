import type { CanonicalOrder, Destination } from '../order';

/**
 * A carrier that makes the shipments of a store's own dispatch (Posti): one destination of a
 * store order becomes one consignment of one or more parcels, each with its tracking number and
 * label. Planning is pure; creating is the one call that makes something at the carrier.
 */
export interface ShipmentCarrier {
  /** The courier slug of the parcels it makes (what trackings and store shipments carry). */
  readonly carrierSlug: string;
  /** Whether an order in this store status (the store's own id) asks for a shipment. */
  shipsOn(storeStatusId: number): boolean;
  /**
   * The consignment a destination would be, or the reasons it cannot be one as it stands (the
   * order then waits for a person, it is never sent with a guess). No I/O.
   */
  plan(
    order: CanonicalOrder,
    destination: Destination,
    choice: CarrierServiceChoice,
  ): CarrierShipmentPlan | CarrierPlanRefusal;
  /**
   * Sends the planned consignment once, under `attemptId` (unique per attempt). It resolves with
   * what the carrier said: made, refused for good (the document cannot work), or not known (no
   * answer, or one that cannot be read: the consignment may exist, so it must not be sent again
   * without a person looking). It throws only when nothing was made: a carrier that answered
   * with a failure (retryable) or refused the account (permanent).
   */
  create(plan: CarrierShipmentPlan, attemptId: string): Promise<CarrierCreateOutcome>;
  /** One PDF with the labels of every parcel of a created consignment. */
  labels(shipment: CarrierShipmentResult): Promise<Buffer>;
}

/** What checkout sold for a destination (the store's rate rules name it), where that is known. */
export interface CarrierServiceChoice {
  /** The carrier's product; null: the carrier's default for the order (its pickup or home product). */
  product: string | null;
  /** The pickup point the chosen quote carried; the order's pickup-point field is looked at too. */
  pickupPointId: string | null;
}

/** A consignment ready to send. `document` is the carrier's own form of it, kept as sent. */
export interface CarrierShipmentPlan {
  ok: true;
  /** The carrier's code of the service (product) and its name, for people and the store. */
  serviceCode: string;
  serviceName: string;
  /** The consignment's reference, as the carrier's admin shows it (the store's order number). */
  reference: string;
  /** The store's lines in each parcel, in parcel order (the carrier numbers them the same). */
  parcels: CarrierParcelPlan[];
  /** Additional service codes asked for (pickup point, cash on delivery…). */
  services: string[];
  /** Decisions a person may want to know about (a phone that could not be used…). */
  notes: string[];
  document: unknown;
}

export interface CarrierParcelPlan {
  weightKg: number;
  items: { lineRef: string; quantity: number }[];
}

export type CarrierCreateOutcome =
  | { outcome: 'created'; shipment: CarrierShipmentResult }
  | { outcome: 'refused'; message: string }
  | { outcome: 'unknown'; message: string };

export interface CarrierPlanRefusal {
  ok: false;
  /**
   * `shipment_validation`: the order cannot be sent as it stands (a person fixes it in the
   * store); `nothing_to_ship`: every line of the destination has shipped already;
   * `not_this_carrier`: checkout sold another way of delivery (another carrier, collection).
   */
  reason: 'shipment_validation' | 'nothing_to_ship' | 'not_this_carrier';
  problems: { code: string; field: string; message: string }[];
}

/** What the carrier made: its consignment id and one tracking number per parcel. */
export interface CarrierShipmentResult {
  /** The carrier's id of the consignment (used to cancel it). */
  shipmentRef: string | null;
  /** The consignment reference as the carrier stored it. */
  reference: string;
  parcels: CarrierParcel[];
}

export interface CarrierParcel {
  trackingNumber: string;
  /** The carrier's id of the parcel, and a label-free sending code, where it gives them. */
  parcelRef: string | null;
  labelCode: string | null;
  trackingUrl: string;
}
