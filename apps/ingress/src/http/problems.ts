import type { ServerResponse } from 'node:http';
import type { NextFunction, Request, Response } from 'express';
import { isOutage, RateLimitedError, ShiplinkError } from '@shiplink/errors';
import type { Logger } from '@shiplink/logger';
import { sendJson } from './send';

/** A 4xx/5xx answer with a stable code and a readable message. */
export class HttpProblem extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
    /** Sent as `Retry-After`: the sender should come back, and when. */
    readonly retryAfterSec?: number,
  ) {
    super(message);
  }
}

/** How long a sender is asked to wait while PostgreSQL or Redis is away. */
export const OUTAGE_RETRY_AFTER_SEC = 5;

/** 503 + Retry-After: nothing was lost, the sender should try again shortly. */
export function unavailable(code: string, message: string): HttpProblem {
  return new HttpProblem(503, code, message, undefined, OUTAGE_RETRY_AFTER_SEC);
}

export function sendProblem(res: ServerResponse, problem: HttpProblem): void {
  sendJson(
    res,
    problem.status,
    {
      error: problem.code,
      message: problem.message,
      ...(problem.details === undefined ? {} : { details: problem.details }),
    },
    problem.retryAfterSec === undefined
      ? {}
      : { 'retry-after': String(Math.max(1, Math.ceil(problem.retryAfterSec))) },
  );
}

/** body-parser's own refusals: they carry `expose`, a 4xx status and a `type`. */
const BODY_ERRORS: Record<string, [number, string, string]> = {
  'entity.too.large': [413, 'payload_too_large', 'request body is too large'],
  'entity.parse.failed': [400, 'malformed_json', 'request body is not valid JSON'],
  'encoding.unsupported': [415, 'unsupported_encoding', 'content encoding is not supported'],
  'charset.unsupported': [415, 'unsupported_charset', 'body charset is not supported'],
  'request.aborted': [400, 'request_aborted', 'request was aborted'],
};

/**
 * The HTTP stack's own refusals of a request: body-parser's (`expose`, a 4xx status, usually a
 * `type`; an undecodable compressed body has none) and the router's undecodable path parameters.
 */
function isRequestError(error: unknown): error is Error & { status: number; type?: unknown } {
  const http = error as { status?: unknown; expose?: unknown } | null;
  return (
    typeof http?.status === 'number' &&
    http.status >= 400 &&
    http.status < 500 &&
    (http.expose === true || error instanceof URIError)
  );
}

/**
 * What an error means to the caller. A provider's refusal is the provider's, never our own 4xx:
 * it is reported as a bad gateway with the provider's message.
 */
export function toProblem(error: unknown): HttpProblem | undefined {
  if (error instanceof HttpProblem) return error;
  if (isRequestError(error)) {
    const [status, code, message] =
      BODY_ERRORS[String(error.type)] ??
      (error instanceof URIError
        ? [400, 'malformed_url', 'the URL is not valid percent-encoding']
        : [error.status, 'bad_request', 'request was refused']);
    return new HttpProblem(status, code, message);
  }
  if (error instanceof ShiplinkError && error.provider) {
    const from = { provider: error.provider, status: error.status, reason: error.reason };
    if (error instanceof RateLimitedError) {
      return new HttpProblem(
        503,
        'provider_rate_limited',
        error.message,
        from,
        error.waitMs / 1_000,
      );
    }
    return new HttpProblem(502, 'provider_error', error.message, from);
  }
  if (isOutage(error)) {
    return unavailable('service_unavailable', 'storage is unavailable; retry shortly');
  }
  return undefined;
}

/** Known refusals become their 4xx/5xx, anything unexpected a logged 500. */
export function answerError(res: ServerResponse, error: unknown, logger: Logger): void {
  const problem = toProblem(error);
  if (problem) {
    if (problem.status >= 500) logger.warn('request not completed', { code: problem.code });
    return sendProblem(res, problem);
  }
  logger.error('request failed', { error });
  sendProblem(res, new HttpProblem(500, 'internal_error', 'the request could not be completed'));
}

/** Express's last handler: errors are answered by `answerError`. */
export function problemHandler(logger: Logger) {
  return (error: unknown, _req: Request, res: Response, next: NextFunction): void => {
    if (res.headersSent) return next(error);
    answerError(res, error, logger);
  };
}

/** Wraps async route handlers so rejections reach the problem handler. */
export function route(
  fn: (req: Request, res: Response) => Promise<void>,
): (req: Request, res: Response, next: NextFunction) => void {
  return (req, res, next) => {
    fn(req, res).catch(next);
  };
}
