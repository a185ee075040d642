import type { OpenAccountOptions, SimulatorAccount } from '../../simulator-kit/account';
import { freshId, freshSecret } from '../../simulator-kit/account';
import { SimulatorControl } from '../../testing/control';

/** What a merchant copies from ShipHero's Developer Users page. */
export interface ShipHeroSimCredentials extends Record<string, string> {
  accessToken: string;
  refreshToken: string;
  /** ISO 8601: access tokens live 28 days, after which the refresh token gets a new one. */
  accessTokenExpiresAt: string;
}

export interface ShipHeroSimAccount extends SimulatorAccount<'shiphero'> {
  credentials: ShipHeroSimCredentials;
  settings: Record<string, unknown>;
  /** The account's uuid, for control routes. */
  accountId: string;
  /** The "Primary" warehouse's uuid. */
  warehouseId: string;
}

interface OpenedAccount {
  accountId: string;
  accessToken: string;
  accessTokenExpiresAt: string;
  refreshToken: string;
  warehouses: { id: string; identifier: string }[];
}

/**
 * A new ShipHero account with a third-party developer user and one warehouse, "Primary". The hub
 * registers its webhooks itself (`webhook_create` hands it the signing secret), so nothing is
 * left for the merchant to do once connected.
 */
export async function openShipHeroAccount(
  baseUrl: string,
  options: OpenAccountOptions = {},
): Promise<ShipHeroSimAccount> {
  const opened = await new SimulatorControl(baseUrl).post<OpenedAccount>('/accounts', {
    email: `${freshId('dev')}@developers.example`,
    password: freshSecret(),
    refreshToken: freshSecret(),
    warehouses: [{ identifier: 'Primary' }],
  });
  const warehouse = opened.warehouses[0];
  if (!warehouse) throw new Error('the ShipHero simulator opened an account without a warehouse');
  return {
    provider: 'shiphero',
    baseUrl,
    credentials: {
      accessToken: opened.accessToken,
      refreshToken: opened.refreshToken,
      accessTokenExpiresAt: opened.accessTokenExpiresAt,
    },
    settings: { ...options.settings },
    accountId: opened.accountId,
    warehouseId: warehouse.id,
  };
}
