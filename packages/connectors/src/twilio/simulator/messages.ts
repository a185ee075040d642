import { TWILIO_API_VERSION } from '../profile';
import { smsSegments } from '../segments';
import { E164 } from '../settings';
import { rfc2822 } from './http';
import { newSid, type SimAccount, type SimMessage, type TwilioSimState } from './state';

/** Twilio's longest body, in characters. */
export const MAX_BODY_CHARACTERS = 1_600;

/**
 * Twilio's magic recipient numbers (test credentials), honoured for every account so that each
 * refusal can be had without setting anything up.
 */
export const MAGIC_RECIPIENTS: Readonly<Record<string, { code: number; message: string }>> = {
  '+15005550001': {
    code: 21211,
    message: "The 'To' number +15005550001 is not a valid phone number.",
  },
  '+15005550002': {
    code: 21612,
    message: "The 'To' phone number is not currently reachable via SMS.",
  },
  '+15005550003': {
    code: 21408,
    message:
      'Permission to send an SMS has not been enabled for the region indicated by the To number',
  },
  '+15005550004': { code: 21610, message: 'Attempt to send to unsubscribed recipient' },
  '+15005550009': { code: 21614, message: "'To' number is not a valid mobile number" },
};

/** A create's parameters, as posted. */
export interface CreateParams {
  To?: string;
  From?: string;
  MessagingServiceSid?: string;
  Body?: string;
  StatusCallback?: string;
}

export type CreateResult =
  { ok: true; message: SimMessage } | { ok: false; status: 400; code: number; message: string };

const refuse = (code: number, message: string): CreateResult => ({
  ok: false,
  status: 400,
  code,
  message,
});

const isHttpUrl = (url: string) => {
  try {
    return ['http:', 'https:'].includes(new URL(url).protocol);
  } catch {
    return false;
  }
};

/** The sender checks: From must be the account's number, the service the account's service. */
function senderRefusal(account: SimAccount, params: CreateParams): CreateResult | undefined {
  const { From: from, MessagingServiceSid: service } = params;
  if (!from && !service) return refuse(21603, "A 'From' phone number is required.");
  if (service !== undefined) {
    if (!/^MG[0-9a-fA-F]{32}$/.test(service))
      return refuse(21705, 'The Messaging Service is invalid');
    if (service !== account.messagingServiceSid) {
      return refuse(21701, `The Messaging Service Sid ${service} is invalid.`);
    }
  }
  if (from !== undefined && from !== account.phoneNumber) {
    return refuse(
      21606,
      `The From phone number ${from} is not a valid, SMS-capable inbound phone number or short code for your account.`,
    );
  }
  return undefined;
}

/** The recipient checks, in Twilio's order: format, magic numbers, landlines, opt-outs. */
function recipientRefusal(account: SimAccount, to: string): CreateResult | undefined {
  if (!E164.test(to)) return refuse(21211, `The 'To' number ${to} is not a valid phone number.`);
  const magic = MAGIC_RECIPIENTS[to];
  if (magic) return refuse(magic.code, magic.message);
  if (account.landlines.has(to)) return refuse(21614, "'To' number is not a valid mobile number");
  if (account.optedOut.has(to)) return refuse(21610, 'Attempt to send to unsubscribed recipient');
  return undefined;
}

/**
 * Creates an outbound message as `POST …/Messages.json` does, or refuses it with Twilio's code.
 * With a Messaging Service it starts `accepted` with no sender and 0 segments (the service picks
 * the sender later); with a From it starts `queued`, its segments counted.
 */
export function createMessage(
  state: TwilioSimState,
  account: SimAccount,
  params: CreateParams,
): CreateResult {
  const to = params.To?.trim() ?? '';
  if (!to) return refuse(21604, "A 'To' phone number is required.");
  const body = params.Body ?? '';
  const refusal =
    recipientRefusal(account, to) ??
    senderRefusal(account, params) ??
    (body.length === 0 ? refuse(21602, 'Message body is required.') : undefined) ??
    ([...body].length > MAX_BODY_CHARACTERS
      ? refuse(21617, 'The concatenated message body exceeds the 1600 character limit.')
      : undefined) ??
    (params.StatusCallback && !isHttpUrl(params.StatusCallback)
      ? refuse(21609, 'Invalid StatusCallback')
      : undefined);
  if (refusal) return refusal;
  const viaService = params.MessagingServiceSid !== undefined;
  const now = new Date(state.now());
  return {
    ok: true,
    message: state.add({
      sid: newSid('SM'),
      accountSid: account.accountSid,
      direction: 'outbound-api',
      to,
      from: viaService ? (params.From ?? null) : account.phoneNumber,
      messagingServiceSid: params.MessagingServiceSid ?? null,
      body,
      status: viaService ? 'accepted' : 'queued',
      numSegments: viaService ? 0 : smsSegments(body).segments,
      errorCode: null,
      errorMessage: null,
      statusCallback: params.StatusCallback || null,
      dateCreated: now,
      dateUpdated: now,
      dateSent: null,
    }),
  };
}

/** The Message resource as the API answers it. */
export function messageResource(message: SimMessage): Record<string, unknown> {
  const uri = `/${TWILIO_API_VERSION}/Accounts/${message.accountSid}/Messages/${message.sid}.json`;
  return {
    account_sid: message.accountSid,
    api_version: TWILIO_API_VERSION,
    body: message.body,
    date_created: rfc2822(message.dateCreated),
    date_sent: message.dateSent ? rfc2822(message.dateSent) : null,
    date_updated: rfc2822(message.dateUpdated),
    direction: message.direction,
    error_code: message.errorCode,
    error_message: message.errorMessage,
    from: message.from,
    messaging_service_sid: message.messagingServiceSid,
    num_media: '0',
    num_segments: String(message.numSegments),
    price: null,
    price_unit: 'USD',
    sid: message.sid,
    status: message.status,
    subresource_uris: { media: uri.replace(/\.json$/, '/Media.json') },
    to: message.to,
    uri,
  };
}

/** What the control API shows of a message. */
export function messageView(message: SimMessage) {
  return {
    sid: message.sid,
    direction: message.direction,
    to: message.to,
    from: message.from,
    body: message.body,
    segments: message.numSegments,
    status: message.status,
    errorCode: message.errorCode,
    statusCallback: message.statusCallback,
  };
}
