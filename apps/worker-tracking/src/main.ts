import './tracing';
import { runWorkerApp } from '@shiplink/app-kit';
import { loadTrackingEnv } from './env';
import { registrations } from './registrations';

async function main(): Promise<void> {
  // Parsed before anything connects, so a bad variable stops the boot with its name.
  const env = loadTrackingEnv();
  await runWorkerApp({
    service: 'worker-tracking',
    queue: 'tracking',
    registrations: (platform) => registrations(platform, env),
  });
}

main().catch((error: unknown) => {
  process.stderr.write(`worker-tracking failed to start: ${String(error)}\n`);
  process.exit(1);
});
