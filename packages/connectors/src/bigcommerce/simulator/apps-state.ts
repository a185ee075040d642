import { randomBytes, randomUUID } from 'node:crypto';
import type { SimStore } from './state';

/** Single-click apps registered with the simulator, their installs and one-time codes. */

export interface SimApp {
  clientId: string;
  clientSecret: string;
  name: string;
  authCallbackUrl: string;
  loadCallbackUrl: string;
  uninstallCallbackUrl: string;
  removeUserCallbackUrl: string | undefined;
  /** The OAuth scopes the app asks for; installing grants all of them. */
  scopes: string[];
  /** The developer account's id, the same for every store that installs the app. */
  accountUuid: string;
}

/** A control panel user: the store owner or someone the owner let in. */
export interface SimUser {
  id: number;
  username: string;
  email: string;
  locale: string;
}

export interface SimInstall {
  accessToken: string;
  scopes: string[];
  installedAtSec: number;
}

export interface SimAuthCode {
  clientId: string;
  storeHash: string;
  scope: string;
  redirectUri: string;
  user: SimUser;
  expiresAtMs: number;
}

/** BigCommerce's codes are short-lived; ten minutes as the OAuth spec recommends at most. */
export const AUTH_CODE_TTL_MS = 10 * 60_000;

const installKey = (storeHash: string, clientId: string) => `${storeHash}\u0000${clientId}`;

export class SimApps {
  readonly apps = new Map<string, SimApp>();
  private readonly installs = new Map<string, SimInstall>();
  private readonly codes = new Map<string, SimAuthCode>();

  constructor(private readonly now: () => number) {}

  /** Registers an app, or replaces the registration of the same client id. */
  register(app: Omit<SimApp, 'accountUuid'> & { accountUuid?: string }): SimApp {
    const registered: SimApp = {
      ...app,
      accountUuid: app.accountUuid ?? this.apps.get(app.clientId)?.accountUuid ?? randomUUID(),
    };
    this.apps.set(app.clientId, registered);
    return registered;
  }

  /** The secret an API client signs with, when the client is a registered app. */
  secretOf(clientId: string): string | undefined {
    return this.apps.get(clientId)?.clientSecret;
  }

  installOf(storeHash: string, clientId: string): SimInstall | undefined {
    return this.installs.get(installKey(storeHash, clientId));
  }

  /** A fresh one-time code for `user` installing `app` on `store`. */
  issueCode(store: SimStore, app: SimApp, user: SimUser): string {
    const code = randomBytes(16).toString('hex');
    this.codes.set(code, {
      clientId: app.clientId,
      storeHash: store.hash,
      scope: app.scopes.join(' '),
      redirectUri: app.authCallbackUrl,
      user,
      expiresAtMs: this.now() + AUTH_CODE_TTL_MS,
    });
    return code;
  }

  /** The code as issued (expired or not), until it is consumed. */
  codeOf(code: string): SimAuthCode | undefined {
    return this.codes.get(code);
  }

  consumeCode(code: string): void {
    this.codes.delete(code);
  }

  isExpired(code: SimAuthCode): boolean {
    return code.expiresAtMs <= this.now();
  }

  /** Installs the app on the store: its new token works on the store's API from now on. */
  install(store: SimStore, app: SimApp, scopes: string[]): SimInstall {
    const previous = this.installOf(store.hash, app.clientId);
    if (previous) store.tokens.delete(previous.accessToken);
    const installed: SimInstall = {
      accessToken: randomBytes(20).toString('hex'),
      scopes,
      installedAtSec: Math.floor(this.now() / 1_000),
    };
    store.tokens.set(installed.accessToken, app.clientId);
    this.installs.set(installKey(store.hash, app.clientId), installed);
    return installed;
  }

  /** Uninstalls the app: its token stops working and its webhooks go with it. */
  uninstall(store: SimStore, app: SimApp): SimInstall | undefined {
    const installed = this.installOf(store.hash, app.clientId);
    if (!installed) return undefined;
    store.tokens.delete(installed.accessToken);
    this.installs.delete(installKey(store.hash, app.clientId));
    for (const [id, hook] of store.hooks) {
      if (hook.client_id === app.clientId) store.hooks.delete(id);
    }
    return installed;
  }

  reset(): void {
    this.apps.clear();
    this.installs.clear();
    this.codes.clear();
  }
}

/** The store owner, as BigCommerce's account service knows them (username is the e-mail). */
export function ownerOf(store: SimStore): SimUser {
  const email = `owner@${store.hash}.example.com`;
  return { id: Number(store.storeId), username: email, email, locale: 'en-US' };
}
