import { handle, jobs } from '@shiplink/jobs';
import type { StockPollService } from '../services/stock-poll.service';

export const stockPollProcessor = (service: StockPollService) =>
  handle(jobs.stockPoll, (payload) => service.poll(payload));
