import { unstorableJson } from '@shiplink/domain';
import { issueDetails, webhookRefusal, type WebhookRefusal } from '../descriptor';
import { PostiStatusEventSchema, type PostiStatusEvent } from './schemas';
import { verifyParams } from './signing';

/*
 * Posti's tracking callback (additional service 9901): a form-encoded POST of `api_key`,
 * `tracking_code`, `timestamp`, `event` (the status code), `object` (one status event as JSON)
 * and `hash`, the HMAC-SHA256 of the other five values sorted by name (`signing.ts`).
 */

/** The five parameters Posti signs; anything else in the body is not authenticated and ignored. */
export const POSTI_CALLBACK_SIGNED_FIELDS = [
  'api_key',
  'event',
  'object',
  'timestamp',
  'tracking_code',
] as const;

/** What Posti expects back, within 10 seconds; anything else is re-sent after 15 minutes. */
export const POSTI_CALLBACK_ACKNOWLEDGEMENT = { status: 200, body: { success: true } } as const;

/**
 * How old a callback's `timestamp` may be. Posti re-sends an unacknowledged callback after 15
 * minutes, "multiple times" (count unpublished), and does not say whether a re-send is stamped
 * anew. A window as short as the ingress' usual five minutes could refuse every re-send, so the
 * window is a day: replays are harmless anyway, since the inbox deduplicates by `eventRef`.
 */
export const POSTI_CALLBACK_MAX_AGE_SEC = 24 * 60 * 60;
/** How far in the future a timestamp may be (clock skew between Posti and us). */
export const POSTI_CALLBACK_MAX_SKEW_SEC = 5 * 60;

const MAX_BODY_BYTES = 64 * 1024;

/** Status codes compared as numbers where they are numbers (`"022"` is 22). */
const sameCode = (a: string, b: string) =>
  /^\d+$/.test(a) && /^\d+$/.test(b) ? Number(a) === Number(b) : a.trim() === b.trim();

export interface PostiCallback {
  trackingCode: string;
  /** The `event` parameter: Posti's status code. */
  eventCode: string;
  event: PostiStatusEvent;
  /** Stable across re-sends of the same event: `${tracking_code}:${event}:${event_timestamp}`. */
  eventRef: string;
  /** Posti's `timestamp`, unix seconds. */
  sentAt: number;
}

export interface ReadPostiCallbackInput {
  /** The exact bytes received (`application/x-www-form-urlencoded`). */
  rawBody: Buffer;
  /** The connection's API secret. */
  secret: string;
  /** The connection's API key; a callback for another account is refused. */
  apiKey?: string;
  nowMs?: number;
  maxAgeSec?: number;
  maxSkewSec?: number;
}

function formFields(rawBody: Buffer): Map<string, string> | WebhookRefusal {
  if (rawBody.length === 0) return webhookRefusal(400, 'empty_body', 'request body is empty');
  if (rawBody.length > MAX_BODY_BYTES) {
    return webhookRefusal(400, 'body_too_large', `request body exceeds ${MAX_BODY_BYTES} bytes`);
  }
  const fields = new Map<string, string>();
  for (const [name, value] of new URLSearchParams(rawBody.toString('utf8'))) {
    // Two values for one signed name would leave it open which one the signature covered.
    if (fields.has(name)) {
      return webhookRefusal(400, 'duplicate_field', `form field ${name} appears twice`);
    }
    fields.set(name, value);
  }
  return fields;
}

/**
 * Authenticates and reads one tracking callback. Pure: the clock comes in `nowMs`. Refusals are
 * 401 for anything not provably Posti's (no or a wrong signature, another account, a timestamp
 * outside the window) and 400 for a signed body that is not a status event. Accepted callbacks
 * are answered with `POSTI_CALLBACK_ACKNOWLEDGEMENT`.
 */
export function readPostiCallback(
  input: ReadPostiCallbackInput,
): ({ ok: true } & PostiCallback) | WebhookRefusal {
  const fields = formFields(input.rawBody);
  if (!(fields instanceof Map)) return fields;
  const hash = fields.get('hash');
  if (!hash) return webhookRefusal(401, 'missing_signature', 'callback has no hash');
  const missing = POSTI_CALLBACK_SIGNED_FIELDS.filter((name) => !fields.has(name));
  if (missing.length) {
    return webhookRefusal(400, 'missing_fields', `callback lacks ${missing.join(', ')}`);
  }
  const signed: Record<string, string> = { hash };
  for (const name of POSTI_CALLBACK_SIGNED_FIELDS) signed[name] = fields.get(name) ?? '';
  if (!verifyParams(signed, input.secret)) {
    return webhookRefusal(401, 'bad_signature', 'callback hash does not match');
  }
  if (input.apiKey && signed.api_key?.trim().toLowerCase() !== input.apiKey.toLowerCase()) {
    return webhookRefusal(401, 'wrong_account', 'callback is for another Posti account');
  }

  const stamp = signed.timestamp?.trim() ?? '';
  if (!/^\d{1,12}$/.test(stamp)) {
    return webhookRefusal(400, 'invalid_timestamp', 'timestamp is not unix seconds');
  }
  const sentAt = Number(stamp);
  const nowSec = Math.floor((input.nowMs ?? Date.now()) / 1_000);
  if (
    nowSec - sentAt > (input.maxAgeSec ?? POSTI_CALLBACK_MAX_AGE_SEC) ||
    sentAt - nowSec > (input.maxSkewSec ?? POSTI_CALLBACK_MAX_SKEW_SEC)
  ) {
    return webhookRefusal(401, 'stale_timestamp', 'callback timestamp is outside the window');
  }

  let json: unknown;
  try {
    json = JSON.parse(signed.object ?? '');
  } catch {
    return webhookRefusal(400, 'malformed_json', 'object is not valid JSON');
  }
  const unstorable = unstorableJson(json);
  if (unstorable) return webhookRefusal(422, 'unstorable_payload', `object ${unstorable}`);
  const parsed = PostiStatusEventSchema.safeParse(json);
  if (!parsed.success) {
    return webhookRefusal(
      400,
      'invalid_payload',
      'object is not a Posti status event',
      issueDetails(parsed.error),
    );
  }
  const event = parsed.data;
  const trackingCode = signed.tracking_code?.trim() ?? '';
  const eventCode = signed.event?.trim() ?? '';
  if (!trackingCode || !eventCode) {
    return webhookRefusal(400, 'missing_fields', 'tracking_code and event must not be empty');
  }
  if (event.tracking_code && event.tracking_code !== trackingCode) {
    return webhookRefusal(400, 'inconsistent_payload', 'object is about another tracking code');
  }
  if (!sameCode(event.status_code, eventCode)) {
    return webhookRefusal(400, 'inconsistent_payload', 'object has another status code than event');
  }
  const occurred = event.event_timestamp?.trim();
  if (!occurred) {
    return webhookRefusal(400, 'invalid_payload', 'object has no event_timestamp');
  }
  return {
    ok: true,
    trackingCode,
    eventCode,
    event,
    eventRef: `${trackingCode}:${eventCode}:${occurred}`,
    sentAt,
  };
}
