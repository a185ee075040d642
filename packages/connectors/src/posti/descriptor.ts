import { randomBytes } from 'node:crypto';
import { digest } from '@shiplink/domain';
import { clientOptions, defineConnector } from '../descriptor';
import { PostiClient } from './client';
import { PostiCredentialsSchema } from './credentials';
import { postiPickupPoints } from './pickup-points';
import { POSTI_PROVIDER } from './profile';
import { PostiSettingsSchema } from './settings';

const newSecret = () => randomBytes(24).toString('base64url');

/**
 * Posti Shipping (Pakettikauppa) as a carrier connection of a store. Today it gives checkout the
 * nearest pickup points (`pickupPoints` port, used by the checkout rates); shipments, labels and
 * tracking callbacks build on the client, mapping, timeline and callback modules beside it.
 */
export const posti = defineConnector({
  id: POSTI_PROVIDER,
  name: 'Posti',
  roles: ['carrier'],
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
  ports: { pickupPoints: postiPickupPoints },
  polls: [],
});
