import { Router } from 'express';
import { principalOf, scopeOf } from '../auth/principal';
import { ownerOnly } from '../auth/permissions';
import { parseBody as body } from '../http/body';
import { idParam } from '../http/params';
import { HttpProblem, route } from '../http/problems';
import {
  NewTokenSchema,
  NewUserSchema,
  UserChangeSchema,
  type AccountsService,
} from '../services/accounts.service';
import type { Repos } from '@shiplink/db';

/** The tenant a change is for: a user's or token's own; the operator names one with `?tenantId=`. */
function tenantFor(principal: ReturnType<typeof principalOf>, query: unknown): string {
  if (principal.kind !== 'platform') return principal.tenantId;
  const tenantId = (query as { tenantId?: unknown }).tenantId;
  if (typeof tenantId !== 'string') {
    throw new HttpProblem(400, 'tenant_required', 'the operator names the tenant with ?tenantId=');
  }
  return tenantId;
}

/**
 * A tenant's users and API tokens (its owner's to manage), and the log of admin actions. A user
 * cannot change their own role or lock themselves out.
 */
export function accountsApi(deps: { repos: Repos; accounts: AccountsService }): Router {
  const { repos, accounts } = deps;
  const router = Router();
  router.use(['/admin/api/users', '/admin/api/tokens'], ownerOnly);

  router.get(
    '/admin/api/users',
    route(async (_req, res) => {
      res.json(await repos.accounts.listUsers(scopeOf(res)));
    }),
  );

  router.post(
    '/admin/api/users',
    route(async (req, res) => {
      const tenantId = tenantFor(principalOf(res), req.query);
      if (!(await repos.guard.owns(scopeOf(res), 'tenant', tenantId))) {
        throw new HttpProblem(404, 'unknown_tenant', 'no such tenant');
      }
      res.locals.targetTenantId = tenantId;
      res.status(201).json(await accounts.createUser(tenantId, body(NewUserSchema, req)));
    }),
  );

  router.patch(
    '/admin/api/users/:userId',
    route(async (req, res) => {
      const userId = idParam(req, 'userId');
      const principal = principalOf(res);
      if (principal.kind === 'user' && principal.userId === userId) {
        throw new HttpProblem(409, 'own_account', 'another owner changes your role');
      }
      res.json(await accounts.changeUser(scopeOf(res), userId, body(UserChangeSchema, req)));
    }),
  );

  router.delete(
    '/admin/api/users/:userId',
    route(async (req, res) => {
      const userId = idParam(req, 'userId');
      const principal = principalOf(res);
      if (principal.kind === 'user' && principal.userId === userId) {
        throw new HttpProblem(409, 'own_account', 'another owner removes your account');
      }
      // Disabled, not deleted: the admin-actions log keeps naming who did what.
      await accounts.changeUser(scopeOf(res), userId, { disabled: true });
      res.status(204).end();
    }),
  );

  router.get(
    '/admin/api/tokens',
    route(async (_req, res) => {
      res.json(await repos.accounts.listApiTokens(scopeOf(res)));
    }),
  );

  router.post(
    '/admin/api/tokens',
    route(async (req, res) => {
      const principal = principalOf(res);
      const tenantId = tenantFor(principal, req.query);
      if (!(await repos.guard.owns(scopeOf(res), 'tenant', tenantId))) {
        throw new HttpProblem(404, 'unknown_tenant', 'no such tenant');
      }
      res.locals.targetTenantId = tenantId;
      const createdBy = principal.kind === 'user' ? principal.email : 'platform operator';
      res
        .status(201)
        .json(await accounts.createToken(tenantId, createdBy, body(NewTokenSchema, req)));
    }),
  );

  router.delete(
    '/admin/api/tokens/:tokenId',
    route(async (req, res) => {
      const revoked = await repos.accounts.revokeApiToken(scopeOf(res), idParam(req, 'tokenId'));
      if (!revoked) throw new HttpProblem(404, 'unknown_token', 'no such token');
      res.status(204).end();
    }),
  );

  router.get(
    '/admin/api/admin-actions',
    route(async (req, res) => {
      const limit = Math.min(Math.max(Number(req.query.limit) || 200, 1), 1_000);
      const actions = await repos.accounts.listActions(scopeOf(res), limit);
      res.json(actions.map((action) => ({ ...action, id: action.id.toString() })));
    }),
  );
  return router;
}
