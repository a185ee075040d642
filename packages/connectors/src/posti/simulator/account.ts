import type { OpenAccountOptions, SimulatorAccount } from '../../simulator-kit/account';
import { SimulatorControl } from '../../testing/control';

/** What a merchant copies from Pakettikauppa's (Posti Shipping's) admin: API key and secret. */
export interface PostiSimCredentials extends Record<string, string> {
  apiKey: string;
  secret: string;
}

/** A fresh merchant account in the simulator, as `openPostiAccount` opens it. */
export interface PostiSimAccount extends SimulatorAccount<'posti'> {
  credentials: PostiSimCredentials;
  settings: Record<string, unknown>;
}

/**
 * A new merchant with its own API key and secret. Posti has no webhook registration: the
 * tracking callback URL travels with each shipment (additional service 9901), so nothing is left
 * for the merchant to do once the hub holds the connection.
 */
export async function openPostiAccount(
  baseUrl: string,
  options: OpenAccountOptions = {},
): Promise<PostiSimAccount> {
  const opened = await new SimulatorControl(baseUrl).post<PostiSimCredentials>('/accounts', {});
  return {
    provider: 'posti',
    baseUrl,
    credentials: { apiKey: opened.apiKey, secret: opened.secret },
    settings: { ...options.settings },
  };
}
