import type { Logger } from '@shiplink/logger';
import { stopTracing } from '@shiplink/telemetry';

/**
 * SIGTERM/SIGINT: stop taking work, let active work finish within the grace period, close
 * connections, exit 0. A second signal exits at once.
 */
export function onShutdown(logger: Logger, stop: () => Promise<void>): void {
  let stopping = false;
  const handler = (signal: NodeJS.Signals) => {
    if (stopping) process.exit(1);
    stopping = true;
    logger.info('shutting down', { signal });
    stop()
      .then(() => stopTracing())
      .then(() => {
        logger.info('shutdown complete');
        process.exit(0);
      })
      .catch((error: unknown) => {
        logger.error('shutdown failed', { error });
        process.exit(1);
      });
  };
  process.on('SIGTERM', handler);
  process.on('SIGINT', handler);
}

/** Last resort: log and exit so the orchestrator restarts us; jobs come back via stall checks. */
export function onFatal(logger: Logger): void {
  process.on('unhandledRejection', (error) => logger.error('unhandled rejection', { error }));
  process.on('uncaughtException', (error) => {
    logger.error('uncaught exception', { error });
    process.exit(1);
  });
}
