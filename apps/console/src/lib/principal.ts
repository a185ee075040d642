import type { Principal } from '../api/types';

/** Viewers read only; the platform operator and tenant owners and operators may change things. */
export const canWrite = (principal: Principal): boolean =>
  principal.kind === 'platform' || principal.role !== 'viewer';

/** Users and API tokens are managed by the tenant's owner alone. */
export const isOwner = (principal: Principal): boolean =>
  principal.kind === 'user' && principal.role === 'owner';

export const isPlatform = (principal: Principal): boolean => principal.kind === 'platform';

/** Who is signed in, as the header shows it. */
export const principalLabel = (principal: Principal): string =>
  principal.kind === 'platform' ? 'Platform operator' : `${principal.email} (${principal.role})`;

/** The name decisions are recorded under (reviews, refunds, saved rules). */
export const actorName = (principal: Principal): string =>
  principal.kind === 'platform' ? 'platform operator' : principal.email;
