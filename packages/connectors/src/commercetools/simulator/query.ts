import type { Request } from 'express';
import { invalidInput } from './errors';
import { matches } from './predicate-eval';
import { parsePredicate, PredicateSyntaxError, type Predicate } from './predicate-parser';

/**
 * The query traits every collection endpoint shares: `where` (repeatable, ANDed), `sort`
 * (repeatable, `path asc|desc`), `limit` (default 20, 0–500), `offset` (0–10000) and
 * `withTotal` (default true) → PagedQueryResponse `{ limit, offset, count, total?, results }`.
 */

export interface PagedQueryResponse<T> {
  limit: number;
  offset: number;
  count: number;
  total?: number;
  results: T[];
}

const values = (raw: unknown): string[] =>
  raw === undefined ? [] : (Array.isArray(raw) ? raw : [raw]).map(String);

function integer(req: Request, name: string, fallback: number, max: number): number {
  const [raw, ...more] = values(req.query[name]);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (more.length > 0 || !/^\d+$/.test(raw) || value > max) {
    throw invalidInput(`The '${name}' parameter must be an integer between 0 and ${max}.`);
  }
  return value;
}

/** The request's `where` predicates; a malformed one is 400 InvalidInput as the API words it. */
export function wherePredicates(req: Request): Predicate[] {
  return values(req.query.where).map((text) => {
    try {
      return parsePredicate(text);
    } catch (error) {
      if (!(error instanceof PredicateSyntaxError)) throw error;
      throw invalidInput(
        `Malformed parameter: where: Syntax error while parsing 'where'. ${error.message}`,
      );
    }
  });
}

interface SortKey {
  path: string[];
  descending: boolean;
}

function sortKeys(req: Request): SortKey[] {
  return values(req.query.sort).map((text) => {
    const match = /^\s*([A-Za-z_][\w.]*)\s+(asc|desc)\s*$/i.exec(text);
    if (!match) throw invalidInput(`Malformed parameter: sort: Invalid sort expression '${text}'.`);
    return { path: match[1]!.split('.'), descending: match[2]!.toLowerCase() === 'desc' };
  });
}

function at(subject: unknown, path: string[]): unknown {
  let value = subject;
  for (const step of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[step];
  }
  return value;
}

function compareValues(a: unknown, b: unknown): number {
  if (a === b) return 0;
  // Resources without the field sort last, whichever the direction.
  if (a === undefined || a === null) return 1;
  if (b === undefined || b === null) return -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a) < String(b) ? -1 : 1;
}

/** Filters, sorts and pages `items` (rendered resources) as the request asks. */
export function queryResources<T>(req: Request, items: readonly T[]): PagedQueryResponse<T> {
  const limit = integer(req, 'limit', 20, 500);
  const offset = integer(req, 'offset', 0, 10_000);
  const withTotal = values(req.query.withTotal)[0] !== 'false';
  const predicates = wherePredicates(req);
  const keys = sortKeys(req);
  const found = items.filter((item) => predicates.every((predicate) => matches(item, predicate)));
  if (keys.length > 0) {
    found.sort((a, b) => {
      for (const key of keys) {
        const left = at(a, key.path);
        const right = at(b, key.path);
        const missing = left === undefined || right === undefined;
        const order = compareValues(left, right);
        if (order !== 0) return key.descending && !missing ? -order : order;
      }
      return 0;
    });
  }
  const results = found.slice(offset, offset + limit);
  return {
    limit,
    offset,
    count: results.length,
    ...(withTotal ? { total: found.length } : {}),
    results,
  };
}
