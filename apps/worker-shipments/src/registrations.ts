import type { Platform } from '@shiplink/app-kit';
import type { Registration } from '@shiplink/jobs';
import { shipmentWritebackProcessor } from './processors/shipment-writeback.processor';
import { shipmentsFetchProcessor } from './processors/shipments-fetch.processor';
import { shipmentsPollProcessor } from './processors/shipments-poll.processor';
import {
  storeParcelsPollProcessor,
  storeParcelsSyncProcessor,
} from './processors/store-parcels.processor';
import { storeShipmentSyncProcessor } from './processors/store-shipment-sync.processor';
import { ShipmentIntakeService } from './services/shipment-intake.service';
import { ShipmentWritebackService } from './services/shipment-writeback.service';
import { StoreParcelsService } from './services/store-parcels.service';
import { StoreShipmentService } from './services/store-shipment.service';

/** The processors this app runs, built on the platform. */
export const registrations = (platform: Platform): Registration[] => {
  const intake = new ShipmentIntakeService(platform);
  const storeShipments = new StoreShipmentService(platform);
  const parcels = new StoreParcelsService(platform, storeShipments);
  return [
    shipmentsFetchProcessor(intake),
    shipmentsPollProcessor(intake),
    shipmentWritebackProcessor(new ShipmentWritebackService(platform)),
    storeShipmentSyncProcessor(storeShipments),
    storeParcelsSyncProcessor(parcels),
    storeParcelsPollProcessor(parcels),
  ];
};
