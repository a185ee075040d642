import { PermanentError, RateLimitedError, RetryableError, type ShiplinkError } from './errors';

export interface HttpFailure {
  provider: string;
  endpoint: string;
  /** Undefined when no response arrived (DNS, refused, reset, timeout). */
  status: number | undefined;
  message: string;
  /** How long the provider asked us to wait, when it said so (429 / 503 headers). */
  retryAfterMs?: number;
  /** A provider-specific reason code, e.g. `aftership.4005`. */
  reason?: string;
  cause?: unknown;
}

/** Fallback wait for a 429 that came without any rate-limit header (platform-level overload). */
export const DEFAULT_RATE_LIMIT_WAIT_MS = 5_000;

/**
 * The one HTTP classifier: transient (network, 408, 425, 5xx) → retry with backoff;
 * 429 → wait for the provider's reset (or a fallback); other 4xx → permanent.
 */
export function classifyHttpFailure(failure: HttpFailure): ShiplinkError {
  const { provider, endpoint, status, message, cause } = failure;
  const details = { provider, endpoint, status, cause };
  if (status === undefined) {
    return new RetryableError(message, { ...details, reason: failure.reason ?? 'network' });
  }
  if (status === 429) {
    const waitMs = failure.retryAfterMs ?? DEFAULT_RATE_LIMIT_WAIT_MS;
    return new RateLimitedError(message, waitMs, {
      ...details,
      reason: `${provider}.rate_limited`,
    });
  }
  if (status === 408 || status === 425 || status >= 500) {
    return new RetryableError(message, { ...details, reason: failure.reason ?? `http_${status}` });
  }
  if (status === 401 || status === 403) {
    return new PermanentError(message, { ...details, reason: `${provider}.unauthorized` });
  }
  return new PermanentError(message, {
    ...details,
    reason: failure.reason ?? `${provider}.http_${status}`,
  });
}
