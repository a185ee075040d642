import axios from 'axios';
import { PermanentError, RetryableError } from '@shiplink/errors';
import type {
  AppInstallGrant,
  AppInstallHandler,
  AppLaunchVerdict,
  AppRegistration,
  AppUser,
} from '../app-install';
import { decodeBigCommerceAppJwt } from './app-jwt';
import {
  BIGCOMMERCE_APP_ISSUER,
  BigCommerceAuthCallbackQuerySchema,
  BigCommerceContextSchema,
  BigCommerceLaunchClaimsSchema,
  BigCommerceTokenResponseSchema,
  storeHashOfContext,
  type BigCommerceTokenRequest,
} from './app-schemas';
import { BigCommerceCredentialsSchema } from './credentials';
import { BIGCOMMERCE_PROVIDER } from './profile';

/*
 * BigCommerce's single-click app flow: the auth callback carries a one-time code the app trades
 * at the login service for the store's permanent token; load, uninstall and remove-user
 * callbacks carry a `signed_payload_jwt` signed with the app's client secret.
 */

const DEFAULT_TIMEOUT_MS = 10_000;
/** Clock difference tolerated on `nbf`, `exp` and `iat`. */
export const LAUNCH_LEEWAY_SEC = 60;
const ENDPOINT = '/oauth2/token';

const details = (reason: string, status?: number) => ({
  provider: BIGCOMMERCE_PROVIDER,
  endpoint: ENDPOINT,
  reason,
  ...(status === undefined ? {} : { status }),
});

const person = (who: { id: number | string; email: string; locale?: string | undefined }) =>
  ({
    ref: String(who.id),
    email: who.email,
    ...(who.locale === undefined ? {} : { locale: who.locale }),
  }) satisfies AppUser;

async function exchangeCode(
  app: AppRegistration,
  body: BigCommerceTokenRequest,
  timeoutMs: number,
): Promise<unknown> {
  let response;
  try {
    response = await axios.post<unknown>(`${app.loginUrl.replace(/\/+$/, '')}${ENDPOINT}`, body, {
      timeout: timeoutMs,
      // The body carries the client secret: it goes to the login service and nowhere else.
      maxRedirects: 0,
      maxContentLength: 64 * 1_024,
      validateStatus: () => true,
      headers: { accept: 'application/json' },
    });
  } catch (error) {
    // Only the code: the error's request config carries the client secret.
    const code = axios.isAxiosError(error) ? (error.code ?? 'no answer') : 'no answer';
    throw new RetryableError(
      `bigcommerce login service did not answer the token exchange (${code})`,
      details('app.login_unavailable'),
    );
  }
  const { status } = response;
  if (status === 408 || status === 425 || status === 429 || status >= 500) {
    throw new RetryableError(
      `bigcommerce token exchange answered ${status}`,
      details('app.login_unavailable', status),
    );
  }
  if (status >= 400) {
    throw new PermanentError(
      `bigcommerce refused the install code (${status})`,
      details('app.code_rejected', status),
    );
  }
  if (status < 200 || status >= 300) {
    throw new PermanentError(
      `bigcommerce token exchange answered ${status}`,
      details('app.bad_token_response', status),
    );
  }
  return response.data;
}

async function install(
  app: AppRegistration,
  query: Record<string, unknown>,
  options: { timeoutMs?: number } = {},
): Promise<AppInstallGrant> {
  const callback = BigCommerceAuthCallbackQuerySchema.safeParse(query);
  if (!callback.success) {
    const fields = [...new Set(callback.error.issues.map((i) => i.path.join('.') || 'query'))];
    throw new PermanentError(
      `bigcommerce auth callback is missing or has bad ${fields.join(', ')}`,
      details('app.bad_callback'),
    );
  }
  const { code, scope, context } = callback.data;
  const answer = await exchangeCode(
    app,
    {
      client_id: app.clientId,
      client_secret: app.clientSecret,
      code,
      context,
      scope,
      grant_type: 'authorization_code',
      redirect_uri: app.redirectUri,
    },
    options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
  );
  const token = BigCommerceTokenResponseSchema.safeParse(answer);
  // A token for another store than the one the callback named is not this install's.
  if (!token.success || token.data.context !== context) {
    throw new PermanentError(
      'bigcommerce token exchange answered an unexpected body',
      details('app.bad_token_response', 200),
    );
  }
  const storeRef = storeHashOfContext(context);
  const credentials = BigCommerceCredentialsSchema.safeParse({
    storeHash: storeRef,
    accessToken: token.data.access_token,
    clientSecret: app.clientSecret,
  });
  if (!credentials.success) {
    throw new PermanentError(
      'bigcommerce token exchange gave unusable credentials',
      details('app.bad_token_response', 200),
    );
  }
  return {
    storeRef,
    owner: person(token.data.owner),
    user: person(token.data.user),
    scopes: token.data.scope.split(' ').filter((granted) => granted !== ''),
    credentials: credentials.data,
    baseUrl: app.apiUrl,
  };
}

const refused = (reason: string): AppLaunchVerdict => ({ ok: false, reason });

function verifyLaunch(
  app: AppRegistration,
  query: Record<string, unknown>,
  nowMs: number,
): AppLaunchVerdict {
  const token = query.signed_payload_jwt;
  if (typeof token !== 'string' || token === '') return refused('missing_payload');
  if (app.clientId === '' || app.clientSecret === '') return refused('app_not_configured');
  // Without a clock every validity window would pass.
  if (!Number.isFinite(nowMs)) return refused('no_clock');
  const decoded = decodeBigCommerceAppJwt(token, app.clientSecret);
  if (!decoded.ok) return refused(decoded.reason);
  const parsed = BigCommerceLaunchClaimsSchema.safeParse(decoded.claims);
  if (!parsed.success) return refused('bad_claims');
  const claims = parsed.data;
  const audiences = typeof claims.aud === 'string' ? [claims.aud] : claims.aud;
  if (!audiences.includes(app.clientId)) return refused('wrong_audience');
  if (claims.iss !== BIGCOMMERCE_APP_ISSUER) return refused('wrong_issuer');
  if (!BigCommerceContextSchema.safeParse(claims.sub).success) return refused('bad_subject');
  const nowSec = nowMs / 1_000;
  if (nowSec > claims.exp + LAUNCH_LEEWAY_SEC) return refused('expired');
  if (claims.nbf !== undefined && nowSec < claims.nbf - LAUNCH_LEEWAY_SEC) {
    return refused('not_yet_valid');
  }
  if (claims.iat !== undefined && nowSec < claims.iat - LAUNCH_LEEWAY_SEC) {
    return refused('issued_in_future');
  }
  return {
    ok: true,
    launch: {
      storeRef: storeHashOfContext(claims.sub),
      user: person(claims.user),
      owner: person(claims.owner),
    },
  };
}

export const bigCommerceAppInstall: AppInstallHandler = {
  install,
  verifyLaunch(app, query, nowMs) {
    // Hostile input is a refusal, never an exception, whatever slips past the checks above.
    try {
      return verifyLaunch(app, query, nowMs);
    } catch {
      return refused('malformed');
    }
  },
};
