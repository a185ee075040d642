/** Where the admin API and the console's session API live: the same origin as the console. */
export const ADMIN_API = '/admin/api';
export const SESSION_API = '/console/api/session';

export type QueryValue = string | number | boolean | null | undefined;
export type Query = Record<string, QueryValue | readonly string[]>;

/**
 * `?a=1&b=x` from the values given; empty, null and undefined values are left out, so an unset
 * filter is never sent as `queue=`. Arrays repeat their key.
 */
export function queryString(query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    const values = Array.isArray(value) ? value : [value];
    for (const each of values) {
      if (each === undefined || each === null || each === '') continue;
      params.append(key, String(each));
    }
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** One path segment, whatever the id or order number holds (`/`, `#`, spaces). */
export const segment = (value: string): string => encodeURIComponent(value);

/** An admin API URL: `adminUrl('/stores/1/reviews', { status: 'open' })`. */
export const adminUrl = (path: string, query?: Query): string =>
  `${ADMIN_API}${path}${queryString(query)}`;

/** The same report as CSV, for a download link (the cookie authenticates a plain GET). */
export const csvUrl = (path: string, query: Query = {}): string =>
  adminUrl(path, { ...query, format: 'csv' });
