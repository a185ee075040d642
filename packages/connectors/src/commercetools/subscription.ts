import type { CommercetoolsClient } from './client';
import { ORDER_CREATED_MESSAGE_TYPES, ORDER_SHIPPING_MESSAGE_TYPES } from './push';
import type { CommercetoolsSubscription } from './schemas';
import type { CommercetoolsSettings } from './settings';

/**
 * The order messages the hub subscribes to: new orders, their deliveries, parcels and returns,
 * and the state changes an import acts on. Not `OrderShipmentStateChanged`: the hub writes that
 * state itself, and would only hear its own writes back.
 */
export const ORDER_MESSAGE_TYPES: readonly string[] = [
  ...ORDER_CREATED_MESSAGE_TYPES,
  ...ORDER_SHIPPING_MESSAGE_TYPES,
  'OrderStateChanged',
  'OrderPaymentStateChanged',
  'OrderDeleted',
];

type PubSub = NonNullable<CommercetoolsSettings['pubsub']>;

/** The subscription the hub wants: order messages, to the connection's Pub/Sub topic. */
export function subscriptionDraft(
  settings: CommercetoolsSettings,
  pubsub: PubSub,
  types: readonly string[],
) {
  return {
    key: settings.subscriptionKey,
    destination: {
      type: 'GoogleCloudPubSub',
      projectId: pubsub.projectId,
      topic: pubsub.topic,
    },
    messages: [{ resourceTypeId: 'order', types: [...types] }],
    format:
      settings.format === 'CloudEvents'
        ? { type: 'CloudEvents', cloudEventsVersion: '1.0' }
        : { type: 'Platform' },
  };
}

function matches(existing: CommercetoolsSubscription, draft: ReturnType<typeof subscriptionDraft>) {
  const destination = existing.destination as Record<string, unknown>;
  const orders = existing.messages.find((entry) => entry.resourceTypeId === 'order');
  const types = new Set(orders?.types ?? []);
  return (
    destination.type === draft.destination.type &&
    destination.projectId === draft.destination.projectId &&
    destination.topic === draft.destination.topic &&
    (existing.format?.type ?? 'Platform') === draft.format.type &&
    draft.messages[0]?.types.every((type) => types.has(type)) === true
  );
}

/**
 * The hub's subscription as the settings describe it: kept when it is so already, replaced
 * (deleted, then created) when its topic, format or message types changed.
 */
export async function syncSubscription(
  client: CommercetoolsClient,
  settings: CommercetoolsSettings,
  pubsub: PubSub,
  types: readonly string[],
): Promise<'existing' | 'registered'> {
  const draft = subscriptionDraft(settings, pubsub, types);
  const existing = await client.subscriptionByKey(draft.key);
  if (existing && matches(existing, draft)) return 'existing';
  if (existing) await client.deleteSubscription(draft.key, existing.version);
  await client.createSubscription(draft);
  return 'registered';
}
