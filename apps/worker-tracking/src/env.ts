import { envVars, parseEnv } from '@shiplink/config';

/** What the tracking worker reads beyond the shared worker variables (app-kit `workerEnv`). */
export const trackingEnvShape = {
  /** A tracking without news for this long is re-read from the tracking provider by the delta poll. */
  TRACKING_STALE_AFTER_MS: envVars.positiveInt.default(6 * 3_600_000),
  /** At most this many trackings are re-read per poll run (tracking providers allow a few reads a second). */
  TRACKING_POLL_BATCH: envVars.positiveInt.default(200),
};

export type TrackingEnv = ReturnType<typeof loadTrackingEnv>;

export function loadTrackingEnv(env: NodeJS.ProcessEnv = process.env) {
  return parseEnv(trackingEnvShape, env);
}
