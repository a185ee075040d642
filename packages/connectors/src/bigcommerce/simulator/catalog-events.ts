import type { BigCommerceEvents } from './events';
import type { SimCatalogProduct, SimCatalogVariant, SimStockItem } from './inventory-state';
import type { SimStore } from './state';

/**
 * Catalog and inventory webhooks in the shapes of BigCommerce's callback reference. A SKU event
 * names the variant's SKU id (`id`) and carries `sku.variant_id` / `inventory.variant_id`; a
 * product without options has no SKU of its own, so its base variant raises product events.
 */

export interface StockChange {
  item: SimStockItem;
  /** The level after minus the level before, at one location. */
  delta: number;
}

const isOptionVariant = (product: SimCatalogProduct, variant: SimCatalogVariant) =>
  variant.id !== product.base_variant_id && variant.sku_id !== null;

export class CatalogEvents {
  constructor(private readonly events: BigCommerceEvents) {}

  /** One `…/inventory/updated` per level that moved; `method` is how it was adjusted. */
  stockChanged(store: SimStore, changes: StockChange[], method: 'absolute' | 'relative'): void {
    for (const { item, delta } of changes) {
      if (delta === 0) continue;
      const { product, variant } = item;
      if (variant && isOptionVariant(product, variant)) {
        this.events.emit(store, 'store/sku/inventory/updated', {
          type: 'sku',
          id: variant.sku_id ?? variant.id,
          inventory: { product_id: product.id, method, value: delta, variant_id: variant.id },
        });
      } else {
        this.events.emit(store, 'store/product/inventory/updated', {
          type: 'product',
          id: product.id,
          inventory: { product_id: product.id, method, value: delta },
        });
      }
    }
  }

  productCreated(store: SimStore, product: SimCatalogProduct): void {
    this.events.emit(store, 'store/product/created', { type: 'product', id: product.id });
    for (const variant of product.variants) this.variant(store, product, variant, 'created');
  }

  productUpdated(store: SimStore, product: SimCatalogProduct): void {
    this.events.emit(store, 'store/product/updated', { type: 'product', id: product.id });
  }

  variantUpdated(store: SimStore, product: SimCatalogProduct, variant: SimCatalogVariant): void {
    if (isOptionVariant(product, variant)) this.variant(store, product, variant, 'updated');
    else this.productUpdated(store, product);
  }

  private variant(
    store: SimStore,
    product: SimCatalogProduct,
    variant: SimCatalogVariant,
    what: 'created' | 'updated',
  ): void {
    if (!isOptionVariant(product, variant)) return;
    this.events.emit(store, `store/sku/${what}`, {
      type: 'sku',
      id: variant.sku_id ?? variant.id,
      sku: { product_id: product.id, variant_id: variant.id },
    });
  }
}
