import { randomBytes } from 'node:crypto';
import { SHIPSTATION_TIME_ZONE } from '../dates';
import type { ShipStationOrderStatus } from '../schemas';
import type { SimItemInput, SimOrderInput } from './validation';

export interface SimItem {
  orderItemId: number;
  input: SimItemInput;
  /** Units on live (not voided) labels. */
  shipped: number;
  createdAt: number;
  modifiedAt: number;
}

export interface SimOrder {
  orderId: number;
  /** The API key that owns the order; accounts never see each other's data. */
  account: string;
  orderKey: string;
  input: SimOrderInput;
  status: ShipStationOrderStatus;
  items: SimItem[];
  createdAt: number;
  modifiedAt: number;
  deleted: boolean;
}

export interface SimShipment {
  shipmentId: number;
  orderId: number;
  account: string;
  /** The label-creation action; SHIP_NOTIFY's resource_url lists shipments by it. */
  batchId: number;
  batchNumber: string | null;
  createdAt: number;
  shipDate: string;
  carrierCode: string;
  serviceCode: string;
  packageCode: string;
  trackingNumber: string;
  cost: number;
  items: { orderItemId: number; quantity: number }[];
  voided: boolean;
  voidedAt: number | null;
}

export interface SimWebhook {
  id: number;
  account: string;
  targetUrl: string;
  event: string;
  storeId: number | null;
  name: string;
}

export type UpsertResult =
  { kind: 'created' | 'updated'; order: SimOrder } | { kind: 'locked'; order: SimOrder };

/** Statuses ShipStation lets `createorder` change; shipped and cancelled orders are locked. */
const OPEN = new Set<ShipStationOrderStatus>([
  'awaiting_payment',
  'awaiting_shipment',
  'on_hold',
  'pending_fulfillment',
]);

const FIRST_IDS = { order: 100_000_000, item: 500_000_000, shipment: 70_000_000, batch: 900_000 };

/** Everything a simulated ShipStation knows, in memory. */
export class ShipStationState {
  readonly accounts = new Map<string, string>();
  readonly orders = new Map<number, SimOrder>();
  readonly shipments = new Map<number, SimShipment>();
  readonly webhooks = new Map<number, SimWebhook>();
  /** Where this simulator is reachable from webhook receivers (resource_url). */
  publicUrl = '';
  private ids = { ...FIRST_IDS, webhook: 0 };

  constructor(
    readonly now: () => number = Date.now,
    readonly timeZone: string = SHIPSTATION_TIME_ZONE,
  ) {}

  addAccount(apiKey: string, apiSecret: string): void {
    this.accounts.set(apiKey, apiSecret);
  }

  authenticate(apiKey: string, apiSecret: string): boolean {
    return this.accounts.get(apiKey) === apiSecret;
  }

  /** Orders, shipments and webhooks go; accounts stay, like the credentials a demo was given. */
  reset(): void {
    this.orders.clear();
    this.shipments.clear();
    this.webhooks.clear();
    this.ids = { ...FIRST_IDS, webhook: 0 };
  }

  next(kind: 'shipment' | 'batch' | 'webhook'): number {
    this.ids[kind] += 1;
    return this.ids[kind];
  }

  liveOrders(account?: string): SimOrder[] {
    return [...this.orders.values()].filter(
      (order) => !order.deleted && (account === undefined || order.account === account),
    );
  }

  findByKey(account: string | undefined, orderKey: string): SimOrder | undefined {
    return this.liveOrders(account).find((order) => order.orderKey === orderKey);
  }

  /** `createorder`: a known key replaces that order's content; no key means a new order. */
  upsertOrder(account: string, input: SimOrderInput): UpsertResult {
    const now = this.now();
    const existing = input.orderKey ? this.findByKey(account, input.orderKey) : undefined;
    if (existing && !OPEN.has(existing.status)) return { kind: 'locked', order: existing };

    const previous = new Map(
      (existing?.items ?? []).map((item) => [
        item.input.lineItemKey ?? `#${item.orderItemId}`,
        item,
      ]),
    );
    const items = (input.items ?? []).map((itemInput): SimItem => {
      const before = itemInput.lineItemKey ? previous.get(itemInput.lineItemKey) : undefined;
      if (before) return { ...before, input: itemInput, modifiedAt: now };
      this.ids.item += 1;
      return {
        orderItemId: this.ids.item,
        input: itemInput,
        shipped: 0,
        createdAt: now,
        modifiedAt: now,
      };
    });

    if (existing) {
      Object.assign(existing, { input, status: input.orderStatus, items, modifiedAt: now });
      return { kind: 'updated', order: existing };
    }
    this.ids.order += 1;
    const order: SimOrder = {
      orderId: this.ids.order,
      account,
      orderKey: input.orderKey ?? randomBytes(16).toString('hex'),
      input,
      status: input.orderStatus,
      items,
      createdAt: now,
      modifiedAt: now,
      deleted: false,
    };
    this.orders.set(order.orderId, order);
    return { kind: 'created', order };
  }

  setStatus(order: SimOrder, status: ShipStationOrderStatus): void {
    order.status = status;
    order.modifiedAt = this.now();
  }
}
