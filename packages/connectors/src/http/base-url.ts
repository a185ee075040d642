import { isIP } from 'node:net';

/**
 * Which provider base URLs a connection may store. Credentials are sent to this URL on every
 * call, so it must be a plain web origin: `https`, or `http` only to loopback (a simulator on the
 * same machine) or to hosts an operator allowed explicitly. Private, link-local and unspecified
 * IP literals are refused unless allowed, since they reach internal services (cloud metadata).
 */
export interface BaseUrlPolicy {
  /** Host names that may be reached over plain http, or as private addresses (simulators). */
  allowedInternalHosts?: readonly string[];
}

export type BaseUrlVerdict = { ok: true; url: string } | { ok: false; reason: string };

const LOOPBACK_NAMES = new Set(['localhost', '127.0.0.1', '[::1]']);
const HOST_NAME =
  /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/;

export function checkBaseUrl(input: string, policy: BaseUrlPolicy = {}): BaseUrlVerdict {
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    return { ok: false, reason: 'is not an absolute URL' };
  }
  const host = url.hostname.toLowerCase();
  const allowed = (policy.allowedInternalHosts ?? []).map((h) => h.toLowerCase()).includes(host);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return { ok: false, reason: 'must use https' };
  }
  if (url.username || url.password) return { ok: false, reason: 'must not carry credentials' };
  if (url.search || url.hash) return { ok: false, reason: 'must not carry a query or fragment' };
  const literal = host.startsWith('[') ? host.slice(1, -1) : host;
  if (isIP(literal) === 0 && !HOST_NAME.test(host)) {
    return { ok: false, reason: 'has an invalid host name' };
  }
  const loopback = LOOPBACK_NAMES.has(host) || isLoopbackAddress(literal);
  if (url.protocol === 'http:' && !loopback && !allowed) {
    return { ok: false, reason: 'must use https (plain http is allowed only to loopback)' };
  }
  if (!loopback && !allowed && isInternalAddress(literal)) {
    return { ok: false, reason: 'points at a private or reserved address' };
  }
  return { ok: true, url: `${url.origin}${url.pathname.replace(/\/+$/, '')}` };
}

function isLoopbackAddress(ip: string): boolean {
  return (isIP(ip) === 4 && ip.startsWith('127.')) || ip === '::1';
}

/** RFC 1918, link-local, CGNAT, unspecified, unique-local and IPv4-mapped IPv6 addresses. */
function isInternalAddress(ip: string): boolean {
  if (isIP(ip) === 4) {
    const [a = 0, b = 0] = ip.split('.').map(Number);
    return (
      a === 0 ||
      a === 10 ||
      (a === 100 && b >= 64 && b <= 127) ||
      (a === 169 && b === 254) ||
      (a === 172 && b >= 16 && b <= 31) ||
      (a === 192 && b === 168) ||
      a >= 224
    );
  }
  if (isIP(ip) === 6) {
    const lower = ip.toLowerCase();
    if (lower.startsWith('::ffff:')) return true;
    return lower === '::' || /^f[cd]/.test(lower) || /^fe[89ab]/.test(lower);
  }
  return false;
}
