import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import type { FaultResponder } from '../../simulator-kit/faults';
import { prinettiStatusXml, sendXml } from './prinetti-xml';

/**
 * The JSON APIs' error answer. Pakettikauppa does not publish one: its docs show `{"success":
 * false}` bodies and HTTP 401/500 codes for the reseller calls. The simulator answers
 * `{ success: false, error, message }`: `error` a stable machine code, `message` for people, with
 * 400 (a parameter missing), 401 (api_key unknown, hash missing or wrong), 403 (timestamp outside
 * the accepted window), 404 (no such thing), 429/5xx (faults).
 */
export interface PostiErrorBody {
  success: false;
  error: string;
  message: string;
}

/** Sends a JSON API error. */
export function sendError(res: Response, status: number, error: string, message: string): void {
  const body: PostiErrorBody = { success: false, error, message };
  res.status(status).json(body);
}

const isPrinetti = (req: Request) => req.path.startsWith('/prinetti/');

/** 429/5xx for the kit's faults: JSON for the JSON APIs, a Prinetti `Response` for Prinetti. */
export const postiFaultResponder: FaultResponder = {
  rateLimited(res, withHeaders, resetMs) {
    if (withHeaders) res.setHeader('Retry-After', String(Math.max(1, Math.ceil(resetMs / 1_000))));
    if (isPrinetti(res.req)) return sendXml(res, 429, prinettiStatusXml(240, 'Too many requests'));
    sendError(res, 429, 'rate_limited', 'Too many requests');
  },
  serverError(res, status) {
    if (isPrinetti(res.req)) return sendXml(res, status, prinettiStatusXml(240, 'System failure'));
    sendError(res, status, 'server_error', 'Internal server error');
  },
};

/**
 * The JSON APIs take form parameters (`application/x-www-form-urlencoded`, as Pakettikauppa's
 * own library posts them); JSON bodies are read too, leniently. The kit has parsed JSON already.
 */
export function formBodies(): Router {
  const router = express.Router();
  router.use(express.urlencoded({ extended: false, limit: '1mb' }));
  return router;
}

/**
 * The body's parameters as strings; the last value wins for a repeated name (as PHP reads
 * them). Undefined when the body is not a flat set of parameters.
 */
export function formParams(body: unknown): Record<string, string> | undefined {
  if (body === undefined || body === null) return {};
  if (typeof body !== 'object' || Array.isArray(body)) return undefined;
  const params: Record<string, string> = {};
  for (const [name, raw] of Object.entries(body as Record<string, unknown>)) {
    const value = Array.isArray(raw) ? (raw as unknown[]).at(-1) : raw;
    if (value === null || value === undefined) params[name] = '';
    else if (['string', 'number', 'boolean'].includes(typeof value)) params[name] = String(value);
    else return undefined;
  }
  return params;
}

/** The last API handler: an endpoint the simulator does not have. */
export const notFound = (req: Request, res: Response): void => {
  if (isPrinetti(req)) return sendXml(res, 404, prinettiStatusXml(100, 'Unknown endpoint'));
  sendError(res, 404, 'not_found', `No endpoint ${req.method} ${req.path}`);
};

/** A body that does not parse (JSON, form) gets the API's answer instead of Express's HTML page. */
export function apiErrorHandler(error: unknown, req: Request, res: Response, next: NextFunction) {
  if (res.headersSent) return next(error);
  const status =
    typeof error === 'object' && error !== null && 'status' in error ? Number(error.status) : 500;
  if (isPrinetti(req)) {
    return sendXml(res, status >= 500 ? 500 : 200, prinettiStatusXml(status >= 500 ? 240 : 230));
  }
  if (status >= 400 && status < 500) {
    return sendError(res, 400, 'invalid_body', 'The request body could not be read');
  }
  sendError(res, 500, 'server_error', 'Internal server error');
}
