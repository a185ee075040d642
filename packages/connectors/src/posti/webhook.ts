import { z } from 'zod';
import { webhookRefusal, type WebhookHandler } from '../descriptor';
import { POSTI_CALLBACK_ACKNOWLEDGEMENT, readPostiCallback } from './callback';
import { PostiCredentialsSchema } from './credentials';
import { PostiStatusEventSchema } from './schemas';

/**
 * What the inbox keeps of one tracking callback: the signed parameters as read, `event` the
 * status event of `object`. `snapshotOfEvent` reads it back, possibly long after the delivery.
 */
export const PostiTrackingEventPayloadSchema = z.object({
  trackingCode: z.string().min(1).max(100),
  /** The `event` parameter: Posti's status code. */
  eventCode: z.string().min(1).max(20),
  /** Posti's `timestamp`, unix seconds. */
  sentAt: z.number().int().nonnegative(),
  event: PostiStatusEventSchema,
});
export type PostiTrackingEventPayload = z.infer<typeof PostiTrackingEventPayloadSchema>;

/** Tracking and status codes as Posti issues them; anything else has no place in a job id. */
const SAFE_CODE = /^[A-Za-z0-9]{1,64}$/;
/** What a job id can carry of a provider's references (the jobs catalog's `ref`). */
const SAFE_REF = /^[A-Za-z0-9_-]{1,100}$/;

/**
 * `readPostiCallback`'s reference (`code:event:YYYY-MM-DD HH:MM:SS`) in the characters a job id
 * takes (the jobs catalog refuses `:` and spaces). With both codes alphanumeric only timestamps
 * differing in punctuation alone could meet, and Posti writes every timestamp one way.
 */
export function postiCallbackRef(eventRef: string): string {
  return eventRef.replace(/[^A-Za-z0-9_-]/g, '_');
}

/**
 * Posti's tracking callbacks (additional service 9901). Posti signs them with the account's API
 * secret, so the connection's credentials (not its webhook secret) authenticate them, and a
 * callback naming another account's `api_key` is refused. Posti wants `{"success": true}` back.
 */
export const postiWebhook: WebhookHandler = {
  secretInPath: false,
  dedupScope: 'connection',
  acknowledgement: POSTI_CALLBACK_ACKNOWLEDGEMENT,
  handle(request, connection) {
    const credentials = PostiCredentialsSchema.safeParse(connection.credentials);
    if (!credentials.success) {
      return webhookRefusal(401, 'no_credentials', 'the connection has no Posti API credentials');
    }
    const callback = readPostiCallback({
      rawBody: request.rawBody,
      secret: credentials.data.secret,
      apiKey: credentials.data.apiKey,
      nowMs: Date.now(),
    });
    if (!callback.ok) return callback;
    const { trackingCode, eventCode, event, sentAt } = callback;
    const eventRef = postiCallbackRef(callback.eventRef);
    if (!SAFE_CODE.test(trackingCode) || !SAFE_CODE.test(eventCode) || !SAFE_REF.test(eventRef)) {
      return webhookRefusal(400, 'invalid_payload', 'unexpected tracking code, event or timestamp');
    }
    const payload: PostiTrackingEventPayload = { trackingCode, eventCode, sentAt, event };
    return {
      ok: true,
      topic: `tracking.${eventCode}`,
      eventRef,
      payload,
      ...(event.reference ? { orderRef: event.reference } : {}),
      intent: { kind: 'tracking.updated', trackingRef: trackingCode, eventRef },
    };
  },
};
