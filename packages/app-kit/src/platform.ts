import {
  createPorts,
  createProviderClients,
  RateLimiter,
  type Ports,
  type ProviderClients,
} from '@shiplink/connectors';
import { createRepos, type Repos } from '@shiplink/db';
import { createRedis, JobProducer, type RedisConnection } from '@shiplink/jobs';
import { createLogger, LogFile, type Logger } from '@shiplink/logger';
import type { PlatformEnv } from './env';
import { databaseVault } from './vault';

/** Everything an app talks to, built once at boot from the parsed environment. */
export interface Platform {
  service: string;
  env: PlatformEnv;
  logger: Logger;
  repos: Repos;
  redis: RedisConnection;
  producer: JobProducer;
  clients: ProviderClients;
  /** Role ports (store, fulfilment, tracking) over the connections' clients. */
  ports: Ports;
  close(): Promise<void>;
}

export function createPlatform(service: string, env: PlatformEnv): Platform {
  const logFile = env.LOG_FILE ? new LogFile(env.LOG_FILE) : undefined;
  const logger = createLogger({
    service,
    level: env.LOG_LEVEL,
    ...(logFile ? { stream: logFile } : {}),
  });
  const repos = createRepos({
    databaseUrl: env.DATABASE_URL,
    encryptionKey: env.ENCRYPTION_KEY,
    logger,
    db: { poolSize: env.DB_POOL_SIZE },
  });
  const redis = createRedis(env.REDIS_URL, 'producer');
  // Logged once here; the queues sharing this connection report the same errors again.
  redis.on('error', (error) => logger.error('redis connection error', { error }));
  const producer = new JobProducer(redis, env.QUEUE_PREFIX);
  const limiter = new RateLimiter({ redis, prefix: env.QUEUE_PREFIX });
  const clients = createProviderClients({
    limiter,
    audit: repos.audit,
    logger,
    vault: databaseVault(repos),
  });
  return {
    service,
    env,
    logger,
    repos,
    redis,
    producer,
    clients,
    ports: createPorts(clients),
    async close() {
      await producer.close();
      await repos.close();
      redis.disconnect();
      logFile?.destroy();
    },
  };
}
