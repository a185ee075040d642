import { handle, jobs } from '@shiplink/jobs';
import type { OrderExportService } from '../services/order-export.service';

export const orderImportProcessor = (service: OrderExportService) =>
  handle(jobs.orderImport, (payload) => service.importOrder(payload));
