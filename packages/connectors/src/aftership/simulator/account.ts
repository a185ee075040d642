import type { SimulatorAccount, OpenAccountOptions } from '../../simulator-kit/account';
import { freshSecret } from '../../simulator-kit/account';
import { SimulatorControl } from '../../testing/control';
import type { AfterShipCredentials } from '../credentials';

export interface AfterShipSimAccount extends SimulatorAccount<'aftership'> {
  credentials: AfterShipCredentials;
  webhookSecret: string;
}

/**
 * A new API key, and the webhook secret AfterShip shows in its admin (Settings → Webhooks). The
 * hub cannot subscribe itself, so once connected the merchant adds its URL there with that secret.
 */
export async function openAfterShipAccount(
  baseUrl: string,
  options: OpenAccountOptions = {},
): Promise<AfterShipSimAccount> {
  const control = new SimulatorControl(baseUrl);
  const credentials = { apiKey: freshSecret() };
  const webhookSecret = freshSecret();
  await control.post('/api-keys', { key: credentials.apiKey });
  return {
    provider: 'aftership',
    baseUrl,
    credentials,
    ...(options.settings ? { settings: options.settings } : {}),
    webhookSecret,
    async connected(connection) {
      await control.post('/webhook-endpoints', {
        url: connection.webhookUrl,
        secret: webhookSecret,
      });
    },
  };
}
