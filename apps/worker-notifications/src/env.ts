import { envVars, parseEnv } from '@shiplink/config';
import { z } from 'zod';

/** What the notifications worker reads beyond the shared worker variables (app-kit `workerEnv`). */
export const notificationEnvShape = {
  /**
   * The SMTP server e-mail goes through (`smtp://user:pass@host:587`, `smtps://…:465`). Without
   * it e-mail notifications are recorded as skipped, never lost silently.
   */
  SMTP_URL: z.url({ protocol: /^smtps?$/ }).optional(),
  /** The sender when a store names none (its own `notifications.email.from` wins). */
  MAIL_FROM: z.email().default('no-reply@shiplink.invalid'),
  /** Where customers reach the tracking page app: every message links to it. */
  TRACKING_PAGE_URL: z.url(),
  /** News older than this is not sent (a parcel whose history arrives days late). */
  NOTIFICATION_MAX_AGE_HOURS: envVars.positiveInt.default(48),
};

export type NotificationEnv = ReturnType<typeof loadNotificationEnv>;

export function loadNotificationEnv(env: NodeJS.ProcessEnv = process.env) {
  return parseEnv(notificationEnvShape, env);
}
