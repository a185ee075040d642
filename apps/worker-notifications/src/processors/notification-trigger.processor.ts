import { handle, jobs } from '@shiplink/jobs';
import type { NotificationTriggerService } from '../services/notification-trigger.service';

export const notificationTriggerProcessor = (service: NotificationTriggerService) =>
  handle(jobs.notificationTrigger, (payload) => service.handle(payload));
