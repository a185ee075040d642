import { z } from 'zod';

/*
 * The JSON a Pub/Sub push subscription POSTs (unwrapped payloads off):
 * `{"message": {"attributes", "data" (base64), "messageId", "publishTime", "orderingKey"?},
 *   "subscription": "projects/<p>/subscriptions/<s>", "deliveryAttempt"?}`. Google sends the ids
 * and times in both camelCase and snake_case; either is accepted.
 */

/** Pub/Sub's own message size limit is 10 MB; its base64 is a third larger. */
export const MAX_PUBSUB_DATA_CHARS = 14_000_000;

const id = z.string().min(1).max(200);
const time = z.string().max(64);

/** Pub/Sub's attribute limits: 100 attributes, 256-byte keys, 1024-byte values. */
export const PubSubAttributesSchema = z
  .record(z.string().min(1).max(256), z.string().max(1_024))
  .refine((attributes) => Object.keys(attributes).length <= 100, {
    message: 'more than 100 attributes',
  });

export const PubSubPushMessageSchema = z
  .looseObject({
    attributes: PubSubAttributesSchema.nullish(),
    data: z.string().max(MAX_PUBSUB_DATA_CHARS).optional(),
    messageId: id.optional(),
    message_id: id.optional(),
    publishTime: time.optional(),
    publish_time: time.optional(),
    orderingKey: z.string().max(1_024).optional(),
  })
  .refine((message) => message.messageId !== undefined || message.message_id !== undefined, {
    message: 'the message has no messageId',
    path: ['messageId'],
  });
export type PubSubPushMessage = z.infer<typeof PubSubPushMessageSchema>;

/** The body of a push request. */
export const PubSubPushSchema = z.looseObject({
  message: PubSubPushMessageSchema,
  subscription: z.string().min(1).max(512),
  deliveryAttempt: z.int().positive().optional(),
});
export type PubSubPush = z.infer<typeof PubSubPushSchema>;
