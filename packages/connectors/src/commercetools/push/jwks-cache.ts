import { createRemoteJWKSet, errors, type JWTVerifyGetKey } from 'jose';

/*
 * One remote key set per JWKS URL, shared by every verification in this process, so a burst of
 * pushes costs one key fetch. jose re-reads a set at most once per cooldown when a token names an
 * unknown `kid`, which is what keeps a flood of forged tokens from hammering Google's key server;
 * after a failed fetch we also wait a moment before trying again.
 */

/** How many JWKS URLs are kept; the least recently used one is dropped beyond that. */
export const MAX_KEY_SETS = 100;
/** A key fetch that takes longer fails (the push is answered 503 and Pub/Sub retries). */
export const JWKS_TIMEOUT_MS = 2_000;
/** After a fetch, a token with an unknown `kid` causes no new fetch for this long. */
export const JWKS_COOLDOWN_MS = 30_000;
/** Keys are re-read after this long even when every `kid` is known. */
export const JWKS_MAX_AGE_MS = 10 * 60_000;
/** After a failed fetch, tokens are answered `keys_unavailable` without fetching for this long. */
export const JWKS_FAILURE_BACKOFF_MS = 1_000;

/** Thrown by a key set's resolver when the keys could not be had (not when no key matched). */
export class KeysUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'KeysUnavailableError';
  }
}

interface KeySetEntry {
  resolve: JWTVerifyGetKey;
  failedAt: number | null;
}

const keySets = new Map<string, KeySetEntry>();

/**
 * The shared key resolver for `jwksUrl`, for `jwtVerify`. It rethrows "no matching key" errors
 * as they are (a forged or foreign token) and turns every failure to get the keys (network,
 * timeout, non-200, not a key set) into a `KeysUnavailableError`.
 */
export function pushKeySet(jwksUrl: string): JWTVerifyGetKey {
  const existing = keySets.get(jwksUrl);
  if (existing) {
    // Map keeps insertion order: re-inserting marks the entry most recently used.
    keySets.delete(jwksUrl);
    keySets.set(jwksUrl, existing);
    return existing.resolve;
  }
  const remote = createRemoteJWKSet(new URL(jwksUrl), {
    timeoutDuration: JWKS_TIMEOUT_MS,
    cooldownDuration: JWKS_COOLDOWN_MS,
    cacheMaxAge: JWKS_MAX_AGE_MS,
  });
  const entry: KeySetEntry = {
    failedAt: null,
    resolve: async (protectedHeader, token) => {
      if (entry.failedAt !== null && Date.now() - entry.failedAt < JWKS_FAILURE_BACKOFF_MS) {
        throw new KeysUnavailableError('the signing keys could not be fetched a moment ago');
      }
      try {
        const key = await remote(protectedHeader, token);
        entry.failedAt = null;
        return key;
      } catch (error) {
        if (error instanceof errors.JWKSNoMatchingKey) throw error;
        if (error instanceof errors.JWKSMultipleMatchingKeys) throw error;
        entry.failedAt = Date.now();
        throw new KeysUnavailableError(keyFetchFailure(error));
      }
    },
  };
  keySets.set(jwksUrl, entry);
  while (keySets.size > MAX_KEY_SETS) {
    const oldest = keySets.keys().next();
    if (oldest.done) break;
    keySets.delete(oldest.value);
  }
  return entry.resolve;
}

/** How many key sets are cached (for tests and diagnostics). */
export function cachedKeySetCount(): number {
  return keySets.size;
}

/** Whether a key set for `jwksUrl` is cached, without touching its recency. */
export function hasCachedKeySet(jwksUrl: string): boolean {
  return keySets.has(jwksUrl);
}

/** Forgets every cached key set (tests; a process otherwise keeps them for its lifetime). */
export function forgetPushKeySets(): void {
  keySets.clear();
}

function keyFetchFailure(error: unknown): string {
  if (error instanceof errors.JWKSTimeout) return 'the signing keys timed out';
  if (error instanceof errors.JWKSInvalid) return 'the key server answered no valid key set';
  if (error instanceof errors.JOSEError)
    return `the key server's answer was unusable (${error.message})`;
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string'
    ? `the signing keys could not be fetched (${code})`
    : 'the signing keys could not be fetched';
}
