import { startTracing } from '@shiplink/telemetry';

// Imported first by main.ts: the instrumentations patch modules as they load, so they load after.
startTracing({ service: 'worker-shipments' });
