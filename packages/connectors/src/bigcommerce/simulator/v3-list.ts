import type { Request } from 'express';
import { intParam } from './http';

/** Collection answers of the v3 Catalog and Inventory APIs: filters, pages, the envelope. */

/** A comma-separated `:in` filter (`sku:in=A,B`); undefined when the query does not have it. */
export function inList(req: Request, name: string): string[] | undefined {
  const raw: unknown = req.query[name];
  if (raw === undefined) return undefined;
  const joined = Array.isArray(raw) ? raw.join(',') : String(raw);
  return joined
    .split(',')
    .map((value) => value.trim())
    .filter((value) => value !== '');
}

/** An `:in` filter of ids; values that are not ids match nothing. */
export function inIds(req: Request, name: string): Set<number> | undefined {
  const values = inList(req, name);
  if (!values) return undefined;
  return new Set(
    values.map((value) => intParam(value)).filter((id): id is number => id !== undefined),
  );
}

/** `include_fields`: the id and the fields named; undefined = every field. */
export function includeFields(req: Request): Set<string> | undefined {
  const fields = inList(req, 'include_fields');
  return fields ? new Set(['id', ...fields]) : undefined;
}

export function pick(
  rendered: Record<string, unknown>,
  fields: Set<string> | undefined,
): Record<string, unknown> {
  if (!fields) return rendered;
  return Object.fromEntries(Object.entries(rendered).filter(([key]) => fields.has(key)));
}

/** One page of `all` in the `{data, meta.pagination}` envelope; `limit` defaults to 50. */
export function v3Page<T>(
  req: Request,
  all: readonly T[],
  maxLimit: number,
  render: (item: T) => Record<string, unknown>,
): { data: Record<string, unknown>[]; meta: Record<string, unknown> } {
  const page = Math.max(1, intParam(req.query.page) ?? 1);
  const limit = Math.min(maxLimit, Math.max(1, intParam(req.query.limit) ?? 50));
  const totalPages = Math.max(1, Math.ceil(all.length / limit));
  const data = all.slice((page - 1) * limit, page * limit).map(render);
  const at = (n: number) => `?page=${n}&limit=${limit}`;
  return {
    data,
    meta: {
      pagination: {
        total: all.length,
        count: data.length,
        per_page: limit,
        current_page: page,
        total_pages: totalPages,
        links: {
          ...(page > 1 ? { previous: at(page - 1) } : {}),
          current: at(page),
          ...(page < totalPages ? { next: at(page + 1) } : {}),
        },
      },
    },
  };
}
