import type { AfterShipTracking } from '../schemas';
import type { AfterShipSimRecord } from './state';

type Query = Record<string, unknown>;

const DEFAULT_LIMIT = 100;
const MAX_LIMIT = 200;
/** Without `created_at_min`, AfterShip lists only trackings created in the last 120 days. */
const DEFAULT_WINDOW_MS = 120 * 24 * 3_600_000;

const str = (value: unknown) => (typeof value === 'string' && value !== '' ? value : undefined);
const csv = (value: unknown) =>
  str(value)
    ?.split(',')
    .map((v) => v.trim())
    .filter(Boolean);

// ISO 8601 with an offset or Z; a `+` sent unescaped arrives as a space and is refused, as at
// AfterShip (which asks for `%2B`).
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

function instant(query: Query, name: string): number | undefined | { error: string } {
  const raw = str(query[name]);
  if (raw === undefined) return undefined;
  const ms = ISO.test(raw) ? Date.parse(raw) : NaN;
  return Number.isNaN(ms) ? { error: `The value of \`${name}\` is invalid.` } : ms;
}

// Opaque to clients: the sequence number of the last tracking on the previous page.
const encodeCursor = (seq: number) => Buffer.from(`seq:${seq}`).toString('base64url');
function decodeCursor(cursor: string): number | undefined {
  const match = /^seq:(\d+)$/.exec(Buffer.from(cursor, 'base64url').toString());
  return match ? Number(match[1]) : undefined;
}

export interface ListPage {
  pagination: { total: number; next_cursor: string | null; has_next_page: boolean };
  trackings: AfterShipTracking[];
}

/** `GET /trackings`: filters, the default window, newest first, cursor pagination. */
export function listTrackings(
  records: AfterShipSimRecord[],
  query: Query,
  now: number,
): ListPage | { error: string } {
  const limitRaw = str(query.limit);
  const limit = limitRaw === undefined ? DEFAULT_LIMIT : Number(limitRaw);
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) {
    return { error: 'The value of `limit` is invalid.' };
  }
  const bounds: Record<string, number | undefined> = {};
  for (const name of ['created_at_min', 'created_at_max', 'updated_at_min', 'updated_at_max']) {
    const value = instant(query, name);
    if (typeof value === 'object') return value;
    bounds[name] = value;
  }
  const cursorRaw = str(query.cursor);
  const after = cursorRaw === undefined ? undefined : decodeCursor(cursorRaw);
  if (cursorRaw !== undefined && after === undefined)
    return { error: 'The value of `cursor` is invalid.' };

  const numbers = csv(query.tracking_numbers);
  const slugs = csv(query.slug);
  const tags = csv(query.tag);
  const orderId = str(query.order_id);
  const keyword = str(query.keyword)?.toLowerCase();
  const createdMin = bounds.created_at_min ?? now - DEFAULT_WINDOW_MS;
  const within = (value: string | null | undefined, min?: number, max?: number) => {
    const ms = value ? Date.parse(value) : NaN;
    return (min === undefined || ms >= min) && (max === undefined || ms <= max);
  };

  const matching = records.filter(({ tracking: t }) => {
    if (numbers && !numbers.includes(t.tracking_number)) return false;
    if (slugs && !slugs.includes(t.slug)) return false;
    if (tags && !tags.includes(t.tag)) return false;
    if (orderId !== undefined && t.order_id !== orderId) return false;
    if (keyword) {
      const haystack = [t.title, t.order_id, t.order_number, t.tracking_number]
        .join(' ')
        .toLowerCase();
      if (!haystack.includes(keyword)) return false;
    }
    return (
      within(t.created_at, createdMin, bounds.created_at_max) &&
      within(t.updated_at, bounds.updated_at_min, bounds.updated_at_max)
    );
  });
  const rest = after === undefined ? matching : matching.filter((r) => r.seq < after);
  const page = rest.slice(0, limit);
  const last = page.at(-1);
  const hasNext = rest.length > page.length && last !== undefined;
  return {
    pagination: {
      total: matching.length,
      next_cursor: hasNext ? encodeCursor(last.seq) : null,
      has_next_page: hasNext,
    },
    trackings: page.map((r) => r.tracking),
  };
}
