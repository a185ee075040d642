import { handle, jobs } from '@shiplink/jobs';
import type { ShipmentIntakeService } from '../services/shipment-intake.service';

export const shipmentsPollProcessor = (service: ShipmentIntakeService) =>
  handle(jobs.shipmentsPoll, (payload) => service.poll(payload));
