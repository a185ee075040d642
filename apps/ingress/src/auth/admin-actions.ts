import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { Repos } from '@shiplink/db';
import type { Logger } from '@shiplink/logger';
import { isSafeMethod } from './authenticate';
import { actorOf } from './permissions';
import { principalOf } from './principal';

/**
 * Every change made through the admin API or the console is logged: who (operator, user or
 * token), what (the method and route, such as `POST /admin/api/returns/:returnId/approve`), on
 * which rows (the path's ids) and with what answer. Request bodies are not kept: they can hold
 * credentials. Routes add their own facts in `res.locals.actionDetail` (what a replay matched).
 */
export function recordAdminActions(repos: Repos, logger: Logger): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    if (isSafeMethod(req.method)) return next();
    res.on('finish', () => {
      const principal = res.locals.principal as Parameters<typeof actorOf>[0] | undefined;
      const template = (req.route as { path?: unknown } | undefined)?.path;
      if (!principal || res.statusCode >= 400 || typeof template !== 'string') return;
      const params = Object.keys(req.params).length > 0 ? JSON.stringify(req.params) : undefined;
      repos.accounts
        .recordAction({
          tenantId: (res.locals.targetTenantId as string | undefined) ?? null,
          ...actorOf(principalOf(res)),
          action: `${req.method} ${template}`,
          target: params,
          detail: {
            status: res.statusCode,
            ...((res.locals.actionDetail as Record<string, unknown> | undefined) ?? {}),
          },
        })
        .catch((error: unknown) => logger.error('admin action not recorded', { error }));
    });
    next();
  };
}
