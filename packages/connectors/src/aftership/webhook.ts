import { createHmac, timingSafeEqual } from 'node:crypto';
import { PermanentError } from '@shiplink/errors';
import { header } from '../http/profile';
import { AFTERSHIP_PROVIDER } from './profile';
import { AfterShipWebhookSchema, type AfterShipWebhook } from './schemas';

export const AFTERSHIP_SIGNATURE_HEADER = 'aftership-hmac-sha256';
export const AFTERSHIP_WEBHOOK_VERSION_HEADER = 'as-webhook-version';

export type AfterShipWebhookVerification =
  { ok: true } | { ok: false; reason: 'missing_signature' | 'bad_signature' };

/** base64(HMAC-SHA256(raw body, webhook secret)) — AfterShip signs the body only, no timestamp. */
export function signAfterShipWebhook(rawBody: Buffer | string, secret: string): string {
  return createHmac('sha256', secret).update(rawBody).digest('base64');
}

/**
 * Checks `aftership-hmac-sha256` against the raw bytes as received; parsing and re-serializing
 * JSON first would change the bytes. Constant-time compare. AfterShip's scheme has no timestamp,
 * so replays are caught by `event_id` deduplication in the inbox, not here.
 */
export function verifyAfterShipWebhook(input: {
  headers: Record<string, unknown>;
  rawBody: Buffer;
  secret: string;
}): AfterShipWebhookVerification {
  const given = header(input.headers, AFTERSHIP_SIGNATURE_HEADER)?.trim();
  if (!given) return { ok: false, reason: 'missing_signature' };
  const expected = Buffer.from(signAfterShipWebhook(input.rawBody, input.secret), 'utf8');
  const actual = Buffer.from(given, 'utf8');
  // Compared as base64 text, not decoded: Node's decoder skips stray characters, and an altered
  // header should not verify. Length first, because timingSafeEqual needs equal lengths.
  if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) {
    return { ok: false, reason: 'bad_signature' };
  }
  return { ok: true };
}

/** Parses a verified body; a shape we cannot read is permanent (replaying it cannot help). */
export function parseAfterShipWebhook(body: unknown): AfterShipWebhook {
  const parsed = AfterShipWebhookSchema.safeParse(body);
  if (!parsed.success) {
    throw new PermanentError(
      `aftership webhook body is not a tracking event: ${parsed.error.issues
        .slice(0, 3)
        .map((issue) => `${issue.path.join('.')}: ${issue.message}`)
        .join('; ')}`,
      { provider: AFTERSHIP_PROVIDER, reason: 'aftership.webhook_invalid' },
    );
  }
  return parsed.data;
}

/** The inbox's dedup reference for an AfterShip event: its `event_id`, stable across retries. */
export function afterShipWebhookRef(webhook: AfterShipWebhook): string {
  return webhook.event_id;
}
