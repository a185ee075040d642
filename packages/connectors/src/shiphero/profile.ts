import { header, type ProviderProfile } from '../http/profile';
import type { CreditBudgetSpec } from '../http/credit-budget';

export const SHIPHERO_PROVIDER = 'shiphero';
export const SHIPHERO_BASE_URL = 'https://public-api.shiphero.com';

/** ShipHero's published throttling: 4,004 credits refilling at 60/s; 7,000 requests per 5 min. */
export const SHIPHERO_CREDITS: CreditBudgetSpec = {
  capacity: 4_004,
  refillPerSecond: 60,
  requestCap: 7_000,
  requestWindowMs: 5 * 60_000,
};

/** What an operation is charged before ShipHero has said what it costs. */
export const UNKNOWN_OPERATION_COST = 10;

const MAX_MESSAGE = 300;

function describeBody(body: unknown): string | undefined {
  if (typeof body === 'string') return body.trim().slice(0, MAX_MESSAGE) || undefined;
  if (body && typeof body === 'object') {
    const record = body as { message?: unknown; errors?: unknown; error?: unknown };
    if (typeof record.message === 'string') return record.message.slice(0, MAX_MESSAGE);
    if (typeof record.error === 'string') return record.error.slice(0, MAX_MESSAGE);
    if (Array.isArray(record.errors)) {
      const messages = record.errors
        .map((e: unknown) =>
          e && typeof e === 'object' ? (e as { message?: unknown }).message : e,
        )
        .filter((m): m is string => typeof m === 'string');
      if (messages.length) return messages.join('; ').slice(0, MAX_MESSAGE);
    }
  }
  return undefined;
}

/**
 * HTTP-level behaviour only: ShipHero meters by credits (see `SHIPHERO_CREDITS`), not by
 * headers, and reports most failures as GraphQL errors inside HTTP 200 (`graphql-errors.ts`).
 */
export const shipHeroProfile: ProviderProfile = {
  provider: SHIPHERO_PROVIDER,
  readRateLimit: () => undefined,
  retryAfterMs(headers) {
    const raw = header(headers, 'Retry-After');
    if (raw === undefined) return undefined;
    const seconds = Number(raw);
    return Number.isFinite(seconds) ? Math.max(1, seconds) * 1000 : undefined;
  },
  budget: () => ({
    bucket: 'requests',
    defaults: { limit: SHIPHERO_CREDITS.requestCap, windowMs: SHIPHERO_CREDITS.requestWindowMs },
  }),
  describeError(status, body) {
    const message = describeBody(body) ?? `HTTP ${status}`;
    // A document ShipHero could not parse or validate, answered as a GraphQL error list.
    if (status === 400 && body && typeof body === 'object' && 'errors' in body) {
      return { message, reason: `${SHIPHERO_PROVIDER}.invalid_document` };
    }
    if (status === 401 || status === 403)
      return { message, reason: `${SHIPHERO_PROVIDER}.unauthorized` };
    return { message };
  },
};
