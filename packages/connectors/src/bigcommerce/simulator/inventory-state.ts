import { randomUUID } from 'node:crypto';

/**
 * A store's catalog and multi-location inventory, as the v3 Catalog and Inventory APIs see them.
 * A product without options has one base variant that carries the product's SKU; a product with
 * options has only its option variants, each with its own SKU. Stock is kept per location on
 * the product (tracking `product`) or on each variant (tracking `variant`); `none` keeps none.
 */

export type InventoryTracking = 'none' | 'product' | 'variant';

/** Weight in the store's weight unit, the rest in its dimension unit. */
export interface SimMeasures {
  weight: number;
  width: number;
  height: number;
  depth: number;
}

export interface SimCatalogVariant {
  id: number;
  product_id: number;
  sku: string;
  /** The v2 SKU id; null for a base variant, as the API answers. */
  sku_id: number | null;
  option_values: { id: number; option_id: number; label: string; option_display_name: string }[];
  /** null = the product's own value, as the Catalog API documents. */
  weight: number | null;
  width: number | null;
  height: number | null;
  depth: number | null;
  price: number | null;
}

export interface SimCatalogProduct extends SimMeasures {
  id: number;
  name: string;
  type: 'physical' | 'digital';
  sku: string;
  price: number;
  /** ISO 8601 with an offset, as the Catalog API prints dates. */
  date_created: string;
  date_modified: string;
  inventory_tracking: InventoryTracking;
  /** Set only for a product without options: the variant that stands for the product itself. */
  base_variant_id: number | null;
  variants: SimCatalogVariant[];
}

export interface SimLocation {
  id: number;
  code: string;
  label: string;
  enabled: boolean;
  type_id: 'PHYSICAL' | 'VIRTUAL';
  created_at: string;
  updated_at: string;
}

/** An accepted adjustment, with the items exactly as they were sent. */
export interface SimAdjustmentTransaction {
  transaction_id: string;
  reason: string;
  items: Record<string, unknown>[];
  created_at: string;
  /** Present on relative adjustments only; absolute ones are recorded as they always were. */
  method?: 'relative';
}

/** What stock is kept on: the product when tracked by product, else one of its variants. */
export interface SimStockItem {
  product: SimCatalogProduct;
  variant: SimCatalogVariant | null;
}

/** BigCommerce numbers location 1 as the store's default location; it cannot be removed. */
export const DEFAULT_LOCATION_ID = 1;
/** The most a product or variant may hold at one location. */
export const MAX_STOCK_LEVEL = 2_147_483_647;

export class SimInventory {
  readonly products = new Map<number, SimCatalogProduct>();
  readonly locations = new Map<number, SimLocation>();
  readonly transactions: SimAdjustmentTransaction[] = [];
  /** `${locationId}:${itemKey}` → units on hand; absent = never set (reads as 0). */
  private readonly onHand = new Map<string, number>();
  private readonly bySku = new Map<string, SimStockItem>();
  private counters = { product: 111, variant: 74, skuId: 501, option: 1, location: 2 };

  constructor(private readonly now: () => number) {
    this.addLocation({ id: DEFAULT_LOCATION_ID, code: 'BC-LOCATION-1', label: 'Default' });
  }

  private stamp(): string {
    return new Date(this.now()).toISOString().replace(/\.\d{3}Z$/, 'Z');
  }

  /** `2018-09-05T20:42:07+00:00`, the Catalog API's date form. */
  catalogStamp(): string {
    return new Date(this.now()).toISOString().replace(/\.\d{3}Z$/, '+00:00');
  }

  nextId(kind: 'product' | 'variant' | 'skuId' | 'option'): number {
    return this.counters[kind]++;
  }

  /** Keeps explicit ids from colliding with generated ones. */
  reserve(kind: 'product' | 'variant', id: number): void {
    if (id >= this.counters[kind]) this.counters[kind] = id + 1;
  }

  addLocation(input: {
    id?: number;
    code?: string;
    label: string;
    enabled?: boolean;
  }): SimLocation {
    const id = input.id ?? this.counters.location;
    if (id >= this.counters.location) this.counters.location = id + 1;
    const location: SimLocation = {
      id,
      code: input.code ?? `BC-LOCATION-${id}`,
      label: input.label,
      enabled: input.enabled ?? true,
      type_id: 'PHYSICAL',
      created_at: this.stamp(),
      updated_at: this.stamp(),
    };
    this.locations.set(id, location);
    return location;
  }

  addProduct(product: SimCatalogProduct): void {
    this.products.set(product.id, product);
    if (product.sku !== '') this.bySku.set(product.sku, { product, variant: null });
    for (const variant of product.variants) {
      if (variant.sku !== '') this.bySku.set(variant.sku, { product, variant });
    }
  }

  hasSku(sku: string): boolean {
    return this.bySku.has(sku);
  }

  /** Whom a SKU belongs to, SKUs being unique regardless of case; undefined when free. */
  skuOwner(sku: string): SimStockItem | undefined {
    const wanted = sku.toLowerCase();
    for (const [known, item] of this.bySku) if (known.toLowerCase() === wanted) return item;
    return undefined;
  }

  /** After a product's or variant's SKU changed. */
  reindex(product: SimCatalogProduct): void {
    for (const [sku, item] of this.bySku) if (item.product === product) this.bySku.delete(sku);
    this.addProduct(product);
  }

  /** The product or variant a SKU names; a base variant's SKU names its product. */
  findSku(sku: string): SimStockItem | undefined {
    const found = this.bySku.get(sku);
    if (!found?.variant) return found;
    return found.variant.id === found.product.base_variant_id
      ? { product: found.product, variant: null }
      : found;
  }

  findVariant(id: number): SimStockItem | undefined {
    for (const product of this.products.values()) {
      const variant = product.variants.find((candidate) => candidate.id === id);
      if (variant) {
        return { product, variant: variant.id === product.base_variant_id ? null : variant };
      }
    }
    return undefined;
  }

  allVariants(): SimCatalogVariant[] {
    return [...this.products.values()].flatMap((product) => product.variants);
  }

  /** Every item stock is kept on, in catalog order; untracked products have none. */
  stockItems(): SimStockItem[] {
    return [...this.products.values()].flatMap((product): SimStockItem[] => {
      if (product.inventory_tracking === 'product') return [{ product, variant: null }];
      if (product.inventory_tracking === 'variant') {
        return product.variants.map((variant) => ({ product, variant }));
      }
      return [];
    });
  }

  private key(locationId: number, item: SimStockItem): string {
    return `${locationId}:${item.variant ? `v${item.variant.id}` : `p${item.product.id}`}`;
  }

  level(locationId: number, item: SimStockItem): number {
    return this.onHand.get(this.key(locationId, item)) ?? 0;
  }

  /** Whether a level was ever set there (an absolute adjustment, a seed, the catalog). */
  hasLevel(locationId: number, item: SimStockItem): boolean {
    return this.onHand.has(this.key(locationId, item));
  }

  /** Sets a level and answers by how much it moved. */
  setLevel(locationId: number, item: SimStockItem, quantity: number): number {
    const before = this.level(locationId, item);
    this.onHand.set(this.key(locationId, item), quantity);
    return quantity - before;
  }

  /** Levels that were ever set, for the control API. */
  levels(): { locationId: number; item: SimStockItem; quantity: number }[] {
    const out: { locationId: number; item: SimStockItem; quantity: number }[] = [];
    for (const item of this.stockItems()) {
      for (const locationId of this.locations.keys()) {
        const quantity = this.onHand.get(this.key(locationId, item));
        if (quantity !== undefined) out.push({ locationId, item, quantity });
      }
    }
    return out;
  }

  record(
    reason: string,
    items: Record<string, unknown>[],
    method: 'absolute' | 'relative' = 'absolute',
  ): SimAdjustmentTransaction {
    const transaction: SimAdjustmentTransaction = {
      transaction_id: randomUUID(),
      reason,
      items,
      created_at: this.stamp(),
      ...(method === 'relative' ? { method } : {}),
    };
    this.transactions.push(transaction);
    return transaction;
  }
}
