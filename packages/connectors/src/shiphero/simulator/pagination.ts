import { DEFAULT_PAGE_SIZE } from './complexity';

export interface ConnectionArgs {
  first?: number | null;
  last?: number | null;
  after?: string | null;
  before?: string | null;
  sort?: string | null;
}

/** ShipHero's API is graphene's: cursors are `base64("arrayconnection:<offset>")`. */
const cursorOf = (offset: number): string =>
  Buffer.from(`arrayconnection:${offset}`).toString('base64');

/** Like graphene, a cursor that is not one of ours is ignored rather than refused. */
function offsetOf(cursor: string | null | undefined): number | undefined {
  if (!cursor) return undefined;
  const match = /^arrayconnection:(\d+)$/.exec(Buffer.from(cursor, 'base64').toString('utf8'));
  return match ? Number(match[1]) : undefined;
}

type Row = Record<string, unknown>;

/**
 * `sort: "created_date"` or `"-updated_at,legacy_id"`: by the node's own scalar fields, `-` for
 * descending. Unknown fields are ignored; ties keep the default order (oldest first).
 */
function sorted<T extends Row>(nodes: T[], sort: string | null | undefined): T[] {
  const keys = (sort ?? '')
    .split(',')
    .map((key) => key.trim())
    .filter(Boolean)
    .map((key) => ({ field: key.replace(/^-/, ''), direction: key.startsWith('-') ? -1 : 1 }));
  if (keys.length === 0) return nodes;
  return [...nodes].sort((a, b) => {
    for (const { field, direction } of keys) {
      const left = a[field];
      const right = b[field];
      if (typeof left === 'function' || left === right) continue;
      if (left === null || left === undefined) return direction;
      if (right === null || right === undefined) return -direction;
      return (left < right ? -1 : 1) * direction;
    }
    return 0;
  });
}

/** A relay connection over `nodes`, paged like graphene's `connection_from_array`. */
export function connection<T extends Row>(nodes: T[], args: ConnectionArgs = {}) {
  const all = sorted(nodes, args.sort);
  let start = 0;
  let end = all.length;
  const after = offsetOf(args.after);
  const before = offsetOf(args.before);
  if (after !== undefined) start = Math.min(end, Math.max(start, after + 1));
  if (before !== undefined) end = Math.max(start, Math.min(end, before));
  if (typeof args.first === 'number') end = Math.min(end, start + Math.max(0, args.first));
  if (typeof args.last === 'number') start = Math.max(start, end - Math.max(0, args.last));
  if (typeof args.first !== 'number' && typeof args.last !== 'number') {
    end = Math.min(end, start + DEFAULT_PAGE_SIZE);
  }
  const edges = all.slice(start, end).map((node, index) => ({
    node,
    cursor: cursorOf(start + index),
  }));
  return {
    edges,
    pageInfo: {
      hasNextPage: end < all.length,
      hasPreviousPage: start > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
    total_count: all.length,
  };
}
