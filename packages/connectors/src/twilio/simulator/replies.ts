import { TWILIO_API_VERSION } from '../profile';
import { smsSegments } from '../segments';
import { keywordOf, type OptOutType } from '../keywords';
import type { TwilioDeliveries } from './deliveries';
import { newSid, type SimAccount, type SimMessage, type TwilioSimState } from './state';

/** What Twilio answers a keyword with by default (the reply is Twilio's, not the merchant's). */
export const KEYWORD_REPLIES: Readonly<Record<OptOutType, string>> = {
  STOP: 'You have successfully been unsubscribed. You will not receive any more messages from this number. Reply START to resubscribe.',
  START:
    'You have successfully been re-subscribed to messages from this number. Reply HELP for help. Reply STOP to unsubscribe. Msg&Data Rates May Apply.',
  HELP: 'Reply STOP to unsubscribe. Msg&Data Rates May Apply.',
};

export interface Reply {
  message: SimMessage;
  keyword: OptOutType | null;
  /** Whether the account has an incoming URL the message was posted to. */
  forwarded: boolean;
}

/**
 * A customer texts the account's number. As Twilio (Advanced Opt-Out of the account's Messaging
 * Service) does: a STOP keyword adds them to the opt-outs, so later sends to them fail with
 * 21610, START removes them, and Twilio answers each keyword itself. The message is then posted,
 * signed, to the incoming URL, `OptOutType` naming the keyword class.
 */
export function receiveReply(
  state: TwilioSimState,
  deliveries: TwilioDeliveries,
  account: SimAccount,
  input: { from: string; body: string },
): Reply {
  const keyword = keywordOf(undefined, input.body);
  if (keyword === 'STOP') account.optedOut.add(input.from);
  if (keyword === 'START') account.optedOut.delete(input.from);
  const now = new Date(state.now());
  const base = {
    accountSid: account.accountSid,
    messagingServiceSid: account.messagingServiceSid,
    errorCode: null,
    errorMessage: null,
    statusCallback: null,
    dateCreated: now,
    dateUpdated: now,
    dateSent: now,
  };
  const message = state.add({
    ...base,
    sid: newSid('SM'),
    direction: 'inbound',
    to: account.phoneNumber,
    from: input.from,
    body: input.body,
    status: 'received',
    numSegments: Math.max(1, smsSegments(input.body).segments),
  });
  if (keyword) {
    const text = KEYWORD_REPLIES[keyword];
    state.add({
      ...base,
      sid: newSid('SM'),
      direction: 'outbound-reply',
      to: input.from,
      from: account.phoneNumber,
      body: text,
      status: 'delivered',
      numSegments: smsSegments(text).segments,
    });
  }
  if (account.incomingUrl) {
    const params: Record<string, string> = {
      AccountSid: account.accountSid,
      ApiVersion: TWILIO_API_VERSION,
      Body: input.body,
      From: input.from,
      MessageSid: message.sid,
      MessagingServiceSid: account.messagingServiceSid,
      NumMedia: '0',
      NumSegments: String(message.numSegments),
      SmsMessageSid: message.sid,
      SmsSid: message.sid,
      SmsStatus: 'received',
      To: account.phoneNumber,
    };
    if (keyword) params.OptOutType = keyword;
    deliveries.post({
      url: account.incomingUrl,
      authToken: account.authToken,
      event: 'message.received',
      params,
    });
  }
  return { message, keyword, forwarded: account.incomingUrl !== null };
}
