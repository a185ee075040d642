import type { ProviderProfile } from '../http/profile';
import { header } from '../http/profile';

export const COMMERCETOOLS_PROVIDER = 'commercetools';
/** The API host of one region; the auth host is the same name with `auth.` for `api.`. */
export const COMMERCETOOLS_BASE_URL = 'https://api.europe-west1.gcp.commercetools.com';

const MAX_MESSAGE = 300;

/** `{statusCode, message, errors:[{code, message}]}`: the first error's code and the messages. */
export function commercetoolsErrorCodes(body: unknown): string[] {
  if (!body || typeof body !== 'object') return [];
  const errors = (body as { errors?: unknown }).errors;
  if (!Array.isArray(errors)) return [];
  return errors
    .map((error: unknown) =>
      error && typeof error === 'object' ? (error as { code?: unknown }).code : undefined,
    )
    .filter((code): code is string => typeof code === 'string');
}

function messageOf(body: unknown): string | undefined {
  if (!body || typeof body !== 'object') return undefined;
  const { message, error_description: description } = body as {
    message?: unknown;
    error_description?: unknown;
  };
  if (typeof message === 'string') return message.slice(0, MAX_MESSAGE);
  if (typeof description === 'string') return description.slice(0, MAX_MESSAGE);
  return undefined;
}

/**
 * How commercetools answers, classified once: the first error code becomes the reason
 * (`commercetools.InvalidOperation`, `commercetools.ConcurrentModification`…). 4xx codes such as
 * `InvalidOperation` and `InvalidInput` stay permanent, 502/503 are transient, as the shared
 * classifier says; a 409 is re-read and re-applied by the client before it ever gets here. There
 * is no published request quota, so no rate-limit headers are read.
 */
export const commercetoolsProfile: ProviderProfile = {
  provider: COMMERCETOOLS_PROVIDER,
  readRateLimit: () => undefined,
  retryAfterMs(headers) {
    const raw = header(headers, 'Retry-After');
    const seconds = raw === undefined ? NaN : Number(raw);
    return Number.isFinite(seconds) ? Math.max(1, seconds) * 1000 : undefined;
  },
  budget: (endpoint) => ({
    bucket: endpoint.includes('/oauth/token') ? 'auth' : 'api',
    // No published quota: a generous local budget keeps one connection from flooding it.
    defaults: { limit: 300, windowMs: 1_000 },
  }),
  describeError(status, body) {
    const [code] = commercetoolsErrorCodes(body);
    const message = messageOf(body) ?? `HTTP ${status}`;
    if (status === 401) return { message, reason: `${COMMERCETOOLS_PROVIDER}.unauthorized` };
    return code ? { message, reason: `${COMMERCETOOLS_PROVIDER}.${code}` } : { message };
  },
};
