/**
 * ShipHero answers `ISODateTime` as naive UTC date-times to the second (`2024-09-01T12:34:56`),
 * and reads a value without an offset as UTC.
 */
export function isoDateTime(ms: number): string;
export function isoDateTime(ms: number | null | undefined): string | null;
export function isoDateTime(ms: number | null | undefined): string | null {
  if (ms === null || ms === undefined) return null;
  return new Date(ms).toISOString().slice(0, 19);
}

const HAS_OFFSET = /(?:[zZ]|[+-]\d{2}:?\d{2})$/;

/** Milliseconds since the epoch, or undefined when the text is not a date-time. */
export function parseIsoDateTime(text: string): number | undefined {
  const trimmed = text.trim();
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(trimmed);
  const normalized = dateOnly || HAS_OFFSET.test(trimmed) ? trimmed : `${trimmed}Z`;
  const ms = Date.parse(normalized);
  return Number.isNaN(ms) ? undefined : ms;
}
