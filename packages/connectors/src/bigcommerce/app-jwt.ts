import { createHmac, timingSafeEqual } from 'node:crypto';

/*
 * The compact HS256 JSON Web Tokens BigCommerce signs its app callbacks with (load, uninstall,
 * remove user), keyed with the app's client secret bytes. Checked here synchronously with
 * node:crypto: only HS256 is accepted, whatever the header asks for.
 */

/** Real payloads are well under 2 kB; anything much larger is refused before it is decoded. */
export const MAX_APP_JWT_LENGTH = 8_192;

const SEGMENT = /^[A-Za-z0-9_-]+$/;

export type AppJwtDecoding =
  | { ok: true; claims: Record<string, unknown> }
  | { ok: false; reason: 'too_large' | 'malformed' | 'unsupported_alg' | 'bad_signature' };

const base64Url = (bytes: Buffer | string) => Buffer.from(bytes).toString('base64url');

function hmac(signingInput: string, secret: string): string {
  return createHmac('sha256', Buffer.from(secret, 'utf8')).update(signingInput).digest('base64url');
}

function jsonObject(segment: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(segment, 'base64url').toString('utf8'));
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

/** Signs `claims` as BigCommerce does; used by the simulator and tests. */
export function signBigCommerceAppJwt(claims: Record<string, unknown>, secret: string): string {
  const header = base64Url(JSON.stringify({ typ: 'JWT', alg: 'HS256' }));
  const payload = base64Url(JSON.stringify(claims));
  return `${header}.${payload}.${hmac(`${header}.${payload}`, secret)}`;
}

/**
 * The claims of a token whose HS256 signature under `secret` holds; never throws. Claims are
 * not checked here (see `verifyLaunch`), only that they are a JSON object.
 */
export function decodeBigCommerceAppJwt(token: string, secret: string): AppJwtDecoding {
  if (token.length > MAX_APP_JWT_LENGTH) return { ok: false, reason: 'too_large' };
  const parts = token.split('.');
  if (parts.length !== 3 || !parts.every((part) => SEGMENT.test(part))) {
    return { ok: false, reason: 'malformed' };
  }
  const [header = '', payload = '', signature = ''] = parts;
  const protectedHeader = jsonObject(header);
  if (!protectedHeader) return { ok: false, reason: 'malformed' };
  // `none`, RS256 and the like are refused outright, and so are extensions we do not understand.
  if (protectedHeader.alg !== 'HS256' || protectedHeader.crit !== undefined) {
    return { ok: false, reason: 'unsupported_alg' };
  }
  if (secret === '') return { ok: false, reason: 'bad_signature' };
  // Compared as canonical base64url text, never decoded: a lenient decoder would accept
  // altered signatures (trailing bits, stray characters).
  const expected = Buffer.from(hmac(`${header}.${payload}`, secret), 'utf8');
  const given = Buffer.from(signature, 'utf8');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return { ok: false, reason: 'bad_signature' };
  }
  const claims = jsonObject(payload);
  return claims ? { ok: true, claims } : { ok: false, reason: 'malformed' };
}
