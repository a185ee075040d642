import { handle, jobs } from '@shiplink/jobs';
import type { ShipmentIntakeService } from '../services/shipment-intake.service';

export const shipmentsFetchProcessor = (service: ShipmentIntakeService) =>
  handle(jobs.shipmentsFetch, (payload) => service.fetchBatch(payload));
