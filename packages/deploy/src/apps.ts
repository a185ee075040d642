import { workerEnv } from '@shiplink/app-kit';
import { ingressEnvShape } from '@shiplink/ingress/env';
import { QUEUES, type QueueName } from '@shiplink/jobs';
import { trackingPageEnvShape } from '@shiplink/tracking-page/env';
import { notificationEnvShape } from '@shiplink/worker-notifications/env';

/** What a variable's schema answers; the zod schemas of the apps' env.ts files. */
export interface EnvSchema {
  safeParse(value: unknown): { success: boolean };
}
export type EnvShape = Record<string, EnvSchema>;

/** The apps that run in a cluster (not the simulators, demo, e2e or bench). */
export interface DeployedApp {
  name: string;
  kind: 'http' | 'worker';
  /** The worker's queue (BullMQ keys `queuePrefix(QUEUE_PREFIX, queue)`). */
  queue?: QueueName;
  /** Every variable the app parses at boot. */
  env: EnvShape;
}

/** Extra variables of workers beyond the shared ones (worker-tracking's all have defaults). */
const WORKER_ENV: Partial<Record<QueueName, EnvShape>> = {
  notifications: notificationEnvShape,
};

export const HTTP_APPS: DeployedApp[] = [
  { name: 'ingress', kind: 'http', env: ingressEnvShape },
  { name: 'tracking-page', kind: 'http', env: trackingPageEnvShape },
];

export const WORKER_APPS: DeployedApp[] = QUEUES.map((queue) => ({
  name: `worker-${queue}`,
  kind: 'worker',
  queue,
  env: { ...workerEnv, ...WORKER_ENV[queue] },
}));

export const DEPLOYED_APPS = [...HTTP_APPS, ...WORKER_APPS];

/** The image every app's Deployment runs, and the migration Job too (the ingress image). */
export const imageRepository = (app: string) => `shiplink/${app}`;

/** The ops server's port when OPS_PORT is not set (the apps' default). */
export const DEFAULT_OPS_PORT = 9464;
/** How long an app drains on SIGTERM when SHUTDOWN_GRACE_MS is not set. */
export const DEFAULT_SHUTDOWN_GRACE_MS: number = workerEnv.SHUTDOWN_GRACE_MS.parse(undefined);
