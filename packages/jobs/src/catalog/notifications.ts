import { z } from 'zod';
import { jobKey, TrackingStatusSchema } from '@shiplink/domain';
import { defineJob } from '../define';
import { uuid } from './refs';

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

  /** One claimed message, sent (or skipped) once. */
  notificationSend: defineJob({
    queue: 'notifications',
    name: 'notification.send',
    schema: z.object({ notificationId: uuid }),
    jobId: (p) => jobKey('notification-send', p.notificationId),
  }),

  /** Delta poll of a messaging connection: messages whose delivery status never came back. */
  messagesPoll: defineJob({
    queue: 'notifications',
    name: 'messages.poll',
    schema: z.object({ connectionId: uuid }),
    jobId: (p) => jobKey('messages-poll', p.connectionId),
  }),
} as const;
