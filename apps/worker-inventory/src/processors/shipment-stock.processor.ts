import { handle, jobs } from '@shiplink/jobs';
import type { ShipmentStockService } from '../services/shipment-stock.service';

export const shipmentStockProcessor = (service: ShipmentStockService) =>
  handle(jobs.shipmentStock, (payload) => service.apply(payload));
