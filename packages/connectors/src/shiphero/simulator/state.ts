import { LegacyIds, type ShipHeroEntity } from './ids';
import type {
  AccountRecord,
  OrderRecord,
  ProductRecord,
  ReturnRecord,
  ShipmentRecord,
  StockRecord,
  WarehouseRecord,
  WebhookRecord,
} from './records';

/** Everything one ShipHero account holds; no query ever reaches another account's data. */
export class AccountData {
  readonly warehouses: WarehouseRecord[] = [];
  /** By SKU: a SKU is unique within an account. */
  readonly products = new Map<string, ProductRecord>();
  /** By `stockKey(warehouse_id, sku)`. */
  readonly stock = new Map<string, StockRecord>();
  /** In creation order, which is also FIFO allocation order. */
  readonly orders = new Map<string, OrderRecord>();
  readonly shipments = new Map<string, ShipmentRecord>();
  readonly returns = new Map<string, ReturnRecord>();
  webhooks: WebhookRecord[] = [];

  constructor(readonly account: AccountRecord) {}

  warehouse(id: string): WarehouseRecord | undefined {
    return this.warehouses.find((warehouse) => warehouse.id === id);
  }

  /** The stock rows of one SKU, in warehouse order. */
  stockOf(sku: string): StockRecord[] {
    return this.warehouses.flatMap((warehouse) => {
      const row = this.stock.get(stockKey(warehouse.id, sku));
      return row ? [row] : [];
    });
  }
}

export const stockKey = (warehouseId: string, sku: string): string => `${warehouseId}\u0000${sku}`;

export interface OpenAccountInput {
  email: string;
  username: string;
  password: string;
  companyName: string;
}

/**
 * The simulator's whole world: accounts and every id issued. Ids are global, as in ShipHero, so a
 * uuid names one entity of one account and `ownerOf` tells whose it is.
 */
export class ShipHeroSimState {
  private readonly ids = new LegacyIds();
  private accounts = new Map<string, AccountData>();
  private owners = new Map<string, string>();

  constructor(readonly now: () => number) {}

  openAccount(input: OpenAccountInput): AccountData {
    const { id, legacyId } = this.ids.take('Account');
    const data = new AccountData({
      id,
      legacy_id: legacyId,
      email: input.email,
      username: input.username,
      password: input.password,
      company_name: input.companyName,
    });
    this.accounts.set(id, data);
    this.owners.set(id, id);
    return data;
  }

  account(id: string): AccountData | undefined {
    return this.accounts.get(id);
  }

  accountByUsername(username: string): AccountData | undefined {
    return [...this.accounts.values()].find(
      (data) => data.account.username === username || data.account.email === username,
    );
  }

  /** A fresh id for an entity of `data`'s account. */
  issue(data: AccountData, entity: ShipHeroEntity): { id: string; legacy_id: number } {
    const { id, legacyId } = this.ids.take(entity);
    this.owners.set(id, data.account.id);
    return { id, legacy_id: legacyId };
  }

  /** True when the uuid was issued to this account. */
  owns(data: AccountData, id: string): boolean {
    return this.owners.get(id) === data.account.id;
  }

  /** The account that holds an entity, for control routes that name only the entity. */
  ownerOf(id: string): AccountData | undefined {
    const owner = this.owners.get(id);
    return owner === undefined ? undefined : this.accounts.get(owner);
  }

  addWarehouse(data: AccountData, identifier: string, companyName?: string): WarehouseRecord {
    const warehouse: WarehouseRecord = {
      ...this.issue(data, 'Warehouse'),
      account_id: data.account.id,
      identifier,
      company_name: companyName ?? data.account.company_name,
    };
    data.warehouses.push(warehouse);
    return warehouse;
  }

  reset(): void {
    this.ids.reset();
    this.accounts.clear();
    this.owners.clear();
  }
}
