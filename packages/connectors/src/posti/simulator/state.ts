import { randomBytes, randomUUID } from 'node:crypto';
import type { MerchantAccount, ParcelRecord, ShipmentRecord } from './records';

/** Pakettikauppa's public test merchant, which every test environment has. */
export const POSTI_TEST_ACCOUNT = {
  apiKey: '00000000-0000-0000-0000-000000000000',
  secret: '1234567890ABCDEF',
} as const;

/** Behaviour the control API can switch. */
export interface PostiSettings {
  /**
   * A Routing.Id the account already used answers the shipment it created (true), or creates
   * another one, as the real service most probably does (false). Pakettikauppa documents
   * Routing.Id only as the request's "unique id"; what it does with a repeated one is unpublished.
   */
  idempotentRoutingIds: boolean;
}

/** A parcel and the shipment it belongs to. */
export interface ParcelOf {
  shipment: ShipmentRecord;
  parcel: ParcelRecord;
}

/** Every merchant account and shipment the simulator holds, with their indexes. */
export class PostiSimState {
  readonly accounts = new Map<string, MerchantAccount>();
  private readonly shipments = new Map<string, ShipmentRecord>();
  private readonly parcels = new Map<string, ParcelOf>();
  private readonly routingIds = new Map<string, string>();
  settings: PostiSettings;

  constructor(
    private readonly now: () => number,
    private readonly defaults: PostiSettings,
  ) {
    this.settings = { ...defaults };
    this.seed();
  }

  /** A new merchant; undefined when the API key is taken. Keys and secrets are generated if absent. */
  openAccount(apiKey: string = randomUUID(), secret = randomBytes(16).toString('hex')) {
    if (this.accounts.has(apiKey)) return undefined;
    const account: MerchantAccount = { apiKey, secret, createdAt: this.now() };
    this.accounts.set(apiKey, account);
    return account;
  }

  account(apiKey: string): MerchantAccount | undefined {
    return this.accounts.get(apiKey);
  }

  addShipment(shipment: ShipmentRecord): void {
    this.shipments.set(shipment.uuid, shipment);
    for (const parcel of shipment.parcels)
      this.parcels.set(parcel.trackingCode, { shipment, parcel });
    for (const routingId of shipment.routingIds) this.rememberRoutingId(shipment, routingId);
  }

  /** The shipment an account created with this Routing.Id, if any. */
  shipmentByRoutingId(apiKey: string, routingId: string): ShipmentRecord | undefined {
    const uuid = this.routingIds.get(`${apiKey}#${routingId}`);
    return uuid === undefined ? undefined : this.shipments.get(uuid);
  }

  /** Records that `routingId` was answered with `shipment`. */
  rememberRoutingId(shipment: ShipmentRecord, routingId: string): void {
    this.routingIds.set(`${shipment.apiKey}#${routingId}`, shipment.uuid);
    if (!shipment.routingIds.includes(routingId)) shipment.routingIds.push(routingId);
  }

  shipment(uuid: string): ShipmentRecord | undefined {
    return this.shipments.get(uuid);
  }

  parcel(trackingCode: string): ParcelOf | undefined {
    return this.parcels.get(trackingCode.trim());
  }

  /** An account's shipments, oldest first. */
  shipmentsOf(apiKey: string): ShipmentRecord[] {
    return [...this.shipments.values()].filter((shipment) => shipment.apiKey === apiKey);
  }

  /**
   * A shipment by its uuid, one of its tracking codes, or its Consignment.Reference (the newest
   * shipment with that reference; limited to `apiKey`'s when given).
   */
  findShipment(reference: string, apiKey?: string): ShipmentRecord | undefined {
    const mine = (shipment: ShipmentRecord | undefined) =>
      shipment && (apiKey === undefined || shipment.apiKey === apiKey) ? shipment : undefined;
    const direct = mine(this.shipments.get(reference)) ?? mine(this.parcel(reference)?.shipment);
    if (direct) return direct;
    return [...this.shipments.values()]
      .reverse()
      .find((shipment) => shipment.reference === reference && mine(shipment));
  }

  reset(): void {
    this.accounts.clear();
    this.shipments.clear();
    this.parcels.clear();
    this.routingIds.clear();
    this.settings = { ...this.defaults };
    this.seed();
  }

  private seed(): void {
    this.openAccount(POSTI_TEST_ACCOUNT.apiKey, POSTI_TEST_ACCOUNT.secret);
  }
}
