import { runWorkerApp } from '@shiplink/app-kit';
import { shipmentWritebackProcessor } from './processors/shipment-writeback.processor';
import { shipmentsFetchProcessor } from './processors/shipments-fetch.processor';
import { shipmentsPollProcessor } from './processors/shipments-poll.processor';
import { ShipmentIntakeService } from './services/shipment-intake.service';
import { ShipmentWritebackService } from './services/shipment-writeback.service';

runWorkerApp({
  service: 'worker-shipments',
  queue: 'shipments',
  registrations: (platform) => {
    const intake = new ShipmentIntakeService(platform);
    return [
      shipmentsFetchProcessor(intake),
      shipmentsPollProcessor(intake),
      shipmentWritebackProcessor(new ShipmentWritebackService(platform)),
    ];
  },
}).catch((error: unknown) => {
  process.stderr.write(`worker-shipments failed to start: ${String(error)}\n`);
  process.exit(1);
});
