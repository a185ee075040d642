import { invalidInput, notFound } from './errors';
import { checkCustomerAccount } from './orders';
import type { DimensionsRecord, ProductRecord, WarehouseRecord } from './records';
import type { AccountData, ShipHeroSimState } from './state';
import { replaceOnHand, UNMEASURED, warehouseOf } from './stock';

/**
 * `product_create` and `product_update` as ShipHero applies them: a SKU is one product per
 * account (creating it twice is refused), `warehouse_products` stocks it in those warehouses
 * with their on-hand counts (no Inventory Update: nothing moved), `dimensions` are decimal
 * strings in the account's units (ounces and inches by default) and an update changes only the
 * measures and fields given. Everything else the inputs carry is kept as given.
 */

type Input = Record<string, unknown>;

const MEASURES = ['weight', 'height', 'width', 'length'] as const;
const DECIMAL = /^\d{1,10}(\.\d{1,4})?$/;

function dimensionsFrom(given: unknown, base: DimensionsRecord): DimensionsRecord {
  if (given === undefined || given === null) return base;
  const next = { ...base };
  for (const measure of MEASURES) {
    const value = (given as Input)[measure];
    if (value === undefined || value === null) continue;
    if (typeof value !== 'string' || !DECIMAL.test(value.trim())) {
      throw invalidInput(`dimensions.${measure} is invalid: '${String(value)}' is not a decimal`);
    }
    next[measure] = value.trim();
  }
  return next;
}

const given = (input: Input): Input =>
  Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined));

function nameOf(value: unknown): string {
  const name = typeof value === 'string' ? value.trim() : '';
  if (name === '') throw invalidInput('name is required');
  return name;
}

function stocking(
  data: AccountData,
  rows: unknown,
): { warehouse: WarehouseRecord; onHand: number }[] {
  const seen = new Set<string>();
  return (Array.isArray(rows) ? rows : []).map((row: Input) => {
    const warehouse = warehouseOf(data, String(row.warehouse_id));
    if (seen.has(warehouse.id)) {
      throw invalidInput(`warehouse_products: warehouse ${warehouse.id} is not allowed twice`);
    }
    seen.add(warehouse.id);
    const onHand = Number(row.on_hand);
    if (!Number.isInteger(onHand) || onHand < 0) {
      throw invalidInput(`warehouse_products: on_hand must be at least 0, not ${onHand}`);
    }
    return { warehouse, onHand };
  });
}

export function createProduct(
  state: ShipHeroSimState,
  data: AccountData,
  input: Input,
): ProductRecord {
  const { customer_account_id, sku, name, warehouse_products, dimensions, barcode, ...rest } =
    input;
  checkCustomerAccount(data, customer_account_id);
  const wanted = typeof sku === 'string' ? sku.trim() : '';
  if (wanted === '') throw invalidInput('sku is required');
  if (data.products.has(wanted)) throw invalidInput(`A product with sku ${wanted} already exists`);
  // Everything is checked before anything is kept: a refused create leaves no trace.
  const productName = nameOf(name);
  const measures = dimensionsFrom(dimensions, UNMEASURED);
  const stock = stocking(data, warehouse_products);
  const now = state.now();
  const product: ProductRecord = {
    ...state.issue(data, 'Product'),
    account_id: data.account.id,
    sku: wanted,
    name: productName,
    barcode: typeof barcode === 'string' ? barcode : null,
    dimensions: measures,
    fields: given(rest),
    created_at: now,
    updated_at: now,
  };
  data.products.set(product.sku, product);
  for (const { warehouse, onHand } of stock) {
    replaceOnHand(state, data, warehouse, product.sku, onHand);
  }
  return product;
}

export function updateProduct(
  state: ShipHeroSimState,
  data: AccountData,
  input: Input,
): ProductRecord {
  const { customer_account_id, sku, name, dimensions, barcode, ...rest } = input;
  checkCustomerAccount(data, customer_account_id);
  const product = typeof sku === 'string' ? data.products.get(sku) : undefined;
  if (!product) throw notFound('Product');
  const productName = name === undefined || name === null ? product.name : nameOf(name);
  const measures = dimensionsFrom(dimensions, product.dimensions);
  product.name = productName;
  product.dimensions = measures;
  if (barcode !== undefined) product.barcode = typeof barcode === 'string' ? barcode : null;
  product.fields = { ...product.fields, ...given(rest) };
  product.updated_at = state.now();
  return product;
}
