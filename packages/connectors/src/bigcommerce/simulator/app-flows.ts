import { randomUUID } from 'node:crypto';
import axios from 'axios';
import { signBigCommerceAppJwt } from '../app-jwt';
import { BIGCOMMERCE_APP_ISSUER } from '../app-schemas';
import { BIGCOMMERCE_APP_UNINSTALLED_SCOPE } from '../webhook';
import { ownerOf, type SimApp, type SimApps, type SimUser } from './apps-state';
import type { BigCommerceEvents } from './events';
import type { BigCommerceSimState, SimStore } from './state';

/**
 * What the control panel does with a single-click app: send the browser to its auth callback
 * with a fresh code, open it with a signed payload, and uninstall it (revoking its token, calling
 * its uninstall callback from the server and telling its hooks).
 */

/** Launch tokens are good for a day, and for a few seconds before they were issued. */
const LAUNCH_TTL_SEC = 86_400;
const NOT_BEFORE_SKEW_SEC = 5;
const CALLBACK_TIMEOUT_MS = 10_000;

export type AppProblem = { status: 404 | 409; error: string };
export type AppFound = { store: SimStore; app: SimApp };

/** What a server-to-server callback answered: its status, or why there was none. */
export interface CallbackOutcome {
  url: string;
  status: number | null;
  error?: string;
}

export interface UninstallOutcome {
  uninstallCallback: CallbackOutcome;
  /** The `store/app/uninstalled` deliveries queued for the app's hooks. */
  webhooks: { id: string; url: string }[];
}

const withQuery = (base: string, query: Record<string, string>): string => {
  const url = new URL(base);
  for (const [name, value] of Object.entries(query)) url.searchParams.set(name, value);
  return url.toString();
};

/** BigCommerce's servers make these calls, not the browser, and only note the answer. */
async function callBack(url: string): Promise<CallbackOutcome> {
  try {
    const answer = await axios.get(url, {
      timeout: CALLBACK_TIMEOUT_MS,
      maxRedirects: 0,
      validateStatus: () => true,
    });
    return { url, status: answer.status };
  } catch (error) {
    return { url, status: null, error: error instanceof Error ? error.message : String(error) };
  }
}

export class BigCommerceAppFlows {
  constructor(
    private readonly state: BigCommerceSimState,
    private readonly apps: SimApps,
    private readonly events: BigCommerceEvents,
  ) {}

  /** The store and the app, or why not. */
  find(storeHash: string, clientId: string): AppFound | AppProblem {
    const store = this.state.stores.get(storeHash);
    if (!store) return { status: 404, error: `no store ${storeHash}` };
    const app = this.apps.apps.get(clientId);
    if (!app) return { status: 404, error: `no app ${clientId}` };
    return { store, app };
  }

  /** Where the browser goes when `user` clicks Install: the auth callback with a new code. */
  authorize({ store, app }: AppFound, user: SimUser = ownerOf(store)): string | AppProblem {
    if (this.apps.installOf(store.hash, app.clientId)) {
      return { status: 409, error: `${app.name} is already installed on ${store.hash}` };
    }
    return withQuery(app.authCallbackUrl, {
      code: this.apps.issueCode(store, app, user),
      scope: app.scopes.join(' '),
      context: `stores/${store.hash}`,
      account_uuid: app.accountUuid,
    });
  }

  /** Where the browser goes when `user` opens the installed app: its load callback. */
  load({ store, app }: AppFound, user: SimUser = ownerOf(store)): string | AppProblem {
    if (!this.apps.installOf(store.hash, app.clientId)) {
      return { status: 409, error: `${app.name} is not installed on ${store.hash}` };
    }
    return withQuery(app.loadCallbackUrl, {
      signed_payload_jwt: this.signedPayload(store, app, user, { locale: true }),
    });
  }

  async uninstall({ store, app }: AppFound): Promise<UninstallOutcome | AppProblem> {
    if (!this.apps.installOf(store.hash, app.clientId)) {
      return { status: 409, error: `${app.name} is not installed on ${store.hash}` };
    }
    // Queued before the app's hooks are removed with its install.
    const webhooks = this.events.emit(
      store,
      BIGCOMMERCE_APP_UNINSTALLED_SCOPE,
      { type: 'store', id: Number(store.storeId) },
      { clientId: app.clientId },
    );
    this.apps.uninstall(store, app);
    const url = withQuery(app.uninstallCallbackUrl, {
      signed_payload_jwt: this.signedPayload(store, app, ownerOf(store), { locale: false }),
    });
    return { uninstallCallback: await callBack(url), webhooks };
  }

  /** The owner took `user`'s access to the app away: its remove-user callback hears of it. */
  async removeUser(
    { store, app }: AppFound,
    user: SimUser,
  ): Promise<{ removeUserCallback: CallbackOutcome } | AppProblem> {
    if (!this.apps.installOf(store.hash, app.clientId)) {
      return { status: 409, error: `${app.name} is not installed on ${store.hash}` };
    }
    if (!app.removeUserCallbackUrl) {
      return { status: 409, error: `${app.name} has no remove user callback` };
    }
    const url = withQuery(app.removeUserCallbackUrl, {
      signed_payload_jwt: this.signedPayload(store, app, user, { locale: false }),
    });
    return { removeUserCallback: await callBack(url) };
  }

  private signedPayload(
    store: SimStore,
    app: SimApp,
    user: SimUser,
    options: { locale: boolean },
  ): string {
    const nowSec = this.state.nowSec();
    const owner = ownerOf(store);
    return signBigCommerceAppJwt(
      {
        aud: app.clientId,
        iss: BIGCOMMERCE_APP_ISSUER,
        iat: nowSec,
        nbf: nowSec - NOT_BEFORE_SKEW_SEC,
        exp: nowSec + LAUNCH_TTL_SEC,
        jti: randomUUID(),
        sub: `stores/${store.hash}`,
        user: {
          id: user.id,
          email: user.email,
          ...(options.locale ? { locale: user.locale } : {}),
        },
        owner: { id: owner.id, email: owner.email },
        url: '/',
        channel_id: 1,
      },
      app.clientSecret,
    );
  }
}

export const isProblem = (value: unknown): value is AppProblem =>
  typeof value === 'object' && value !== null && 'error' in value && 'status' in value;
