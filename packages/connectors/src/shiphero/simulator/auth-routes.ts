/**
 * ShipHero's auth service (Auth0 underneath), at `/auth`:
 * - `POST /auth/token` `{ username, password }` → 200
 *   `{ access_token, expires_in: 2419200, refresh_token, scope, token_type: "Bearer" }`;
 *   wrong credentials → 403 `{ error: "invalid_grant", error_description: "Wrong email or password." }`.
 * - `POST /auth/refresh` `{ refresh_token }` → 200 the same without `refresh_token`;
 *   an unknown refresh token → 403 `{ error: "invalid_grant", error_description: "Unknown or invalid refresh token." }`.
 * A missing field → 400 `{ error: "invalid_request", error_description: "Missing required parameter: <name>" }`.
 */
import express, { type Request, type Response, type Router } from 'express';
import type { ShipHeroSimState } from './state';
import { ACCESS_TOKEN_LIFETIME_SECONDS, TOKEN_SCOPE, type TokenStore } from './tokens';

const field = (req: Request, name: string): string | undefined => {
  const value = (req.body as Record<string, unknown> | undefined)?.[name];
  return typeof value === 'string' && value !== '' ? value : undefined;
};

const refuse = (res: Response, status: number, error: string, description: string) =>
  void res.status(status).json({ error, error_description: description });

function tokenAnswer(tokens: TokenStore, accountId: string) {
  return {
    access_token: tokens.issueAccess(accountId).accessToken,
    expires_in: ACCESS_TOKEN_LIFETIME_SECONDS,
    scope: TOKEN_SCOPE,
    token_type: 'Bearer',
  };
}

export function authRoutes(state: ShipHeroSimState, tokens: TokenStore): Router {
  const router = express.Router();

  router.post('/auth/token', (req, res) => {
    const username = field(req, 'username');
    const password = field(req, 'password');
    if (!username)
      return refuse(res, 400, 'invalid_request', 'Missing required parameter: username');
    if (!password)
      return refuse(res, 400, 'invalid_request', 'Missing required parameter: password');
    const data = state.accountByUsername(username);
    if (!data || data.account.password !== password) {
      return refuse(res, 403, 'invalid_grant', 'Wrong email or password.');
    }
    const refreshToken = tokens.refreshTokenOf(data.account.id);
    res.json({ ...tokenAnswer(tokens, data.account.id), refresh_token: refreshToken });
  });

  router.post('/auth/refresh', (req, res) => {
    const refreshToken = field(req, 'refresh_token');
    if (!refreshToken) {
      return refuse(res, 400, 'invalid_request', 'Missing required parameter: refresh_token');
    }
    const accountId = tokens.refreshOwner(refreshToken);
    if (!accountId || !state.account(accountId)) {
      return refuse(res, 403, 'invalid_grant', 'Unknown or invalid refresh token.');
    }
    res.json(tokenAnswer(tokens, accountId));
  });

  return router;
}
