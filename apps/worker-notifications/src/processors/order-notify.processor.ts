import { handle, jobs } from '@shiplink/jobs';
import type { OrderNotificationService } from '../services/order-notification.service';

export const orderNotifyProcessor = (service: OrderNotificationService) =>
  handle(jobs.orderNotify, (payload) => service.handle(payload));
