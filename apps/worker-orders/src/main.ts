import { runWorkerApp } from '@shiplink/app-kit';
import { orderImportProcessor } from './processors/order-import.processor';
import { ordersPollProcessor } from './processors/orders-poll.processor';
import { OrderExportService } from './services/order-export.service';
import { OrdersPollService } from './services/orders-poll.service';

runWorkerApp({
  service: 'worker-orders',
  queue: 'orders',
  registrations: (platform) => [
    orderImportProcessor(new OrderExportService(platform)),
    ordersPollProcessor(new OrdersPollService(platform)),
  ],
}).catch((error: unknown) => {
  process.stderr.write(`worker-orders failed to start: ${String(error)}\n`);
  process.exit(1);
});
