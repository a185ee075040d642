import './tracing';
import { runWorkerApp } from '@shiplink/app-kit';
import { registrations } from './registrations';

runWorkerApp({ service: 'worker-shipments', queue: 'shipments', registrations }).catch(
  (error: unknown) => {
    process.stderr.write(`worker-shipments failed to start: ${String(error)}\n`);
    process.exit(1);
  },
);
