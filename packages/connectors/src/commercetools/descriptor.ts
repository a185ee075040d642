import { randomBytes } from 'node:crypto';
import { digest } from '@shiplink/domain';
import { clientOptions, defineConnector, webhookRefusal, type WebhookHandler } from '../descriptor';
import { CommercetoolsClient } from './client';
import { CommercetoolsCredentialsSchema } from './credentials';
import { commercetoolsStorePlatform } from './ports';
import { ensureParcelType } from './parcel-type';
import { COMMERCETOOLS_PROVIDER } from './profile';
import { messageFacts, readPushDelivery, verifyPushToken } from './push';
import { CommercetoolsSettingsSchema } from './settings';
import { ORDER_MESSAGE_TYPES, syncSubscription } from './subscription';

/**
 * commercetools signs nothing itself (a push carries Google's token instead): the connection's
 * secret is generated like every connection's, and never sent anywhere.
 */
const newSecret = () => randomBytes(24).toString('base64url');

const webhook: WebhookHandler = {
  secretInPath: false,
  // Two hub stores may share a project: each one's connection acts on every message once.
  dedupScope: 'store',
  async authenticate(request, connection) {
    const settings = CommercetoolsSettingsSchema.safeParse(connection.settings ?? {});
    const pubsub = settings.success ? settings.data.pubsub : undefined;
    if (!pubsub) {
      return webhookRefusal(401, 'push_not_configured', 'this connection takes no Pub/Sub pushes');
    }
    const audience = pubsub.audience ?? connection.webhookUrl;
    if (!audience) return webhookRefusal(401, 'push_not_configured', 'no audience to check');
    const verdict = await verifyPushToken(
      request.headers,
      {
        issuers: pubsub.issuers,
        jwksUrl: pubsub.jwksUrl,
        audience,
        ...(pubsub.serviceAccountEmail ? { serviceAccountEmail: pubsub.serviceAccountEmail } : {}),
      },
      { toleranceSec: Math.min(request.toleranceSec, 300) },
    );
    if (verdict.ok) return undefined;
    return webhookRefusal(
      verdict.code === 'keys_unavailable' ? 503 : 401,
      verdict.code,
      verdict.message,
    );
  },
  handle(request, connection) {
    const delivery = readPushDelivery(request.rawBody);
    if (!delivery.ok) return delivery;
    const { notification } = delivery;
    const credentials = CommercetoolsCredentialsSchema.safeParse(connection.credentials);
    const recorded = {
      ok: true,
      topic: notification.type,
      eventRef: notification.eventRef,
      payload: {
        pubsub: notification.pubsub,
        format: notification.format,
        message: notification.payload,
      },
    } as const;
    // Recorded, never refused: Pub/Sub would redeliver a refusal for a week.
    if (notification.isSubscriptionTest) return { ...recorded, topic: 'SubscriptionTest' };
    if (!credentials.success || notification.projectKey !== credentials.data.projectKey) {
      return { ...recorded, topic: `foreign-project:${notification.type}`.slice(0, 200) };
    }
    const facts = messageFacts(notification);
    if (!facts) return recorded;
    // The audit trail speaks in order numbers, as people ask about orders.
    const withOrder = { ...recorded, orderRef: notification.orderNumber ?? facts.orderId };
    if (facts.kind === 'order-other') {
      return { ...withOrder, intent: { kind: 'order.changed', orderRef: facts.orderId } };
    }
    return {
      ...withOrder,
      intent: {
        kind: 'store-parcels.changed',
        orderRef: facts.orderId,
        sequence: notification.sequenceNumber,
      },
    };
  },
};

export const commercetools = defineConnector({
  id: COMMERCETOOLS_PROVIDER,
  name: 'commercetools',
  roles: ['store'],
  credentials: CommercetoolsCredentialsSchema,
  settings: CommercetoolsSettingsSchema,
  secrets: (credentials, given) => ({
    ok: true,
    webhookSecret: given ?? newSecret(),
    accountKey: digest(`${credentials.projectKey}:${credentials.clientId}`),
  }),
  rotateSecret: (_credentials, given) => ({ ok: true, webhookSecret: given ?? newSecret() }),
  createClient: (connection, deps) => new CommercetoolsClient(clientOptions(connection, deps)),
  ports: { store: commercetoolsStorePlatform },
  webhook,
  /**
   * Sets the connection up at commercetools: the parcel Type (created or brought up to date),
   * and, with a Pub/Sub topic configured, the subscription publishing order messages to it.
   * The push subscription from that topic to `destination` is the merchant's, in Google Cloud.
   */
  async registerWebhooks(client, _destination, settings) {
    const type = await ensureParcelType(client, settings.parcelTypeKey);
    const typeLine = `type:${settings.parcelTypeKey}`;
    const registered = type.created || type.updated > 0 ? [typeLine] : [];
    const existing = registered.length === 0 ? [typeLine] : [];
    if (settings.pubsub) {
      const outcome = await syncSubscription(
        client,
        settings,
        settings.pubsub,
        ORDER_MESSAGE_TYPES,
      );
      (outcome === 'existing' ? existing : registered).push(
        `subscription:${settings.subscriptionKey}`,
      );
    }
    return { registered, existing };
  },
  manualWebhookSetup:
    'In Google Cloud, add a push subscription to the Pub/Sub topic of the connection settings, with authentication on and the connection webhook URL as endpoint and audience',
  polls: ['orders', 'parcels'],
});
