import type { BudgetDefaults, RateLimitState } from './rate-limiter';

type Headers = Record<string, unknown>;

/** What a connector tells the shared HTTP client about its provider. */
export interface ProviderProfile {
  provider: string;
  /** The rate-limit state a response's headers describe, if they do. */
  readRateLimit(headers: Headers): RateLimitState | undefined;
  /** How long a 429 asks us to wait, if it says. */
  retryAfterMs(headers: Headers): number | undefined;
  /** Which budget an endpoint draws from, and its defaults before the first response. */
  budget(endpoint: string): { bucket: string; defaults: BudgetDefaults };
  /** A readable message and an optional reason code from an error response body. */
  describeError(status: number, body: unknown): { message: string; reason?: string };
  /** Statuses that are not failures for this provider on any endpoint (rare). */
  isSuccess?(status: number, body: unknown): boolean;
}

/** Header lookup that ignores case, as HTTP does. */
export function header(headers: Headers, name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() === wanted && value !== undefined && value !== null) {
      return Array.isArray(value) ? String(value[0]) : String(value);
    }
  }
  return undefined;
}

export function numericHeader(headers: Headers, name: string): number | undefined {
  const raw = header(headers, name);
  if (raw === undefined || raw.trim() === '') return undefined;
  const value = Number(raw);
  return Number.isFinite(value) ? value : undefined;
}
