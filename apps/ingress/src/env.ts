import { envVars, parseEnv } from '@shiplink/config';
import { platformEnv } from '@shiplink/app-kit';
import { z } from 'zod';

export const ingressEnvShape = {
  ...platformEnv,
  PORT: envVars.port.default(8080),
  HOST: z.string().default('0.0.0.0'),
  /** Where providers reach this ingress; webhook URLs handed out are built from it. */
  PUBLIC_URL: z.url().optional(),
  /** Where customers reach the tracking page app (the links support hands out are built on it). */
  TRACKING_PAGE_URL: z.url().optional(),
  /** Bearer token for the admin API. */
  ADMIN_TOKEN: envVars.secret,
  /** Basic-auth credentials for the Bull Board dashboard. */
  DASHBOARD_USER: z.string().min(1).default('admin'),
  DASHBOARD_PASSWORD: envVars.secret,
  MAX_WEBHOOK_BYTES: envVars.positiveInt.default(256 * 1024),
  /** Signed webhooks older (or newer) than this are refused as replays. */
  WEBHOOK_TOLERANCE_SEC: envVars.positiveInt.default(300),
  /** Delta polls catch up on missed webhooks at this interval. */
  POLL_INTERVAL_MS: envVars.positiveInt.default(5 * 60_000),
  SCHEDULER_ENABLED: envVars.boolean.default(true),
  /** How often the poll schedules are checked and re-created if Redis lost them. */
  SCHEDULE_CHECK_INTERVAL_MS: envVars.positiveInt.default(60_000),
  /**
   * Host names (comma-separated) that connection base URLs may reach over plain http or at
   * private addresses, e.g. simulators on a compose network. Loopback is always allowed.
   */
  INTERNAL_PROVIDER_HOSTS: z
    .string()
    .default('')
    .transform((hosts) =>
      hosts
        .split(',')
        .map((h) => h.trim())
        .filter(Boolean),
    ),
  /** Accepted events still unqueued after SWEEP_AFTER_MS are enqueued again. */
  SWEEP_INTERVAL_MS: envVars.positiveInt.default(30_000),
  SWEEP_AFTER_MS: envVars.positiveInt.default(60_000),
};

export type IngressEnv = ReturnType<typeof loadIngressEnv>;

export function loadIngressEnv(env: NodeJS.ProcessEnv = process.env) {
  const parsed = parseEnv(ingressEnvShape, env);
  return { ...parsed, PUBLIC_URL: parsed.PUBLIC_URL ?? `http://127.0.0.1:${parsed.PORT}` };
}
