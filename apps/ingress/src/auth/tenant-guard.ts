import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { GuardedResource, Repos } from '@shiplink/db';
import { isUuid } from '../http/params';
import { HttpProblem, sendProblem } from '../http/problems';
import { principalOf, scopeOf } from './principal';

/** The admin API's collections whose next path segment is a row id of that kind. */
const COLLECTIONS: Record<string, { resource: GuardedResource; code: string; noun: string }> = {
  tenants: { resource: 'tenant', code: 'unknown_tenant', noun: 'tenant' },
  stores: { resource: 'store', code: 'unknown_store', noun: 'store' },
  connections: { resource: 'connection', code: 'unknown_connection', noun: 'connection' },
  returns: { resource: 'return', code: 'unknown_return', noun: 'return' },
  reviews: { resource: 'review', code: 'unknown_review', noun: 'review' },
  'carrier-shipments': {
    resource: 'carrierShipment',
    code: 'unknown_carrier_shipment',
    noun: 'carrier shipment',
  },
};

/** Every id the path names, with its kind: `/stores/<id>/returns` names one store. */
function namedRows(path: string) {
  const segments = path.split('/').filter(Boolean);
  const named: { id: string; kind: (typeof COLLECTIONS)[string] }[] = [];
  segments.forEach((segment, index) => {
    const kind = Object.hasOwn(COLLECTIONS, segment) ? COLLECTIONS[segment] : undefined;
    const id = segments[index + 1];
    // A malformed id is left to the route, which answers 400 naming the parameter.
    if (kind && id && isUuid(id)) named.push({ id, kind });
  });
  return named;
}

/**
 * Mounted at `/admin/api`, before every route: each row the path names by id is looked up with
 * the caller's tenant in the query, and another tenant's answers 404 exactly like a row that
 * does not exist. The tenant found is kept for the admin-actions log (the operator's included).
 */
export function guardTenantRows(repos: Repos): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    const scope = scopeOf(res);
    const check = async () => {
      for (const { id, kind } of namedRows(req.path)) {
        const tenantId = await repos.guard.tenantOf(scope, kind.resource, id);
        if (tenantId === undefined) throw new HttpProblem(404, kind.code, `no such ${kind.noun}`);
        res.locals.targetTenantId ??= tenantId;
      }
      const principal = principalOf(res);
      if (principal.kind !== 'platform') res.locals.targetTenantId = principal.tenantId;
    };
    check().then(
      () => next(),
      (error: unknown) => {
        if (error instanceof HttpProblem) sendProblem(res, error);
        else next(error);
      },
    );
  };
}
