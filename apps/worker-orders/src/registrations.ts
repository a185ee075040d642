import type { Platform } from '@shiplink/app-kit';
import type { Registration } from '@shiplink/jobs';
import { fulfilmentOrderSyncProcessor } from './processors/fulfilment-order-sync.processor';
import { orderImportProcessor } from './processors/order-import.processor';
import { ordersPollProcessor } from './processors/orders-poll.processor';
import { reviewsRecheckProcessor } from './processors/reviews-recheck.processor';
import { FulfilmentOrderSyncService } from './services/fulfilment-order-sync.service';
import { OrderImportService } from './services/order-import.service';
import { OrdersPollService } from './services/orders-poll.service';
import { ReviewsRecheckService } from './services/reviews-recheck.service';

/** The processors this app runs, built on the platform. */
export const registrations = (platform: Platform): Registration[] => [
  orderImportProcessor(new OrderImportService(platform)),
  ordersPollProcessor(new OrdersPollService(platform)),
  fulfilmentOrderSyncProcessor(new FulfilmentOrderSyncService(platform)),
  reviewsRecheckProcessor(new ReviewsRecheckService(platform)),
];
