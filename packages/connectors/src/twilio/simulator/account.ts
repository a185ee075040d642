import type { OpenAccountOptions, SimulatorAccount } from '../../simulator-kit/account';
import { SimulatorControl } from '../../testing/control';

/** What a merchant copies from Twilio's Console: the Account SID and auth token. */
export interface TwilioSimCredentials extends Record<string, string> {
  accountSid: string;
  authToken: string;
}

/** A fresh account in the simulator, as `openTwilioAccount` opens it. */
export interface TwilioSimAccount extends SimulatorAccount<'twilio'> {
  credentials: TwilioSimCredentials;
  settings: Record<string, unknown>;
  /** The account's number, the connection's sender unless the settings say otherwise. */
  phoneNumber: string;
  messagingServiceSid: string;
}

interface OpenedAccount {
  accountSid: string;
  authToken: string;
  phoneNumber: string;
  messagingServiceSid: string;
}

/**
 * A new Twilio account with a number of its own, sending from that number. Twilio has no API
 * the hub registers webhooks with: once connected, the merchant points the number's incoming
 * messages at the connection's URL in the Console (`connected` does it), and the hub names the
 * same URL as each message's status callback.
 */
export async function openTwilioAccount(
  baseUrl: string,
  options: OpenAccountOptions = {},
): Promise<TwilioSimAccount> {
  const control = new SimulatorControl(baseUrl);
  const opened = await control.post<OpenedAccount>('/accounts', {});
  return {
    provider: 'twilio',
    baseUrl,
    credentials: { accountSid: opened.accountSid, authToken: opened.authToken },
    // Sending from the number unless the merchant's choices name the Messaging Service instead.
    settings: options.settings?.messagingServiceSid
      ? { ...options.settings }
      : { from: opened.phoneNumber, ...options.settings },
    phoneNumber: opened.phoneNumber,
    messagingServiceSid: opened.messagingServiceSid,
    async connected(connection) {
      await control.put(`/accounts/${opened.accountSid}/incoming-url`, {
        url: connection.webhookUrl,
      });
    },
  };
}
