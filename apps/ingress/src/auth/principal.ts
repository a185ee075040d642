import type { Response } from 'express';
import { PLATFORM_SCOPE, tenantScope, type Scope } from '@shiplink/db';
import { HttpProblem } from '../http/problems';

export type Role = 'owner' | 'operator' | 'viewer';

/** Who is calling the admin API, as the authentication middleware established it. */
export type Principal =
  | { kind: 'platform' }
  | { kind: 'user'; tenantId: string; userId: string; email: string; role: Role }
  | { kind: 'token'; tenantId: string; tokenId: string; name: string; scopes: readonly string[] };

export function principalOf(res: Response): Principal {
  const principal = res.locals.principal as Principal | undefined;
  // Routes are mounted behind authentication; reaching one without a principal is our bug.
  if (!principal) throw new HttpProblem(401, 'unauthorized', 'credentials are required');
  return principal;
}

/** The data a caller may see: every tenant's for the operator, its own for everyone else. */
export function scopeOf(res: Response): Scope {
  const principal = principalOf(res);
  return principal.kind === 'platform' ? PLATFORM_SCOPE : tenantScope(principal.tenantId);
}
