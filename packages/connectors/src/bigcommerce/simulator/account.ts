import type { SimulatorAccount, OpenAccountOptions } from '../../simulator-kit/account';
import { freshId, freshSecret } from '../../simulator-kit/account';
import { SimulatorControl } from '../../testing/control';
import type { BigCommerceCredentials } from '../credentials';
import type { SimWeightUnit } from './state';

/** The hub's `weightUnit` setting → the store's weight unit (Settings → Display). */
const STORE_WEIGHT_UNITS: Partial<Record<string, SimWeightUnit>> = {
  lbs: 'Pounds',
  oz: 'Ounces',
  kg: 'Kilograms',
  g: 'Grams',
};

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
  const settings = options.settings ?? { weightUnit: 'lbs' };
  // The store weighs in the unit the connection's settings say it does.
  const unit = settings.weightUnit;
  const weightUnit =
    typeof unit === 'string' && Object.hasOwn(STORE_WEIGHT_UNITS, unit)
      ? STORE_WEIGHT_UNITS[unit]
      : undefined;
  const store = await new SimulatorControl(baseUrl).post<{ storeId: string | number }>('/stores', {
    hash: credentials.storeHash,
    accessToken: credentials.accessToken,
    clientSecret: credentials.clientSecret,
    ...(weightUnit ? { weightUnit } : {}),
  });
  return {
    provider: 'bigcommerce',
    baseUrl,
    credentials,
    settings,
    storeRef: credentials.storeHash,
    storeId: String(store.storeId),
  };
}
