import { PermanentError } from '@shiplink/errors';
import { inMemoryVault, type CredentialVault } from '../credential-vault';
import type { HttpClient } from '../http/client';
import { CommercetoolsCredentialsSchema, type CommercetoolsCredentials } from './credentials';
import { COMMERCETOOLS_PROVIDER } from './profile';
import { TokenAnswerSchema } from './schemas';

/**
 * A token is renewed this long before it expires (they live 48 hours by default), or halfway
 * through its life for an API client whose tokens live shorter than twice that.
 */
export const RENEW_AHEAD_MS = 10 * 60 * 1000;

/**
 * The permissions the hub asks for, and no more: orders (store-scoped when the connection serves
 * one store), the Messages API for the reconciling poll, the parcel Type, the subscription, and
 * product reads for SKU checks.
 */
export function hubScopes(projectKey: string, storeKey: string | null): string[] {
  return [
    storeKey ? `manage_orders:${projectKey}:${storeKey}` : `manage_orders:${projectKey}`,
    `view_messages:${projectKey}`,
    `manage_types:${projectKey}`,
    `manage_subscriptions:${projectKey}`,
    `view_products:${projectKey}`,
  ];
}

/** `https://api.<region>.commercetools.com` → `https://auth.<region>.commercetools.com`. */
export function authHostOf(apiUrl: string): string {
  const url = new URL(apiUrl);
  if (url.hostname.startsWith('api.')) url.hostname = `auth.${url.hostname.slice(4)}`;
  return url.origin;
}

/**
 * One connection's access token (client credentials grant): cached with the connection so every
 * process shares it, renewed before it expires and once after a 401. Renewal runs under the
 * connection's lock and first re-reads what another process may have saved meanwhile.
 */
export class CommercetoolsTokens {
  private current: CommercetoolsCredentials;
  private readonly vault: CredentialVault;

  constructor(
    private readonly http: HttpClient,
    private readonly connectionId: string,
    credentials: CommercetoolsCredentials,
    private readonly scopes: readonly string[],
    apiUrl: string,
    vault: CredentialVault | undefined,
    private readonly now: () => number = Date.now,
  ) {
    this.current = credentials;
    this.vault = vault ?? inMemoryVault();
    this.tokenUrl = `${credentials.authUrl?.replace(/\/+$/, '') ?? authHostOf(apiUrl)}/oauth/token`;
  }

  private readonly tokenUrl: string;

  /** The token to send now; a new one first when there is none or it is about to expire. */
  async accessToken(): Promise<string> {
    const token = this.current.accessToken;
    if (token && !this.expiring(this.current)) return token;
    return this.renew(token);
  }

  /** After a 401 with `rejected` (or with none yet): a new token, unless another process has one. */
  async renew(rejected: string | undefined): Promise<string> {
    await this.vault.exclusive(`commercetools-token:${this.connectionId}`, async () => {
      const saved = CommercetoolsCredentialsSchema.safeParse(
        await this.vault.read(this.connectionId),
      );
      const base = saved.success ? saved.data : this.current;
      if (base.accessToken && base.accessToken !== rejected && !this.expiring(base)) {
        this.current = base;
        return;
      }
      const { clientId, clientSecret } = base;
      const basic = Buffer.from(`${clientId}:${clientSecret}`).toString('base64');
      const answer = await this.http.request({
        method: 'POST',
        path: this.tokenUrl,
        endpoint: 'POST /oauth/token',
        query: { grant_type: 'client_credentials', scope: this.scopes.join(' ') },
        headers: { Authorization: `Basic ${basic}` },
        schema: TokenAnswerSchema,
        idempotent: true,
      });
      if (!answer.data) {
        throw new PermanentError('commercetools /oauth/token answered no token', {
          provider: COMMERCETOOLS_PROVIDER,
          reason: `${COMMERCETOOLS_PROVIDER}.unauthorized`,
        });
      }
      const lifetimeMs = answer.data.expires_in * 1000;
      const renewAheadMs = Math.min(RENEW_AHEAD_MS, lifetimeMs / 2);
      this.current = {
        ...base,
        accessToken: answer.data.access_token,
        accessTokenExpiresAt: new Date(this.now() + lifetimeMs).toISOString(),
        accessTokenRenewAt: new Date(this.now() + lifetimeMs - renewAheadMs).toISOString(),
      };
      await this.vault.save(this.connectionId, this.current);
    });
    const token = this.current.accessToken;
    if (!token) throw new Error('unreachable: renewed without a token');
    return token;
  }

  private expiring(credentials: CommercetoolsCredentials): boolean {
    const { accessTokenExpiresAt: expiresAt, accessTokenRenewAt: renewAt } = credentials;
    if (renewAt !== undefined) return this.now() >= Date.parse(renewAt);
    return expiresAt === undefined || Date.parse(expiresAt) - this.now() < RENEW_AHEAD_MS;
  }
}
