import { z } from 'zod';
import { jobKey, MESSAGE_DELIVERY_STATUSES, TrackingStatusSchema } from '@shiplink/domain';
import { defineJob } from '../define';
import { externalRef, trigger, uuid } from './refs';

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
