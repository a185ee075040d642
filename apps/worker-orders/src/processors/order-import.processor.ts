import { handle, jobs } from '@shiplink/jobs';
import type { OrderImportService } from '../services/order-import.service';

export const orderImportProcessor = (service: OrderImportService) =>
  handle(jobs.orderImport, (payload) => service.importOrder(payload));
