import { envVars, parseEnv } from '@shiplink/config';
import { platformEnv } from '@shiplink/app-kit';
import { z } from 'zod';

export const trackingPageEnvShape = {
  ...platformEnv,
  PORT: envVars.port.default(8090),
  HOST: z.string().default('0.0.0.0'),
  /**
   * Proxies in front of the page whose `X-Forwarded-For` is believed (Express `trust proxy`):
   * the client a lookup limit counts is the address the last trusted proxy saw.
   */
  TRUST_PROXY_HOPS: z.coerce.number().int().min(0).max(5).default(0),
  /** Lookups one client may make per window, and lookups of one order by anyone. */
  LOOKUPS_PER_CLIENT: envVars.positiveInt.default(20),
  LOOKUPS_PER_ORDER: envVars.positiveInt.default(10),
  LOOKUP_WINDOW_SEC: envVars.positiveInt.default(600),
  /** An order's rendered page is reused this long (tracking moves in minutes, not seconds). */
  PAGE_CACHE_MS: z.coerce.number().int().min(0).max(300_000).default(15_000),
};

export type TrackingPageEnv = ReturnType<typeof loadTrackingPageEnv>;

export function loadTrackingPageEnv(env: NodeJS.ProcessEnv = process.env) {
  return parseEnv(trackingPageEnvShape, env);
}
