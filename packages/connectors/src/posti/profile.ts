import { header, type ProviderProfile } from '../http/profile';

export const POSTI_PROVIDER = 'posti';
/** Posti Shipping (Pakettikauppa) production API; the test host is `POSTI_TEST_BASE_URL`. */
export const POSTI_BASE_URL = 'https://api.pakettikauppa.fi';
export const POSTI_TEST_BASE_URL = 'https://apitest.pakettikauppa.fi';

/**
 * Posti publishes no rate limits for this API. A modest local budget per account keeps one
 * connection (a busy checkout asking for pickup points, a backlog of labels) from hammering it.
 */
export const POSTI_LOCAL_BUDGET = { limit: 10, windowMs: 1_000 } as const;
/**
 * Prinetti, the label path: every consignment takes two calls (create-shipment, then its label),
 * so this is ten consignments a second per account.
 */
export const POSTI_PRINETTI_BUDGET = { limit: 20, windowMs: 1_000 } as const;
/** Pickup-point lookups at checkout (each postcode's answer is cached an hour by the hub). */
export const POSTI_PICKUP_BUDGET = { limit: 50, windowMs: 1_000 } as const;

const MAX_MESSAGE = 300;

/** The text of a Prinetti `<response.message>`, for XML error bodies. */
function xmlMessage(body: string): string | undefined {
  const match = /<response\.message>([\s\S]*?)<\/response\.message>/.exec(body);
  return match?.[1]?.trim() || undefined;
}

/**
 * A readable message from an error body: the JSON APIs answer `{success: false, message?}`-style
 * objects (not formally specified, so `error` and `errors[]` are read too), Prinetti answers XML.
 */
export function postiErrorMessage(body: unknown): string | undefined {
  if (typeof body === 'string') {
    const text = body.trim();
    if (!text) return undefined;
    return (text.startsWith('<') ? xmlMessage(text) : text)?.slice(0, MAX_MESSAGE);
  }
  if (body && typeof body === 'object') {
    const record = body as { message?: unknown; error?: unknown; errors?: unknown };
    for (const value of [record.message, record.error]) {
      if (typeof value === 'string' && value.trim()) return value.trim().slice(0, MAX_MESSAGE);
    }
    if (Array.isArray(record.errors)) {
      const texts = record.errors.filter((e): e is string => typeof e === 'string');
      if (texts.length) return texts.join('; ').slice(0, MAX_MESSAGE);
    }
  }
  return undefined;
}

/** Which local budget an endpoint draws from: Prinetti (labels) apart from the JSON lookups. */
function bucketOf(endpoint: string): string {
  if (endpoint.includes('/prinetti/')) return 'prinetti';
  // Checkout's lookups have a bucket of their own: shipments and status polls never starve them.
  return endpoint.includes('/pickup-point') ? 'pickup' : 'api';
}

/**
 * HTTP-level behaviour of the Posti Shipping API. No rate-limit headers are documented; a 429
 * (should one come) honours `Retry-After`. Refusals inside HTTP 200 (`{success: false}`, Prinetti
 * status codes) are read by the client and `prinetti.ts`, not here.
 */
export const postiProfile: ProviderProfile = {
  provider: POSTI_PROVIDER,
  readRateLimit: () => undefined,
  retryAfterMs(headers) {
    const raw = header(headers, 'Retry-After');
    const seconds = raw === undefined ? NaN : Number(raw);
    return Number.isFinite(seconds) ? Math.max(1, seconds) * 1000 : undefined;
  },
  budget: (endpoint) => {
    const bucket = bucketOf(endpoint);
    const defaults =
      bucket === 'pickup'
        ? POSTI_PICKUP_BUDGET
        : bucket === 'prinetti'
          ? POSTI_PRINETTI_BUDGET
          : POSTI_LOCAL_BUDGET;
    return { bucket, defaults: { ...defaults } };
  },
  describeError(status, body) {
    const message = postiErrorMessage(body) ?? `HTTP ${status}`;
    if (status === 401 || status === 403)
      return { message, reason: `${POSTI_PROVIDER}.unauthorized` };
    return { message };
  },
};
