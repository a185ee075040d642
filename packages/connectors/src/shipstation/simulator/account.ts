import type { SimulatorAccount, OpenAccountOptions } from '../../simulator-kit/account';
import { freshSecret } from '../../simulator-kit/account';
import { SimulatorControl } from '../../testing/control';
import type { ShipStationCredentials } from '../credentials';

export interface ShipStationSimAccount extends SimulatorAccount<'shipstation'> {
  credentials: ShipStationCredentials;
}

/** A new API key pair; the hub mints its own webhook token and subscribes with it. */
export async function openShipStationAccount(
  baseUrl: string,
  options: OpenAccountOptions = {},
): Promise<ShipStationSimAccount> {
  const credentials = { apiKey: freshSecret(), apiSecret: freshSecret() };
  await new SimulatorControl(baseUrl).post('/accounts', credentials);
  return { provider: 'shipstation', baseUrl, credentials, settings: options.settings ?? {} };
}
