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
import { freePort } from '@shiplink/testing';

export const WORKER_APP_NAMES = [
  'worker-orders',
  'worker-shipments',
  'worker-tracking',
  'worker-inventory',
  'worker-notifications',
  'worker-returns',
] as const;
export type WorkerAppName = (typeof WORKER_APP_NAMES)[number];

/** What a hub needs to run a worker app's processors in its own process. */
export interface WorkerApp {
  queue: QueueName;
  registrations(platform: Platform): Registration[];
}

/*
 * The worker apps test their services in this world, so it cannot depend on them; whoever runs
 * their processors in process (the end-to-end suites, in their setup file) hands them in.
 */
const workerApps = new Map<WorkerAppName, WorkerApp>();

export function provideWorkerApps(apps: Partial<Record<WorkerAppName, WorkerApp>>): void {
  for (const name of WORKER_APP_NAMES) {
    const app = apps[name];
    if (app) workerApps.set(name, app);
  }
}

function workerApp(name: WorkerAppName): WorkerApp {
  const app = workerApps.get(name);
  if (!app) {
    throw new Error(
      `${name} was not handed to the test world: call provideWorkerApps() first, or start the hub with workers: []`,
    );
  }
  return app;
}

export interface HubOptions {
  databaseUrl: string;
  redisUrl: string;
  queuePrefix: string;
  /** Worker apps to run in this process (default: all); others can run as their own processes. */
  workers?: WorkerAppName[];
  logLevel?: string;
  /** Where this process's hub logs (LOG_FILE); processes started on `hubEnv` log on their own. */
  logFile?: string;
  /** More of the hub's env (the app registration at a simulated platform). */
  env?: Record<string, string>;
}

/** The environment every hub process of one test or demo run shares. */
export type HubEnv = Record<string, string> & { ADMIN_TOKEN: string };

export function hubEnv(options: HubOptions & { port?: number }): HubEnv {
  return {
    DATABASE_URL: options.databaseUrl,
    REDIS_URL: options.redisUrl,
    QUEUE_PREFIX: options.queuePrefix,
    ENCRYPTION_KEY: Buffer.from(
      `${options.queuePrefix}-encryption-key-for-tests`.padEnd(32, '!').slice(0, 32),
    ).toString('base64'),
    ADMIN_TOKEN: `${options.queuePrefix}-admin-token`,
    LOG_LEVEL: options.logLevel ?? 'warn',
    PORT: String(options.port ?? 0),
    HOST: '127.0.0.1',
    SCHEDULER_ENABLED: 'false',
    WORKER_LOCK_DURATION_MS: '3000',
    WORKER_STALLED_INTERVAL_MS: '1000',
    ...options.env,
  };
}

export interface RunningHub {
  ingressUrl: string;
  env: HubEnv;
  platform: Platform;
  workers: Map<WorkerAppName, RunningWorkers>;
  startWorkers(app: WorkerAppName): Promise<void>;
  stopWorkers(app: WorkerAppName): Promise<void>;
  close(): Promise<void>;
}

/** Ingress and (some) workers in this process, on real PostgreSQL and Redis. */
export async function startHub(options: HubOptions): Promise<RunningHub> {
  const baseEnv = hubEnv(options);
  const listening = await listenIngress(
    options.logFile ? { ...baseEnv, LOG_FILE: options.logFile } : baseEnv,
  );
  const env = { ...baseEnv, PUBLIC_URL: listening.url };
  const workers = new Map<WorkerAppName, RunningWorkers>();
  const hub: RunningHub = {
    ingressUrl: listening.url,
    env,
    platform: listening.platform,
    workers,
    async startWorkers(app) {
      const spec = workerApp(app);
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
      for (const app of [...workers.keys()]) await hub.stopWorkers(app);
      await new Promise<void>((resolve) => {
        listening.server.closeAllConnections();
        listening.server.close(() => resolve());
      });
      await listening.platform.close();
    },
  };
  for (const app of options.workers ?? WORKER_APP_NAMES) await hub.startWorkers(app);
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
