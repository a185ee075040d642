import { handle, jobs } from '@shiplink/jobs';
import type { MessageReportsService } from '../services/message-reports.service';

export const messageStatusProcessor = (service: MessageReportsService) =>
  handle(jobs.messageStatus, (payload) => service.status(payload));

export const messageOptOutProcessor = (service: MessageReportsService) =>
  handle(jobs.messageOptOut, (payload) => service.optOut(payload));

export const messagesPollProcessor = (service: MessageReportsService) =>
  handle(jobs.messagesPoll, (payload) => service.poll(payload));
