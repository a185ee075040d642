import { PermanentError } from '@shiplink/errors';
import { header, numericHeader, type ProviderProfile } from '../http/profile';
import { AfterShipErrorBodySchema } from './schemas';

/**
 * The one AfterShip Tracking API version this connector speaks. Request and response shapes
 * changed between versions (body wrapping, contact and country fields, pagination), so the
 * version is pinned here and nowhere else; moving to another one means revisiting schemas.ts.
 */
export const AFTERSHIP_API_VERSION = '2025-01' as const;
export const AFTERSHIP_API_BASE_PATH = `/tracking/${AFTERSHIP_API_VERSION}` as const;
export const AFTERSHIP_DEFAULT_HOST = 'https://api.aftership.com';
/** Webhook URLs are pinned to a version in AfterShip's admin; we expect this one's `msg` shape. */
export const AFTERSHIP_WEBHOOK_VERSION = '2025-01' as const;

export const AFTERSHIP_PROVIDER = 'aftership';

/** Accepts the host or the versioned base; refuses another version, whose shapes differ. */
export function afterShipApiBase(baseUrl: string = AFTERSHIP_DEFAULT_HOST): string {
  const trimmed = baseUrl.replace(/\/+$/, '');
  const versioned = /\/tracking\/([^/]+)$/.exec(trimmed);
  if (!versioned) return `${trimmed}${AFTERSHIP_API_BASE_PATH}`;
  if (versioned[1] !== AFTERSHIP_API_VERSION) {
    throw new PermanentError(
      `AfterShip base URL names API version ${versioned[1]}; this connector speaks ${AFTERSHIP_API_VERSION}`,
      { provider: AFTERSHIP_PROVIDER, reason: 'aftership.unsupported_version' },
    );
  }
  return trimmed;
}

/**
 * Per-endpoint limits in requests per second (from API 2024-07 on; before that one shared
 * 10 req/s). Each endpoint has its own counter at AfterShip, so each gets its own shared bucket.
 */
export const AFTERSHIP_ENDPOINT_LIMITS: Readonly<
  Record<string, { bucket: string; limit: number }>
> = {
  'POST /trackings': { bucket: 'trackings-create', limit: 20 },
  'GET /trackings': { bucket: 'trackings-list', limit: 6 },
  'GET /trackings/{id}': { bucket: 'trackings-get', limit: 5 },
  'PUT /trackings/{id}': { bucket: 'trackings-update', limit: 5 },
  'DELETE /trackings/{id}': { bucket: 'trackings-delete', limit: 5 },
  'POST /trackings/{id}/retrack': { bucket: 'trackings-retrack', limit: 5 },
  'POST /trackings/{id}/mark-as-completed': { bucket: 'trackings-complete', limit: 5 },
  'POST /couriers/detect': { bucket: 'couriers-detect', limit: 3 },
  'GET /couriers': { bucket: 'couriers-list', limit: 5 },
};
export const AFTERSHIP_OTHER_LIMIT = { bucket: 'other', limit: 5 } as const;

export function afterShipEndpointLimit(endpoint: string): { bucket: string; limit: number } {
  return AFTERSHIP_ENDPOINT_LIMITS[endpoint] ?? AFTERSHIP_OTHER_LIMIT;
}

/** AfterShip's own `meta.code`s beyond the HTTP ones. */
export const AFTERSHIP_META_CODES: Readonly<Record<number, string>> = {
  4001: 'Invalid JSON data',
  4003: 'Tracking already exists',
  4004: 'Tracking does not exist',
  4005: 'The value of tracking_number is invalid',
  4006: 'tracking object is required',
  4007: 'tracking_number is required',
  4008: 'The value of a field is invalid',
  4009: 'A required field is missing',
  4010: 'The value of slug is invalid',
  4011: 'Missing or invalid value of a field the courier requires',
  4012: 'Cannot detect courier, or the courier is not activated',
  4013: 'Retrack is not allowed; only inactive trackings can be retracked',
  4014: 'notification object is required',
  4015: 'The value of id is invalid',
  4016: 'Retrack is not allowed; a tracking can be retracked once',
  4017: 'tracking_number format is invalid',
};

/** The `reason` our errors carry for an AfterShip code, e.g. `aftership.4005`. */
export const afterShipReason = (code: number) => `${AFTERSHIP_PROVIDER}.${code}`;

type Headers = Record<string, unknown>;

export function createAfterShipProfile(now: () => number = Date.now): ProviderProfile {
  /** `X-RateLimit-Reset` is a unix timestamp in seconds, not a duration. */
  const untilReset = (headers: Headers): number | undefined => {
    const reset = numericHeader(headers, 'x-ratelimit-reset');
    return reset === undefined ? undefined : reset * 1000 - now();
  };

  return {
    provider: AFTERSHIP_PROVIDER,
    readRateLimit(headers) {
      const remaining = numericHeader(headers, 'x-ratelimit-remaining');
      if (remaining === undefined) return undefined;
      const limit = numericHeader(headers, 'x-ratelimit-limit');
      const resetMs = Math.max(0, untilReset(headers) ?? 1_000);
      return { remaining, resetMs, ...(limit === undefined ? {} : { limit }) };
    },
    retryAfterMs(headers) {
      const ms = untilReset(headers);
      // A reset already in the past (clock skew, second rounding): wait one whole window.
      if (ms !== undefined) return ms > 0 ? ms : 1_000;
      const retryAfter = header(headers, 'retry-after');
      const seconds = retryAfter === undefined ? NaN : Number(retryAfter);
      return Number.isFinite(seconds) ? seconds * 1000 : undefined;
    },
    budget(endpoint) {
      const { bucket, limit } = afterShipEndpointLimit(endpoint);
      return { bucket, defaults: { limit, windowMs: 1_000 } };
    },
    describeError(status, body) {
      const parsed = AfterShipErrorBodySchema.safeParse(body);
      if (!parsed.success) return { message: `HTTP ${status}` };
      const { code, message, type } = parsed.data.meta;
      const text = message ?? AFTERSHIP_META_CODES[code] ?? `HTTP ${status}`;
      const described = type ? `${type}: ${text}` : text;
      // Codes of 1000 and above are AfterShip's own; smaller ones merely repeat the HTTP status.
      return code >= 1000
        ? { message: described, reason: afterShipReason(code) }
        : { message: described };
    },
  };
}

export const afterShipProfile: ProviderProfile = createAfterShipProfile();
