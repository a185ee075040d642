import type { NextFunction, Request, Response } from 'express';
import { authErrorBody } from './errors';
import { grants } from './scopes';
import type { CommercetoolsSimState, ProjectData } from './state';
import type { IssuedToken, TokenStore } from './tokens';

/** What a request under `/{projectKey}` runs with once its bearer token was accepted. */
export interface RequestAuth {
  project: ProjectData;
  token: IssuedToken;
}

/** Paths under the root that are not a project's: the auth service and Google's key set. */
const NOT_A_PROJECT = new Set(['oauth', 'oauth2', '__control', 'favicon.ico']);

/** The real answer to a missing, unknown or expired token (AuthErrorResponse example). */
const INVALID_TOKEN = authErrorBody(401, 'invalid_token', 'invalid_token', false);

const insufficientScope = (permissions: string[]) =>
  authErrorBody(
    403,
    'insufficient_scope',
    `Insufficient scope. One of the following scopes is missing: ${permissions.join(', ')}.`,
  );

/**
 * Every `/{projectKey}/…` request needs `Authorization: Bearer <token>` issued for that project;
 * a token of another project holds no scope of this one (403 insufficient_scope).
 */
export function bearerAuth(state: CommercetoolsSimState, tokens: TokenStore) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const projectKey = /^\/([^/]+)/.exec(req.path)?.[1];
    if (projectKey === undefined || NOT_A_PROJECT.has(projectKey)) return next();
    const match = /^Bearer\s+(\S+)$/i.exec(req.get('authorization') ?? '');
    const checked = match ? tokens.check(match[1]!) : { ok: false as const };
    if (!checked.ok) {
      res.status(401).json(INVALID_TOKEN);
      return;
    }
    const project = state.project(decodeURIComponent(projectKey));
    if (!project || checked.token.projectKey !== project.key) {
      res.status(403).json(insufficientScope(['manage_project']));
      return;
    }
    res.locals.auth = { project, token: checked.token } satisfies RequestAuth;
    next();
  };
}

/** The request's project and token (set by `bearerAuth`). */
export const authOf = (res: Response): RequestAuth => res.locals.auth as RequestAuth;

/**
 * True when the request's token grants `permission` (on the in-store endpoints of `storeKey`
 * when given); otherwise answers 403 insufficient_scope and returns false.
 */
export function permitted(res: Response, permission: string, storeKey?: string): boolean {
  const { project, token } = authOf(res);
  if (grants(token.scopes, permission, project.key, storeKey)) return true;
  res.status(403).json(insufficientScope([permission]));
  return false;
}
