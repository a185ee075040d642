import './tracing';
import { runWorkerApp } from '@shiplink/app-kit';
import { registrations } from './registrations';

runWorkerApp({ service: 'worker-returns', queue: 'returns', registrations }).catch(
  (error: unknown) => {
    process.stderr.write(`worker-returns failed to start: ${String(error)}\n`);
    process.exit(1);
  },
);
