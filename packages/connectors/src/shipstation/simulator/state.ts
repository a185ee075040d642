import { randomBytes } from 'node:crypto';
import { SHIPSTATION_TIME_ZONE, toShipStationDate } from '../dates';
import type { ShipStationOrderStatus } from '../schemas';
import { defaultStore, defaultWarehouse, itemProduct } from './catalog';
import type {
  SimImportBatch,
  SimItem,
  SimOrder,
  SimProduct,
  SimShipment,
  SimStore,
  SimTag,
  SimWarehouse,
  SimWebhook,
} from './records';
import type { SimItemInput, SimOrderInput } from './validation';

export type * from './records';

export type UpsertResult =
  | { kind: 'created' | 'updated'; order: SimOrder; before: ShipStationOrderStatus | undefined }
  | { kind: 'locked'; order: SimOrder };

/** Statuses ShipStation lets `createorder` change; shipped and cancelled orders are locked. */
const OPEN = new Set<ShipStationOrderStatus>([
  'awaiting_payment',
  'awaiting_shipment',
  'on_hold',
  'pending_fulfillment',
]);

/** Each kind counts up from its own range, so an id never reads as another kind's. */
const FIRST_IDS = {
  order: 100_000_000,
  item: 500_000_000,
  shipment: 70_000_000,
  batch: 900_000,
  webhook: 0,
  tag: 48_200,
  // The first account's defaults get 412600 and 305118 (the store id of the test fixtures).
  warehouse: 412_599,
  store: 305_117,
  product: 7_854_000,
};
type IdKind = Exclude<keyof typeof FIRST_IDS, 'order' | 'item'>;

/** Everything a simulated ShipStation knows, in memory. */
const keyOf = (account: string, orderKey: string) => `${account}\u0000${orderKey}`;

export class ShipStationState {
  readonly accounts = new Map<string, string>();
  readonly orders = new Map<number, SimOrder>();
  readonly shipments = new Map<number, SimShipment>();
  readonly webhooks = new Map<number, SimWebhook>();
  readonly tags = new Map<number, SimTag>();
  readonly warehouses = new Map<number, SimWarehouse>();
  readonly stores = new Map<number, SimStore>();
  readonly products = new Map<number, SimProduct>();
  readonly importBatches = new Map<string, SimImportBatch>();
  /** Where this simulator is reachable from webhook receivers (resource_url). */
  publicUrl = '';
  private ids = { ...FIRST_IDS };
  /** The newest order of each (account, orderKey). */
  private readonly byKey = new Map<string, SimOrder>();

  constructor(
    readonly now: () => number = Date.now,
    readonly timeZone: string = SHIPSTATION_TIME_ZONE,
  ) {}

  /** A new account starts as ShipStation's do: one default warehouse and one manual store. */
  addAccount(apiKey: string, apiSecret: string): void {
    const known = this.accounts.has(apiKey);
    this.accounts.set(apiKey, apiSecret);
    if (!known) this.seed(apiKey);
  }

  authenticate(apiKey: string, apiSecret: string): boolean {
    return this.accounts.get(apiKey) === apiSecret;
  }

  /** Everything but the accounts goes; each account gets its starting warehouse and store back. */
  reset(): void {
    for (const map of [
      this.orders,
      this.shipments,
      this.webhooks,
      this.tags,
      this.warehouses,
      this.stores,
      this.products,
      this.importBatches,
    ]) {
      map.clear();
    }
    this.byKey.clear();
    this.ids = { ...FIRST_IDS };
    for (const account of this.accounts.keys()) this.seed(account);
  }

  next(kind: IdKind): number {
    this.ids[kind] += 1;
    return this.ids[kind];
  }

  liveOrders(account?: string): SimOrder[] {
    return [...this.orders.values()].filter(
      (order) => !order.deleted && (account === undefined || order.account === account),
    );
  }

  findByKey(account: string | undefined, orderKey: string): SimOrder | undefined {
    if (account === undefined) {
      return this.liveOrders().find((order) => order.orderKey === orderKey);
    }
    // Every createorder looks its key up: an index, so a long run's thousands of orders cost nothing.
    const order = this.byKey.get(keyOf(account, orderKey));
    return order && !order.deleted ? order : undefined;
  }

  /** The records of one account in a map, in id order. */
  owned<T extends { account: string }>(map: Map<number, T>, account: string): T[] {
    return [...map.values()].filter((record) => record.account === account);
  }

  /** The account's record with that id; another account's is as good as missing. */
  ownedOne<T extends { account: string }>(
    map: Map<number, T>,
    id: number | undefined,
    account: string,
  ): T | undefined {
    const record = id === undefined ? undefined : map.get(id);
    return record?.account === account ? record : undefined;
  }

  defaultWarehouseId(account: string): number {
    const warehouses = this.owned(this.warehouses, account);
    return (warehouses.find((w) => w.isDefault) ?? warehouses[0])?.warehouseId ?? 0;
  }

  productBySku(account: string, sku: string): SimProduct | undefined {
    const wanted = sku.trim().toLowerCase();
    return this.owned(this.products, account).find(
      (product) => product.fields.sku.toLowerCase() === wanted,
    );
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
      const productId = itemInput.productId ?? this.productFor(account, itemInput, now);
      const before = itemInput.lineItemKey ? previous.get(itemInput.lineItemKey) : undefined;
      if (before) return { ...before, input: itemInput, productId, modifiedAt: now };
      this.ids.item += 1;
      return {
        orderItemId: this.ids.item,
        input: itemInput,
        productId,
        shipped: 0,
        createdAt: now,
        modifiedAt: now,
      };
    });
    const warehouseId = input.advancedOptions?.warehouseId;
    const content = {
      input,
      status: input.orderStatus,
      items,
      holdUntilDate: input.holdUntilDate ?? null,
      modifiedAt: now,
    };

    if (existing) {
      const before = existing.status;
      Object.assign(existing, content, {
        // Left out means "as it is": tags and dates a person set in ShipStation survive updates.
        tagIds: input.tagIds === undefined ? existing.tagIds : unique(input.tagIds ?? []),
        warehouseId:
          warehouseId === undefined
            ? existing.warehouseId
            : (warehouseId ?? this.defaultWarehouseId(account)),
        shipByDate: input.shipByDate === undefined ? existing.shipByDate : input.shipByDate,
      });
      return { kind: 'updated', order: existing, before };
    }
    this.ids.order += 1;
    const order: SimOrder = {
      ...content,
      orderId: this.ids.order,
      account,
      orderKey: input.orderKey ?? randomBytes(16).toString('hex'),
      tagIds: unique(input.tagIds ?? []),
      warehouseId: warehouseId ?? this.defaultWarehouseId(account),
      shipByDate: input.shipByDate ?? null,
      createdAt: now,
      deleted: false,
    };
    this.orders.set(order.orderId, order);
    this.byKey.set(keyOf(account, order.orderKey), order);
    return { kind: 'created', order, before: undefined };
  }

  setStatus(order: SimOrder, status: ShipStationOrderStatus): void {
    order.status = status;
    order.modifiedAt = this.now();
  }

  /** ShipStation moves an on_hold order back to awaiting_shipment on its holdUntilDate. */
  releaseDueHolds(): void {
    const today = toShipStationDate(new Date(this.now()), this.timeZone);
    for (const order of this.orders.values()) {
      if (order.status !== 'on_hold' || !order.holdUntilDate || order.deleted) continue;
      if (order.holdUntilDate > today) continue;
      order.holdUntilDate = null;
      this.setStatus(order, 'awaiting_shipment');
    }
  }

  /** ShipStation files every new SKU of an imported item as a product. */
  private productFor(account: string, item: SimItemInput, now: number): number | null {
    const sku = item.sku?.trim();
    if (!sku || item.adjustment === true) return null;
    const known = this.productBySku(account, sku);
    if (known) return known.productId;
    const product = itemProduct(this.next('product'), account, sku, item, now);
    this.products.set(product.productId, product);
    return product.productId;
  }

  private seed(account: string): void {
    const now = this.now();
    const warehouse = defaultWarehouse(this.next('warehouse'), account, now);
    this.warehouses.set(warehouse.warehouseId, warehouse);
    const store = defaultStore(this.next('store'), account, now);
    this.stores.set(store.storeId, store);
  }
}

const unique = (ids: number[]) => [...new Set(ids)];
