/**
 * The auth service's client credentials flow, `POST /oauth/token` (oauth.raml):
 * HTTP Basic `client_id:client_secret`; `grant_type=client_credentials` and an optional
 * space-separated `scope`, in the query string or a form-encoded body →
 * `{ access_token, expires_in, scope, token_type: "Bearer" }` (no refresh token for this grant).
 * Refusals are OAuth-style (AuthErrorResponse): a bad client → 401 `invalid_client`, a scope the
 * client does not hold → 400 `invalid_scope`, another grant → 400 `unsupported_grant_type`.
 */
import express, { type Request, type Response, type Router } from 'express';
import { authErrorBody } from './errors';
import { formatScope, mayRequest, parseScope, type Scope } from './scopes';
import type { CommercetoolsSimState } from './state';
import type { TokenStore } from './tokens';

const INVALID_CLIENT = 'Please provide valid client credentials using HTTP Basic Authentication.';

function param(req: Request, name: string): string | undefined {
  const fromQuery = req.query[name];
  if (typeof fromQuery === 'string') return fromQuery;
  const body = req.body as Record<string, unknown> | undefined;
  const fromBody = body && typeof body === 'object' ? body[name] : undefined;
  return typeof fromBody === 'string' ? fromBody : undefined;
}

function basicCredentials(req: Request): { id: string; secret: string } | undefined {
  const match = /^Basic\s+(\S+)$/i.exec(req.get('authorization') ?? '');
  if (!match) return undefined;
  const decoded = Buffer.from(match[1]!, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon <= 0) return undefined;
  return { id: decoded.slice(0, colon), secret: decoded.slice(colon + 1) };
}

const refuse = (res: Response, status: number, code: string, message: string) =>
  void res.status(status).json(authErrorBody(status, code, message));

/** The `/oauth/token` route. */
export function authRoutes(state: CommercetoolsSimState, tokens: TokenStore): Router {
  const router = express.Router();
  router.post('/oauth/token', express.urlencoded({ extended: false }), (req, res) => {
    const basic = basicCredentials(req);
    const owner = basic ? state.clientById(basic.id) : undefined;
    if (!basic || !owner || owner.client.clientSecret !== basic.secret) {
      return refuse(res, 401, 'invalid_client', INVALID_CLIENT);
    }
    const grantType = param(req, 'grant_type');
    if (!grantType) {
      return refuse(res, 400, 'invalid_request', 'Missing required parameter: grant_type.');
    }
    if (grantType !== 'client_credentials') {
      return refuse(res, 400, 'unsupported_grant_type', `Invalid grant type: '${grantType}'.`);
    }
    const { client, project } = owner;
    const requested = (param(req, 'scope') ?? '').split(/\s+/).filter(Boolean);
    let granted: Scope[] = client.scopes;
    if (requested.length > 0) {
      granted = [];
      for (const text of requested) {
        const scope = parseScope(text);
        if (!scope || !mayRequest(client.scopes, scope)) {
          return refuse(res, 400, 'invalid_scope', `Illegal scope '${text}'.`);
        }
        granted.push(scope);
      }
    }
    const issued = tokens.issue(project.key, client.clientId, granted, client.tokenValiditySeconds);
    res.setHeader('Cache-Control', 'no-store');
    res.json({
      access_token: issued.accessToken,
      token_type: 'Bearer',
      expires_in: client.tokenValiditySeconds,
      scope: granted.map(formatScope).join(' '),
    });
  });
  return router;
}
