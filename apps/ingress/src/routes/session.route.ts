import express, { Router, type Request } from 'express';
import { parseBody as body } from '../http/body';
import { isUuid } from '../http/params';
import { HttpProblem } from '../http/problems';
import { route } from '../http/problems';
import { authenticate, type AuthenticationDeps } from '../auth/authenticate';
import { principalOf, type Principal } from '../auth/principal';
import { safeEqual } from '../auth/secrets';
import type { LaunchTickets } from '../auth/launch-tickets';
import type { SignInLimits } from '../auth/sign-in-limits';
import { SignInSchema, type AccountsService } from '../services/accounts.service';

export const SESSION_PATH = '/console/api/session';
/** Where an app launch's ticket becomes a session (see LaunchTickets). */
export const LAUNCH_PATH = '/console/api/session/launch';

const invalid = () => new HttpProblem(401, 'invalid_credentials', 'wrong e-mail or password');

const clientOf = (req: Request) => req.ip ?? req.socket.remoteAddress ?? 'unknown';

/**
 * Console sign-in: a tenant's user with e-mail and password, or the platform operator with the
 * operator token. The answer carries the CSRF token the console sends back on every change.
 */
export function sessionApi(
  deps: AuthenticationDeps & {
    accounts: AccountsService;
    limits: SignInLimits;
    tickets: LaunchTickets;
  },
): Router {
  const router = Router();
  router.use(SESSION_PATH, express.json({ limit: '4kb' }));

  router.post(
    SESSION_PATH,
    route(async (req, res) => {
      const input = body(SignInSchema, req);
      const account = 'email' in input ? input.email.trim().toLowerCase() : 'operator';
      const wait = await deps.limits.take(clientOf(req), account);
      if (wait !== undefined) {
        res.setHeader('Retry-After', String(wait));
        throw new HttpProblem(429, 'too_many_attempts', `try again in ${wait} s`);
      }
      let principal: Principal;
      if ('operatorToken' in input) {
        if (!safeEqual(input.operatorToken, deps.operatorToken)) throw invalid();
        principal = { kind: 'platform' };
      } else {
        const user = await deps.accounts.checkPassword(input.email, input.password);
        if (!user) throw invalid();
        principal = {
          kind: 'user',
          tenantId: user.tenantId,
          userId: user.id,
          email: user.email,
          role: user.role,
        };
      }
      await deps.limits.succeeded(account);
      const opened = await deps.sessions.open(
        res,
        principal.kind === 'user' ? principal.userId : null,
      );
      res.json({ principal, csrfToken: opened.csrfToken, expiresAt: opened.expiresAt });
    }),
  );

  router.get(
    LAUNCH_PATH,
    route(async (req, res) => {
      const ticket = typeof req.query.ticket === 'string' ? req.query.ticket : '';
      const userId = await deps.tickets.redeem(ticket);
      res.setHeader('Cache-Control', 'no-store');
      res.setHeader('Referrer-Policy', 'no-referrer');
      if (!userId) {
        res.redirect(303, '/console/?launch=expired');
        return;
      }
      await deps.sessions.open(res, userId);
      // Only what the console reads is passed on, and only in the shape it expects.
      const next = new URLSearchParams();
      for (const key of ['installed', 'store'] as const) {
        const value = req.query[key];
        if (typeof value === 'string' && isUuid(value)) next.set(key, value);
      }
      if (req.query.webhooks === 'pending') next.set('webhooks', 'pending');
      res.redirect(303, `/console/${next.size > 0 ? `?${next.toString()}` : ''}`);
    }),
  );

  router.get(
    SESSION_PATH,
    authenticate(deps),
    route(async (req, res) => {
      const session = await deps.sessions.current(req, res);
      if (!session) throw new HttpProblem(401, 'unauthorized', 'not signed in');
      res.json({
        principal: principalOf(res),
        csrfToken: session.csrfToken,
        expiresAt: session.expiresAt,
      });
    }),
  );

  router.delete(
    SESSION_PATH,
    authenticate(deps),
    route(async (req, res) => {
      await deps.sessions.close(req, res);
      res.status(204).end();
    }),
  );
  return router;
}
