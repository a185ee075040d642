import { z } from 'zod';
import {
  digest,
  jobKey,
  MESSAGE_DELIVERY_STATUSES,
  OrderNotificationFactsSchema,
  OrderNotificationTriggerSchema,
  TrackingStatusSchema,
} from '@shiplink/domain';
import { defineJob } from '../define';
import { externalRef, trigger, uuid } from './refs';

/**
 * A caller's reference as a job id part: as it is when job ids keep it intact, else a digest
 * (`jobKey` would turn `r.1` and `r_1` into one id, and the second job would never run).
 */
const refPart = (ref: string) => (/^[A-Za-z0-9_-]{1,100}$/.test(ref) ? ref : digest(ref));

/** The `notifications` queue: messages to customers (e-mail, SMS) and their delivery. */
export const notificationJobs = {
  /**
   * A parcel moved to a status customers may hear about (the newest of a batch): the store's
   * rules decide whom to tell on which channels. One job per tracking and status.
   */
  notificationTrigger: defineJob({
    queue: 'notifications',
    name: 'notification.trigger',
    schema: z.object({
      trackingId: uuid,
      status: TrackingStatusSchema,
      occurredAt: z.iso.datetime({ offset: true }),
    }),
    jobId: (p) => jobKey('notification-trigger', p.trackingId, p.status),
  }),

  /**
   * Something happened to an order that its customer hears about (an exception at the fulfilment
   * system, a return received, a refund issued): the store's rules decide on which channels.
   * `subjectRef` is what makes the news distinct (the exception's or the refund's id): one
   * message per order, subjectRef, trigger and channel, however often this is enqueued. `facts`
   * are what the message may say beyond the order (amount, currency, items), never free text.
   */
  orderNotify: defineJob({
    queue: 'notifications',
    name: 'order.notify',
    schema: z.object({
      orderId: uuid,
      trigger: OrderNotificationTriggerSchema,
      subjectRef: externalRef,
      facts: OrderNotificationFactsSchema.default({}),
    }),
    jobId: (p) => jobKey('order-notify', p.orderId, p.trigger, refPart(p.subjectRef)),
  }),

  /**
   * One claimed message, sent (or skipped) once. A message held back for quiet hours is a job of
   * its own, due at `notBefore`.
   */
  notificationSend: defineJob({
    queue: 'notifications',
    name: 'notification.send',
    schema: z.object({
      notificationId: uuid,
      notBefore: z.iso.datetime({ offset: true }).optional(),
    }),
    jobId: (p) =>
      p.notBefore
        ? jobKey('notification-send', p.notificationId, p.notBefore)
        : jobKey('notification-send', p.notificationId),
  }),

  /** The provider's word on a sent message's delivery (a status callback). */
  messageStatus: defineJob({
    queue: 'notifications',
    name: 'message.status',
    schema: z.object({
      connectionId: uuid,
      providerRef: externalRef,
      status: z.enum(MESSAGE_DELIVERY_STATUSES),
      errorCode: z.number().int().nullable(),
    }),
    jobId: (p) => jobKey('message-status', p.connectionId, p.providerRef, p.status),
  }),

  /**
   * A recipient texted the store's sender STOP (or START). Only the recipient's hash travels:
   * opt-outs are kept by it, and a phone number has no business in a queue.
   */
  messageOptOut: defineJob({
    queue: 'notifications',
    name: 'message.opt-out',
    schema: z.object({
      connectionId: uuid,
      recipientHash: z.string().regex(/^[0-9a-f]{64}$/),
      optedOut: z.boolean(),
      trigger,
    }),
    jobId: (p) => jobKey('message-opt-out', p.connectionId, p.recipientHash, p.trigger),
  }),

  /** Delta poll of a messaging connection: messages whose delivery status never came back. */
  messagesPoll: defineJob({
    queue: 'notifications',
    name: 'messages.poll',
    schema: z.object({ connectionId: uuid }),
    jobId: (p) => jobKey('messages-poll', p.connectionId),
  }),
} as const;
