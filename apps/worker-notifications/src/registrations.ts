import type { Platform } from '@shiplink/app-kit';
import type { Registration } from '@shiplink/jobs';
import { loadNotificationEnv, type NotificationEnv } from './env';
import {
  messageOptOutProcessor,
  messagesPollProcessor,
  messageStatusProcessor,
} from './processors/message-reports.processor';
import { notificationSendProcessor } from './processors/notification-send.processor';
import { notificationTriggerProcessor } from './processors/notification-trigger.processor';
import { orderNotifyProcessor } from './processors/order-notify.processor';
import { EmailChannel } from './services/email-channel';
import { EmailDelivery } from './services/email-delivery';
import { MessageReportsService } from './services/message-reports.service';
import { NotificationSendService } from './services/notification-send.service';
import { NotificationTriggerService } from './services/notification-trigger.service';
import { OrderNotificationService } from './services/order-notification.service';
import { SmsDelivery } from './services/sms-delivery';

/** The processors this app runs, built on the platform. */
export const registrations = (
  platform: Platform,
  env: NotificationEnv = loadNotificationEnv(),
): Registration[] => {
  const deliveries = {
    email: new EmailDelivery(platform, new EmailChannel(env.SMTP_URL), env.MAIL_FROM),
    sms: new SmsDelivery(platform),
  };
  const reports = new MessageReportsService(platform);
  return [
    notificationTriggerProcessor(
      new NotificationTriggerService(platform, { maxAgeHours: env.NOTIFICATION_MAX_AGE_HOURS }),
    ),
    orderNotifyProcessor(new OrderNotificationService(platform)),
    notificationSendProcessor(
      new NotificationSendService(platform, deliveries, {
        trackingPageUrl: env.TRACKING_PAGE_URL,
      }),
    ),
    messageStatusProcessor(reports),
    messageOptOutProcessor(reports),
    messagesPollProcessor(reports),
  ];
};
