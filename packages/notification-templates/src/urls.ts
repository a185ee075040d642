/**
 * Carrier and merchant data may hold any scheme (`javascript:`, `data:`…), and `{{ }}` escaping
 * does nothing against those in `href` or `src`. Every URL a template or the layout can link to
 * passes through here first and is dropped (null) when it is not what it may be.
 */

function parse(value: string): URL | null {
  try {
    return new URL(value.trim());
  } catch {
    return null;
  }
}

/** An absolute `https:` URL, normalized, or null. */
export function httpsUrl(value: string | null | undefined): string | null {
  if (!value) return null;
  const url = parse(value);
  return url?.protocol === 'https:' && url.hostname !== '' ? url.href : null;
}

/** An absolute `https:` or `http:` URL (the hub's own links in a development setup), or null. */
export function webUrl(value: string | null | undefined): string | null {
  if (!value) return null;
  const url = parse(value);
  return (url?.protocol === 'https:' || url?.protocol === 'http:') && url.hostname !== ''
    ? url.href
    : null;
}

// Deliberately narrow: an address that needs quoting or odd characters is better shown as text.
const SIMPLE_EMAIL = /^[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,63}$/;

export function mailtoUrl(email: string | null | undefined): string | null {
  return email && SIMPLE_EMAIL.test(email.trim()) ? `mailto:${email.trim()}` : null;
}

export function telUrl(phone: string | null | undefined): string | null {
  if (!phone) return null;
  const digits = phone.replace(/[\s().-]/g, '');
  return /^\+?\d{5,20}$/.test(digits) ? `tel:${digits}` : null;
}
