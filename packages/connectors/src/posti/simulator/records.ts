/** What the Posti simulator keeps: merchant accounts, Prinetti shipments, their parcels and events. */

/** A Pakettikauppa merchant: the API key (a UUID) and the secret both signing schemes use. */
export interface MerchantAccount {
  apiKey: string;
  secret: string;
  createdAt: number;
}

/** A sender or recipient as the Prinetti XML carries it (`Sender.*` / `Recipient.*`). */
export interface Party {
  name1: string;
  name2: string;
  addr1: string;
  addr2: string;
  addr3: string;
  postcode: string;
  city: string;
  country: string;
  phone: string;
  email: string;
  vatcode: string;
}

/** One `Consignment.AdditionalService`: its code and its named specifiers. */
export interface AdditionalServiceRecord {
  serviceCode: string;
  specifiers: Record<string, string>;
}

/** Cash on delivery (service 3101); `amount` in euro cents. */
export interface CashOnDelivery {
  amountCents: number;
  account: string;
  codbic: string;
  reference: string;
}

/**
 * One status event, kept with real instants; `/shipment/status` and the callbacks render it as
 * Posti does (strings, Finnish local time).
 */
export interface ParcelEvent {
  statusCode: string;
  /** When it happened (ms since the epoch). */
  eventAt: number;
  /** When Posti recorded the message (ms since the epoch). */
  messageAt: number;
  postcode: string;
  postOffice: string;
  receiverName: string;
  measuredWeight: string;
  measuredVolume: string;
}

/** One `Consignment.Parcel`: its own tracking code, label and events. */
export interface ParcelRecord {
  uuid: string;
  trackingCode: string;
  /** Only with service 9902 (label code), as the real service generates one. */
  labelCode: string | undefined;
  packageType: string;
  weightKg: number;
  volumeM3: number | undefined;
  contents: string;
  reference: string;
  events: ParcelEvent[];
}

/** One created shipment (consignment), as `POST /prinetti/create-shipment` stored it. */
export interface ShipmentRecord {
  /** `response.reference@uuid`: what `/shipment/cancel` takes as `shipment_id`. */
  uuid: string;
  /** `Consignment.Reference` (the request's Routing.Id when none was sent). */
  reference: string;
  apiKey: string;
  /** Every Routing.Id answered with this shipment (more than one when one was repeated). */
  routingIds: string[];
  routingName: string;
  product: string;
  sender: Party;
  recipient: Party;
  additionalServices: AdditionalServiceRecord[];
  /** Service 9901's `url`. */
  callbackUrl: string | undefined;
  /** Service 2106's `pickup_point_id`. */
  pickupPointId: string | undefined;
  cashOnDelivery: CashOnDelivery | undefined;
  parcels: ParcelRecord[];
  createdAt: number;
  cancelledAt: number | undefined;
}
