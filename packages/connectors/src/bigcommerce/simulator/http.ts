import type { NextFunction, Request, Response } from 'express';
import type { FaultResponder } from '../../simulator-kit/faults';
import type { FixedWindowQuota } from '../../simulator-kit/fixed-window';
import type { BigCommerceSimState, SimOrder, SimStore } from './state';

/** Error bodies, auth, and the per-store quota, as the BigCommerce API gateway answers. */

const STATUS_DOCS = 'https://developer.bigcommerce.com/api-docs/getting-started/api-status-codes';

export function v2Error(res: Response, status: number, message: string): void {
  res.status(status).json([{ status, message }]);
}

export function v3Error(
  res: Response,
  status: number,
  title: string,
  errors?: Record<string, string>,
): void {
  res
    .status(status)
    .type('application/problem+json')
    .send(JSON.stringify({ status, title, type: STATUS_DOCS, ...(errors ? { errors } : {}) }));
}

/** v3 paths answer problem bodies, v2 paths error arrays. */
export function apiError(res: Response, status: number, message: string): void {
  if (/\/v3(\/|$)/.test(res.req.path)) v3Error(res, status, message);
  else v2Error(res, status, message);
}

function setQuotaHeaders(
  res: Response,
  state: { limit: number; remaining: number; resetMs: number },
  windowMs: number,
) {
  res.setHeader('X-Rate-Limit-Time-Window-Ms', String(windowMs));
  res.setHeader('X-Rate-Limit-Time-Reset-Ms', String(Math.max(0, Math.ceil(state.resetMs))));
  res.setHeader('X-Rate-Limit-Requests-Quota', String(state.limit));
  res.setHeader('X-Rate-Limit-Requests-Left', String(state.remaining));
}

export function tooManyRequests(res: Response, quota: FixedWindowQuota, resetMs: number): void {
  setQuotaHeaders(res, { limit: quota.limit, remaining: 0, resetMs }, quota.windowMs);
  res.setHeader('X-Retry-After', String(Math.max(1, Math.ceil(resetMs / 1_000))));
  apiError(res, 429, 'Too many requests. Please wait for the rate limit window to reset.');
}

export function bigCommerceFaultResponder(quota: FixedWindowQuota): FaultResponder {
  return {
    rateLimited(res, withHeaders, resetMs) {
      if (withHeaders) tooManyRequests(res, quota, resetMs);
      // Platform overload: a bare 429 without any rate-limit header.
      else res.status(429).type('text/plain').send('Too Many Requests');
    },
    serverError(res, status) {
      apiError(res, status, status === 503 ? 'Service Unavailable' : 'Internal Server Error');
    },
  };
}

/** Request-scoped: the store the path names. */
export function storeOf(res: Response): SimStore {
  return res.locals.store as SimStore;
}

/** The API client the token belongs to. */
export function clientOf(res: Response): string {
  return res.locals.clientId as string;
}

/**
 * `X-Auth-Token` must be a token of the store in the path; then the store's quota is counted
 * and its headers go on every answer, 429 included.
 */
export function authAndQuota(state: BigCommerceSimState, quota: FixedWindowQuota) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const hash = /^\/stores\/([^/]+)(\/|$)/.exec(req.path)?.[1];
    if (hash === undefined) return next();
    const store = state.stores.get(hash);
    const token = req.get('X-Auth-Token');
    const clientId = store && token ? store.tokens.get(token) : undefined;
    if (!store || !clientId) {
      apiError(res, 401, 'You are not authorized to access this resource.');
      return;
    }
    const taken = quota.take(store.hash);
    if (!taken.allowed) {
      tooManyRequests(res, quota, taken.resetMs);
      return;
    }
    setQuotaHeaders(res, taken, quota.windowMs);
    res.locals.store = store;
    res.locals.clientId = clientId;
    next();
  };
}

/** Base URL the links in bodies point at (`{url, resource}` objects). */
export function baseUrlOf(req: Request): string {
  return `${req.protocol}://${req.get('host') ?? '127.0.0.1'}`;
}

/** A positive integer path or query value, or undefined. */
export function intParam(value: unknown): number | undefined {
  if (typeof value !== 'string' || !/^\d+$/.test(value)) return undefined;
  const parsed = Number(value);
  return Number.isSafeInteger(parsed) ? parsed : undefined;
}

/** `page`/`limit` with BigCommerce's defaults (1, 50) and ceiling (250). */
export function paging(req: Request): { page: number; limit: number } {
  const page = Math.max(1, intParam(req.query.page) ?? 1);
  const limit = Math.min(250, Math.max(1, intParam(req.query.limit) ?? 50));
  return { page, limit };
}

/** The order named by `:id` in the path, or a 404 already sent. */
export function findOrder(
  req: Request,
  res: Response,
): { store: SimStore; order: SimOrder } | undefined {
  const store = storeOf(res);
  const id = intParam(req.params.id);
  const order = id === undefined ? undefined : store.orders.get(id);
  if (!order) {
    v2Error(res, 404, 'The requested resource was not found.');
    return undefined;
  }
  return { store, order };
}
