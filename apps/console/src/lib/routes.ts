import type { Principal } from '../api/types';
import { isOwner, isPlatform } from './principal';

/** The console's screens, in the order the navigation lists them. */
export const SCREENS = [
  { id: 'connections', title: 'Connections', storeScoped: true },
  { id: 'reviews', title: 'Reviews', storeScoped: true },
  { id: 'rules', title: 'Rules', storeScoped: true },
  { id: 'orders', title: 'Orders', storeScoped: false },
  { id: 'dead-letters', title: 'Dead letters', storeScoped: false },
  { id: 'returns', title: 'Returns', storeScoped: true },
  { id: 'labels', title: 'Labels', storeScoped: true },
  { id: 'analytics', title: 'Analytics', storeScoped: false },
  { id: 'users', title: 'Users & tokens', storeScoped: false },
] as const;

export type ScreenId = (typeof SCREENS)[number]['id'];
export const DEFAULT_SCREEN: ScreenId = 'connections';

export interface Route {
  screen: ScreenId;
  /** The path segments after the screen's, decoded: `/orders/<storeId>/<orderNumber>`. */
  params: string[];
  query: URLSearchParams;
}

const isScreen = (value: string | undefined): value is ScreenId =>
  SCREENS.some((screen) => screen.id === value);

/** The screens a principal sees: users and tokens for owners; the audit list for the platform. */
export function visibleScreens(principal: Principal) {
  return SCREENS.filter(
    (screen) => screen.id !== 'users' || isOwner(principal) || isPlatform(principal),
  );
}

/** Where a path under the console's base leads; anything unknown is the first screen. */
export function parseRoute(pathname: string, search: string, base: string): Route {
  const rest = pathname.startsWith(base) ? pathname.slice(base.length) : '';
  const parts = rest
    .split('/')
    .filter(Boolean)
    .map((part) => {
      try {
        return decodeURIComponent(part);
      } catch {
        return part;
      }
    });
  const [first, ...params] = parts;
  const query = new URLSearchParams(search);
  return isScreen(first)
    ? { screen: first, params, query }
    : { screen: DEFAULT_SCREEN, params: [], query };
}

/** A console link: `href(base, 'orders', storeId, '12/34')` → `/console/orders/7/12%2F34`. */
export function href(base: string, ...segments: string[]): string {
  const root = base.endsWith('/') ? base : `${base}/`;
  return `${root}${segments.map(encodeURIComponent).join('/')}`;
}

/** Pages outside the console that send a browser here to sign in first (Bull Board). */
const RETURN_PAGES = ['/admin/queues'];

/**
 * Where to go back to after signing in (`?next=`): only a page of this origin that asked for it,
 * never another site (`//host`, `/\host`) or an arbitrary path.
 */
export function safeNext(value: string | null): string | undefined {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.includes('\\')) {
    return undefined;
  }
  return RETURN_PAGES.some((page) => value === page || value.startsWith(`${page}/`))
    ? value
    : undefined;
}
