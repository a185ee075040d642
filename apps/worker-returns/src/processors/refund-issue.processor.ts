import { handle, jobs } from '@shiplink/jobs';
import type { RefundService } from '../services/refund.service';

export const refundIssueProcessor = (service: RefundService) =>
  handle(jobs.refundIssue, (payload) => service.issue(payload));
