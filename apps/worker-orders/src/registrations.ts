import type { Platform } from '@shiplink/app-kit';
import type { Registration } from '@shiplink/jobs';
import { carrierShipmentNoteProcessor } from './processors/carrier-shipment-note.processor';
import {
  fulfilmentOrdersFetchProcessor,
  fulfilmentOrdersPollProcessor,
  fulfilmentOrderSyncProcessor,
} from './processors/fulfilment-order-sync.processor';
import { orderImportProcessor } from './processors/order-import.processor';
import { ordersPollProcessor } from './processors/orders-poll.processor';
import { reviewsRecheckProcessor } from './processors/reviews-recheck.processor';
import { CarrierShipmentNoteService } from './services/carrier-shipment-note.service';
import { FulfilmentChangeService } from './services/fulfilment-change.service';
import { OrderImportService } from './services/order-import.service';
import { OrdersPollService } from './services/orders-poll.service';
import { ReviewsRecheckService } from './services/reviews-recheck.service';

/** The processors this app runs, built on the platform. */
export const registrations = (platform: Platform): Registration[] => {
  const changes = new FulfilmentChangeService(platform);
  return [
    orderImportProcessor(new OrderImportService(platform)),
    ordersPollProcessor(new OrdersPollService(platform)),
    fulfilmentOrderSyncProcessor(changes),
    fulfilmentOrdersFetchProcessor(changes),
    fulfilmentOrdersPollProcessor(changes),
    reviewsRecheckProcessor(new ReviewsRecheckService(platform)),
    carrierShipmentNoteProcessor(new CarrierShipmentNoteService(platform)),
  ];
};
