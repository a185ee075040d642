import { z } from 'zod';
import type { DeliveryPayload } from './schemas';

/** Where a CloudEvents notification's context attributes came from, and what they said. */
export interface CloudEventContext {
  /** `structured`: the CloudEvent JSON is the Pub/Sub data; `binary`: `ce-` attributes. */
  mode: 'structured' | 'binary';
  id: string;
  type: string;
  source: string;
  subject: string;
  time: string | null;
  /** The sequence number as CloudEvents carries it: a string of digits. */
  sequence: string | null;
  dataref: string | null;
}

/** A commercetools Subscription notification received through Pub/Sub, in one shape. */
export interface CommercetoolsNotification {
  format: 'Platform' | 'CloudEvents';
  /** 'Message' | 'ResourceCreated' | 'ResourceUpdated' | 'ResourceDeleted' */
  notificationType: string;
  /**
   * The commercetools message id for messages; `<typeId>:<resource id>:<version>` (+ ':deleted')
   * for change notifications; for the subscription's test message (a ResourceCreated of the
   * subscription itself), `subscription:<its id>:<version>`. Stable across redeliveries: the
   * de-duplication key.
   */
  eventRef: string;
  /** The message type (DeliveryAdded, ParcelTrackingDataUpdated, …), or the notificationType for changes. */
  type: string;
  projectKey: string;
  resource: { typeId: string; id: string };
  /** The resource's version after the change (resourceVersion for messages, version for changes). */
  resourceVersion: number | null;
  /** Per-resource order of messages; null for change notifications. */
  sequenceNumber: number | null;
  orderNumber: string | null;
  /** Set when commercetools left the message body out (too large): the reader fetches it. */
  payloadNotIncluded: { reason: string; payloadType: string } | null;
  /** The platform payload itself (message-specific fields included when present). */
  payload: Record<string, unknown>;
  /** Pub/Sub's own message id and publish time (a redelivery repeats them). */
  pubsub: {
    messageId: string;
    publishTime: string | null;
    subscription: string;
    /** Set by Pub/Sub only where the subscription has a dead-letter policy. */
    deliveryAttempt: number | null;
  };
  /** The CloudEvent's context attributes; null for the Platform format. */
  cloudEvent: CloudEventContext | null;
  /** Whether this is the test message commercetools sends when a subscription is created. */
  isSubscriptionTest: boolean;
}

const OrderCreatedLikeSchema = z.looseObject({
  order: z.looseObject({ orderNumber: z.string().max(256) }),
});

/** The de-duplication key of a payload; see `CommercetoolsNotification.eventRef`. */
export function notificationEventRef(payload: DeliveryPayload): string {
  if (payload.notificationType === 'Message') return payload.id;
  const ref = `${payload.resource.typeId}:${payload.resource.id}:${payload.version}`;
  return payload.notificationType === 'ResourceDeleted' ? `${ref}:deleted` : ref;
}

/** The message type, or the notification type for change notifications. */
export function notificationTypeName(payload: DeliveryPayload): string {
  if (payload.notificationType !== 'Message') return payload.notificationType;
  return payload.type ?? payload.payloadNotIncluded?.payloadType ?? payload.notificationType;
}

/** Builds the normalized notification from a validated payload and where it came from. */
export function toNotification(
  payload: DeliveryPayload,
  origin: { pubsub: CommercetoolsNotification['pubsub']; cloudEvent: CloudEventContext | null },
): CommercetoolsNotification {
  const isMessage = payload.notificationType === 'Message';
  const missing = isMessage ? payload.payloadNotIncluded : null;
  return {
    format: origin.cloudEvent ? 'CloudEvents' : 'Platform',
    notificationType: payload.notificationType,
    eventRef: notificationEventRef(payload),
    type: notificationTypeName(payload),
    projectKey: payload.projectKey,
    resource: { typeId: payload.resource.typeId, id: payload.resource.id },
    resourceVersion: isMessage ? payload.resourceVersion : payload.version,
    sequenceNumber: isMessage ? payload.sequenceNumber : null,
    orderNumber: orderNumberOf(payload),
    payloadNotIncluded: missing
      ? { reason: missing.reason, payloadType: missing.payloadType }
      : null,
    payload,
    pubsub: origin.pubsub,
    cloudEvent: origin.cloudEvent,
    isSubscriptionTest:
      payload.notificationType === 'ResourceCreated' && payload.resource.typeId === 'subscription',
  };
}

function orderNumberOf(payload: DeliveryPayload): string | null {
  if (payload.resource.typeId !== 'order') return null;
  const given = payload.resourceUserProvidedIdentifiers?.orderNumber;
  if (given) return given;
  const created = OrderCreatedLikeSchema.safeParse(payload);
  return created.success ? created.data.order.orderNumber : null;
}
