import {
  issueDetails,
  parseWebhookBody,
  readWebhookJson,
  webhookRefusal,
  type WebhookRefusal,
} from '../../descriptor';
import {
  toNotification,
  type CloudEventContext,
  type CommercetoolsNotification,
} from './notification';
import { PubSubPushSchema, type PubSubPushMessage } from './pubsub-schemas';
import {
  CLOUD_EVENT_TYPE,
  CloudEventAttributesSchema,
  DeliveryPayloadSchema,
  StructuredCloudEventSchema,
  SUPPORTED_NOTIFICATION_TYPES,
  type CloudEventAttributes,
  type DeliveryPayload,
} from './schemas';
import { decodeStrictBase64 } from './strict-base64';

/*
 * A commercetools Subscription with a GoogleCloudPubSub destination publishes each notification
 * as one Pub/Sub message; a push subscription POSTs it to the hub wrapped in Pub/Sub's envelope,
 * the notification base64-encoded in `message.data`. Three shapes arrive there:
 * - Platform format: `data` is the DeliveryPayload (`notificationType`, `resource`, …);
 * - CloudEvents, structured mode (what commercetools sends): `data` is the CloudEvent JSON with
 *   the DeliveryPayload in its `data`;
 * - CloudEvents, binary mode: the context attributes are `ce-*` Pub/Sub attributes and `data`
 *   is the DeliveryPayload.
 */

/** What `readPushDelivery` answers: the notification, or why the push is refused. */
export type PushDeliveryResult =
  { ok: true; notification: CommercetoolsNotification } | WebhookRefusal;

type Read<T> = { ok: true; value: T } | WebhookRefusal;
type JsonObject = Record<string, unknown>;
interface Unwrapped {
  payload: DeliveryPayload;
  cloudEvent: CloudEventContext | null;
}

/** The Pub/Sub attribute prefix of binary-mode CloudEvents context attributes. */
export const CLOUD_EVENT_ATTRIBUTE_PREFIX = 'ce-';

/**
 * Reads an (authenticated) Pub/Sub push request body as a commercetools notification. Pure: no
 * I/O. A body that is not a push envelope, data that is not strict base64 of a JSON object, or a
 * payload that is not a notification we read is refused with 400 (422 for unstorable JSON).
 */
export function readPushDelivery(rawBody: Buffer): PushDeliveryResult {
  const push = parseWebhookBody(rawBody, PubSubPushSchema, 'Pub/Sub push request');
  if (!push.ok) return push;
  const { message, subscription, deliveryAttempt } = push.data;
  const messageId = message.messageId ?? message.message_id;
  if (messageId === undefined) {
    return webhookRefusal(400, 'invalid_payload', 'the Pub/Sub message has no messageId');
  }

  const data = readMessageData(message);
  if (!data.ok) return data;
  const unwrapped = unwrap(message.attributes ?? {}, data.value);
  if (!unwrapped.ok) return unwrapped;

  return {
    ok: true,
    notification: toNotification(unwrapped.value.payload, {
      pubsub: {
        messageId,
        publishTime: message.publishTime ?? message.publish_time ?? null,
        subscription,
        deliveryAttempt: deliveryAttempt ?? null,
      },
      cloudEvent: unwrapped.value.cloudEvent,
    }),
  };
}

/** Tells the three formats apart: `ce-specversion` attribute, `specversion` in data, or neither. */
function unwrap(attributes: Record<string, string>, data: JsonObject): Read<Unwrapped> {
  if (`${CLOUD_EVENT_ATTRIBUTE_PREFIX}specversion` in attributes) {
    return readBinaryCloudEvent(attributes, data);
  }
  if ('specversion' in data) return readStructuredCloudEvent(data);
  const payload = readPayload(data, 'message.data');
  return payload.ok ? { ok: true, value: { payload: payload.value, cloudEvent: null } } : payload;
}

/** `message.data`, decoded from strict base64 and read as a JSON object. */
function readMessageData(message: PubSubPushMessage): Read<JsonObject> {
  if (message.data === undefined || message.data === '') {
    return webhookRefusal(400, 'invalid_payload', 'the Pub/Sub message carries no data');
  }
  const bytes = decodeStrictBase64(message.data);
  if (!bytes) return webhookRefusal(400, 'invalid_payload', 'message.data is not valid base64');
  const json = readWebhookJson(bytes);
  if (!json.ok) {
    return webhookRefusal(
      json.status,
      json.code,
      json.message.replace(/^request body/, 'message.data'),
    );
  }
  if (!isJsonObject(json.body)) {
    return webhookRefusal(400, 'invalid_payload', 'message.data is not a JSON object');
  }
  return { ok: true, value: json.body };
}

/** A Platform-format payload of a kind we read. */
function readPayload(data: JsonObject, where: string): Read<DeliveryPayload> {
  const kind = data.notificationType;
  if (typeof kind !== 'string') {
    return webhookRefusal(
      400,
      'invalid_payload',
      `${where} is not a commercetools notification (no notificationType)`,
    );
  }
  if (!(SUPPORTED_NOTIFICATION_TYPES as readonly string[]).includes(kind)) {
    return webhookRefusal(
      400,
      'unsupported_notification',
      `${where} is a commercetools notification of a kind not read here (${kind.slice(0, 40)})`,
    );
  }
  const parsed = DeliveryPayloadSchema.safeParse(data);
  if (!parsed.success) {
    return webhookRefusal(
      400,
      'invalid_payload',
      `${where} is not a commercetools ${kind} notification`,
      issueDetails(parsed.error),
    );
  }
  return { ok: true, value: parsed.data };
}

function readStructuredCloudEvent(data: JsonObject): Read<Unwrapped> {
  const event = StructuredCloudEventSchema.safeParse(data);
  if (!event.success) {
    return webhookRefusal(
      400,
      'invalid_payload',
      'message.data is not a commercetools CloudEvent',
      issueDetails(event.error),
    );
  }
  const { data: inner, ...attributes } = event.data;
  return withCloudEvent(attributes, inner, 'structured', 'message.data.data');
}

function readBinaryCloudEvent(
  attributes: Record<string, string>,
  data: JsonObject,
): Read<Unwrapped> {
  const context: Record<string, string> = {};
  for (const [key, value] of Object.entries(attributes)) {
    if (key.startsWith(CLOUD_EVENT_ATTRIBUTE_PREFIX)) {
      context[key.slice(CLOUD_EVENT_ATTRIBUTE_PREFIX.length)] = value;
    }
  }
  const parsed = CloudEventAttributesSchema.safeParse(context);
  if (!parsed.success) {
    return webhookRefusal(
      400,
      'invalid_payload',
      'the ce- attributes are not a commercetools CloudEvent',
      issueDetails(parsed.error).map((detail) => `${CLOUD_EVENT_ATTRIBUTE_PREFIX}${detail}`),
    );
  }
  return withCloudEvent(parsed.data, data, 'binary', 'message.data');
}

function withCloudEvent(
  attributes: CloudEventAttributes,
  data: JsonObject,
  mode: CloudEventContext['mode'],
  where: string,
): Read<Unwrapped> {
  const payload = readPayload(data, where);
  if (!payload.ok) return payload;
  const mismatch = cloudEventMismatch(attributes, payload.value);
  if (mismatch) {
    return webhookRefusal(
      400,
      'invalid_payload',
      `the CloudEvent contradicts its data: ${mismatch}`,
    );
  }
  return {
    ok: true,
    value: {
      payload: payload.value,
      cloudEvent: {
        mode,
        id: attributes.id,
        type: attributes.type,
        source: attributes.source,
        subject: attributes.subject,
        time: attributes.time ?? null,
        sequence: attributes.sequence ?? null,
        dataref: attributes.dataref ?? null,
      },
    },
  };
}

/**
 * The CloudEvent's `type`, `subject` and `sequence` restate the payload; a disagreement means
 * the event was not built by commercetools, and ordering or de-duplication could go wrong.
 */
function cloudEventMismatch(
  attributes: CloudEventAttributes,
  payload: DeliveryPayload,
): string | undefined {
  const [, typeId, kind, name] = CLOUD_EVENT_TYPE.exec(attributes.type) ?? [];
  if (typeId !== payload.resource.typeId) return 'type names another resource type';
  const isMessage = payload.notificationType === 'Message';
  if ((kind === 'message') !== isMessage) return 'type says message/change the other way round';
  const payloadName = isMessage
    ? (payload.type ?? payload.payloadNotIncluded?.payloadType)
    : payload.notificationType;
  if (name !== payloadName) return 'type names another message type';
  if (attributes.subject !== payload.resource.id) return 'subject is not the resource id';
  if (attributes.sequence !== undefined && isMessage) {
    if (Number(attributes.sequence) !== payload.sequenceNumber) {
      return 'sequence is not the sequenceNumber';
    }
  }
  return undefined;
}

function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
