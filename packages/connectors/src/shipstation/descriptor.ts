import { randomBytes } from 'node:crypto';
import { digest } from '@shiplink/domain';
import {
  clientOptions,
  defineConnector,
  issueDetails,
  readWebhookJson,
  webhookRefusal,
  type WebhookHandler,
} from '../descriptor';
import { createShipStationClient } from './client';
import { ShipStationCredentialsSchema } from './credentials';
import { SHIPSTATION_PROVIDER } from './profile';
import { shipStationFulfilmentSystem } from './ports';
import { ShipStationSettingsSchema } from './settings';
import { assertSameOrigin, parseShipStationWebhook, verifyShipStationToken } from './webhook';

/** Events whose resource_url lists shipments. */
const SHIPMENT_EVENTS = new Set(['SHIP_NOTIFY', 'ITEM_SHIP_NOTIFY']);
/** Events whose resource_url lists orders: new imports and a fulfilment partner's refusals. */
const ORDER_EVENTS = new Set(['ORDER_NOTIFY', 'FULFILLMENT_REJECTED']);
/**
 * The events the hub subscribes to. Not ORDER_NOTIFY: it fires for every order the hub itself
 * creates, and reading each back would spend the account's 40 calls a minute on nothing new
 * (holds come through the orders poll). A merchant's own ORDER_NOTIFY subscription is still read.
 */
const SUBSCRIBED_EVENTS = ['SHIP_NOTIFY', 'FULFILLMENT_REJECTED'] as const;

function intentOf(resourceType: string, resourceUrl: string) {
  if (SHIPMENT_EVENTS.has(resourceType)) {
    return { intent: { kind: 'shipments.available', batchRef: resourceUrl } as const };
  }
  if (ORDER_EVENTS.has(resourceType)) {
    return { intent: { kind: 'fulfilment-orders.available', batchRef: resourceUrl } as const };
  }
  return {};
}

/** The URL token that stands in for a signature: long, random, and URL-safe. */
const newUrlToken = () => randomBytes(24).toString('base64url');

/**
 * V1 webhooks carry no signature: the per-connection secret in the URL authenticates them, and
 * the body is only a pointer that is re-fetched from ShipStation itself, so the pointer must
 * lead to the connection's own ShipStation host.
 */
const webhook: WebhookHandler = {
  secretInPath: true,
  dedupScope: 'connection',
  handle(request, connection) {
    if (!verifyShipStationToken(request.pathSecret ?? '', connection.webhookSecret)) {
      return webhookRefusal(401, 'bad_token', 'webhook URL token is wrong');
    }
    const json = readWebhookJson(request.rawBody);
    if (!json.ok) return json;
    const parsed = parseShipStationWebhook(json.body);
    if (!parsed.success) {
      return webhookRefusal(
        400,
        'invalid_payload',
        'not a ShipStation webhook',
        issueDetails(parsed.error),
      );
    }
    const { resource_url: resourceUrl, resource_type: resourceType } = parsed.data;
    try {
      assertSameOrigin(resourceUrl, connection.baseUrl);
    } catch {
      return webhookRefusal(
        400,
        'foreign_resource_url',
        "resource_url is not on this connection's ShipStation host",
      );
    }
    return {
      ok: true,
      topic: resourceType,
      // A pointer has no id of its own: the same batch pointed at again is the same event.
      eventRef: `${resourceType}:${digest(resourceUrl)}`,
      payload: parsed.data,
      ...intentOf(resourceType, resourceUrl),
    };
  },
};

export const shipStation = defineConnector({
  id: SHIPSTATION_PROVIDER,
  name: 'ShipStation',
  roles: ['fulfilment'],
  credentials: ShipStationCredentialsSchema,
  settings: ShipStationSettingsSchema,
  secrets: (credentials) => ({
    ok: true,
    webhookSecret: newUrlToken(),
    accountKey: digest(credentials.apiKey),
  }),
  // The token is ours, never the merchant's: a rotation always generates a new one.
  rotateSecret: () => ({ ok: true, webhookSecret: newUrlToken() }),
  createClient: (connection, deps) => createShipStationClient(clientOptions(connection, deps)),
  ports: { fulfilment: shipStationFulfilmentSystem },
  webhook,
  async registerWebhooks(client, destination) {
    const hooks = await client.listWebhooks();
    const registered: string[] = [];
    const existing: string[] = [];
    for (const event of SUBSCRIBED_EVENTS) {
      if (hooks.some((h) => h.event === event && h.url === destination)) {
        existing.push(event);
        continue;
      }
      await client.subscribeWebhook({
        targetUrl: destination,
        event,
        friendlyName: `Shiplink ${event.toLowerCase().replace(/_/g, ' ')}`,
      });
      registered.push(event);
    }
    return { registered, existing };
  },
  polls: ['shipments', 'fulfilment-orders', 'products'],
});
