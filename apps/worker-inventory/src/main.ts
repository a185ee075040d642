import './tracing';
import { runWorkerApp } from '@shiplink/app-kit';
import { registrations } from './registrations';

runWorkerApp({ service: 'worker-inventory', queue: 'inventory', registrations }).catch(
  (error: unknown) => {
    process.stderr.write(`worker-inventory failed to start: ${String(error)}\n`);
    process.exit(1);
  },
);
