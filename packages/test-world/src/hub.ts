import { randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createPlatform, databaseHooks, type Platform } from '@shiplink/app-kit';
import { createIngressApp } from '@shiplink/ingress/app';
import { loadIngressEnv } from '@shiplink/ingress/env';
import {
  startQueueWorkers,
  type QueueName,
  type Registration,
  type RunningWorkers,
} from '@shiplink/jobs';
import { registrations as orderRegistrations } from '@shiplink/worker-orders/registrations';
import { registrations as shipmentRegistrations } from '@shiplink/worker-shipments/registrations';
import { registrations as trackingRegistrations } from '@shiplink/worker-tracking/registrations';
import { freePort } from '@shiplink/testing';

export const WORKER_APPS: Record<
  string,
  { queue: QueueName; registrations(p: Platform): Registration[] }
> = {
  'worker-orders': { queue: 'orders', registrations: orderRegistrations },
  'worker-shipments': { queue: 'shipments', registrations: shipmentRegistrations },
  'worker-tracking': { queue: 'tracking', registrations: (p) => trackingRegistrations(p) },
};

export interface HubOptions {
  databaseUrl: string;
  redisUrl: string;
  queuePrefix: string;
  /** Worker apps to run in this process; others can run as their own processes. */
  workers?: (keyof typeof WORKER_APPS)[];
  logLevel?: string;
}

/** The environment every hub process of one test or demo run shares. */
export type HubEnv = Record<string, string> & {
  ADMIN_TOKEN: string;
  DASHBOARD_USER: string;
  DASHBOARD_PASSWORD: string;
};

export function hubEnv(options: HubOptions & { port?: number }): HubEnv {
  return {
    DATABASE_URL: options.databaseUrl,
    REDIS_URL: options.redisUrl,
    QUEUE_PREFIX: options.queuePrefix,
    ENCRYPTION_KEY: Buffer.from(
      `${options.queuePrefix}-encryption-key-for-tests`.padEnd(32, '!').slice(0, 32),
    ).toString('base64'),
    ADMIN_TOKEN: `${options.queuePrefix}-admin-token`,
    DASHBOARD_USER: 'admin',
    DASHBOARD_PASSWORD: `${options.queuePrefix}-dashboard`,
    LOG_LEVEL: options.logLevel ?? 'warn',
    PORT: String(options.port ?? 0),
    HOST: '127.0.0.1',
    SCHEDULER_ENABLED: 'false',
    WORKER_LOCK_DURATION_MS: '3000',
    WORKER_STALLED_INTERVAL_MS: '1000',
  };
}

export interface RunningHub {
  ingressUrl: string;
  env: HubEnv;
  platform: Platform;
  workers: Map<string, RunningWorkers>;
  startWorkers(app: keyof typeof WORKER_APPS): Promise<void>;
  stopWorkers(app: keyof typeof WORKER_APPS): Promise<void>;
  close(): Promise<void>;
}

/** Ingress and (some) workers in this process, on real PostgreSQL and Redis. */
export async function startHub(options: HubOptions): Promise<RunningHub> {
  const baseEnv = hubEnv(options);
  const listening = await listenIngress(baseEnv);
  const env = { ...baseEnv, PUBLIC_URL: listening.url };
  const workers = new Map<string, RunningWorkers>();
  const hub: RunningHub = {
    ingressUrl: listening.url,
    env,
    platform: listening.platform,
    workers,
    async startWorkers(app) {
      const spec = WORKER_APPS[app]!;
      const running = startQueueWorkers({
        redisUrl: options.redisUrl,
        producer: listening.platform.producer,
        queue: spec.queue,
        registrations: spec.registrations(listening.platform),
        hooks: databaseHooks(listening.platform),
        logger: listening.platform.logger,
        concurrency: 10,
        lockDurationMs: 3_000,
        stalledIntervalMs: 1_000,
      });
      await running.ready();
      workers.set(app, running);
    },
    async stopWorkers(app) {
      await workers.get(app)?.close(5_000);
      workers.delete(app);
    },
    async close() {
      for (const app of [...workers.keys()]) await hub.stopWorkers(app as keyof typeof WORKER_APPS);
      await new Promise<void>((resolve) => {
        listening.server.closeAllConnections();
        listening.server.close(() => resolve());
      });
      await listening.platform.close();
    },
  };
  for (const app of options.workers ?? Object.keys(WORKER_APPS)) {
    await hub.startWorkers(app as keyof typeof WORKER_APPS);
  }
  return hub;
}

async function listenIngress(env: Record<string, string>) {
  // The port is chosen first so the app can hand out webhook URLs that point at itself.
  const port = await freePort();
  const ingressEnv = loadIngressEnv({
    ...env,
    PORT: String(port),
    PUBLIC_URL: `http://127.0.0.1:${port}`,
  });
  const platform = createPlatform('ingress', ingressEnv);
  const { app } = createIngressApp(platform, ingressEnv);
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(port, '127.0.0.1', () => resolve(s));
  });
  return { server, platform, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

export const randomSecret = () => randomBytes(18).toString('base64url');
