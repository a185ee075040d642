import type { Platform } from '@shiplink/app-kit';
import type { Registration } from '@shiplink/jobs';
import { carrierShipmentNoteProcessor } from './processors/carrier-shipment-note.processor';
import { fulfilmentOrderSyncProcessor } from './processors/fulfilment-order-sync.processor';
import { orderImportProcessor } from './processors/order-import.processor';
import { ordersPollProcessor } from './processors/orders-poll.processor';
import { reviewsRecheckProcessor } from './processors/reviews-recheck.processor';
import { CarrierShipmentNoteService } from './services/carrier-shipment-note.service';
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
  carrierShipmentNoteProcessor(new CarrierShipmentNoteService(platform)),
];
