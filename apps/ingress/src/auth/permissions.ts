import type { NextFunction, Request, Response } from 'express';
import { HttpProblem, sendProblem } from '../http/problems';
import { isSafeMethod } from './authenticate';
import { principalOf, type Principal } from './principal';

/** What a tenant's API token may be given: reading, and changing things. */
export const TOKEN_SCOPES = ['read', 'write'] as const;

const forbidden = (message: string) => new HttpProblem(403, 'forbidden', message);

function refusal(principal: Principal, method: string): HttpProblem | undefined {
  if (isSafeMethod(method)) return undefined;
  if (principal.kind === 'user' && principal.role === 'viewer') {
    return forbidden('viewers can look, not change');
  }
  if (principal.kind === 'token' && !principal.scopes.includes('write')) {
    return forbidden('this token may only read');
  }
  return undefined;
}

/** Viewers and read-only tokens read; every change needs an owner, operator or write token. */
export function authorize(req: Request, res: Response, next: NextFunction): void {
  const problem = refusal(principalOf(res), req.method);
  if (problem) sendProblem(res, problem);
  else next();
}

/** Things only the platform operator does: new tenants, raw queues, the inbox. */
export function platformOnly(_req: Request, res: Response, next: NextFunction): void {
  if (principalOf(res).kind === 'platform') next();
  else sendProblem(res, forbidden('only the platform operator may do this'));
}

/** A tenant's people and tokens are the owner's to manage (and the operator's). */
export function ownerOnly(_req: Request, res: Response, next: NextFunction): void {
  const principal = principalOf(res);
  if (principal.kind === 'platform' || (principal.kind === 'user' && principal.role === 'owner')) {
    next();
  } else {
    sendProblem(res, forbidden("only the tenant's owner may manage users and tokens"));
  }
}

/** How a principal is named in the admin-actions log. */
export function actorOf(principal: Principal) {
  switch (principal.kind) {
    case 'platform':
      return { actorKind: 'platform', actorId: null, actorLabel: 'platform operator' };
    case 'user':
      return { actorKind: 'user', actorId: principal.userId, actorLabel: principal.email };
    case 'token':
      return {
        actorKind: 'token',
        actorId: principal.tokenId,
        actorLabel: `token ${principal.name}`,
      };
  }
}
