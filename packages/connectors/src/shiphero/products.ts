import {
  centimetresToInches,
  gramsToOunces,
  roundTo,
  type CatalogVariant,
  type FulfilmentSystem,
  type ProductSyncOutcome,
} from '@shiplink/domain';
import { PermanentError } from '@shiplink/errors';
import type { ShipHeroClient } from './client';
import {
  ProductDetailsAnswerSchema,
  ProductMutationAnswerSchema,
  type ShipHeroCreateProductInput,
  type ShipHeroDimensionsInput,
  type ShipHeroProductDetails,
  type ShipHeroProductFieldsInput,
} from './product-documents';

/** A measure as ShipHero takes it: a decimal string, two decimals at most. */
const decimal = (value: number) => String(roundTo(value, 2));

/**
 * What ShipHero's product should hold of a store variant: weight and dimensions in ounces and
 * inches (the account default ShipHero's schema names), tariff code, country of manufacture
 * and customs description. What the store says nothing of is left out, so ShipHero keeps its own.
 */
export function shipHeroProductFields(variant: CatalogVariant): ShipHeroProductFieldsInput {
  const fields: ShipHeroProductFieldsInput = {};
  const dimensions: ShipHeroDimensionsInput = {};
  if (variant.weightGrams !== null) dimensions.weight = decimal(gramsToOunces(variant.weightGrams));
  if (variant.dimensionsCm) {
    dimensions.length = decimal(centimetresToInches(variant.dimensionsCm.length));
    dimensions.width = decimal(centimetresToInches(variant.dimensionsCm.width));
    dimensions.height = decimal(centimetresToInches(variant.dimensionsCm.height));
  }
  if (Object.keys(dimensions).length > 0) fields.dimensions = dimensions;
  const { customs } = variant;
  if (customs.tariffCode !== null) fields.tariff_code = customs.tariffCode;
  if (customs.countryOfOrigin !== null) fields.country_of_manufacture = customs.countryOfOrigin;
  if (customs.description !== null) fields.customs_description = customs.description;
  return fields;
}

/** `product_create`'s input: stocked, with nothing on hand, in each of the account's warehouses. */
export function shipHeroCreateInput(
  variant: CatalogVariant,
  warehouseIds: readonly string[],
): ShipHeroCreateProductInput {
  const { valueAmount } = variant.customs;
  return {
    sku: variant.sku,
    name: variant.name,
    warehouse_products: warehouseIds.map((id) => ({ warehouse_id: id, on_hand: 0 })),
    ...shipHeroProductFields(variant),
    // Only a create takes the customs value; `UpdateProductInput` has no such field.
    ...(valueAmount !== null ? { customs_value: valueAmount } : {}),
  };
}

const sameMeasure = (held: string | null | undefined, wanted: string) =>
  held !== null && held !== undefined && held.trim() !== '' && Number(held) === Number(wanted);
const sameText = (held: string | null | undefined, wanted: string) =>
  (held ?? '').trim() === wanted;

/** `product_update`'s fields that differ from what ShipHero holds; undefined when none does. */
export function shipHeroProductChanges(
  held: ShipHeroProductDetails,
  variant: CatalogVariant,
): ShipHeroProductFieldsInput | undefined {
  const wanted = shipHeroProductFields(variant);
  const changes: ShipHeroProductFieldsInput = {};
  const dimensions = wanted.dimensions ?? {};
  const measures = Object.keys(dimensions) as (keyof ShipHeroDimensionsInput)[];
  if (measures.some((key) => !sameMeasure(held.dimensions?.[key], dimensions[key]!))) {
    changes.dimensions = dimensions;
  }
  for (const field of ['tariff_code', 'country_of_manufacture', 'customs_description'] as const) {
    const value = wanted[field];
    if (value !== undefined && !sameText(held[field], value)) changes[field] = value;
  }
  return Object.keys(changes).length > 0 ? changes : undefined;
}

/**
 * Product sync for ShipHero: a SKU it has no product for is created (`product_create`, stocked
 * with nothing on hand in every warehouse of the account), one it has is updated
 * (`product_update`) with what differs, and nothing is sent when nothing does. Each SKU costs a
 * product read first; the account's warehouses are read once per run, and only for a create.
 */
export function shipHeroProductSync(
  client: ShipHeroClient,
): NonNullable<FulfilmentSystem['syncProducts']> {
  return async (variants) => {
    let warehouses: string[] | undefined;
    const warehouseIds = async () => {
      warehouses ??= ((await client.account()).warehouses ?? []).flatMap((warehouse) =>
        warehouse?.id ? [warehouse.id] : [],
      );
      return warehouses;
    };
    const sync = async (variant: CatalogVariant): Promise<ProductSyncOutcome> => {
      const { sku } = variant;
      const read = await client.run('ProductDetails', { sku }, ProductDetailsAnswerSchema);
      const held = read?.root.data ?? undefined;
      if (!held) {
        const ids = await warehouseIds();
        if (ids.length === 0) {
          return { sku, status: 'refused', reason: 'the ShipHero account has no warehouse' };
        }
        const data = shipHeroCreateInput(variant, ids);
        const created = await client.run('ProductCreate', { data }, ProductMutationAnswerSchema);
        if (!created?.root.product) {
          return { sku, status: 'refused', reason: 'product_create answered no product' };
        }
        return { sku, status: 'updated' };
      }
      const changes = shipHeroProductChanges(held, variant);
      if (!changes) return { sku, status: 'unchanged' };
      const data = { sku, ...changes };
      const updated = await client.run('ProductUpdate', { data }, ProductMutationAnswerSchema);
      if (!updated?.root.product) {
        return { sku, status: 'refused', reason: 'product_update found no product' };
      }
      return { sku, status: 'updated' };
    };

    const outcomes: ProductSyncOutcome[] = [];
    const done = new Set<string>();
    for (const variant of variants) {
      if (done.has(variant.sku)) continue;
      done.add(variant.sku);
      if (variant.sku.trim() === '') {
        outcomes.push({ sku: variant.sku, status: 'refused', reason: 'a product needs a SKU' });
        continue;
      }
      try {
        outcomes.push(await sync(variant));
      } catch (error) {
        // A refusal is this SKU's (ShipHero's code 3); anything transient fails the whole run.
        if (!(error instanceof PermanentError)) throw error;
        outcomes.push({ sku: variant.sku, status: 'refused', reason: error.message });
      }
    }
    return outcomes;
  };
}
