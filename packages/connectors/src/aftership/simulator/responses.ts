import type { NextFunction, Request, Response } from 'express';
import type { FaultResponder } from '../../simulator-kit/faults';
import { FixedWindowQuota } from '../../simulator-kit/fixed-window';
import { AFTERSHIP_API_VERSION, AFTERSHIP_META_CODES, afterShipEndpointLimit } from '../profile';

const TYPES: Record<number, string> = {
  400: 'BadRequest',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'NotFound',
  429: 'TooManyRequests',
  500: 'InternalError',
  502: 'InternalError',
  503: 'InternalError',
  504: 'InternalError',
};

/** `{ meta: { code }, data }`, AfterShip's envelope for every answer. */
export function sendData(res: Response, status: number, data: unknown): void {
  res.status(status).json({ meta: { code: status }, data });
}

/**
 * An error in AfterShip's shape. `code` is AfterShip's own (4003, 4004 …) or the HTTP status.
 */
export function sendError(
  res: Response,
  status: number,
  code: number = status,
  message?: string,
): void {
  res.status(status).json({
    meta: {
      code,
      message: message ?? AFTERSHIP_META_CODES[code] ?? TYPES[status] ?? 'Error',
      type: TYPES[status] ?? 'BadRequest',
    },
    data: {},
  });
}

function rateLimitHeaders(res: Response, limit: number, remaining: number, resetMs: number): void {
  // X-RateLimit-Reset is the unix time (seconds) of the reset, rounded up so it is never early.
  res.setHeader('X-RateLimit-Reset', String(Math.ceil((Date.now() + resetMs) / 1000)));
  res.setHeader('X-RateLimit-Limit', String(limit));
  res.setHeader('X-RateLimit-Remaining', String(Math.max(0, remaining)));
}

export const afterShipFaults: FaultResponder = {
  rateLimited(res, withHeaders, resetMs) {
    res.setHeader('as-api-version', AFTERSHIP_API_VERSION);
    if (withHeaders) rateLimitHeaders(res, 5, 0, resetMs);
    sendError(
      res,
      429,
      429,
      'You have exceeded the API call rate limit. The default limit is per second.',
    );
  },
  serverError(res, status) {
    res.setHeader('as-api-version', AFTERSHIP_API_VERSION);
    sendError(res, status, status, 'Something went wrong on AfterShip’s end.');
  },
};

/**
 * Per-endpoint, per-API-key one-second windows, as AfterShip enforces from 2024-07 on, with the
 * X-RateLimit-* headers on every answer. Limits default to the published ones and can be
 * overridden (the control API), e.g. to provoke 429s in a test.
 */
export class EndpointQuotas {
  private quotas = new Map<string, FixedWindowQuota>();
  private overrides = new Map<string, number>();

  constructor(private readonly now: () => number = Date.now) {}

  setLimit(endpoint: string, limit: number | undefined): void {
    if (limit === undefined) this.overrides.delete(endpoint);
    else this.overrides.set(endpoint, limit);
    this.quotas.delete(endpoint);
  }

  limits(): Record<string, number> {
    return Object.fromEntries(this.overrides);
  }

  reset(): void {
    this.quotas.clear();
    this.overrides.clear();
  }

  middleware(endpoint: string) {
    return (req: Request, res: Response, next: NextFunction): void => {
      let quota = this.quotas.get(endpoint);
      if (!quota) {
        const limit = this.overrides.get(endpoint) ?? afterShipEndpointLimit(endpoint).limit;
        quota = new FixedWindowQuota(limit, 1_000, this.now);
        this.quotas.set(endpoint, quota);
      }
      const account = String(res.locals.apiKey ?? 'anonymous');
      const taken = quota.take(account);
      rateLimitHeaders(res, taken.limit, taken.remaining, taken.resetMs);
      if (!taken.allowed) {
        sendError(res, 429, 429, 'You have exceeded the API call rate limit.');
        return;
      }
      next();
    };
  }
}
