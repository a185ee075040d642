import './tracing';
import { runWorkerApp } from '@shiplink/app-kit';
import { registrations } from './registrations';

runWorkerApp({ service: 'worker-orders', queue: 'orders', registrations }).catch(
  (error: unknown) => {
    process.stderr.write(`worker-orders failed to start: ${String(error)}\n`);
    process.exit(1);
  },
);
