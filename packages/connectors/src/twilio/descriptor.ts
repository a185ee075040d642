import { clientOptions, defineConnector } from '../descriptor';
import { createTwilioClient } from './client';
import { TwilioCredentialsSchema } from './credentials';
import { twilioMessages } from './ports';
import { TWILIO_PROVIDER } from './profile';
import { TwilioSettingsSchema } from './settings';
import { twilioWebhook } from './webhook';

/**
 * Twilio Programmable Messaging as the hub's SMS channel: sends customer notifications, hears
 * their delivery by status callback (and a poll for the callbacks that never come), and hears
 * STOP/START replies from the sender's incoming-message webhook.
 */
export const twilio = defineConnector({
  id: TWILIO_PROVIDER,
  name: 'Twilio',
  roles: ['messaging'],
  credentials: TwilioCredentialsSchema,
  settings: TwilioSettingsSchema,
  // Twilio signs every webhook with the account's auth token, so that is the webhook secret; the
  // hub cannot choose another. Budgets are per account.
  secrets: (credentials, given) =>
    given === undefined || given === credentials.authToken
      ? { ok: true, webhookSecret: credentials.authToken, accountKey: credentials.accountSid }
      : {
          ok: false,
          message: 'Twilio signs webhooks with the auth token: send no other webhookSecret',
        },
  // A rotation is Twilio's (the Console promotes a secondary auth token): the new token is the
  // secret, and it replaces the credentials' token too, which REST calls may authenticate with.
  newSecretFrom: "the secondary auth token, promoted in Twilio's Console",
  rotateSecret: (credentials, given) => {
    if (!given) {
      return {
        ok: false,
        message: `a ${TWILIO_PROVIDER} secret comes from the provider: promote the secondary auth token in Twilio's Console and send it as webhookSecret`,
      };
    }
    const next = TwilioCredentialsSchema.safeParse({ ...credentials, authToken: given });
    return next.success
      ? { ok: true, webhookSecret: next.data.authToken, credentials: next.data }
      : { ok: false, message: 'a Twilio auth token is 32 hex digits' };
  },
  createClient: (connection, deps) => createTwilioClient(clientOptions(connection, deps)),
  ports: { messages: twilioMessages },
  webhook: twilioWebhook,
  // Status callbacks are asked for per message, so registering records the URL every send
  // names; incoming messages (STOP, START) need the same URL set by hand.
  registerWebhooks: async (_client, destination, settings) =>
    settings.statusCallbackUrl === destination
      ? { registered: [], existing: [destination] }
      : {
          registered: [destination],
          existing: [],
          settings: { ...settings, statusCallbackUrl: destination },
        },
  manualWebhookSetup:
    "In Twilio's Console, set the phone number's (or the Messaging Service's) incoming-message webhook to this URL with HTTP POST, so STOP and START replies reach the hub",
  polls: ['messages'],
});
