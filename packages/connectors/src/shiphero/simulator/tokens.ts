import { createHmac, randomBytes } from 'node:crypto';

/** ShipHero's access tokens live 28 days. */
export const ACCESS_TOKEN_LIFETIME_SECONDS = 2_419_200;
export const TOKEN_SCOPE = 'openid profile offline_access';

export interface IssuedToken {
  accessToken: string;
  expiresAt: number;
}

export type TokenCheck =
  { ok: true; accountId: string } | { ok: false; reason: 'unknown' | 'expired' };

const base64url = (value: unknown): string =>
  Buffer.from(JSON.stringify(value)).toString('base64url');

/**
 * The auth service's memory. Access tokens are JWTs shaped like ShipHero's (Auth0) ones, so a
 * client that reads `exp` from the token sees the truth; they are checked by lookup, not by
 * signature. Refresh tokens are opaque and stay valid while the account exists.
 */
export class TokenStore {
  private access = new Map<string, { accountId: string; expiresAt: number }>();
  private refresh = new Map<string, string>();
  private readonly signingKey = randomBytes(32);

  constructor(private readonly now: () => number) {}

  issueAccess(accountId: string): IssuedToken {
    const issuedAt = this.now();
    const expiresAt = issuedAt + ACCESS_TOKEN_LIFETIME_SECONDS * 1_000;
    const header = base64url({ alg: 'HS256', typ: 'JWT' });
    const payload = base64url({
      iss: 'https://login.shiphero.com/',
      sub: `auth0|${accountId}`,
      aud: 'shiphero-public-api',
      iat: Math.floor(issuedAt / 1_000),
      exp: Math.floor(expiresAt / 1_000),
      scope: TOKEN_SCOPE,
      jti: randomBytes(8).toString('hex'),
    });
    const signature = createHmac('sha256', this.signingKey)
      .update(`${header}.${payload}`)
      .digest('base64url');
    const accessToken = `${header}.${payload}.${signature}`;
    this.access.set(accessToken, { accountId, expiresAt });
    return { accessToken, expiresAt };
  }

  /** Accepts an access token chosen by the caller (the control API's), with the usual lifetime. */
  registerAccess(accountId: string, accessToken: string): IssuedToken {
    const expiresAt = this.now() + ACCESS_TOKEN_LIFETIME_SECONDS * 1_000;
    this.access.set(accessToken, { accountId, expiresAt });
    return { accessToken, expiresAt };
  }

  registerRefresh(accountId: string, refreshToken: string): void {
    this.refresh.set(refreshToken, accountId);
  }

  /** The developer user's refresh token, which `/auth/token` hands out again each time. */
  refreshTokenOf(accountId: string): string {
    for (const [token, owner] of this.refresh) if (owner === accountId) return token;
    const token = randomBytes(32).toString('base64url');
    this.refresh.set(token, accountId);
    return token;
  }

  /** The account a refresh token belongs to, if it is one. */
  refreshOwner(refreshToken: string): string | undefined {
    return this.refresh.get(refreshToken);
  }

  check(accessToken: string): TokenCheck {
    const entry = this.access.get(accessToken);
    if (!entry) return { ok: false, reason: 'unknown' };
    if (this.now() >= entry.expiresAt) return { ok: false, reason: 'expired' };
    return { ok: true, accountId: entry.accountId };
  }

  /** Makes every access token of the account expire now (refresh tokens keep working). */
  expireAccess(accountId: string): number {
    let expired = 0;
    for (const entry of this.access.values()) {
      if (entry.accountId !== accountId) continue;
      entry.expiresAt = Math.min(entry.expiresAt, this.now());
      expired += 1;
    }
    return expired;
  }

  reset(): void {
    this.access.clear();
    this.refresh.clear();
  }
}
