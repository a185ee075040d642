import { z } from 'zod';
import { PermanentError } from '@shiplink/errors';
import { inMemoryVault, type CredentialVault } from '../credential-vault';
import type { HttpClient } from '../http/client';
import { ShipHeroCredentialsSchema, type ShipHeroCredentials } from './credentials';

/** Refresh this long before the access token expires (it lives 28 days). */
export const REFRESH_AHEAD_MS = 24 * 60 * 60 * 1000;

const RefreshAnswerSchema = z.object({
  access_token: z.string().min(10).max(5_000),
  expires_in: z
    .number()
    .positive()
    .max(10 * 365 * 24 * 3600),
  refresh_token: z.string().min(10).max(5_000).optional(),
});

/**
 * Keeps one connection's ShipHero access token fresh. Every process shares the tokens through
 * the vault; a refresh runs under the connection's lock and first re-reads what another process
 * may have saved meanwhile, so two processes never refresh the same token.
 */
export class ShipHeroTokens {
  private current: ShipHeroCredentials;
  private readonly vault: CredentialVault;

  constructor(
    private readonly http: HttpClient,
    private readonly connectionId: string,
    credentials: ShipHeroCredentials,
    vault: CredentialVault | undefined,
    private readonly now: () => number = Date.now,
  ) {
    this.current = credentials;
    this.vault = vault ?? inMemoryVault();
  }

  get credentials(): ShipHeroCredentials {
    return this.current;
  }

  /** The token to send now, refreshed first when it is about to expire. */
  async accessToken(): Promise<string> {
    const expiresAt = this.current.accessTokenExpiresAt;
    if (expiresAt && Date.parse(expiresAt) - this.now() < REFRESH_AHEAD_MS) {
      await this.refresh(this.current.accessToken);
    }
    return this.current.accessToken;
  }

  /** After a 401 with `rejected`: a new token, unless another process already has one. */
  async refresh(rejected: string): Promise<string> {
    await this.vault.exclusive(`shiphero-token:${this.connectionId}`, async () => {
      const saved = ShipHeroCredentialsSchema.safeParse(await this.vault.read(this.connectionId));
      if (saved.success && saved.data.accessToken !== rejected && !this.expiring(saved.data)) {
        this.current = saved.data;
        return;
      }
      const base = saved.success ? saved.data : this.current;
      const answer = await this.http.request({
        method: 'POST',
        path: '/auth/refresh',
        endpoint: 'POST /auth/refresh',
        body: { refresh_token: base.refreshToken },
        schema: RefreshAnswerSchema,
      });
      if (!answer.data) {
        throw new PermanentError('shiphero /auth/refresh answered no token', {
          provider: 'shiphero',
          reason: 'shiphero.unauthorized',
        });
      }
      this.current = {
        ...base,
        accessToken: answer.data.access_token,
        refreshToken: answer.data.refresh_token ?? base.refreshToken,
        accessTokenExpiresAt: new Date(this.now() + answer.data.expires_in * 1000).toISOString(),
      };
      await this.vault.save(this.connectionId, this.current);
    });
    return this.current.accessToken;
  }

  private expiring(credentials: ShipHeroCredentials): boolean {
    const expiresAt = credentials.accessTokenExpiresAt;
    return expiresAt !== undefined && Date.parse(expiresAt) - this.now() < REFRESH_AHEAD_MS;
  }
}
