import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import type { FaultResponder } from '../../simulator-kit/faults';
import { endpointNotFound, errorBody, invalidJsonInput, sendApiError } from './errors';
import type { OidcSigner } from './oidc';

/**
 * The HTTP edges: provider-shaped 429/5xx for the kit's faults, JSON bodies whatever their
 * content type (the API reads every POST body as JSON), InvalidJsonInput for one that is not,
 * 404 for unknown endpoints, and Google's key set.
 */

/** commercetools has no published rate limit; its gateways answer 429/502/503 in its error shape. */
export const commercetoolsFaultResponder: FaultResponder = {
  rateLimited(res, withHeaders, resetMs) {
    if (withHeaders) res.setHeader('Retry-After', String(Math.max(1, Math.ceil(resetMs / 1_000))));
    res.status(429).json(errorBody(429, [{ code: 'General', message: 'Too Many Requests' }]));
  },
  serverError(res, status) {
    const error =
      status === 503
        ? {
            code: 'OverCapacity',
            message: 'The service is temporarily unavailable (over capacity).',
          }
        : status === 502
          ? { code: 'BadGateway', message: 'Bad Gateway' }
          : { code: 'General', message: 'Internal Server Error' };
    res.status(status).json(errorBody(status, [error]));
  },
};

/** Parses a POST body sent without `application/json` as JSON, as the platform does. */
export function lenientJson(): Router {
  const router = express.Router();
  router.use(
    express.text({ type: (req) => !req.headers['content-type']?.includes('json'), limit: '16mb' }),
  );
  router.use((req: Request, res: Response, next: NextFunction) => {
    if (typeof req.body !== 'string') return next();
    if (req.body === '') {
      req.body = undefined;
      return next();
    }
    try {
      req.body = JSON.parse(req.body) as unknown;
    } catch (error) {
      return sendApiError(
        res,
        invalidJsonInput(error instanceof Error ? error.message : 'not JSON'),
      );
    }
    next();
  });
  return router;
}

/** The last API handler: an endpoint the simulator does not have. */
export const notFound = (req: Request, res: Response): void =>
  sendApiError(res, endpointNotFound(req.path));

/** Express's JSON parse failure (and any other crash) in commercetools' shape. */
export function apiErrorHandler(
  error: unknown,
  _req: Request,
  res: Response,
  next: NextFunction,
): void {
  if (res.headersSent) return next(error);
  const status =
    typeof error === 'object' && error !== null && 'status' in error ? Number(error.status) : 500;
  if (status >= 400 && status < 500) {
    return sendApiError(
      res,
      invalidJsonInput(error instanceof Error ? error.message : 'Malformed JSON'),
    );
  }
  res.status(500).json(errorBody(500, [{ code: 'General', message: 'Internal Server Error' }]));
}

/** `GET /oauth2/v3/certs`: the JWKS the push tokens are signed with (no authentication). */
export function certsRoute(signer: OidcSigner): Router {
  const router = express.Router();
  router.get('/oauth2/v3/certs', async (_req, res) => {
    res.setHeader('Cache-Control', 'public, max-age=300');
    res.json(await signer.jwks());
  });
  return router;
}
