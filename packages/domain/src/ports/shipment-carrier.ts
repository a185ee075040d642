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
   * Creates the planned consignment. `requestId` identifies the request to the carrier: sent
   * again with the same id (a retry after a lost answer), it must not make a second consignment.
   */
  create(plan: CarrierShipmentPlan, requestId: string): Promise<CarrierShipmentResult>;
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

export interface CarrierPlanRefusal {
  ok: false;
  /** The review reason code (`shipment_validation`). */
  reason: string;
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
