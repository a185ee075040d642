import {
  clientOptions,
  defineConnector,
  parseWebhookBody,
  webhookRefusal,
  type WebhookHandler,
  type WebhookIntent,
} from '../descriptor';
import { bigCommerceAppInstall } from './app-install';
import { createBigCommerceClient } from './client';
import { BigCommerceCredentialsSchema } from './credentials';
import { BIGCOMMERCE_PROVIDER } from './profile';
import { bigCommerceStorePlatform } from './ports';
import { BigCommerceSettingsSchema } from './settings';
import {
  BIGCOMMERCE_APP_UNINSTALLED_SCOPE,
  BIGCOMMERCE_ORDER_SCOPES,
  BigCommerceWebhookSchema,
  interpretBigCommerceWebhook,
  verifyBigCommerceWebhook,
  type BigCommerceWebhookEvent,
} from './webhook';
import { BIGCOMMERCE_CATALOG_SCOPES } from './hook-schemas';

/**
 * The scopes the hub listens to: every order change (archiving too), new or changed shipments,
 * new or changed products and variants (their weights and dimensions go to the warehouse), and
 * the app's uninstall (the store leaves the hub).
 */
export const BIGCOMMERCE_WEBHOOK_SCOPES = [
  ...BIGCOMMERCE_ORDER_SCOPES,
  'store/shipment/created',
  'store/shipment/updated',
  ...BIGCOMMERCE_CATALOG_SCOPES,
  BIGCOMMERCE_APP_UNINSTALLED_SCOPE,
] as const;

/** Shipment events that can bring a new or changed tracking number; deletions are recorded only. */
const SYNCED_SHIPMENT_SCOPES = {
  'store/shipment/created': 'created',
  'store/shipment/updated': 'updated',
} as const;
const syncedChange = (scope: string) =>
  Object.hasOwn(SYNCED_SHIPMENT_SCOPES, scope)
    ? SYNCED_SHIPMENT_SCOPES[scope as keyof typeof SYNCED_SHIPMENT_SCOPES]
    : undefined;

/**
 * The work a delivery asks for: an order import, a store shipment or product read-back, the
 * store's disconnection, or none.
 */
function intentOf(event: BigCommerceWebhookEvent): WebhookIntent | undefined {
  if (event.kind === 'order') return { kind: 'order.changed', orderRef: String(event.orderId) };
  if (event.kind === 'uninstalled') return { kind: 'store.uninstalled' };
  if (event.kind === 'product') {
    return { kind: 'product.changed', productRef: String(event.productId) };
  }
  const change = event.kind === 'shipment' ? syncedChange(event.scope) : undefined;
  if (event.kind !== 'shipment' || !change) return undefined;
  return {
    kind: 'store-shipment.changed',
    orderRef: String(event.orderId),
    shipmentRef: String(event.shipmentId),
    change,
  };
}

/**
 * Signed ("Standard Webhooks") deliveries for one store. Every delivery names its store in
 * `producer`; one signed for this app but naming another store is refused.
 */
const webhook: WebhookHandler = {
  secretInPath: false,
  // Deliveries are keyed by the store hash they are for, whichever connection received them.
  dedupScope: 'store',
  handle(request, connection) {
    const verdict = verifyBigCommerceWebhook({
      headers: request.headers,
      rawBody: request.rawBody,
      secret: connection.webhookSecret,
      toleranceSec: request.toleranceSec,
    });
    if (!verdict.ok) return webhookRefusal(401, verdict.reason, 'webhook signature check failed');
    const envelope = parseWebhookBody(
      request.rawBody,
      BigCommerceWebhookSchema,
      'BigCommerce webhook',
    );
    if (!envelope.ok) return envelope;
    if (envelope.data.producer !== `stores/${connection.storeRef}`) {
      return webhookRefusal(400, 'store_mismatch', 'webhook is for another store');
    }
    const event = interpretBigCommerceWebhook(envelope.data);
    const intent = intentOf(event);
    return {
      ok: true,
      topic: envelope.data.scope,
      eventRef: verdict.webhookId,
      payload: envelope.data,
      ...('orderId' in event ? { orderRef: String(event.orderId) } : {}),
      ...(intent ? { intent } : {}),
    };
  },
};

export const bigCommerce = defineConnector({
  id: BIGCOMMERCE_PROVIDER,
  name: 'BigCommerce',
  roles: ['store'],
  credentials: BigCommerceCredentialsSchema,
  settings: BigCommerceSettingsSchema,
  // BigCommerce signs webhooks with the app's client secret; budgets are per store.
  secrets: (credentials) => ({
    ok: true,
    webhookSecret: credentials.clientSecret,
    accountKey: credentials.storeHash,
  }),
  newSecretFrom: "the app's new client secret from the BigCommerce Developer Portal",
  rotateSecret: (credentials, given) =>
    given
      ? { ok: true, webhookSecret: given, credentials: { ...credentials, clientSecret: given } }
      : {
          ok: false,
          message: `a ${BIGCOMMERCE_PROVIDER} secret comes from the provider: send it as webhookSecret`,
        },
  createClient: (connection, deps) => createBigCommerceClient(clientOptions(connection, deps)),
  ports: { store: bigCommerceStorePlatform },
  webhook,
  appInstall: bigCommerceAppInstall,
  async registerWebhooks(client, destination) {
    const hooks = await client.listHooks();
    const registered: string[] = [];
    const existing: string[] = [];
    for (const scope of BIGCOMMERCE_WEBHOOK_SCOPES) {
      const found = hooks.find((h) => h.scope === scope && h.destination === destination);
      if (found?.is_active) existing.push(scope);
      // BigCommerce deactivates a hook whose deliveries kept failing; registering revives it.
      else if (found) {
        await client.updateHook(found.id, { is_active: true });
        registered.push(scope);
      } else {
        await client.createHook({ scope, destination, is_active: true });
        registered.push(scope);
      }
    }
    return { registered, existing };
  },
  async webhookHealth(client, destination) {
    const hooks = await client.listHooks();
    const expected = [...BIGCOMMERCE_WEBHOOK_SCOPES];
    const present = expected.filter((scope) =>
      hooks.some((h) => h.scope === scope && h.destination === destination && h.is_active),
    );
    return { expected, present, missing: expected.filter((scope) => !present.includes(scope)) };
  },
  polls: ['orders'],
});
