import type { NextFunction, Request, Response } from 'express';
import type { FaultResponder } from '../../simulator-kit/faults';
import type { FixedWindowQuota } from '../../simulator-kit/fixed-window';
import { QueryError } from './query';
import type { ShipStationState } from './state';

/** The API key a request authenticated as (set by `authenticate`). */
export function accountOf(res: Response): string {
  return String(res.locals.account);
}

/** ASP.NET's 400 for a bad parameter or body field. */
export function invalid(res: Response, field: string, message: string): void {
  res.status(400).json({ Message: 'The request is invalid.', ModelState: { [field]: [message] } });
}

export function notFound(res: Response, message: string): void {
  res.status(404).json({ Message: message });
}

/** Runs a handler, turning bad query parameters into 400s. */
export function handle(fn: (req: Request, res: Response) => void) {
  return (req: Request, res: Response, next: NextFunction): void => {
    try {
      fn(req, res);
    } catch (error) {
      if (error instanceof QueryError) invalid(res, error.field, error.message);
      else next(error);
    }
  };
}

/** HTTP Basic with an API key/secret pair; anything else is ASP.NET's 401. */
export function authenticate(state: ShipStationState) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(req.headers.authorization ?? '');
    const decoded = match ? Buffer.from(match[1] ?? '', 'base64').toString('utf8') : '';
    const colon = decoded.indexOf(':');
    const apiKey = colon > 0 ? decoded.slice(0, colon) : '';
    if (!apiKey || !state.authenticate(apiKey, decoded.slice(colon + 1))) {
      res.setHeader('WWW-Authenticate', 'Basic realm="ssapi.shipstation.com"');
      res.status(401).json({ Message: 'Authorization has been denied for this request.' });
      return;
    }
    res.locals.account = apiKey;
    next();
  };
}

function setRateHeaders(res: Response, limit: number, remaining: number, resetMs: number): void {
  res.setHeader('X-Rate-Limit-Limit', String(limit));
  res.setHeader('X-Rate-Limit-Remaining', String(remaining));
  // Whole seconds until the window resets, rounded up so waiting that long is always enough.
  res.setHeader('X-Rate-Limit-Reset', String(Math.ceil(resetMs / 1000)));
}

/** 40 requests per minute per key pair by default; every answer says where the window stands. */
export function rateLimit(quota: FixedWindowQuota) {
  return (_req: Request, res: Response, next: NextFunction): void => {
    const taken = quota.take(accountOf(res));
    setRateHeaders(res, taken.limit, taken.remaining, taken.resetMs);
    if (!taken.allowed) {
      res.status(429).json({ Message: 'Too Many Requests' });
      return;
    }
    next();
  };
}

export function faultResponder(quota: FixedWindowQuota): FaultResponder {
  return {
    rateLimited(res, withHeaders, resetMs) {
      if (withHeaders) setRateHeaders(res, quota.limit, 0, resetMs);
      res.status(429).json({ Message: 'Too Many Requests' });
    },
    serverError(res, status) {
      res.status(status).json({ Message: 'An error has occurred.' });
    },
  };
}
