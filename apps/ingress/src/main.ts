import { createPlatform, onFatal, onShutdown } from '@shiplink/app-kit';
import { createIngressApp } from './app';
import { loadIngressEnv } from './env';
import { InboxSweeper } from './services/sweeper.service';

async function main(): Promise<void> {
  const env = loadIngressEnv();
  const platform = createPlatform('ingress', env);
  const { logger, repos } = platform;
  onFatal(logger);
  const { app, services } = createIngressApp(platform, env);

  services.polls.start(
    () => repos.tenancy.listActiveConnections(),
    env.SCHEDULE_CHECK_INTERVAL_MS,
    logger,
  );
  const sweeper = new InboxSweeper(repos, platform.producer, logger, env.SWEEP_AFTER_MS);
  sweeper.start(env.SWEEP_INTERVAL_MS);

  const server = app.listen(env.PORT, env.HOST, () => {
    logger.info('ingress listening', { port: env.PORT, publicUrl: env.PUBLIC_URL });
  });
  // Slow clients cannot hold sockets forever; providers want quick answers anyway.
  server.requestTimeout = 15_000;
  server.headersTimeout = 10_000;

  onShutdown(logger, async () => {
    sweeper.stop();
    services.polls.stop();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await platform.close();
  });
}

main().catch((error: unknown) => {
  process.stderr.write(
    `ingress failed to start: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
