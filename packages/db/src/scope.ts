/**
 * Whose data a read or write may touch. The platform operator sees every tenant; everyone else
 * (a console user, a tenant's API token) sees one tenant's, and the repositories add that filter
 * to the query itself, so a row of another tenant is never read, only "not found".
 */
export type Scope =
  { readonly kind: 'platform' } | { readonly kind: 'tenant'; readonly tenantId: string };

export const PLATFORM_SCOPE: Scope = Object.freeze({ kind: 'platform' });

export const tenantScope = (tenantId: string): Scope => Object.freeze({ kind: 'tenant', tenantId });

/** The tenant a scope is limited to, or undefined for the platform operator. */
export const scopedTenant = (scope: Scope): string | undefined =>
  scope.kind === 'tenant' ? scope.tenantId : undefined;

/** A `where` fragment for rows that carry `tenantId` (stores, connections, users, tokens). */
export const ownedBy = (scope: Scope): { tenantId?: string } =>
  scope.kind === 'tenant' ? { tenantId: scope.tenantId } : {};

/** A `where` fragment for rows that belong to a store (orders, returns, rule sets). */
export const inStoreOf = (scope: Scope): { store?: { tenantId: string } } =>
  scope.kind === 'tenant' ? { store: { tenantId: scope.tenantId } } : {};

/** A `where` fragment for rows that belong to an order (shipments, trackings, notifications). */
export const inOrderOf = (scope: Scope): { order?: { store: { tenantId: string } } } =>
  scope.kind === 'tenant' ? { order: { store: { tenantId: scope.tenantId } } } : {};
