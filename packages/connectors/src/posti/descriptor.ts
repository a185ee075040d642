import { randomBytes } from 'node:crypto';
import { digest } from '@shiplink/domain';
import { clientOptions, defineConnector } from '../descriptor';
import { PostiClient } from './client';
import { PostiCredentialsSchema } from './credentials';
import { postiPickupPoints } from './pickup-points';
import { POSTI_PROVIDER } from './profile';
import { PostiSettingsSchema } from './settings';
import { postiShipments } from './shipments';
import { postiTrackingProvider } from './tracking';
import { postiWebhook } from './webhook';

const newSecret = () => randomBytes(24).toString('base64url');

/**
 * Posti Shipping (Pakettikauppa) as a carrier connection of a store: the nearest pickup points
 * for checkout, the shipments and labels of the store's own dispatch, and its parcels' tracking
 * (callbacks, and a status poll for the ones that get lost).
 */
export const posti = defineConnector({
  id: POSTI_PROVIDER,
  name: 'Posti',
  roles: ['carrier', 'tracking'],
  credentials: PostiCredentialsSchema,
  settings: PostiSettingsSchema,
  // Posti signs its callbacks with the account's API secret; the connection keeps its own too.
  secrets: (credentials, given) => ({
    ok: true,
    webhookSecret: given ?? newSecret(),
    accountKey: digest(credentials.apiKey),
  }),
  rotateSecret: (_credentials, given) => ({ ok: true, webhookSecret: given ?? newSecret() }),
  createClient: (connection, deps) => new PostiClient(clientOptions(connection, deps)),
  ports: {
    pickupPoints: postiPickupPoints,
    shipments: postiShipments,
    tracking: postiTrackingProvider,
  },
  webhook: postiWebhook,
  // Posti has no webhook registry: every shipment names its callback URL (service 9901). Setting
  // the connection up records this connection's URL as the one its shipments name.
  registerWebhooks: async (_client, destination, settings) =>
    settings.callbackUrl === destination
      ? { registered: [], existing: [destination] }
      : {
          registered: [destination],
          existing: [],
          settings: { ...settings, callbackUrl: destination },
        },
  polls: ['trackings'],
});
