import type { MessageDeliveryStatus, MessageOutcome } from '@shiplink/domain';
import { PermanentError, RateLimitedError, ShiplinkError } from '@shiplink/errors';
import { SEND_ENDPOINT, TWILIO_PROVIDER, twilioReason } from './profile';
import type { TwilioErrorBody, TwilioMessage } from './schemas';

/** Failures to connect at all: the request was never written, so nothing reached Twilio. */
const NEVER_SENT = /ECONNREFUSED|ENOTFOUND|EAI_AGAIN|ENETUNREACH|EHOSTUNREACH/;

/** The recipient has replied STOP to this sender (Twilio keeps refusing until they send START). */
export const OPTED_OUT_CODE = 21610;

/**
 * Refusals about the connection's sender, not the recipient (From not the account's or not
 * SMS-capable, the Messaging Service unknown): every message would fail alike, so they are
 * thrown for a person to fix the settings rather than recorded against one customer.
 */
export const SENDER_CODES: ReadonlySet<number> = new Set([
  21212, 21601, 21606, 21661, 21701, 21705,
]);

/**
 * What a 400 means: the recipient opted out (21610), the sender is misconfigured (thrown), or
 * this message was refused for good (an invalid number 21211, not a mobile 21614, a body over
 * 1,600 characters 21617…). A 400 without Twilio's error body came from something in front of
 * Twilio, which made nothing: thrown.
 */
export function outcomeOfRefusal(
  refusal: TwilioErrorBody | undefined,
): Extract<MessageOutcome, { outcome: 'refused' }> {
  if (!refusal) {
    throw new PermanentError(`twilio ${SEND_ENDPOINT} → 400 without a Twilio error body`, {
      provider: TWILIO_PROVIDER,
      endpoint: SEND_ENDPOINT,
      status: 400,
      reason: 'twilio.http_400',
    });
  }
  const reason = twilioReason(refusal.code);
  if (SENDER_CODES.has(refusal.code)) {
    throw new PermanentError(`twilio refused the connection's sender: ${refusal.message}`, {
      provider: TWILIO_PROVIDER,
      endpoint: SEND_ENDPOINT,
      status: 400,
      reason,
    });
  }
  return {
    outcome: 'refused',
    reason,
    message: refusal.message,
    optedOut: refusal.code === OPTED_OUT_CODE,
  };
}

/**
 * What a create that did not come back with a Message means, sorted by what Twilio is known to
 * have done:
 *
 * - nothing (connection refused, DNS, 429 — "never processed" —, the shared budget spent before
 *   the call, 401/403): thrown, classified, for
 *   the job to retry or dead-letter;
 * - unknown (no answer, a timeout, a reset, a 5xx, a 201 we cannot read): `unknown`: Twilio may
 *   have queued it, and sending again could text the customer twice.
 *
 * Other statuses (a 404 for an account SID that is not the credentials') made nothing either and
 * are thrown as they are.
 */
export function outcomeOfFailedSend(
  error: unknown,
): Extract<MessageOutcome, { outcome: 'unknown' }> {
  // Our shared budget said wait, or Twilio answered 429: either way nothing was queued.
  if (error instanceof RateLimitedError) throw error;
  const message = error instanceof Error ? error.message : String(error);
  if (!(error instanceof ShiplinkError)) return { outcome: 'unknown', message };
  const status = error.status;
  if (status === undefined) {
    if (error.reason === 'network' && NEVER_SENT.test(message)) throw error;
    return { outcome: 'unknown', message };
  }
  if (status < 300 || status === 408 || status >= 500) return { outcome: 'unknown', message };
  throw error;
}

/**
 * Twilio's statuses in the hub's words. Accepted, scheduled and sending are all still on
 * Twilio's side (queued); read is delivered and then some; canceled never left (failed).
 * Partially delivered (some parts confirmed) counts as delivered: the customer has the text,
 * and nothing more will come for it. Statuses Twilio adds later read as queued, not final.
 */
export function deliveryStatusOf(status: string): MessageDeliveryStatus {
  switch (status) {
    case 'sent':
      return 'sent';
    case 'delivered':
    case 'read':
    case 'partially_delivered':
      return 'delivered';
    case 'undelivered':
      return 'undelivered';
    case 'failed':
    case 'canceled':
      return 'failed';
    default:
      return 'queued';
  }
}

/** The segment count of a created message; null while a Messaging Service answers "0". */
export function segmentsOf(message: TwilioMessage): number | null {
  const count = Number(message.num_segments ?? '');
  return Number.isInteger(count) && count > 0 ? count : null;
}
