import './tracing';
import { runWorkerApp } from '@shiplink/app-kit';
import { loadNotificationEnv } from './env';
import { registrations } from './registrations';

async function main(): Promise<void> {
  // Parsed before anything connects, so a bad variable stops the boot with its name.
  const env = loadNotificationEnv();
  await runWorkerApp({
    service: 'worker-notifications',
    queue: 'notifications',
    registrations: (platform) => registrations(platform, env),
  });
}

main().catch((error: unknown) => {
  process.stderr.write(`worker-notifications failed to start: ${String(error)}\n`);
  process.exit(1);
});
