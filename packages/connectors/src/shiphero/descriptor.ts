import { randomBytes } from 'node:crypto';
import { digest } from '@shiplink/domain';
import {
  clientOptions,
  defineConnector,
  parseWebhookBody,
  webhookRefusal,
  type WebhookHandler,
} from '../descriptor';
import { ShipHeroClient } from './client';
import { ShipHeroCredentialsSchema } from './credentials';
import { LEGACY_ORDER_REF, LEGACY_SHIPMENT_REF, shipHeroFulfilmentSystem } from './ports';
import { SHIPHERO_PROVIDER } from './profile';
import { ShipHeroSettingsSchema } from './settings';
import { shipHeroStock } from './stock';
import {
  InventoryUpdateSchema,
  OrderCanceledSchema,
  reportedReturn,
  ReturnUpdateSchema,
  ShipHeroWebhookEnvelopeSchema,
  ShipmentUpdateSchema,
  shipHeroMessageId,
  verifyShipHeroSignature,
} from './webhook';

/** The webhooks the hub registers, by ShipHero's names. */
export const SHIPHERO_WEBHOOKS = [
  'Shipment Update',
  'Inventory Update',
  'Order Canceled',
  'Return Update',
] as const;

/** A secret nobody else holds, URL- and header-safe. */
const newSecret = () => randomBytes(24).toString('base64url');

/** ShipHero's expected answer to a delivery it may stop retrying. */
const ACKNOWLEDGEMENT = { code: '200', Status: 'Success' };

/** Every signing secret the connection holds: each webhook's own, and the shop's API secret. */
function signingSecrets(credentials: unknown, webhookSecret: string): string[] {
  const parsed = ShipHeroCredentialsSchema.safeParse(credentials);
  return [...Object.values(parsed.success ? parsed.data.webhookSecrets : {}), webhookSecret];
}

const webhook: WebhookHandler = {
  secretInPath: false,
  dedupScope: 'connection',
  acknowledgement: { status: 200, body: ACKNOWLEDGEMENT },
  handle(request, connection) {
    const secrets = signingSecrets(connection.credentials, connection.webhookSecret);
    if (!verifyShipHeroSignature(request.headers, request.rawBody, secrets)) {
      return webhookRefusal(401, 'bad_signature', 'x-shiphero-hmac-sha256 does not match');
    }
    const envelope = parseWebhookBody(
      request.rawBody,
      ShipHeroWebhookEnvelopeSchema,
      'ShipHero webhook',
    );
    if (!envelope.ok) return envelope;
    const topic = envelope.data.webhook_type;
    // ShipHero retries a delivery with the same message id; without one, the content is the id.
    const eventRef =
      shipHeroMessageId(request.headers) ?? `${topic}:${digest(request.rawBody.toString('utf8'))}`;
    const recorded = { ok: true, topic, eventRef, payload: envelope.body } as const;
    if (topic === 'Inventory Update') {
      const inventory = parseWebhookBody(request.rawBody, InventoryUpdateSchema, topic);
      if (!inventory.ok) return inventory;
      // The quantities come without the time ShipHero counted them: the worker reads them back.
      const skus = [...new Set(inventory.data.inventory.map((entry) => entry.sku))];
      return skus.length ? { ...recorded, intent: { kind: 'stock.changed', skus } } : recorded;
    }
    if (topic === 'Order Canceled') {
      const canceled = parseWebhookBody(request.rawBody, OrderCanceledSchema, topic);
      if (!canceled.ok) return canceled;
      const { order_uuid, order_id, partner_order_id } = canceled.data;
      const ref = order_uuid || (order_id ? `${LEGACY_ORDER_REF}${String(order_id)}` : undefined);
      if (!ref) return recorded;
      return {
        ...recorded,
        ...(partner_order_id ? { orderRef: partner_order_id } : {}),
        intent: { kind: 'fulfilment-order.changed', fulfilmentOrderRef: ref },
      };
    }
    if (topic === 'Return Update') {
      const update = parseWebhookBody(request.rawBody, ReturnUpdateSchema, topic);
      if (!update.ok) return update;
      const report = reportedReturn(update.data);
      if (!report) return recorded;
      return {
        ...recorded,
        ...(report.orderKey ? { orderRef: report.orderKey } : {}),
        intent: { kind: 'return.reported', report },
      };
    }
    // The rest are kept in the inbox; nothing in the hub acts on them.
    if (topic !== 'Shipment Update') return recorded;
    const shipment = parseWebhookBody(request.rawBody, ShipmentUpdateSchema, 'Shipment Update');
    if (!shipment.ok) return shipment;
    const { fulfillment } = shipment.data;
    const batchRef =
      fulfillment.shipment_uuid || `${LEGACY_SHIPMENT_REF}${String(fulfillment.shipment_id)}`;
    return {
      ok: true,
      topic,
      eventRef,
      payload: shipment.body,
      ...(fulfillment.partner_order_id ? { orderRef: fulfillment.partner_order_id } : {}),
      intent: { kind: 'shipments.available', batchRef },
    };
  },
};

export const shipHero = defineConnector({
  id: SHIPHERO_PROVIDER,
  name: 'ShipHero',
  roles: ['fulfilment'],
  credentials: ShipHeroCredentialsSchema,
  settings: ShipHeroSettingsSchema,
  // Each webhook gets its own secret from ShipHero at registration; the connection's secret is
  // the shop's API secret where the merchant gives one (ShipHero's older webhooks sign with it).
  secrets: (credentials, given) => ({
    ok: true,
    webhookSecret: given ?? newSecret(),
    accountKey: digest(credentials.refreshToken),
  }),
  rotateSecret: (_credentials, given) => ({
    ok: true,
    webhookSecret: given ?? newSecret(),
  }),
  createClient: (connection, deps) => new ShipHeroClient(clientOptions(connection, deps)),
  ports: { fulfilment: shipHeroFulfilmentSystem, stock: shipHeroStock },
  webhook,
  async registerWebhooks(client, destination, settings) {
    // ShipHero scopes webhooks to a shop: the one the hub's orders are created under.
    const shop_name = settings.shopName;
    const current = (await client.webhooks()).filter((hook) => hook.shop_name === shop_name);
    const registered: string[] = [];
    const existing: string[] = [];
    const secrets = { ...client.tokens.credentials.webhookSecrets };
    for (const name of SHIPHERO_WEBHOOKS) {
      const found = current.find((hook) => hook.name === name);
      if (found?.url === destination && secrets[name]) {
        existing.push(name);
        continue;
      }
      // A URL changes by deleting and creating; the secret comes with the new one only.
      if (found) await client.deleteWebhook({ name, shop_name });
      const created = await client.createWebhook({ name, url: destination, shop_name });
      if (created.shared_signature_secret) secrets[name] = created.shared_signature_secret;
      registered.push(name);
    }
    return {
      registered,
      existing,
      credentials: { ...client.tokens.credentials, webhookSecrets: secrets },
    };
  },
  polls: ['shipments', 'stock', 'reviews'],
});
