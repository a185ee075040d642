// A list that never ends is a bug somewhere; stop rather than spin through the store's quota.
const MAX_PAGES = 1_000;

/** Follows pages until one says it is the last (short, empty or 204). */
export async function collectPages<T>(
  fetchPage: (page: number) => Promise<{ items: T[]; more: boolean }>,
): Promise<T[]> {
  const all: T[] = [];
  for (let page = 1; page <= MAX_PAGES; page++) {
    const { items, more } = await fetchPage(page);
    all.push(...items);
    if (!more) break;
  }
  return all;
}

/** Whether a v3 page is followed by another: by its pagination, else by being full. */
export function hasNextV3Page(
  page: number,
  items: number,
  pageSize: number,
  pagination: { total_pages: number } | undefined,
): boolean {
  return pagination ? page < pagination.total_pages : items >= pageSize;
}

/**
 * Splits values for a comma-separated filter (`sku:in=A,B`) so that no request carries more
 * than `maxCount` values or `maxChars` URL-encoded characters: gateways refuse long URLs.
 */
export function commaChunks(
  values: readonly string[],
  maxCount = 50,
  maxChars = 2_000,
): string[][] {
  const chunks: string[][] = [];
  let chunk: string[] = [];
  let chars = 0;
  for (const value of new Set(values)) {
    const size = encodeURIComponent(value).length + 3; // the encoded comma
    if (chunk.length > 0 && (chunk.length >= maxCount || chars + size > maxChars)) {
      chunks.push(chunk);
      chunk = [];
      chars = 0;
    }
    chunk.push(value);
    chars += size;
  }
  if (chunk.length > 0) chunks.push(chunk);
  return chunks;
}
