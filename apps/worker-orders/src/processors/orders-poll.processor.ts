import { handle, jobs } from '@shiplink/jobs';
import type { OrdersPollService } from '../services/orders-poll.service';

export const ordersPollProcessor = (service: OrdersPollService) =>
  handle(jobs.ordersPoll, (payload) => service.poll(payload));
