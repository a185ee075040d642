import type { AppRegistration, ProviderId } from '@shiplink/connectors';
import type { IngressEnv } from '../env';

/** The platforms the hub is registered with as an app, from the env (none unless configured). */
export function appRegistrations(env: IngressEnv): Map<ProviderId, AppRegistration> {
  const apps = new Map<ProviderId, AppRegistration>();
  const base = env.PUBLIC_URL.replace(/\/+$/, '');
  if (env.BIGCOMMERCE_APP_CLIENT_ID && env.BIGCOMMERCE_APP_CLIENT_SECRET) {
    apps.set('bigcommerce', {
      clientId: env.BIGCOMMERCE_APP_CLIENT_ID,
      clientSecret: env.BIGCOMMERCE_APP_CLIENT_SECRET,
      loginUrl: env.BIGCOMMERCE_LOGIN_URL,
      apiUrl: env.BIGCOMMERCE_API_URL,
      redirectUri: `${base}/apps/bigcommerce/auth`,
    });
  }
  return apps;
}
