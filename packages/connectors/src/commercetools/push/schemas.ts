import { z } from 'zod';

/*
 * commercetools Subscription payloads (DeliveryPayload and its kinds) and the CloudEvents 1.0
 * envelope around them, from the API reference (`MessageDeliveryPayload`,
 * `Resource{Created,Updated,Deleted}DeliveryPayload`, `PayloadNotIncluded`,
 * `UserProvidedIdentifiers`, `CloudEventsPayload`). Strict on what the hub relies on (the
 * resource, ids, versions, sequence numbers); loose objects everywhere, so fields commercetools
 * adds, and each message type's own fields, are kept.
 */

const MAX_ID = 256;
const time = z.string().max(64);
const id = z.string().min(1).max(MAX_ID);
/** Resource versions and sequence numbers count from 1. */
const counter = z.int().positive();

/** A reference to the resource a notification is about: `{typeId: "order", id}`. */
export const ResourceReferenceSchema = z.looseObject({
  typeId: z
    .string()
    .max(64)
    .regex(/^[a-z][a-z0-9-]*$/, 'not a commercetools reference type id'),
  id,
});

/** The resource's user-defined identifiers, where it has any. */
export const UserProvidedIdentifiersSchema = z.looseObject({
  key: z.string().max(MAX_ID).optional(),
  externalId: z.string().max(MAX_ID).optional(),
  orderNumber: z.string().max(MAX_ID).optional(),
  customerNumber: z.string().max(MAX_ID).optional(),
  sku: z.string().max(MAX_ID).optional(),
});

/** Present instead of a message's own fields when they did not fit the destination's limit. */
export const PayloadNotIncludedSchema = z.looseObject({
  reason: z.string().max(1_000),
  payloadType: z.string().min(1).max(MAX_ID),
});

const deliveryPayloadFields = {
  projectKey: z.string().min(1).max(MAX_ID),
  resource: ResourceReferenceSchema,
  resourceUserProvidedIdentifiers: UserProvidedIdentifiersSchema.nullish(),
};

/** A Message Subscription's payload: the message itself (or `payloadNotIncluded`). */
export const MessageDeliveryPayloadSchema = z
  .looseObject({
    notificationType: z.literal('Message'),
    ...deliveryPayloadFields,
    id,
    version: counter.optional(),
    sequenceNumber: counter,
    resourceVersion: counter,
    type: z.string().min(1).max(MAX_ID).optional(),
    createdAt: time.optional(),
    lastModifiedAt: time.optional(),
    payloadNotIncluded: PayloadNotIncludedSchema.nullish(),
  })
  .refine((message) => message.type !== undefined || message.payloadNotIncluded, {
    message: 'a message needs a type (or payloadNotIncluded.payloadType)',
    path: ['type'],
  });
export type MessageDeliveryPayload = z.infer<typeof MessageDeliveryPayloadSchema>;

/** A Change Subscription's payload for a new resource (also the subscription's test message). */
export const ResourceCreatedDeliveryPayloadSchema = z.looseObject({
  notificationType: z.literal('ResourceCreated'),
  ...deliveryPayloadFields,
  version: counter,
  modifiedAt: time.optional(),
});

/** A Change Subscription's payload for a changed resource. */
export const ResourceUpdatedDeliveryPayloadSchema = z.looseObject({
  notificationType: z.literal('ResourceUpdated'),
  ...deliveryPayloadFields,
  version: counter,
  oldVersion: counter.optional(),
  modifiedAt: time.optional(),
});

/** A Change Subscription's payload for a deleted resource. */
export const ResourceDeletedDeliveryPayloadSchema = z.looseObject({
  notificationType: z.literal('ResourceDeleted'),
  ...deliveryPayloadFields,
  version: counter,
  modifiedAt: time.optional(),
  dataErasure: z.boolean().optional(),
});

/** The notification kinds this hub reads (Event payloads of Checkout/Import are not among them). */
export const SUPPORTED_NOTIFICATION_TYPES = [
  'Message',
  'ResourceCreated',
  'ResourceUpdated',
  'ResourceDeleted',
] as const;

/** Any Platform-format payload the hub reads, told apart by `notificationType`. */
export const DeliveryPayloadSchema = z.discriminatedUnion('notificationType', [
  MessageDeliveryPayloadSchema,
  ResourceCreatedDeliveryPayloadSchema,
  ResourceUpdatedDeliveryPayloadSchema,
  ResourceDeletedDeliveryPayloadSchema,
]);
export type DeliveryPayload = z.infer<typeof DeliveryPayloadSchema>;

/** `com.commercetools.<typeId>.<message|change>.<MessageType|ResourceCreated|…>`. */
export const CLOUD_EVENT_TYPE = /^com\.commercetools\.([a-z][a-z0-9-]*)\.(message|change)\.(\w+)$/;

/** The context attributes of a commercetools CloudEvent (structured body or `ce-` attributes). */
export const CloudEventAttributesSchema = z.looseObject({
  specversion: z.literal('1.0'),
  id,
  type: z.string().max(300).regex(CLOUD_EVENT_TYPE, 'not a commercetools CloudEvent type'),
  source: z.string().min(1).max(1_024),
  subject: id,
  time: time.optional(),
  /** The message's sequenceNumber, as a string of digits (CloudEvents attributes are strings). */
  sequence: z
    .string()
    .regex(/^[1-9][0-9]{0,15}$/, 'not a positive integer in digits')
    .refine((digits) => Number.isSafeInteger(Number(digits)), 'too large')
    .optional(),
  sequencetype: z.string().max(64).optional(),
  dataref: z.string().max(2_048).optional(),
});
export type CloudEventAttributes = z.infer<typeof CloudEventAttributesSchema>;

/** A structured-mode CloudEvent: the attributes and the Platform payload in `data`. */
export const StructuredCloudEventSchema = CloudEventAttributesSchema.extend({
  data: z.record(z.string(), z.unknown()),
});
