import { z } from 'zod';
import {
  MAX_STOCK_LEVEL,
  type SimCatalogProduct,
  type SimCatalogVariant,
  type SimInventory,
} from './inventory-state';

/** Units on hand per location id, e.g. `{"1": 12, "2": 0}`. */
const LevelsSchema = z.record(
  z.string().regex(/^\d+$/),
  z.number().int().min(0).max(MAX_STOCK_LEVEL),
);

const measure = z.number().min(0).max(9_999_999_999);

/** Weight in the store's weight unit, dimensions in its dimension unit (see `GET /v2/store`). */
const SeedMeasuresSchema = z.object({
  weight: measure.optional(),
  width: measure.optional(),
  height: measure.optional(),
  depth: measure.optional(),
  price: z.number().min(0).optional(),
});

const SeedVariantSchema = SeedMeasuresSchema.extend({
  id: z.number().int().positive().optional(),
  sku: z.string().min(1).max(255),
  /** The option value's label ("Small"); the SKU when omitted. */
  option: z.string().min(1).optional(),
  levels: LevelsSchema.optional(),
}).strict();

const SeedProductSchema = SeedMeasuresSchema.extend({
  id: z.number().int().positive().optional(),
  name: z.string().min(1).optional(),
  type: z.enum(['physical', 'digital']).default('physical'),
  /** A product with options may have none; one without options is found by it. */
  sku: z.string().max(255).default(''),
  inventoryTracking: z.enum(['none', 'product', 'variant']),
  levels: LevelsSchema.optional(),
  /** Option variants; without them the product gets one base variant with its own SKU. */
  variants: z.array(SeedVariantSchema).default([]),
}).strict();
type SeedProduct = z.infer<typeof SeedProductSchema>;

export const SeedCatalogSchema = z
  .object({ products: z.array(SeedProductSchema).min(1).max(10_000) })
  .strict();
export type SeedCatalog = z.infer<typeof SeedCatalogSchema>;

function levelsProblem(
  inventory: SimInventory,
  what: string,
  levels: Record<string, number> | undefined,
  tracked: boolean,
): string | undefined {
  if (!levels) return undefined;
  if (!tracked) return `${what} has levels but its stock is not tracked there`;
  const unknown = Object.keys(levels).find((id) => !inventory.locations.has(Number(id)));
  return unknown === undefined ? undefined : `${what} has a level at unknown location ${unknown}`;
}

/** BigCommerce's own rules: SKUs unique across products and variants, variant tracking needs variants. */
function seedProblem(inventory: SimInventory, products: SeedProduct[]): string | undefined {
  const skus = new Set<string>();
  const productIds = new Set<number>();
  const variantIds = new Set<number>();
  const skuTaken = (sku: string) => sku !== '' && (skus.has(sku) || inventory.hasSku(sku));
  for (const product of products) {
    const name = `product ${product.sku || product.name || '(no sku)'}`;
    if (product.id !== undefined) {
      if (productIds.has(product.id) || inventory.products.has(product.id)) {
        return `product id ${product.id} is taken`;
      }
      productIds.add(product.id);
    }
    if (skuTaken(product.sku)) return `sku ${product.sku} is taken`;
    if (product.sku !== '') skus.add(product.sku);
    if (product.inventoryTracking === 'variant' && product.variants.length === 0) {
      return `${name} is tracked by variant but has no variants`;
    }
    const productLevels = levelsProblem(
      inventory,
      name,
      product.levels,
      product.inventoryTracking === 'product',
    );
    if (productLevels) return productLevels;
    for (const variant of product.variants) {
      if (variant.id !== undefined) {
        if (variantIds.has(variant.id) || inventory.findVariant(variant.id)) {
          return `variant id ${variant.id} is taken`;
        }
        variantIds.add(variant.id);
      }
      if (skuTaken(variant.sku)) return `sku ${variant.sku} is taken`;
      skus.add(variant.sku);
      const variantLevels = levelsProblem(
        inventory,
        `variant ${variant.sku}`,
        variant.levels,
        product.inventoryTracking === 'variant',
      );
      if (variantLevels) return variantLevels;
    }
  }
  return undefined;
}

/** What a new variant is made of; absent measures and price are the product's own. */
export interface NewVariant {
  id?: number;
  sku: string;
  /** The option value's label, and the option's name ("Option" when not given). */
  option?: string;
  optionName?: string;
  weight?: number | null;
  width?: number | null;
  height?: number | null;
  depth?: number | null;
  price?: number | null;
}

/** An option variant (`seed` given) or the base variant of a product without options. */
export function variantOf(
  inventory: SimInventory,
  productId: number,
  seed: NewVariant | undefined,
): SimCatalogVariant {
  if (seed?.id !== undefined) inventory.reserve('variant', seed.id);
  const id = seed?.id ?? inventory.nextId('variant');
  return {
    id,
    product_id: productId,
    sku: seed?.sku ?? '',
    sku_id: seed ? inventory.nextId('skuId') : null,
    weight: seed?.weight ?? null,
    width: seed?.width ?? null,
    height: seed?.height ?? null,
    depth: seed?.depth ?? null,
    price: seed?.price ?? null,
    option_values: seed
      ? [
          {
            id: inventory.nextId('option'),
            option_id: 1,
            label: seed.option ?? seed.sku,
            option_display_name: seed.optionName ?? 'Option',
          },
        ]
      : [],
  };
}

function buildProduct(inventory: SimInventory, seed: SeedProduct): SimCatalogProduct {
  if (seed.id !== undefined) inventory.reserve('product', seed.id);
  const id = seed.id ?? inventory.nextId('product');
  const base = seed.variants.length === 0 ? variantOf(inventory, id, undefined) : undefined;
  if (base) base.sku = seed.sku;
  const stamp = inventory.catalogStamp();
  const product: SimCatalogProduct = {
    id,
    name: seed.name ?? (seed.sku || `Product ${id}`),
    type: seed.type,
    sku: seed.sku,
    price: seed.price ?? 0,
    weight: seed.weight ?? 0,
    width: seed.width ?? 0,
    height: seed.height ?? 0,
    depth: seed.depth ?? 0,
    date_created: stamp,
    date_modified: stamp,
    inventory_tracking: seed.inventoryTracking,
    base_variant_id: base?.id ?? null,
    variants: base ? [base] : seed.variants.map((variant) => variantOf(inventory, id, variant)),
  };
  inventory.addProduct(product);
  for (const [locationId, quantity] of Object.entries(seed.levels ?? {})) {
    inventory.setLevel(Number(locationId), { product, variant: null }, quantity);
  }
  seed.variants.forEach((variantSeed, index) => {
    const variant = product.variants[index];
    for (const [locationId, quantity] of Object.entries(variantSeed.levels ?? {})) {
      if (variant) inventory.setLevel(Number(locationId), { product, variant }, quantity);
    }
  });
  return product;
}

/** Adds the products all at once, or none with the first problem found. */
export function seedCatalog(
  inventory: SimInventory,
  input: SeedCatalog,
): SimCatalogProduct[] | { error: string } {
  const problem = seedProblem(inventory, input.products);
  if (problem) return { error: problem };
  return input.products.map((product) => buildProduct(inventory, product));
}
