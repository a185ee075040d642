import { handle, jobs } from '@shiplink/jobs';
import type { ShipmentWritebackService } from '../services/shipment-writeback.service';

export const shipmentWritebackProcessor = (service: ShipmentWritebackService) =>
  handle(jobs.shipmentWriteback, (payload) => service.writeBack(payload));
