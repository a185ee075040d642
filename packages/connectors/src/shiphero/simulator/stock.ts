import { invalidInput, notFound } from './errors';
import type { DimensionsRecord, ProductRecord, StockRecord, WarehouseRecord } from './records';
import { stockKey, type AccountData, type ShipHeroSimState } from './state';

export interface ProductSeed {
  sku: string;
  name?: string;
  barcode?: string | null;
}

/** What ShipHero answers for a product nobody measured. */
export const UNMEASURED: DimensionsRecord = {
  weight: '0.00',
  height: '0.00',
  width: '0.00',
  length: '0.00',
};

/** Creates the product, or renames it when the SKU exists: a SKU is one product per account. */
export function upsertProduct(
  state: ShipHeroSimState,
  data: AccountData,
  seed: ProductSeed,
): ProductRecord {
  const now = state.now();
  const existing = data.products.get(seed.sku);
  if (existing) {
    existing.name = seed.name ?? existing.name;
    existing.barcode = seed.barcode ?? existing.barcode;
    existing.updated_at = now;
    return existing;
  }
  const product: ProductRecord = {
    ...state.issue(data, 'Product'),
    account_id: data.account.id,
    sku: seed.sku,
    name: seed.name ?? seed.sku,
    barcode: seed.barcode ?? null,
    dimensions: { ...UNMEASURED },
    fields: {},
    created_at: now,
    updated_at: now,
  };
  data.products.set(product.sku, product);
  return product;
}

export function warehouseOf(data: AccountData, warehouseId: string | undefined): WarehouseRecord {
  const warehouse = warehouseId === undefined ? data.warehouses[0] : data.warehouse(warehouseId);
  if (!warehouse) throw notFound('Warehouse');
  return warehouse;
}

export interface OnHandChange {
  row: StockRecord;
  previous: number;
  changed: boolean;
}

/** Sets a SKU's on-hand count in one warehouse (ShipHero's `inventory_replace`). */
export function replaceOnHand(
  state: ShipHeroSimState,
  data: AccountData,
  warehouse: WarehouseRecord,
  sku: string,
  onHand: number,
): OnHandChange {
  if (!Number.isInteger(onHand) || onHand < 0) {
    throw invalidInput(`quantity must be a whole number of at least 0, not ${onHand}`);
  }
  if (!data.products.has(sku)) throw notFound(`Product with sku ${sku}`);
  const now = state.now();
  const key = stockKey(warehouse.id, sku);
  let row = data.stock.get(key);
  if (!row) {
    row = {
      ...state.issue(data, 'WarehouseProduct'),
      account_id: data.account.id,
      sku,
      warehouse_id: warehouse.id,
      on_hand: 0,
      created_at: now,
      updated_at: now,
    };
    data.stock.set(key, row);
  }
  const previous = row.on_hand;
  row.on_hand = onHand;
  if (previous !== onHand) row.updated_at = now;
  return { row, previous, changed: previous !== onHand };
}

/** Takes shipped units off the shelf; SKUs the warehouse does not stock are left alone. */
export function removeShipped(
  state: ShipHeroSimState,
  data: AccountData,
  warehouse: WarehouseRecord,
  quantities: Map<string, number>,
): StockRecord[] {
  const changed: StockRecord[] = [];
  for (const [sku, quantity] of quantities) {
    const row = data.stock.get(stockKey(warehouse.id, sku));
    if (!row || quantity <= 0) continue;
    row.on_hand = Math.max(0, row.on_hand - quantity);
    row.updated_at = state.now();
    changed.push(row);
  }
  return changed;
}
