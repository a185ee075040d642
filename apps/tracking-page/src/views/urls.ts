/**
 * The only ways a URL gets into `href`, `src` or `action`. Merchant and carrier data may hold any
 * scheme (`javascript:`, `data:`…), so each kind of link is checked against what it may be and
 * dropped (null) otherwise; callers render no link then.
 */

// Parsing as the browser will (tabs and newlines stripped, backslashes as slashes) is what makes
// a check on the result trustworthy; the base only serves to tell same-site paths apart.
const BASE = 'https://base.invalid';

// Asked first rather than caught: a relative path is refused as an absolute URL on every page
// (the language links, the lookup link), and a thrown error with its stack costs far more.
function parse(value: string, base?: string): URL | null {
  return URL.canParse(value, base) ? new URL(value, base) : null;
}

/** An absolute `https:` URL, normalized (spaces and the like percent-encoded), or null. */
export function httpsUrl(value: string | null | undefined): string | null {
  if (!value) return null;
  const url = parse(value.trim());
  return url?.protocol === 'https:' && url.hostname !== '' ? url.href : null;
}

/**
 * A link the app built: a path on this site (`/lookup`, `?lang=fi`) kept relative, or an https
 * URL. `//evil.example` and `/\evil.example` leave the site, so they are refused like schemes.
 */
export function pageUrl(value: string | null | undefined): string | null {
  if (!value) return null;
  const trimmed = value.trim();
  const absolute = httpsUrl(trimmed);
  if (absolute) return absolute;
  const url = parse(trimmed, `${BASE}/`);
  if (!url || url.origin !== BASE) return null;
  return `${url.pathname}${url.search}${url.hash}`;
}

// Deliberately narrow: an address that needs quoting or odd characters is better shown as text.
const EMAIL =
  /^[A-Za-z0-9.!$'*+=^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$/;

export function mailtoUrl(email: string | null | undefined): string | null {
  const address = email?.trim();
  return address && address.length <= 254 && EMAIL.test(address) ? `mailto:${address}` : null;
}

const NOT_DIAL = /[^0-9]/g;

/** `tel:` with the digits and a leading `+` only, as dialers expect; null when too short. */
export function telUrl(phone: string | null | undefined): string | null {
  const number = phone?.trim();
  if (!number) return null;
  const digits = number.replace(NOT_DIAL, '');
  if (digits.length < 3 || digits.length > 20) return null;
  return `tel:${number.startsWith('+') ? '+' : ''}${digits}`;
}
