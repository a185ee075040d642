import './tracing';
import { createPlatform, onFatal, onShutdown, startOperations } from '@shiplink/app-kit';
import { createTrackingPageApp } from './app';
import { loadTrackingPageEnv } from './env';

async function main(): Promise<void> {
  const env = loadTrackingPageEnv();
  const platform = createPlatform('tracking-page', env);
  onFatal(platform.logger);
  const app = createTrackingPageApp(platform, env);
  const server = app.listen(env.PORT, env.HOST, () => {
    platform.logger.info('tracking page listening', { port: env.PORT });
  });
  server.requestTimeout = 15_000;
  server.headersTimeout = 10_000;
  const operations = await startOperations(platform);
  onShutdown(platform.logger, async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await operations.close();
    await platform.close();
  });
}

main().catch((error: unknown) => {
  process.stderr.write(
    `tracking page failed to start: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
