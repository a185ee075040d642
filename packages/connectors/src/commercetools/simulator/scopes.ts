/**
 * OAuth scopes, `<permission>:<projectKey>` or `<permission>:<projectKey>:<storeKey>`, and what
 * each one grants. `manage_project` grants everything in its project, `manage_X` grants `view_X`;
 * a store-scoped permission grants only the in-store endpoints of its store. The Messages API's
 * deprecated scope `view_orders` still reads Messages, as the reference says.
 */

export interface Scope {
  permission: string;
  projectKey: string;
  storeKey?: string;
}

/** The permissions this simulator's endpoints check (a subset of the platform's list). */
export const KNOWN_PERMISSIONS = [
  'manage_project',
  'view_orders',
  'manage_orders',
  'view_messages',
  'view_types',
  'manage_types',
  'manage_subscriptions',
  'view_products',
  'manage_products',
  'view_project_settings',
  'manage_project_settings',
  'view_stores',
  'manage_stores',
  'view_channels',
  'manage_channels',
  'view_states',
  'manage_states',
  'view_shipping_methods',
  'manage_shipping_methods',
] as const;
/** A permission the simulator knows. */
export type Permission = (typeof KNOWN_PERMISSIONS)[number];

/** Permissions the platform also issues per store. */
const STORE_SCOPED = new Set<string>(['view_orders', 'manage_orders']);

const KNOWN = new Set<string>(KNOWN_PERMISSIONS);

/** The scope in `text`, or undefined when it is not one the platform knows. */
export function parseScope(text: string): Scope | undefined {
  const [permission, projectKey, storeKey, ...rest] = text.split(':');
  if (!permission || !projectKey || rest.length > 0 || !KNOWN.has(permission)) return undefined;
  if (storeKey === undefined) return { permission, projectKey };
  if (!storeKey || !STORE_SCOPED.has(permission)) return undefined;
  return { permission, projectKey, storeKey };
}

/** A scope as text. */
export const formatScope = (scope: Scope): string =>
  [scope.permission, scope.projectKey, ...(scope.storeKey ? [scope.storeKey] : [])].join(':');

/** Whether holding `held` gives `permission` (manage implies view, manage_project implies all). */
function permits(held: string, permission: string): boolean {
  if (held === permission || held === 'manage_project') return true;
  if (permission.startsWith('view_') && held === `manage_${permission.slice(5)}`) return true;
  return permission === 'view_messages' && (held === 'view_orders' || held === 'manage_orders');
}

/**
 * Whether `held` scopes grant `permission` in `projectKey`, on an in-store endpoint of
 * `storeKey` when given (where the store's own scope also counts).
 */
export function grants(
  held: readonly Scope[],
  permission: string,
  projectKey: string,
  storeKey?: string,
): boolean {
  return held.some(
    (scope) =>
      scope.projectKey === projectKey &&
      (scope.storeKey === undefined || scope.storeKey === storeKey) &&
      permits(scope.permission, permission),
  );
}

/** Whether an API client holding `clientScopes` may be issued a token for `requested`. */
export const mayRequest = (clientScopes: readonly Scope[], requested: Scope): boolean =>
  grants(clientScopes, requested.permission, requested.projectKey, requested.storeKey);
