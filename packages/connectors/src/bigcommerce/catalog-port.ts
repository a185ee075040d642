import { z } from 'zod';
import {
  lengthToCentimetres,
  weightToGrams,
  type CatalogCustoms,
  type CatalogLengthUnit,
  type CatalogProduct,
  type CatalogVariant,
  type CatalogWeightUnit,
  type StorePlatform,
} from '@shiplink/domain';
import type { BigCommerceCatalogProduct, BigCommerceCatalogVariant } from './catalog-schemas';
import type { BigCommerceClient } from './client';
import type { BigCommerceSettings } from './settings';

/** The store's units its catalog measures are in (`GET /v2/store`). */
export interface CatalogUnits {
  weight: CatalogWeightUnit;
  /** Undefined for a unit the hub does not know: then no dimensions are claimed. */
  dimension: CatalogLengthUnit | undefined;
}

/**
 * BigCommerce's core catalog has no customs fields; merchants keep them as product custom fields
 * (`custom_fields[{name, value}]`, read with `include=custom_fields`). These names are read, in
 * any case and with spaces, dashes or underscores; the first of a kind wins.
 */
const CUSTOMS_FIELD_NAMES: Record<keyof CatalogCustoms, readonly string[]> = {
  description: ['customs_description'],
  valueAmount: ['customs_value', 'declared_value'],
  currency: ['customs_currency'],
  tariffCode: ['hs_code', 'tariff_code', 'harmonized_code', 'customs_tariff_code'],
  countryOfOrigin: ['country_of_origin', 'origin_country', 'country_of_manufacture'],
};

/** What a value must look like to be claimed; anything else is no value. */
const CUSTOMS_VALUE_RULES: Record<keyof CatalogCustoms, (value: string) => string | null> = {
  description: (value) => value.slice(0, 200) || null,
  valueAmount: (value) => (/^\d{1,12}(\.\d{1,4})?$/.test(value) ? value : null),
  currency: (value) => (/^[A-Za-z]{3}$/.test(value) ? value.toUpperCase() : null),
  tariffCode: (value) => (/^\d[\d.]{3,15}$/.test(value) ? value : null),
  countryOfOrigin: (value) => (/^[A-Za-z]{2}$/.test(value) ? value.toUpperCase() : null),
};

const CustomFieldsSchema = z
  .array(z.object({ name: z.string(), value: z.string() }).loose())
  .max(255)
  .catch([]);

const fieldKey = (name: string) =>
  name
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_|_$/g, '');

/** Customs data from the product's custom fields, where it has any. */
export function customsOf(customFields: unknown): CatalogCustoms {
  const fields = CustomFieldsSchema.parse(customFields ?? []);
  const customs: CatalogCustoms = {
    description: null,
    valueAmount: null,
    currency: null,
    tariffCode: null,
    countryOfOrigin: null,
  };
  for (const kind of Object.keys(CUSTOMS_FIELD_NAMES) as (keyof CatalogCustoms)[]) {
    const names = CUSTOMS_FIELD_NAMES[kind];
    const field = fields.find((candidate) => names.includes(fieldKey(candidate.name)));
    customs[kind] = field ? CUSTOMS_VALUE_RULES[kind](field.value.trim()) : null;
  }
  return customs;
}

/** A measure the product has: BigCommerce answers 0 for one never entered. */
const entered = (value: number | null): value is number => value !== null && value > 0;

function dimensionsOf(
  product: BigCommerceCatalogProduct,
  variant: BigCommerceCatalogVariant | undefined,
  unit: CatalogLengthUnit | undefined,
): CatalogVariant['dimensionsCm'] {
  const depth = variant?.depth ?? product.depth;
  const width = variant?.width ?? product.width;
  const height = variant?.height ?? product.height;
  if (!unit || !entered(depth) || !entered(width) || !entered(height)) return null;
  const length = lengthToCentimetres(depth, unit);
  const across = lengthToCentimetres(width, unit);
  const up = lengthToCentimetres(height, unit);
  if (length === null || across === null || up === null) return null;
  return { length, width: across, height: up };
}

function nameOf(
  product: BigCommerceCatalogProduct,
  variant: BigCommerceCatalogVariant | undefined,
) {
  const labels = (variant?.option_values ?? []).map((option) => option.label).filter(Boolean);
  return labels.length > 0 ? `${product.name} (${labels.join(', ')})` : product.name;
}

/**
 * A catalog product in the hub's terms. Each variant with a SKU is one sellable item (a product
 * without options has one, its base variant, carrying the product's SKU); a variant's measure
 * that is null takes the product's, as the Catalog API documents. A digital product ships
 * nothing, so it has no variants to give a warehouse.
 */
export function toCatalogProduct(
  product: BigCommerceCatalogProduct,
  units: CatalogUnits,
): CatalogProduct {
  const customs = customsOf(product.custom_fields);
  const item = (variant: BigCommerceCatalogVariant | undefined, sku: string): CatalogVariant => {
    const weight = variant?.weight ?? product.weight;
    return {
      sku,
      name: nameOf(product, variant),
      weightGrams: entered(weight) ? weightToGrams(weight, units.weight) : null,
      dimensionsCm: dimensionsOf(product, variant, units.dimension),
      customs: { ...customs },
    };
  };
  const physical = product.type !== 'digital';
  const variants =
    product.variants.length > 0
      ? product.variants.filter((variant) => variant.sku !== '').map((v) => item(v, v.sku))
      : product.sku
        ? [item(undefined, product.sku)]
        : [];
  return {
    productRef: String(product.id),
    name: product.name,
    variants: physical ? variants : [],
  };
}

const productId = (ref: string) =>
  /^\d{1,15}$/.test(ref) && Number(ref) > 0 ? Number(ref) : undefined;

/** Catalog reads in the hub's terms: product refs are BigCommerce's numeric product ids as text. */
export function bigCommerceCatalog(
  client: BigCommerceClient,
  settings: BigCommerceSettings,
): Required<Pick<StorePlatform, 'readProduct'>> {
  return {
    async readProduct(productRef) {
      const id = productId(productRef);
      if (id === undefined) return undefined;
      const [product, units] = await Promise.all([client.getProduct(id), client.storeUnits()]);
      if (!product) return undefined;
      // The store's own unit wins; the connection's setting stands in for one it does not name.
      return toCatalogProduct(product, {
        weight: units.weightUnit ?? settings.weightUnit,
        dimension: units.dimensionUnit,
      });
    },
  };
}
