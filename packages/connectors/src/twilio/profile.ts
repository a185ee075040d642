import { header, type ProviderProfile } from '../http/profile';
import { TwilioErrorBodySchema } from './schemas';

export const TWILIO_PROVIDER = 'twilio';
/** Twilio's REST API host; the Messages resource lives under the 2010-04-01 version. */
export const TWILIO_BASE_URL = 'https://api.twilio.com';
export const TWILIO_API_VERSION = '2010-04-01';

/**
 * Creates per second per account. Twilio publishes no REST rate, only a concurrency limit that
 * answers 429 (20429), and it queues accepted messages per sender and sends them at the sender's
 * own pace (a long code about 1 a second, a short code 100). Twenty creates a second keeps one
 * connection's burst (a carrier's batch of tracking updates) well inside that concurrency while
 * Twilio's queue, not ours, absorbs the difference to the sender's pace.
 */
export const TWILIO_SEND_BUDGET = { limit: 20, windowMs: 1_000 } as const;
/** Reads (the delivery poll, the contract's lists) have their own bucket, so they never hold up sends. */
export const TWILIO_READ_BUDGET = { limit: 10, windowMs: 1_000 } as const;

export const SEND_ENDPOINT = 'POST /Messages.json';
export const READ_ENDPOINT = 'GET /Messages/{sid}.json';
export const LIST_ENDPOINT = 'GET /Messages.json';

/** The `reason` our errors carry for a Twilio error code, e.g. `twilio.21211`. */
export const twilioReason = (code: number) => `${TWILIO_PROVIDER}.${code}`;

/**
 * The REST API's HTTP behaviour. Twilio sends no rate-limit headers; a 429 honours `Retry-After`
 * where one comes (the shared limiter's backoff otherwise). Errors are `{code, message, more_info,
 * status}`; the code becomes the reason (`twilio.21610`), which the messaging port reads.
 */
export const twilioProfile: ProviderProfile = {
  provider: TWILIO_PROVIDER,
  readRateLimit: () => undefined,
  retryAfterMs(headers) {
    const raw = header(headers, 'Retry-After');
    const seconds = raw === undefined ? NaN : Number(raw);
    return Number.isFinite(seconds) && seconds >= 0 ? Math.max(1, seconds) * 1_000 : undefined;
  },
  budget: (endpoint) =>
    endpoint === SEND_ENDPOINT
      ? { bucket: 'messages-create', defaults: { ...TWILIO_SEND_BUDGET } }
      : { bucket: 'reads', defaults: { ...TWILIO_READ_BUDGET } },
  describeError(status, body) {
    const parsed = TwilioErrorBodySchema.safeParse(body);
    if (!parsed.success) return { message: `HTTP ${status}` };
    const { code, message } = parsed.data;
    return { message: `${code}: ${message}`, reason: twilioReason(code) };
  },
};
