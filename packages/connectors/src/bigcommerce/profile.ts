import { numericHeader, type ProviderProfile } from '../http/profile';
import type { BudgetDefaults, RateLimitState } from '../http/rate-limiter';

type Headers = Record<string, unknown>;

export const BIGCOMMERCE_PROVIDER = 'bigcommerce';

/**
 * Standard/Plus plans allow 150 requests per 30 s per store. The quota is shared by every app
 * installed on the store, so we keep a few requests back for them; the headers of the first
 * response replace these defaults with the store's real plan.
 */
export const BIGCOMMERCE_DEFAULT_BUDGET: BudgetDefaults = {
  limit: 150,
  windowMs: 30_000,
  reserve: 10,
};

function readRateLimit(headers: Headers): RateLimitState | undefined {
  const remaining = numericHeader(headers, 'X-Rate-Limit-Requests-Left');
  if (remaining === undefined) return undefined;
  const resetMs =
    numericHeader(headers, 'X-Rate-Limit-Time-Reset-Ms') ??
    numericHeader(headers, 'X-Rate-Limit-Time-Window-Ms') ??
    BIGCOMMERCE_DEFAULT_BUDGET.windowMs;
  const limit = numericHeader(headers, 'X-Rate-Limit-Requests-Quota');
  return { remaining, resetMs, ...(limit !== undefined ? { limit } : {}) };
}

function retryAfterMs(headers: Headers): number | undefined {
  const resetMs = numericHeader(headers, 'X-Rate-Limit-Time-Reset-Ms');
  if (resetMs !== undefined) return resetMs;
  // Older gateways and 503s during maintenance announce seconds instead.
  const seconds = numericHeader(headers, 'X-Retry-After') ?? numericHeader(headers, 'Retry-After');
  return seconds === undefined ? undefined : seconds * 1_000;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** v2 answers `[{status, message}]`; v3 answers a problem body `{status, title, errors}`. */
function describeError(status: number, body: unknown): { message: string; reason?: string } {
  const reason =
    status === 404
      ? 'bigcommerce.not_found'
      : status === 400 || status === 422
        ? 'bigcommerce.validation'
        : status === 409
          ? 'bigcommerce.conflict'
          : undefined;
  const withReason = (message: string) => (reason ? { message, reason } : { message });

  if (Array.isArray(body)) {
    const messages = body
      .map((entry) =>
        isRecord(entry) && typeof entry.message === 'string' ? entry.message : undefined,
      )
      .filter((message): message is string => message !== undefined);
    if (messages.length > 0) return withReason(messages.join('; '));
  }
  if (isRecord(body)) {
    const title = typeof body.title === 'string' ? body.title : undefined;
    const details = isRecord(body.errors)
      ? Object.entries(body.errors).map(([field, message]) => `${field}: ${String(message)}`)
      : [];
    const text = [title, ...details].filter(Boolean).join('; ');
    if (text) return withReason(text);
  }
  if (typeof body === 'string' && body.trim()) return withReason(body.trim().slice(0, 300));
  return withReason(`HTTP ${status}`);
}

export const bigCommerceProfile: ProviderProfile = {
  provider: BIGCOMMERCE_PROVIDER,
  readRateLimit,
  retryAfterMs,
  // One quota per store covers v2 and v3 alike.
  budget: () => ({ bucket: 'api', defaults: BIGCOMMERCE_DEFAULT_BUDGET }),
  describeError,
};
