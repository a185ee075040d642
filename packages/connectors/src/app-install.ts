/**
 * Platforms where a merchant installs the hub as an app from the store's control panel: the
 * platform calls the hub back (install, launch, uninstall) and the hub connects the store with
 * no copy and paste. A descriptor that supports it implements `AppInstallHandler`.
 */

/** The hub's own app registration at the platform (one per deployment, from the env). */
export interface AppRegistration {
  clientId: string;
  clientSecret: string;
  /** Where the platform's OAuth token exchange lives (its login service). */
  loginUrl: string;
  /** The platform's store API base URL new connections get (a simulator's in tests). */
  apiUrl: string;
  /** The auth callback URL registered with the platform; the token exchange repeats it. */
  redirectUri: string;
}

/** A person at the platform: its own user id, e-mail and (where told) locale. */
export interface AppUser {
  ref: string;
  email: string;
  locale?: string | undefined;
}

/** What installing gave the hub: the store, its people, and the connection to make. */
export interface AppInstallGrant {
  /** The store's reference on the platform (what stores.external_ref holds). */
  storeRef: string;
  /** The store owner, and the person who clicked install (often the same). */
  owner: AppUser;
  user: AppUser;
  /** Scopes the merchant granted. */
  scopes: string[];
  /** Credentials for the new connection; they fit the descriptor's credentials schema. */
  credentials: unknown;
  /** The connection's API base URL. */
  baseUrl: string;
}

/** A signed call from the platform about an installed store: opening the app, uninstalling it. */
export interface AppLaunch {
  storeRef: string;
  user: AppUser;
  owner: AppUser;
}

export type AppLaunchVerdict = { ok: true; launch: AppLaunch } | { ok: false; reason: string };

export interface AppInstallHandler {
  /**
   * The auth callback: reads its query and exchanges the one-time code for the store's token.
   * A code the platform refuses (used, expired, for another app) is a `PermanentError` with
   * reason `app.code_rejected`; a platform that does not answer is a `RetryableError`.
   */
  install(
    app: AppRegistration,
    query: Record<string, unknown>,
    options?: { timeoutMs?: number },
  ): Promise<AppInstallGrant>;
  /**
   * Load, uninstall and remove-user callbacks: verifies the signed payload in their query (its
   * signature with the app's secret, audience, issuer, subject and validity window).
   */
  verifyLaunch(
    app: AppRegistration,
    query: Record<string, unknown>,
    nowMs: number,
  ): AppLaunchVerdict;
}
