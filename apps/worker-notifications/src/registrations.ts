import type { Platform } from '@shiplink/app-kit';
import type { Registration } from '@shiplink/jobs';
import { loadNotificationEnv, type NotificationEnv } from './env';
import { notificationSendProcessor } from './processors/notification-send.processor';
import { notificationTriggerProcessor } from './processors/notification-trigger.processor';
import { EmailChannel } from './services/email-channel';
import { NotificationSendService } from './services/notification-send.service';
import { NotificationTriggerService } from './services/notification-trigger.service';

/** The processors this app runs, built on the platform. */
export const registrations = (
  platform: Platform,
  env: NotificationEnv = loadNotificationEnv(),
): Registration[] => {
  const email = new EmailChannel(env.SMTP_URL);
  return [
    notificationTriggerProcessor(
      new NotificationTriggerService(platform, { maxAgeHours: env.NOTIFICATION_MAX_AGE_HOURS }),
    ),
    notificationSendProcessor(
      new NotificationSendService(platform, email, {
        trackingPageUrl: env.TRACKING_PAGE_URL,
        mailFrom: env.MAIL_FROM,
      }),
    ),
  ];
};
