import { parseEnv } from '@shiplink/config';
import { startQueueWorkers, type QueueName, type Registration } from '@shiplink/jobs';
import { workerEnv } from './env';
import { databaseHooks } from './hooks';
import { startOperations } from './operations';
import { createPlatform, type Platform } from './platform';
import { onFatal, onShutdown } from './shutdown';

export interface WorkerAppSpec {
  service: string;
  queue: QueueName;
  /** The app's processors, given the platform to build services from. */
  registrations(platform: Platform): Registration[];
}

/** Boots a worker app: env, platform, the queue's workers, signals. Used by every worker's main. */
export async function runWorkerApp(spec: WorkerAppSpec): Promise<void> {
  const env = parseEnv(workerEnv);
  const platform = createPlatform(spec.service, env);
  onFatal(platform.logger);
  const workers = startQueueWorkers({
    redisUrl: env.REDIS_URL,
    producer: platform.producer,
    queue: spec.queue,
    registrations: spec.registrations(platform),
    hooks: databaseHooks(platform),
    logger: platform.logger,
    concurrency: env.WORKER_CONCURRENCY,
    lockDurationMs: env.WORKER_LOCK_DURATION_MS,
    stalledIntervalMs: env.WORKER_STALLED_INTERVAL_MS,
  });
  const operations = await startOperations(platform);
  onShutdown(platform.logger, async () => {
    await workers.close(env.SHUTDOWN_GRACE_MS);
    await operations.close();
    await platform.close();
  });
  await workers.ready();
  platform.logger.info('worker ready', { queue: spec.queue, concurrency: env.WORKER_CONCURRENCY });
}
