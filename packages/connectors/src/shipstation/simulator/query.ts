import type { Request } from 'express';
import { parseShipStationDateTime } from '../dates';

/** A query parameter problem, answered as ASP.NET would: 400 with a ModelState entry. */
export class QueryError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

/** ASP.NET binds query names case-insensitively (`includeShipmentItems=False` works). */
export function param(req: Request, name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(req.query)) {
    if (key.toLowerCase() !== wanted) continue;
    const first = Array.isArray(value) ? value[0] : value;
    return typeof first === 'string' && first.trim() !== '' ? first.trim() : undefined;
  }
  return undefined;
}

export function intParam(req: Request, name: string): number | undefined {
  const raw = param(req, name);
  if (raw === undefined) return undefined;
  if (!/^-?\d+$/.test(raw))
    throw new QueryError(name, `The value '${raw}' is not valid for ${name}.`);
  return Number(raw);
}

export function boolParam(req: Request, name: string): boolean | undefined {
  const raw = param(req, name)?.toLowerCase();
  if (raw === undefined) return undefined;
  if (raw === 'true' || raw === '1') return true;
  if (raw === 'false' || raw === '0') return false;
  throw new QueryError(name, `The value '${raw}' is not valid for ${name}.`);
}

/** A date filter as epoch ms; values are ShipStation account time unless they carry an offset. */
export function dateParam(req: Request, name: string, timeZone: string): number | undefined {
  const raw = param(req, name);
  if (raw === undefined) return undefined;
  const parsed = parseShipStationDateTime(raw, timeZone);
  if (!parsed) throw new QueryError(name, `The value '${raw}' is not valid for ${name}.`);
  return parsed.getTime();
}

/** `start`/`end` pair, both inclusive, against a value in epoch ms (or absent). */
export function inRange(
  value: number | null | undefined,
  start: number | undefined,
  end: number | undefined,
): boolean {
  if (start === undefined && end === undefined) return true;
  if (value === null || value === undefined) return false;
  return (start === undefined || value >= start) && (end === undefined || value <= end);
}

export const MAX_PAGE_SIZE = 500;
export const DEFAULT_PAGE_SIZE = 100;

export interface Paging {
  page: number;
  pageSize: number;
}

export function paging(req: Request): Paging {
  const page = intParam(req, 'page') ?? 1;
  const pageSize = intParam(req, 'pageSize') ?? DEFAULT_PAGE_SIZE;
  if (page < 1) throw new QueryError('page', 'page must be 1 or more.');
  if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
    throw new QueryError('pageSize', `pageSize must be between 1 and ${MAX_PAGE_SIZE}.`);
  }
  return { page, pageSize };
}

/** The V1 list envelope fields for one page of `all`. */
export function pageOf<T>(all: T[], { page, pageSize }: Paging) {
  return {
    items: all.slice((page - 1) * pageSize, page * pageSize),
    total: all.length,
    page,
    pages: Math.ceil(all.length / pageSize),
  };
}

type SortKey<T> = (item: T) => number | string | null;

/** Sorts by `sortBy` (one of `keys`, else `fallback`) and `sortDir`, tie-broken by `id`. */
export function sorted<T>(
  req: Request,
  items: T[],
  keys: Record<string, SortKey<T>>,
  id: (item: T) => number,
): T[] {
  const sortBy = param(req, 'sortBy')?.toLowerCase();
  const direction = param(req, 'sortDir')?.toUpperCase() === 'DESC' ? -1 : 1;
  const entry = Object.entries(keys).find(([name]) => name.toLowerCase() === sortBy);
  const key: SortKey<T> = entry ? entry[1] : id;
  return [...items].sort((a, b) => {
    const ka = key(a) ?? '';
    const kb = key(b) ?? '';
    if (ka < kb) return -direction;
    if (ka > kb) return direction;
    return (id(a) - id(b)) * direction;
  });
}
