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
  /** The platform operator's bearer token for the admin API (and console sign-in). */
  ADMIN_TOKEN: envVars.secret,
  /** Console sessions end after this long unused; each use slides the expiry. */
  SESSION_TTL_MS: envVars.positiveInt.default(12 * 3_600_000),
  /**
   * Session cookies are `Secure` unless PUBLIC_URL is plain http (a laptop): browsers drop
   * Secure cookies set by http:// pages. Set explicitly to override.
   */
  SECURE_COOKIES: envVars.boolean.optional(),
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
  /**
   * The hub's BigCommerce app (Developer Portal → My Apps): with both set, merchants install
   * it from their control panel. Its callbacks are `${PUBLIC_URL}/apps/bigcommerce/{auth,load,
   * uninstall,remove_user}`.
   */
  BIGCOMMERCE_APP_CLIENT_ID: z.string().min(1).optional(),
  BIGCOMMERCE_APP_CLIENT_SECRET: z.string().min(1).optional(),
  /** BigCommerce's OAuth service and store API; a simulator's in tests and the demo. */
  BIGCOMMERCE_LOGIN_URL: z.url().default('https://login.bigcommerce.com'),
  BIGCOMMERCE_API_URL: z.url().default('https://api.bigcommerce.com'),
  /** Where the built console is (the console package's `dist` unless told). */
  CONSOLE_DIR: z.string().min(1).optional(),
  /** Accepted events still unqueued after SWEEP_AFTER_MS are enqueued again. */
  SWEEP_INTERVAL_MS: envVars.positiveInt.default(30_000),
  SWEEP_AFTER_MS: envVars.positiveInt.default(60_000),
  /**
   * Retention windows in days (0 keeps forever): handled inbox events (their dedup keys too, so
   * keep it longer than any provider redelivers), the audit trail, settled notifications,
   * finished parcels' timelines, replayed dead letters, and sessions after they expired.
   */
  RETENTION_INBOX_DAYS: envVars.days.default(30),
  RETENTION_AUDIT_DAYS: envVars.days.default(90),
  RETENTION_NOTIFICATIONS_DAYS: envVars.days.default(365),
  RETENTION_TIMELINES_DAYS: envVars.days.default(400),
  RETENTION_DEAD_LETTERS_DAYS: envVars.days.default(90),
  RETENTION_SESSIONS_DAYS: envVars.days.default(7),
  /** How often retention runs, how many rows a statement deletes, and the pause between them. */
  RETENTION_INTERVAL_MS: envVars.positiveInt.default(15 * 60_000),
  RETENTION_BATCH_SIZE: envVars.positiveInt.default(2_000),
  RETENTION_PAUSE_MS: envVars.positiveInt.default(50),
};

export type IngressEnv = ReturnType<typeof loadIngressEnv>;

export function loadIngressEnv(env: NodeJS.ProcessEnv = process.env) {
  const parsed = parseEnv(ingressEnvShape, env);
  const publicUrl = parsed.PUBLIC_URL ?? `http://127.0.0.1:${parsed.PORT}`;
  return {
    ...parsed,
    PUBLIC_URL: publicUrl,
    SECURE_COOKIES: parsed.SECURE_COOKIES ?? publicUrl.startsWith('https:'),
  };
}
