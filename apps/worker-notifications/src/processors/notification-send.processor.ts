import { handle, jobs } from '@shiplink/jobs';
import type { NotificationSendService } from '../services/notification-send.service';

export const notificationSendProcessor = (service: NotificationSendService) =>
  handle(jobs.notificationSend, (payload) => service.send(payload));
