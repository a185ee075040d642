import { randomUUID } from 'node:crypto';
import type { ChangeNotice } from './events';
import type { MessageRecord, SubscriptionRecord } from './records';

/**
 * What a Subscription delivers, in its format:
 * - Platform: MessageDeliveryPayload, the message with `notificationType: "Message"` and
 *   `projectKey` (without the beta createdBy/lastModifiedBy, as the reference's example), or a
 *   Resource{Created,Updated,Deleted}DeliveryPayload for changes. A message too large for the
 *   destination keeps only the delivery fields and says `payloadNotIncluded: { reason,
 *   payloadType }` instead of its own fields.
 * - CloudEvents 1.0 (JSON event format): `{ specversion, id, type:
 *   "com.commercetools.<typeId>.message.<Type>" | ".change.<notificationType>", source:
 *   "/<projectKey>/<resources>", subject: <resource id>, time, sequence, sequencetype: "Integer",
 *   dataref: "/<projectKey>/messages/<id>", data: <the Platform payload> }`; `sequence`,
 *   `sequencetype` and `dataref` only for messages.
 */

/** The REST collection of a resource type, for CloudEvents `source`. */
const COLLECTIONS: Record<string, string> = {
  order: 'orders',
  type: 'types',
  subscription: 'subscriptions',
  product: 'products',
  'inventory-entry': 'inventory',
  customer: 'customers',
  cart: 'carts',
  payment: 'payments',
  store: 'stores',
};

const collectionOf = (typeId: string): string => COLLECTIONS[typeId] ?? `${typeId}s`;

/** The reason the platform gives (PayloadNotIncluded example). */
export const PAYLOAD_TOO_LARGE = 'Payload too large.';

/** The delivery fields every message payload keeps. */
function deliveryFields(projectKey: string, message: MessageRecord): Record<string, unknown> {
  return {
    notificationType: 'Message',
    projectKey,
    id: message.id,
    version: message.version,
    sequenceNumber: message.sequenceNumber,
    resource: message.resource,
    resourceVersion: message.resourceVersion,
    resourceUserProvidedIdentifiers: message.resourceUserProvidedIdentifiers,
  };
}

/** The Platform payload of a message, in full. */
export function messagePayload(
  projectKey: string,
  message: MessageRecord,
): Record<string, unknown> {
  const { createdBy: _createdBy, lastModifiedBy: _lastModifiedBy, ...fields } = message;
  const { id: _id, version: _version, sequenceNumber: _seq, resource: _res, ...rest } = fields;
  return { ...deliveryFields(projectKey, message), ...rest };
}

/** The Platform payload of a message that does not fit: its own fields left out. */
export function payloadNotIncluded(
  projectKey: string,
  message: MessageRecord,
): Record<string, unknown> {
  return {
    ...deliveryFields(projectKey, message),
    createdAt: message.createdAt,
    lastModifiedAt: message.lastModifiedAt,
    payloadNotIncluded: { reason: PAYLOAD_TOO_LARGE, payloadType: message.type },
  };
}

/** The Platform payload of a change notice. */
export function changePayload(projectKey: string, change: ChangeNotice): Record<string, unknown> {
  return {
    notificationType: change.notificationType,
    projectKey,
    resource: change.resource,
    resourceUserProvidedIdentifiers: change.resourceUserProvidedIdentifiers,
    version: change.version,
    ...(change.oldVersion !== undefined ? { oldVersion: change.oldVersion } : {}),
    modifiedAt: change.modifiedAt,
  };
}

/** A message's CloudEvent around its Platform payload. */
export function messageCloudEvent(
  projectKey: string,
  message: MessageRecord,
  data: Record<string, unknown>,
): Record<string, unknown> {
  return {
    specversion: '1.0',
    id: message.id,
    type: `com.commercetools.${message.resource.typeId}.message.${message.type}`,
    source: `/${projectKey}/${collectionOf(message.resource.typeId)}`,
    subject: message.resource.id,
    time: message.createdAt,
    sequence: String(message.sequenceNumber),
    sequencetype: 'Integer',
    dataref: `/${projectKey}/messages/${message.id}`,
    data,
  };
}

/** A change notice's CloudEvent. */
export function changeCloudEvent(
  projectKey: string,
  change: ChangeNotice,
): Record<string, unknown> {
  return {
    specversion: '1.0',
    id: randomUUID(),
    type: `com.commercetools.${change.resource.typeId}.change.${change.notificationType}`,
    source: `/${projectKey}/${collectionOf(change.resource.typeId)}`,
    subject: change.resource.id,
    time: change.modifiedAt,
    data: changePayload(projectKey, change),
  };
}

/** Whether the subscription asked for this message. */
export const wantsMessage = (subscription: SubscriptionRecord, message: MessageRecord): boolean =>
  subscription.messages.some(
    (entry) =>
      entry.resourceTypeId === message.resource.typeId &&
      (entry.types === undefined || entry.types.length === 0 || entry.types.includes(message.type)),
  );

/** Whether the subscription asked for changes of this resource type. */
export const wantsChange = (subscription: SubscriptionRecord, change: ChangeNotice): boolean =>
  subscription.changes.some((entry) => entry.resourceTypeId === change.resource.typeId);
