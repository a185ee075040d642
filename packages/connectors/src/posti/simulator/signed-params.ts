import type { NextFunction, Request, Response } from 'express';
import { verifyParams } from '../signing';
import { formParams, sendError } from './http';
import type { MerchantAccount } from './records';
import type { PostiSimState } from './state';

/**
 * How far `timestamp` may be from the simulator's clock. Pakettikauppa publishes no window; five
 * minutes is the usual choice for replay protection and what the hub must keep its clock within.
 */
export const TIMESTAMP_SKEW_SECONDS = 300;

/** A request whose signature was checked: the merchant and every parameter it sent. */
export interface SignedRequest {
  account: MerchantAccount;
  params: Record<string, string>;
}

const verified = new WeakMap<Request, SignedRequest>();

/**
 * Checks `api_key`, `hash` (HMAC-SHA256 over the sorted values) and `timestamp` on every JSON
 * API call; 401 when the caller cannot be authenticated, 403 when the signature is good but the
 * timestamp is outside the window.
 */
export function signedParams(state: PostiSimState, now: () => number) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const params = formParams(req.body);
    if (!params) {
      return sendError(res, 400, 'invalid_body', 'Send form parameters (name=value&…)');
    }
    const apiKey = params.api_key;
    if (!apiKey) return sendError(res, 401, 'authentication_failed', 'api_key is missing');
    const account = state.account(apiKey);
    if (!account) return sendError(res, 401, 'authentication_failed', 'Unknown api_key');
    if (!params.hash) return sendError(res, 401, 'authentication_failed', 'hash is missing');
    if (!verifyParams(params, account.secret)) {
      return sendError(res, 401, 'authentication_failed', 'hash does not match the parameters');
    }
    const timestamp = params.timestamp;
    if (!timestamp || !/^\d+$/.test(timestamp)) {
      return sendError(res, 401, 'authentication_failed', 'timestamp (unix seconds) is missing');
    }
    const skew = Math.abs(now() / 1_000 - Number(timestamp));
    if (skew > TIMESTAMP_SKEW_SECONDS) {
      return sendError(
        res,
        403,
        'timestamp_out_of_range',
        `timestamp is ${Math.round(skew)} s away from the server's clock (at most ${TIMESTAMP_SKEW_SECONDS} s)`,
      );
    }
    verified.set(req, { account, params });
    next();
  };
}

/** The checked request; only for handlers behind `signedParams`. */
export function signedRequestOf(req: Request): SignedRequest {
  const signed = verified.get(req);
  if (!signed) throw new Error('signedRequestOf called on a route without signedParams');
  return signed;
}

/** A parameter, trimmed; undefined when absent or empty (PHP clients send empty ones). */
export function param(signed: SignedRequest, name: string): string | undefined {
  const value = signed.params[name]?.trim();
  return value ? value : undefined;
}
