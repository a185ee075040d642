import './tracing';
import { createPlatform, onFatal, onShutdown, startOperations } from '@shiplink/app-kit';
import { queueDepthSampler } from '@shiplink/jobs';
import { registerSampler } from '@shiplink/telemetry';
import { createIngressApp } from './app';
import { loadIngressEnv } from './env';
import { inboxSampler } from './services/inbox-metrics';
import { RetentionService, retentionWindows } from './services/retention.service';
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
  const retention = new RetentionService(
    repos,
    {
      windows: retentionWindows(env),
      batchSize: env.RETENTION_BATCH_SIZE,
      pauseMs: env.RETENTION_PAUSE_MS,
    },
    logger,
  );
  retention.start(env.RETENTION_INTERVAL_MS);

  const server = app.listen(env.PORT, env.HOST, () => {
    logger.info('ingress listening', { port: env.PORT, publicUrl: env.PUBLIC_URL });
  });
  // Slow clients cannot hold sockets forever; providers want quick answers anyway.
  server.requestTimeout = 15_000;
  server.headersTimeout = 10_000;
  // The ingress always runs, so it exports every queue's depth: scalers can wake idle workers.
  registerSampler(queueDepthSampler(platform.producer));
  registerSampler(inboxSampler(repos));
  const operations = await startOperations(platform);

  onShutdown(logger, async () => {
    sweeper.stop();
    await retention.stop();
    services.polls.stop();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await operations.close();
    await platform.close();
  });
}

main().catch((error: unknown) => {
  process.stderr.write(
    `ingress failed to start: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
