import { z } from 'zod';
import { PermanentError } from '@shiplink/errors';
import {
  issueDetails,
  webhookRefusal,
  type WebhookHandler,
  type WebhookIntent,
  type WebhookRefusal,
} from '../descriptor';
import { header } from '../http/profile';
import { TwilioCredentialsSchema } from './credentials';
import { keywordOf, OPT_OUT_TYPES } from './keywords';
import { TWILIO_PROVIDER } from './profile';
import { TwilioInboundMessageSchema, TwilioStatusCallbackSchema } from './schemas';
import { deliveryStatusOf } from './send-outcome';
import { formParams, TWILIO_SIGNATURE_HEADER, verifyTwilioSignature } from './signing';

/** Phone numbers, short codes and channel addresses (`whatsapp:+…`), nothing else. */
const ADDRESS = z.string().regex(/^[\w+:.@-]{1,64}$/);
/** Status names as Twilio spells them; new ones are kept, not refused. */
const STATUS = z.string().regex(/^[a-z_]{1,40}$/);

/**
 * What the inbox keeps of one delivery: a status callback, or an incoming message reduced to
 * what the hub acts on. An incoming body is not kept: the hub holds no conversations, and a
 * customer's free text is personal data it has no use for; only its keyword class is.
 */
export const TwilioWebhookPayloadSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('status'),
    messageSid: z.string(),
    accountSid: z.string(),
    status: STATUS,
    errorCode: z.number().int().nullable(),
    to: ADDRESS,
  }),
  z.object({
    type: z.literal('inbound'),
    messageSid: z.string(),
    accountSid: z.string(),
    from: ADDRESS,
    to: ADDRESS,
    keyword: z.enum(OPT_OUT_TYPES).nullable(),
  }),
]);
export type TwilioWebhookPayload = z.infer<typeof TwilioWebhookPayloadSchema>;

/** A status callback carries `MessageStatus`; an incoming message does not (or says received). */
function isStatusCallback(params: Record<string, string>): boolean {
  const status = params.MessageStatus ?? params.SmsStatus;
  return status !== undefined && status !== 'received' && params.Body === undefined;
}

const unreadable = (what: string, error: z.ZodError) =>
  webhookRefusal(400, 'invalid_payload', `not a Twilio ${what}`, issueDetails(error));

/** The stored payload of verified parameters, checked once more in its own shape. */
function stored(
  what: string,
  payload: z.input<typeof TwilioWebhookPayloadSchema>,
): { ok: true; payload: TwilioWebhookPayload } | WebhookRefusal {
  const parsed = TwilioWebhookPayloadSchema.safeParse(payload);
  return parsed.success ? { ok: true, payload: parsed.data } : unreadable(what, parsed.error);
}

function payloadOf(
  params: Record<string, string>,
): { ok: true; payload: TwilioWebhookPayload } | WebhookRefusal {
  if (isStatusCallback(params)) {
    const parsed = TwilioStatusCallbackSchema.safeParse(params);
    if (!parsed.success) return unreadable('status callback', parsed.error);
    const { MessageSid, AccountSid, MessageStatus, ErrorCode, To } = parsed.data;
    return stored('status callback', {
      type: 'status',
      messageSid: MessageSid,
      accountSid: AccountSid,
      status: MessageStatus,
      errorCode: ErrorCode === undefined ? null : Number(ErrorCode),
      to: To,
    });
  }
  const parsed = TwilioInboundMessageSchema.safeParse(params);
  if (!parsed.success) return unreadable('message webhook', parsed.error);
  const { MessageSid, AccountSid, From, To, Body, OptOutType } = parsed.data;
  return stored('message webhook', {
    type: 'inbound',
    messageSid: MessageSid,
    accountSid: AccountSid,
    from: From,
    to: To,
    keyword: keywordOf(OptOutType, Body),
  });
}

/**
 * Authenticates and reads one delivery (status callback or incoming message). `url` is the URL
 * Twilio was given, exactly: the signature covers it. 401 for anything not provably Twilio's for
 * this account, 400 for a signed body that is neither kind of delivery.
 */
export function readTwilioWebhook(input: {
  headers: Record<string, unknown>;
  rawBody: Buffer;
  url: string;
  authToken: string;
  accountSid: string;
}): { ok: true; payload: TwilioWebhookPayload } | WebhookRefusal {
  const signature = header(input.headers, TWILIO_SIGNATURE_HEADER);
  if (!signature?.trim()) return webhookRefusal(401, 'missing_signature', 'no X-Twilio-Signature');
  const form = formParams(input.rawBody);
  if (!form.ok) {
    return webhookRefusal(400, 'duplicate_field', `form field ${form.duplicate} appears twice`);
  }
  const { params } = form;
  if (!verifyTwilioSignature({ authToken: input.authToken, url: input.url, params, signature })) {
    return webhookRefusal(401, 'bad_signature', 'X-Twilio-Signature does not match');
  }
  if (input.rawBody.length === 0) return webhookRefusal(400, 'empty_body', 'request body is empty');
  if (params.AccountSid !== undefined && params.AccountSid !== input.accountSid) {
    return webhookRefusal(401, 'wrong_account', 'the delivery is for another Twilio account');
  }
  return payloadOf(params);
}

/** The inbox's dedup reference: Twilio re-sends a callback, so status joins the message id. */
export function twilioWebhookRef(payload: TwilioWebhookPayload): string {
  return payload.type === 'status' ? `${payload.messageSid}-${payload.status}` : payload.messageSid;
}

function topicOf(payload: TwilioWebhookPayload): string {
  if (payload.type === 'status') return `message.${payload.status}`;
  if (payload.keyword === 'STOP') return 'message.opt-out';
  if (payload.keyword === 'START') return 'message.opt-in';
  return payload.keyword === 'HELP' ? 'message.help' : 'message.inbound';
}

/**
 * The intent of a stored Twilio payload (a verdict's `payload`); undefined when it asks for no
 * work (HELP, which Twilio answers itself, and other incoming messages). Throws a PermanentError
 * for a payload that is not one `twilioWebhook` stored.
 */
export function twilioIntentOf(
  payload: unknown,
): Extract<WebhookIntent, { kind: 'message.status' | 'message.opt-out' }> | undefined {
  const parsed = TwilioWebhookPayloadSchema.safeParse(payload);
  if (!parsed.success) {
    throw new PermanentError('the stored payload is not a Twilio delivery', {
      provider: TWILIO_PROVIDER,
      reason: 'twilio.payload_invalid',
    });
  }
  const event = parsed.data;
  if (event.type === 'status') {
    return {
      kind: 'message.status',
      providerRef: event.messageSid,
      status: deliveryStatusOf(event.status),
      errorCode: event.errorCode,
    };
  }
  if (event.keyword === 'STOP' || event.keyword === 'START') {
    return { kind: 'message.opt-out', recipient: event.from, optedOut: event.keyword === 'STOP' };
  }
  return undefined;
}

/**
 * An empty TwiML answer: Twilio reads the answer to an incoming message as instructions, and
 * this one says "reply nothing" (STOP and START are answered by Twilio itself).
 */
export const EMPTY_TWIML = '<?xml version="1.0" encoding="UTF-8"?><Response></Response>';

/**
 * Twilio's status callbacks and incoming messages, both pointed at the connection's URL (the
 * port names it as each message's `StatusCallback`; the merchant sets it as the number's or
 * Messaging Service's incoming URL). Signed with the account's auth token over that URL and the
 * form parameters.
 */
export const twilioWebhook: WebhookHandler = {
  secretInPath: false,
  dedupScope: 'connection',
  acknowledgement: { status: 200, body: EMPTY_TWIML, contentType: 'text/xml' },
  handle(request, connection) {
    const credentials = TwilioCredentialsSchema.safeParse(connection.credentials);
    if (!credentials.success) {
      return webhookRefusal(401, 'no_credentials', 'the connection has no Twilio credentials');
    }
    if (!connection.webhookUrl) {
      return webhookRefusal(401, 'no_webhook_url', 'the URL Twilio signed is not known');
    }
    const read = readTwilioWebhook({
      headers: request.headers,
      rawBody: request.rawBody,
      url: connection.webhookUrl,
      authToken: credentials.data.authToken,
      accountSid: credentials.data.accountSid,
    });
    if (!read.ok) return read;
    const intent = twilioIntentOf(read.payload);
    return {
      ok: true,
      topic: topicOf(read.payload),
      eventRef: twilioWebhookRef(read.payload),
      payload: read.payload,
      ...(intent ? { intent } : {}),
    };
  },
};
