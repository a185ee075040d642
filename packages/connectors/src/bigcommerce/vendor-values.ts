import { z } from 'zod';

/** Money and measures arrive as strings, sometimes as numbers; we keep decimal strings. */
export function toDecimalString(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '0';
  if (typeof value === 'number') return Number.isFinite(value) ? value.toFixed(4) : '0';
  const trimmed = value.trim();
  return trimmed === '' ? '0' : trimmed;
}

export const decimal = z.union([z.string(), z.number()]).nullish().transform(toDecimalString);
export const text = z
  .string()
  .nullish()
  .transform((value) => value ?? '');
export const count = z
  .number()
  .nullish()
  .transform((value) => value ?? 0);
