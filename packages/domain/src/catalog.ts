import { digest } from './keys';

/**
 * A store's product as the fulfilment systems need it: per sellable variant (a product without
 * options is its own single variant), the SKU with its weight, dimensions and customs data in
 * metric units. `null` means the store says nothing of it: a system keeps what it has.
 */
export interface CatalogProduct {
  /** The store's product id, opaque. */
  productRef: string;
  name: string;
  variants: CatalogVariant[];
}

export interface CatalogDimensions {
  length: number;
  width: number;
  height: number;
}

export interface CatalogCustoms {
  description: string | null;
  /** Declared value of one unit, a decimal string. */
  valueAmount: string | null;
  /** ISO 4217 currency of `valueAmount`. */
  currency: string | null;
  /** Harmonized System (tariff) code. */
  tariffCode: string | null;
  /** ISO 3166-1 alpha-2 country where the goods were made. */
  countryOfOrigin: string | null;
}

export interface CatalogVariant {
  sku: string;
  name: string;
  weightGrams: number | null;
  dimensionsCm: CatalogDimensions | null;
  customs: CatalogCustoms;
}

export type CatalogWeightUnit = 'lbs' | 'oz' | 'kg' | 'g';
export type CatalogLengthUnit = 'in' | 'cm';

const GRAMS_PER: Record<CatalogWeightUnit, number> = {
  lbs: 453.59237,
  oz: 28.349523125,
  kg: 1_000,
  g: 1,
};
const CENTIMETRES_PER: Record<CatalogLengthUnit, number> = { in: 2.54, cm: 1 };

/**
 * Half away from zero at `places` decimals. The factor nudges values such as 1.005, which binary
 * floating point holds as 1.00499…, to the side a person would round them to.
 */
export function roundTo(value: number, places: number): number {
  const factor = 10 ** places;
  return Math.round(value * factor * (1 + Number.EPSILON)) / factor;
}

const measurable = (value: number) => Number.isFinite(value) && value >= 0;

/** A weight in the store's unit as grams (3 decimals, so that ounces and pounds survive). */
export function weightToGrams(value: number, unit: CatalogWeightUnit): number | null {
  return measurable(value) ? roundTo(value * GRAMS_PER[unit], 3) : null;
}

/** A length in the store's unit as centimetres (3 decimals). */
export function lengthToCentimetres(value: number, unit: CatalogLengthUnit): number | null {
  return measurable(value) ? roundTo(value * CENTIMETRES_PER[unit], 3) : null;
}

/** Grams as ounces, to the hundredth ShipStation and ShipHero keep. */
export function gramsToOunces(grams: number): number {
  return roundTo(grams / GRAMS_PER.oz, 2);
}

/** Centimetres as inches, to the hundredth. */
export function centimetresToInches(centimetres: number): number {
  return roundTo(centimetres / CENTIMETRES_PER.in, 2);
}

/**
 * What a fulfilment system is given of a variant, as a short digest: the same values always give
 * the same digest, so a product re-sent unchanged (a replayed webhook, a second variant's event)
 * is recognised before any system is asked. The name is left out: systems keep their own.
 */
export function catalogVariantDigest(variant: CatalogVariant): string {
  const { sku, weightGrams, dimensionsCm: d, customs: c } = variant;
  return digest(
    JSON.stringify([
      sku,
      weightGrams,
      d ? [d.length, d.width, d.height] : null,
      [c.description, c.valueAmount, c.currency, c.tariffCode, c.countryOfOrigin],
    ]),
    32,
  );
}

const RECHECK_FIRST_MS = 15 * 60_000;
const RECHECK_MAX_MS = 24 * 3_600_000;

/**
 * How long a SKU the system does not know yet waits before it is asked again, after `checks`
 * asks: 15 minutes, doubling, at most a day. An order exported with the SKU makes it due at once
 * (the system files a product from the order), so the wait only bounds what a SKU that is never
 * ordered costs.
 */
export function productRecheckDelayMs(checks: number): number {
  const doublings = Math.max(0, Math.floor(checks) - 1);
  return Math.min(RECHECK_FIRST_MS * 2 ** Math.min(doublings, 16), RECHECK_MAX_MS);
}
