import { randomBytes } from 'node:crypto';
import type { Scope } from './scopes';

/** The platform's default `accessTokenValiditySeconds`: 48 hours. */
export const DEFAULT_TOKEN_VALIDITY_SECONDS = 172_800;

/** An access token and what it is for. */
export interface IssuedToken {
  accessToken: string;
  projectKey: string;
  clientId: string;
  scopes: Scope[];
  expiresAt: number;
}

/** The outcome of checking a bearer token. */
export type TokenCheck = { ok: true; token: IssuedToken } | { ok: false };

/**
 * The auth service's memory: opaque 32-character bearer tokens (as commercetools issues), each
 * bound to one API client, its project and the scopes granted. Checked by lookup.
 */
export class TokenStore {
  private tokens = new Map<string, IssuedToken>();

  constructor(private readonly now: () => number) {}

  issue(
    projectKey: string,
    clientId: string,
    scopes: Scope[],
    validitySeconds: number,
  ): IssuedToken {
    const token: IssuedToken = {
      accessToken: randomBytes(24).toString('base64url'),
      projectKey,
      clientId,
      scopes,
      expiresAt: this.now() + validitySeconds * 1_000,
    };
    this.tokens.set(token.accessToken, token);
    return token;
  }

  /** Unknown and expired tokens are both refused; the API does not tell them apart. */
  check(accessToken: string): TokenCheck {
    const token = this.tokens.get(accessToken);
    if (!token || this.now() >= token.expiresAt) return { ok: false };
    return { ok: true, token };
  }

  /** Every token of the project (or of every project) stops working now; the count. */
  expireAll(projectKey?: string): number {
    let expired = 0;
    for (const token of this.tokens.values()) {
      if (projectKey !== undefined && token.projectKey !== projectKey) continue;
      if (token.expiresAt > this.now()) expired += 1;
      token.expiresAt = Math.min(token.expiresAt, this.now());
    }
    return expired;
  }

  reset(): void {
    this.tokens.clear();
  }
}
