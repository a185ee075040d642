/**
 * Measurements as the engine compares them: integer milligrams and millimetres, so that sums of
 * item weights meet band boundaries exactly (0.1 kg + 0.2 kg is 0.3 kg, not 0.30000000000000004).
 */

/** Grams in one unit of weight, as stores send them. */
export const WEIGHT_UNITS = {
  g: 1,
  kg: 1000,
  oz: 28.349523125,
  lb: 453.59237,
} as const;
export type WeightUnit = keyof typeof WEIGHT_UNITS;

/** Centimetres in one unit of length. */
export const LENGTH_UNITS = { cm: 1, mm: 0.1, in: 2.54 } as const;
export type LengthUnit = keyof typeof LENGTH_UNITS;

const WEIGHT_SPELLINGS: Readonly<Record<string, WeightUnit>> = {
  g: 'g',
  gr: 'g',
  gram: 'g',
  grams: 'g',
  kg: 'kg',
  kgs: 'kg',
  kilogram: 'kg',
  kilograms: 'kg',
  oz: 'oz',
  ounce: 'oz',
  ounces: 'oz',
  lb: 'lb',
  lbs: 'lb',
  pound: 'lb',
  pounds: 'lb',
};

const LENGTH_SPELLINGS: Readonly<Record<string, LengthUnit>> = {
  cm: 'cm',
  centimeter: 'cm',
  centimeters: 'cm',
  centimetre: 'cm',
  centimetres: 'cm',
  mm: 'mm',
  millimeter: 'mm',
  millimeters: 'mm',
  millimetre: 'mm',
  millimetres: 'mm',
  in: 'in',
  inch: 'in',
  inches: 'in',
};

const spelling = (unit: string) => unit.trim().toLowerCase().replace(/\.$/, '');

/** A store's weight unit ("g", "OZ", "lbs"); undefined when unknown. */
export function weightUnitOf(unit: string): WeightUnit | undefined {
  return Object.hasOwn(WEIGHT_SPELLINGS, spelling(unit))
    ? WEIGHT_SPELLINGS[spelling(unit)]
    : undefined;
}

/** A store's length unit ("cm", "IN", "mm"); undefined when unknown. */
export function lengthUnitOf(unit: string): LengthUnit | undefined {
  return Object.hasOwn(LENGTH_SPELLINGS, spelling(unit))
    ? LENGTH_SPELLINGS[spelling(unit)]
    : undefined;
}

/** Kilograms to 6 decimals (a milligram), which is as exact as the engine compares. */
export const toKg = (value: number, unit: WeightUnit): number =>
  Math.round(value * WEIGHT_UNITS[unit] * 1000) / 1e6;

/** Centimetres to 1 decimal (a millimetre). */
export const toCm = (value: number, unit: LengthUnit): number =>
  Math.round(value * LENGTH_UNITS[unit] * 10) / 10;

export const kgToMg = (kg: number): number => Math.round(kg * 1e6);
export const cmToMm = (cm: number): number => Math.round(cm * 10);
export const mgToKg = (mg: number): number => mg / 1e6;
export const mmToCm = (mm: number): number => mm / 10;
/** Cubic millimetres in a litre. */
export const MM3_PER_LITRE = 1e6;
