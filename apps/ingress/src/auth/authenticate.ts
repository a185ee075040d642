import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { Repos } from '@shiplink/db';
import { HttpProblem, sendProblem } from '../http/problems';
import type { Principal } from './principal';
import { API_TOKEN_PREFIX, safeEqual, sha256 } from './secrets';
import type { Sessions } from './sessions';

export interface AuthenticationDeps {
  /** The platform operator's bearer token (ADMIN_TOKEN). */
  operatorToken: string;
  repos: Repos;
  sessions: Sessions;
}

/**
 * How a cookie-authenticated change proves it came from our own pages: the console sends the
 * session's CSRF token; pages we do not write (Bull Board) are held to the browser's
 * `Sec-Fetch-Site: same-origin` (or a matching `Origin`) instead.
 */
export type CsrfCheck = 'token' | 'same-origin';

export const CSRF_HEADER = 'x-csrf-token';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
export const isSafeMethod = (method: string) => SAFE_METHODS.has(method);

const unauthorized = () =>
  new HttpProblem(401, 'unauthorized', 'sign in, or send a valid bearer token');

function bearerOf(req: Request): string | undefined {
  const header = req.headers.authorization;
  if (!header?.startsWith('Bearer ')) return undefined;
  const token = header.slice(7).trim();
  return token.length > 0 && token.length <= 200 ? token : undefined;
}

/** A bearer: the operator's token, or one of a tenant's API tokens (looked up by its hash). */
async function bearerPrincipal(deps: AuthenticationDeps, token: string): Promise<Principal> {
  if (safeEqual(token, deps.operatorToken)) return { kind: 'platform' };
  if (!token.startsWith(API_TOKEN_PREFIX)) throw unauthorized();
  const found = await deps.repos.accounts.useApiToken(sha256(token));
  if (!found) throw unauthorized();
  return {
    kind: 'token',
    tenantId: found.tenantId,
    tokenId: found.id,
    name: found.name,
    scopes: found.scopes,
  };
}

/** A session cookie; an unsafe request must also carry the session's CSRF token. */
function sameOrigin(req: Request): boolean {
  if (req.headers['sec-fetch-site'] === 'same-origin') return true;
  const origin = req.headers.origin;
  return typeof origin === 'string' && origin === `${req.protocol}://${req.get('host') ?? ''}`;
}

async function sessionPrincipal(
  deps: AuthenticationDeps,
  req: Request,
  res: Response,
  csrf: CsrfCheck,
): Promise<Principal> {
  const session = await deps.sessions.current(req, res);
  if (!session) throw unauthorized();
  if (!isSafeMethod(req.method)) {
    const sent = req.headers[CSRF_HEADER];
    const proven =
      csrf === 'token'
        ? typeof sent === 'string' && safeEqual(sent, session.csrfToken)
        : sameOrigin(req);
    if (!proven) {
      throw new HttpProblem(403, 'csrf_failed', `send the session's ${CSRF_HEADER} header`);
    }
  }
  if (!session.user) return { kind: 'platform' };
  const { user } = session;
  return {
    kind: 'user',
    tenantId: user.tenantId,
    userId: user.id,
    email: user.email,
    role: user.role,
  };
}

/**
 * Who is calling: a bearer token (the operator's or a tenant's API token) or a console session.
 * The principal lands in `res.locals.principal`; nothing past this runs without one.
 */
export function authenticate(deps: AuthenticationDeps, csrf: CsrfCheck = 'token'): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    const bearer = bearerOf(req);
    const found = bearer ? bearerPrincipal(deps, bearer) : sessionPrincipal(deps, req, res, csrf);
    found.then(
      (principal) => {
        res.locals.principal = principal;
        next();
      },
      (error: unknown) => {
        if (error instanceof HttpProblem) sendProblem(res, error);
        else next(error);
      },
    );
  };
}
