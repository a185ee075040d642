import type { StockChange } from './catalog-events';
import type { CatalogRefusal, ProductCreate, ProductUpdate, VariantUpdate } from './catalog-input';
import { variantOf } from './catalog-seed';
import {
  DEFAULT_LOCATION_ID,
  type SimCatalogProduct,
  type SimCatalogVariant,
  type SimInventory,
  type SimStockItem,
} from './inventory-state';

/**
 * Catalog writes with BigCommerce's rules: product names and SKUs (products and variants alike,
 * whatever the case) are unique (409), a product without options cannot track stock by variant
 * (422), and `inventory_level` sets the default location's level only where stock is tracked.
 */

export type Outcome<T> =
  { ok: true; value: T; changes: StockChange[] } | { ok: false; refusal: CatalogRefusal };

const conflict = (title: string, field: string): { ok: false; refusal: CatalogRefusal } => ({
  ok: false,
  refusal: { status: 409, title, errors: { [field]: title } },
});

const unprocessable = (field: string, message: string): { ok: false; refusal: CatalogRefusal } => ({
  ok: false,
  refusal: { status: 422, title: 'JSON data is missing or invalid', errors: { [field]: message } },
});

function nameTaken(inventory: SimInventory, name: string, except?: SimCatalogProduct): boolean {
  const wanted = name.toLowerCase();
  return [...inventory.products.values()].some(
    (product) => product !== except && product.name.toLowerCase() === wanted,
  );
}

/** Whether `sku` belongs to something other than what `mine` accepts. */
function skuTaken(
  inventory: SimInventory,
  sku: string,
  mine: (owner: SimStockItem) => boolean = () => false,
): boolean {
  const owner = sku === '' ? undefined : inventory.skuOwner(sku);
  return owner !== undefined && !mine(owner);
}

const isBase = (product: SimCatalogProduct, variant: SimCatalogVariant | null) =>
  variant === null || variant.id === product.base_variant_id;

export function createProduct(
  inventory: SimInventory,
  input: ProductCreate,
): Outcome<SimCatalogProduct> {
  if (nameTaken(inventory, input.name)) {
    return conflict(`The product name "${input.name}" is a duplicate`, 'name');
  }
  const variants = input.variants ?? [];
  const skus = [input.sku ?? '', ...variants.map((variant) => variant.sku)].filter(Boolean);
  const seen = new Set<string>();
  for (const sku of skus) {
    if (seen.has(sku.toLowerCase()) || skuTaken(inventory, sku)) {
      return conflict(`The sku "${sku}" is a duplicate`, 'sku');
    }
    seen.add(sku.toLowerCase());
  }
  const tracking = input.inventory_tracking ?? 'none';
  if (tracking === 'variant' && variants.length === 0) {
    return unprocessable('inventory_tracking', 'a product without variants tracks no variants');
  }
  const id = inventory.nextId('product');
  const stamp = inventory.catalogStamp();
  const base = variants.length === 0 ? variantOf(inventory, id, undefined) : undefined;
  if (base) base.sku = input.sku ?? '';
  const product: SimCatalogProduct = {
    id,
    name: input.name,
    type: input.type,
    sku: input.sku ?? '',
    price: input.price,
    weight: input.weight,
    width: input.width ?? 0,
    height: input.height ?? 0,
    depth: input.depth ?? 0,
    date_created: stamp,
    date_modified: stamp,
    inventory_tracking: tracking,
    base_variant_id: base?.id ?? null,
    variants: base
      ? [base]
      : variants.map((variant) =>
          variantOf(inventory, id, {
            ...variant,
            option: variant.option_values?.[0]?.label ?? variant.sku,
            optionName: variant.option_values?.[0]?.option_display_name,
          }),
        ),
  };
  inventory.addProduct(product);
  const changes: StockChange[] = [];
  const set = (item: SimStockItem, quantity: number | undefined) => {
    if (quantity === undefined) return;
    changes.push({ item, delta: inventory.setLevel(DEFAULT_LOCATION_ID, item, quantity) });
  };
  if (tracking === 'product') set({ product, variant: null }, input.inventory_level);
  if (tracking === 'variant') {
    variants.forEach((variant, index) =>
      set({ product, variant: product.variants[index]! }, variant.inventory_level),
    );
  }
  return { ok: true, value: product, changes };
}

type Fields = Record<string, unknown>;

/** Copies the fields given that differ; answers whether any did. */
function assign(target: Fields, patch: Fields, fields: readonly string[]): boolean {
  let changed = false;
  for (const field of fields) {
    if (patch[field] !== undefined && patch[field] !== target[field]) {
      target[field] = patch[field];
      changed = true;
    }
  }
  return changed;
}

function setSku(inventory: SimInventory, product: SimCatalogProduct, sku: string, base: boolean) {
  if (base) {
    product.sku = sku;
    const baseVariant = product.variants.find((variant) => variant.id === product.base_variant_id);
    if (baseVariant) baseVariant.sku = sku;
  }
  inventory.reindex(product);
}

export function updateProduct(
  inventory: SimInventory,
  product: SimCatalogProduct,
  input: ProductUpdate,
): Outcome<boolean> {
  if (input.name !== undefined && nameTaken(inventory, input.name, product)) {
    return conflict(`The product name "${input.name}" is a duplicate`, 'name');
  }
  const mine = (owner: SimStockItem) => owner.product === product && isBase(product, owner.variant);
  if (input.sku !== undefined && skuTaken(inventory, input.sku, mine)) {
    return conflict(`The sku "${input.sku}" is a duplicate`, 'sku');
  }
  if (input.inventory_tracking === 'variant' && product.base_variant_id !== null) {
    return unprocessable('inventory_tracking', 'a product without variants tracks no variants');
  }
  const fields = ['name', 'type', 'weight', 'width', 'height', 'depth', 'price'] as const;
  let changed = assign(product as unknown as Fields, input, [...fields, 'inventory_tracking']);
  if (input.sku !== undefined && input.sku !== product.sku) {
    setSku(inventory, product, input.sku, true);
    changed = true;
  }
  const changes: StockChange[] = [];
  if (input.inventory_level !== undefined && product.inventory_tracking === 'product') {
    const item = { product, variant: null };
    const delta = inventory.setLevel(DEFAULT_LOCATION_ID, item, input.inventory_level);
    changes.push({ item, delta });
    changed ||= delta !== 0;
  }
  if (changed) product.date_modified = inventory.catalogStamp();
  return { ok: true, value: changed, changes };
}

export function updateVariant(
  inventory: SimInventory,
  product: SimCatalogProduct,
  variant: SimCatalogVariant,
  input: VariantUpdate,
): Outcome<boolean> {
  const base = isBase(product, variant);
  const mine = (owner: SimStockItem) =>
    owner.product === product && (owner.variant === variant || (base && owner.variant === null));
  if (input.sku !== undefined && skuTaken(inventory, input.sku, mine)) {
    return conflict(`The sku "${input.sku}" is a duplicate`, 'sku');
  }
  let changed = assign(variant as unknown as Fields, input, [
    'weight',
    'width',
    'height',
    'depth',
    'price',
  ]);
  if (input.sku !== undefined && input.sku !== variant.sku) {
    variant.sku = input.sku;
    setSku(inventory, product, input.sku, base);
    changed = true;
  }
  const tracking = product.inventory_tracking;
  const stock: SimStockItem | undefined =
    tracking === 'variant' && !base
      ? { product, variant }
      : tracking === 'product' && base
        ? { product, variant: null }
        : undefined;
  const changes: StockChange[] = [];
  if (input.inventory_level !== undefined && stock) {
    const delta = inventory.setLevel(DEFAULT_LOCATION_ID, stock, input.inventory_level);
    changes.push({ item: stock, delta });
    changed ||= delta !== 0;
  }
  if (changed) product.date_modified = inventory.catalogStamp();
  return { ok: true, value: changed, changes };
}
