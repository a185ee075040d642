import {
  centimetresToInches,
  gramsToOunces,
  roundTo,
  type CatalogVariant,
  type FulfilmentSystem,
  type ProductSyncOutcome,
} from '@shiplink/domain';
import { PermanentError } from '@shiplink/errors';
import type { ShipStationClient } from './client';
import type { ShipStationProduct } from './schemas';

/** The product fields the hub keeps in step with the store. */
export type ShipStationProductFields = Partial<
  Pick<
    ShipStationProduct,
    | 'weightOz'
    | 'length'
    | 'width'
    | 'height'
    | 'customsDescription'
    | 'customsValue'
    | 'customsTariffNo'
    | 'customsCountryCode'
  >
>;

/**
 * What ShipStation's product should hold of a store variant: weight in ounces and dimensions in
 * inches (two decimals, as ShipStation keeps them), and the customs fields. What the store says
 * nothing of is left out, so ShipStation keeps its own (a weight typed in its app, say).
 */
export function shipStationProductFields(variant: CatalogVariant): ShipStationProductFields {
  const fields: ShipStationProductFields = {};
  if (variant.weightGrams !== null) fields.weightOz = gramsToOunces(variant.weightGrams);
  if (variant.dimensionsCm) {
    fields.length = centimetresToInches(variant.dimensionsCm.length);
    fields.width = centimetresToInches(variant.dimensionsCm.width);
    fields.height = centimetresToInches(variant.dimensionsCm.height);
  }
  const { customs } = variant;
  if (customs.description !== null) fields.customsDescription = customs.description;
  if (customs.valueAmount !== null) fields.customsValue = roundTo(Number(customs.valueAmount), 2);
  if (customs.tariffCode !== null) fields.customsTariffNo = customs.tariffCode;
  if (customs.countryOfOrigin !== null) fields.customsCountryCode = customs.countryOfOrigin;
  return fields;
}

const same = (held: unknown, wanted: string | number) =>
  typeof wanted === 'number'
    ? typeof held === 'number' && roundTo(held, 2) === wanted
    : typeof held === 'string' && held.trim() === wanted;

/** The fields that differ from what ShipStation holds; undefined when none does. */
export function productChanges(
  product: ShipStationProduct,
  variant: CatalogVariant,
): ShipStationProductFields | undefined {
  const wanted = shipStationProductFields(variant);
  const changes: Record<string, string | number> = {};
  for (const [field, value] of Object.entries(wanted)) {
    if (value === null || value === undefined) continue;
    if (!same(product[field as keyof ShipStationProduct], value)) changes[field] = value;
  }
  return Object.keys(changes).length > 0 ? (changes as ShipStationProductFields) : undefined;
}

/** ShipStation matches `?sku=` without regard to case; the exact SKU wins where both exist. */
function productOf(products: ShipStationProduct[], sku: string): ShipStationProduct | undefined {
  const lower = sku.toLowerCase();
  return (
    products.find((product) => product.sku === sku) ??
    products.find((product) => product.sku.toLowerCase() === lower)
  );
}

const refusal = (sku: string, error: unknown): ProductSyncOutcome | undefined =>
  error instanceof PermanentError ? { sku, status: 'refused', reason: error.message } : undefined;

/**
 * Product sync for ShipStation V1, which files a product for each SKU it first sees on an order
 * and has no way to create one: a SKU it does not have yet is `unknown`. Each SKU costs one
 * `GET /products?sku=` (inactive products too) and, only when something differs, one
 * `PUT /products/{id}` with the whole product as read plus the changes (a PUT replaces it). A
 * SKU given twice is asked about once: the account's 40 requests a minute are shared.
 */
export function shipStationProductSync(
  client: ShipStationClient,
): NonNullable<FulfilmentSystem['syncProducts']> {
  return async (variants) => {
    const outcomes: ProductSyncOutcome[] = [];
    const done = new Set<string>();
    for (const variant of variants) {
      const { sku } = variant;
      if (done.has(sku)) continue;
      done.add(sku);
      if (sku.trim() === '') {
        outcomes.push({ sku, status: 'refused', reason: 'a product needs a SKU' });
        continue;
      }
      try {
        const product = productOf(await client.listProducts({ sku, showInactive: true }), sku);
        if (!product) {
          outcomes.push({ sku, status: 'unknown' });
          continue;
        }
        const changes = productChanges(product, variant);
        if (changes) await client.updateProduct({ ...product, ...changes });
        outcomes.push({ sku, status: changes ? 'updated' : 'unchanged' });
      } catch (error) {
        // Refusals are this SKU's; anything transient fails the run, to be retried whole.
        const refused = refusal(sku, error);
        if (!refused) throw error;
        outcomes.push(refused);
      }
    }
    return outcomes;
  };
}
