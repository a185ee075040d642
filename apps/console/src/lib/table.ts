/* Generic tables for sections whose rows the console shows as they come (an order's story). */

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The rows of a section that is a non-empty list of objects, else undefined. */
export function recordRows(value: unknown): Record<string, unknown>[] | undefined {
  if (!Array.isArray(value) || value.length === 0) return undefined;
  const rows = value.filter(isRecord);
  return rows.length > 0 ? rows : undefined;
}

/** Every key the rows have, in the order first seen, at most `limit` of them. */
export function columnsOf(rows: readonly Record<string, unknown>[], limit = 10): string[] {
  const columns: string[] = [];
  for (const row of rows) {
    for (const key of Object.keys(row)) {
      if (!columns.includes(key)) columns.push(key);
    }
  }
  return columns.slice(0, limit);
}

/** A column heading from a key: `durationMs` → "Duration ms", `order_number` → "Order number". */
export function columnTitle(key: string): string {
  const spaced = key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .toLowerCase();
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}
