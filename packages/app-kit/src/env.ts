import { envVars } from '@shiplink/config';
import { z } from 'zod';

/** Variables every app reads; each app's `env.ts` spreads this into its own shape. */
export const platformEnv = {
  DATABASE_URL: envVars.databaseUrl,
  REDIS_URL: envVars.redisUrl,
  QUEUE_PREFIX: envVars.queuePrefix,
  LOG_LEVEL: envVars.logLevel,
  /** Appends the JSON logs to this file instead of writing them to stdout/stderr. */
  LOG_FILE: z.string().min(1).optional(),
  ENCRYPTION_KEY: envVars.encryptionKey,
  /** How long SIGTERM waits for active work before forcing a stop (keep under the pod's grace). */
  SHUTDOWN_GRACE_MS: envVars.positiveInt.default(25_000),
  /** PostgreSQL connections this process may open in all (ORM, hot-path SQL, advisory locks). */
  DB_POOL_SIZE: envVars.positiveInt.default(12),
  /** The operations port: `/livez`, `/readyz` and `/metrics`, kept off the public port. */
  OPS_PORT: envVars.port.default(9464),
  OPS_HOST: z.string().default('0.0.0.0'),
};

/** Worker tuning; defaults suit provider-bound jobs. */
export const workerEnv = {
  ...platformEnv,
  WORKER_CONCURRENCY: envVars.positiveInt.default(20),
  WORKER_LOCK_DURATION_MS: envVars.positiveInt.default(30_000),
  WORKER_STALLED_INTERVAL_MS: envVars.positiveInt.default(30_000),
};

export interface PlatformEnv {
  DATABASE_URL: string;
  REDIS_URL: string;
  QUEUE_PREFIX: string;
  LOG_LEVEL: string;
  LOG_FILE?: string | undefined;
  ENCRYPTION_KEY: string;
  SHUTDOWN_GRACE_MS: number;
  DB_POOL_SIZE: number;
  OPS_PORT: number;
  OPS_HOST: string;
}
