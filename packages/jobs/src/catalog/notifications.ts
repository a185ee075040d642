import { z } from 'zod';
import { jobKey } from '@shiplink/domain';
import { defineJob } from '../define';
import { uuid } from './refs';

/** The `notifications` queue: messages to customers (e-mail, SMS) and their delivery. */
export const notificationJobs = {
  /** Delta poll of a messaging connection: messages whose delivery status never came back. */
  messagesPoll: defineJob({
    queue: 'notifications',
    name: 'messages.poll',
    schema: z.object({ connectionId: uuid }),
    jobId: (p) => jobKey('messages-poll', p.connectionId),
  }),
} as const;
