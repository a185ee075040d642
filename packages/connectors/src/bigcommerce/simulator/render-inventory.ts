import {
  DEFAULT_LOCATION_ID,
  type SimCatalogProduct,
  type SimCatalogVariant,
  type SimInventory,
  type SimLocation,
  type SimStockItem,
} from './inventory-state';

/** Catalog and inventory state in the shapes the v3 APIs answer with. */

export function renderLocation(location: SimLocation): Record<string, unknown> {
  return {
    id: location.id,
    code: location.code,
    label: location.label,
    description: '',
    managed_by_external_source: false,
    type_id: location.type_id,
    enabled: location.enabled,
    storefront_visibility: true,
    time_zone: 'Etc/UTC',
    created_at: location.created_at,
    updated_at: location.updated_at,
  };
}

/** An inventory item with its stock at each location asked for (every location by default). */
export function renderStockItem(
  inventory: SimInventory,
  item: SimStockItem,
  locationIds: Set<number> | undefined,
): Record<string, unknown> {
  const { product, variant } = item;
  const locations = [...inventory.locations.values()].filter(
    (location) => !locationIds || locationIds.has(location.id),
  );
  return {
    identity: {
      sku: variant?.sku ?? product.sku,
      variant_id: variant?.id ?? product.base_variant_id,
      product_id: product.id,
      sku_id: variant?.sku_id ?? null,
    },
    locations: locations.map((location) => {
      const onHand = inventory.level(location.id, item);
      return {
        location_id: location.id,
        location_code: location.code,
        location_name: location.label,
        location_enabled: location.enabled,
        // No safety stock is kept here, so everything on hand is available to sell.
        available_to_sell: onHand,
        total_inventory_onhand: onHand,
        settings: { safety_stock: 0, is_in_stock: onHand > 0, warning_level: 0 },
      };
    }),
  };
}

const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);

/** The Catalog API's `inventory_level` is the total available to sell over every location. */
function productLevel(inventory: SimInventory, product: SimCatalogProduct): number {
  const locations = [...inventory.locations.keys()];
  if (product.inventory_tracking === 'product') {
    return sum(locations.map((id) => inventory.level(id, { product, variant: null })));
  }
  if (product.inventory_tracking === 'variant') {
    return sum(
      product.variants.flatMap((variant) =>
        locations.map((id) => inventory.level(id, { product, variant })),
      ),
    );
  }
  return 0;
}

export function renderCatalogProduct(
  inventory: SimInventory,
  product: SimCatalogProduct,
): Record<string, unknown> {
  return {
    id: product.id,
    name: product.name,
    type: product.type,
    sku: product.sku,
    weight: product.weight,
    width: product.width,
    depth: product.depth,
    height: product.height,
    price: product.price,
    cost_price: 0,
    retail_price: 0,
    sale_price: 0,
    calculated_price: product.price,
    inventory_level: productLevel(inventory, product),
    inventory_warning_level: 0,
    inventory_tracking: product.inventory_tracking,
    base_variant_id: product.base_variant_id,
    is_visible: true,
    availability: 'available',
    date_created: product.date_created,
    date_modified: product.date_modified,
  };
}

/** A variant's `inventory_level` is its stock at the default location only, as documented. */
export function renderCatalogVariant(
  inventory: SimInventory,
  variant: SimCatalogVariant,
): Record<string, unknown> {
  const product = inventory.products.get(variant.product_id);
  const level =
    product?.inventory_tracking === 'variant'
      ? inventory.level(DEFAULT_LOCATION_ID, { product, variant })
      : 0;
  return {
    id: variant.id,
    product_id: variant.product_id,
    sku: variant.sku,
    sku_id: variant.sku_id,
    option_values: variant.option_values,
    inventory_level: level,
    inventory_warning_level: 0,
    price: variant.price,
    calculated_price: variant.price ?? product?.price ?? 0,
    weight: variant.weight,
    calculated_weight: variant.weight ?? product?.weight ?? 0,
    width: variant.width,
    height: variant.height,
    depth: variant.depth,
    purchasing_disabled: false,
  };
}
