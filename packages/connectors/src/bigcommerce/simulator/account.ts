import type { SimulatorAccount, OpenAccountOptions } from '../../simulator-kit/account';
import { freshId, freshSecret } from '../../simulator-kit/account';
import { SimulatorControl } from '../../testing/control';
import type { BigCommerceCredentials } from '../credentials';

export interface BigCommerceSimAccount extends SimulatorAccount<'bigcommerce'> {
  credentials: BigCommerceCredentials;
  storeRef: string;
  /** The simulator's numeric store id, which BigCommerce puts in webhook bodies. */
  storeId: string;
}

/**
 * A new store with the hub's app installed: BigCommerce signs webhooks with the app's client
 * secret, so the hub derives the webhook secret and registers the hooks itself.
 */
export async function openBigCommerceAccount(
  baseUrl: string,
  options: OpenAccountOptions = {},
): Promise<BigCommerceSimAccount> {
  const credentials = {
    storeHash: options.storeRef ?? freshId('s'),
    accessToken: freshSecret(),
    clientSecret: freshSecret(),
  };
  const store = await new SimulatorControl(baseUrl).post<{ storeId: string | number }>('/stores', {
    hash: credentials.storeHash,
    accessToken: credentials.accessToken,
    clientSecret: credentials.clientSecret,
  });
  return {
    provider: 'bigcommerce',
    baseUrl,
    credentials,
    settings: options.settings ?? { weightUnit: 'lbs' },
    storeRef: credentials.storeHash,
    storeId: String(store.storeId),
  };
}
