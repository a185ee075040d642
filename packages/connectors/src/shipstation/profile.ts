import { numericHeader, type ProviderProfile } from '../http/profile';
import { ShipStationErrorSchema } from './schemas';

export const SHIPSTATION_PROVIDER = 'shipstation';
export const SHIPSTATION_BASE_URL = 'https://ssapi.shipstation.com';

/** 40 requests per minute per API key/secret pair, until the first response says otherwise. */
export const SHIPSTATION_DEFAULT_BUDGET = { limit: 40, windowMs: 60_000 } as const;

const MAX_MESSAGE = 300;

function secondsHeaderMs(headers: Record<string, unknown>): number | undefined {
  const seconds = numericHeader(headers, 'X-Rate-Limit-Reset');
  // The header counts whole seconds; a value of 0 still means "wait for the next window".
  return seconds === undefined ? undefined : Math.max(1, seconds) * 1000;
}

function describeBody(body: unknown): string | undefined {
  if (typeof body === 'string') {
    const plain = body
      .replace(/<[^>]*>/g, ' ')
      .replace(/\s+/g, ' ')
      .trim();
    return plain === '' ? undefined : plain.slice(0, MAX_MESSAGE);
  }
  const parsed = ShipStationErrorSchema.safeParse(body);
  if (!parsed.success) return undefined;
  const { Message, ExceptionMessage, ModelState } = parsed.data;
  const parts = [Message, ExceptionMessage].filter((part): part is string => !!part);
  for (const [field, messages] of Object.entries(ModelState ?? {})) {
    parts.push(`${field}: ${messages.join(' ')}`);
  }
  return parts.length ? parts.join(' — ').slice(0, MAX_MESSAGE) : undefined;
}

function reasonFor(status: number): string | undefined {
  if (status === 400) return `${SHIPSTATION_PROVIDER}.validation`;
  if (status === 404) return `${SHIPSTATION_PROVIDER}.not_found`;
  if (status === 409) return `${SHIPSTATION_PROVIDER}.conflict`;
  // Others (401/403/429/5xx) are named by the shared classifier.
  return undefined;
}

export const shipStationProfile: ProviderProfile = {
  provider: SHIPSTATION_PROVIDER,

  readRateLimit(headers) {
    const remaining = numericHeader(headers, 'X-Rate-Limit-Remaining');
    const resetSeconds = numericHeader(headers, 'X-Rate-Limit-Reset');
    if (remaining === undefined || resetSeconds === undefined) return undefined;
    const limit = numericHeader(headers, 'X-Rate-Limit-Limit');
    return {
      remaining,
      resetMs: Math.max(0, resetSeconds) * 1000,
      ...(limit !== undefined ? { limit } : {}),
    };
  },

  retryAfterMs(headers) {
    const fromReset = secondsHeaderMs(headers);
    if (fromReset !== undefined) return fromReset;
    // Not a V1 header, but proxies in front of the API may add it.
    const retryAfter = numericHeader(headers, 'Retry-After');
    return retryAfter === undefined ? undefined : Math.max(1, retryAfter) * 1000;
  },

  budget() {
    // One budget per key/secret pair, whatever the endpoint.
    return { bucket: 'api', defaults: { ...SHIPSTATION_DEFAULT_BUDGET } };
  },

  describeError(status, body) {
    const message = describeBody(body) ?? `HTTP ${status} without an error body`;
    const reason = reasonFor(status);
    return reason ? { message, reason } : { message };
  },
};
