import type { Platform } from '@shiplink/app-kit';
import type { Registration } from '@shiplink/jobs';
import {
  parcelReturnedProcessor,
  returnReportedProcessor,
} from './processors/return-intake.processor';
import { refundIssueProcessor } from './processors/refund-issue.processor';
import { RefundService } from './services/refund.service';
import { ReturnIntakeService } from './services/return-intake.service';

/** The processors this app runs, built on the platform. */
export const registrations = (platform: Platform): Registration[] => {
  const intake = new ReturnIntakeService(platform);
  return [
    returnReportedProcessor(intake),
    parcelReturnedProcessor(intake),
    refundIssueProcessor(new RefundService(platform)),
  ];
};
