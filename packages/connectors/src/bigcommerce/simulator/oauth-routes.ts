import express, { type Response, type Router } from 'express';
import { z } from 'zod';
import { ownerOf, type SimApps, type SimUser } from './apps-state';
import type { BigCommerceSimState } from './state';

/**
 * `POST /oauth2/token`, the login service's code exchange: a code the simulator issued (once,
 * within ten minutes) for the app that presents its own client id and secret, the auth
 * callback URL it registered, and the store and scopes the code was issued for. JSON or form
 * bodies, as the login service takes either. Errors are OAuth-shaped: 400 for a bad request
 * or grant, 401 for a client that does not authenticate.
 */

const TokenRequestSchema = z.object({
  client_id: z.string().min(1).max(200),
  client_secret: z.string().min(1).max(500),
  code: z.string().min(1).max(512),
  context: z.string().max(200),
  scope: z.string().max(4_096),
  grant_type: z.string().max(100),
  redirect_uri: z.string().max(2_048),
});

function oauthError(res: Response, status: 400 | 401, error: string, description: string): void {
  res.status(status).json({ error, error_description: description });
}

const person = (user: SimUser) => ({ id: user.id, username: user.username, email: user.email });

const sameScopes = (a: string, b: string) => {
  const set = (value: string) => [...new Set(value.split(' ').filter(Boolean))].sort().join(' ');
  return set(a) === set(b);
};

export function oauthRoutes(state: BigCommerceSimState, apps: SimApps): Router {
  const router = express.Router();
  router.post(
    '/oauth2/token',
    express.urlencoded({ extended: false, limit: '16kb' }),
    (req, res) => {
      const parsed = TokenRequestSchema.safeParse(req.body ?? {});
      if (!parsed.success) {
        const fields = [...new Set(parsed.error.issues.map((issue) => issue.path.join('.')))];
        return oauthError(res, 400, 'invalid_request', `missing or invalid: ${fields.join(', ')}`);
      }
      const body = parsed.data;
      if (body.grant_type !== 'authorization_code') {
        return oauthError(res, 400, 'unsupported_grant_type', 'grant_type is authorization_code');
      }
      const app = apps.apps.get(body.client_id);
      if (!app || app.clientSecret !== body.client_secret) {
        return oauthError(res, 401, 'invalid_client', 'client authentication failed');
      }
      const code = apps.codeOf(body.code);
      // Another app's code stays usable by that app.
      if (!code || code.clientId !== app.clientId) {
        return oauthError(res, 400, 'invalid_grant', 'the code is invalid or already used');
      }
      apps.consumeCode(body.code);
      if (apps.isExpired(code)) return oauthError(res, 400, 'invalid_grant', 'the code expired');
      if (body.redirect_uri !== code.redirectUri) {
        return oauthError(res, 400, 'invalid_grant', 'redirect_uri does not match the app');
      }
      const store = state.stores.get(code.storeHash);
      if (!store || body.context !== `stores/${code.storeHash}`) {
        return oauthError(res, 400, 'invalid_grant', 'context is not the store of the code');
      }
      if (!sameScopes(body.scope, code.scope)) {
        return oauthError(res, 400, 'invalid_scope', 'scope is not the one granted');
      }
      const installed = apps.install(store, app, code.scope.split(' ').filter(Boolean));
      res.json({
        access_token: installed.accessToken,
        scope: installed.scopes.join(' '),
        user: person(code.user),
        owner: person(ownerOf(store)),
        context: `stores/${store.hash}`,
        account_uuid: app.accountUuid,
      });
    },
  );
  return router;
}
