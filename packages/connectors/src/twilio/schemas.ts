import { z } from 'zod';

/**
 * Shapes of Twilio's Programmable Messaging API (2010-04-01) as far as the hub reads them.
 * Objects are loose: Twilio adds fields (and webhook parameters) without notice.
 */

/** Every status a Message resource can have (the Message resource's Status values). */
export const TWILIO_MESSAGE_STATUSES = [
  'accepted',
  'scheduled',
  'queued',
  'sending',
  'sent',
  'delivered',
  'undelivered',
  'failed',
  'canceled',
  'read',
  'partially_delivered',
  'receiving',
  'received',
] as const;
export type TwilioMessageStatus = (typeof TWILIO_MESSAGE_STATUSES)[number];

/** `SM…` for SMS, `MM…` for MMS. */
export const MESSAGE_SID = /^(SM|MM)[0-9a-fA-F]{32}$/;

/** A Message resource. Dates are RFC 2822 (`Thu, 30 Jul 2015 20:12:31 +0000`). */
export const TwilioMessageSchema = z.looseObject({
  sid: z.string().regex(MESSAGE_SID),
  account_sid: z.string(),
  to: z.string(),
  /** Null until a Messaging Service has picked the sender. */
  from: z.string().nullable(),
  messaging_service_sid: z.string().nullable().optional(),
  body: z.string(),
  /** A string, not an enum: a status added later must not make a taken message unreadable. */
  status: z.string().min(1),
  /** A string of digits; "0" while a Messaging Service has not picked the sender. */
  num_segments: z.string().nullable().optional(),
  direction: z.string(),
  error_code: z.number().int().nullable(),
  error_message: z.string().nullable(),
  date_created: z.string().nullable(),
  date_sent: z.string().nullable(),
  date_updated: z.string().nullable(),
  uri: z.string().optional(),
});
export type TwilioMessage = z.infer<typeof TwilioMessageSchema>;

/** One page of `GET …/Messages.json`: newest first, `next_page_uri` null on the last page. */
export const TwilioMessagePageSchema = z.looseObject({
  messages: z.array(TwilioMessageSchema),
  next_page_uri: z.string().nullable(),
  page: z.number().int().nonnegative(),
  page_size: z.number().int().positive(),
});
export type TwilioMessagePage = z.infer<typeof TwilioMessagePageSchema>;

/** Every error answer: `{"code": 21211, "message": "…", "more_info": "https://…", "status": 400}`. */
export const TwilioErrorBodySchema = z.looseObject({
  code: z.number().int(),
  message: z.string(),
  more_info: z.string().optional(),
  status: z.number().int(),
});
export type TwilioErrorBody = z.infer<typeof TwilioErrorBodySchema>;

const sid = z.string().regex(MESSAGE_SID);

/**
 * A status callback (POST to the message's `StatusCallback`): `MessageStatus` and, for failed
 * and undelivered messages, `ErrorCode`. `SmsSid`/`SmsStatus` repeat them under older names.
 */
export const TwilioStatusCallbackSchema = z.looseObject({
  MessageSid: sid,
  MessageStatus: z.string().min(1).max(40),
  AccountSid: z.string(),
  To: z.string(),
  From: z.string().optional(),
  ErrorCode: z
    .string()
    .regex(/^\d{1,6}$/)
    .optional(),
  MessagingServiceSid: z.string().optional(),
});
export type TwilioStatusCallback = z.infer<typeof TwilioStatusCallbackSchema>;

/**
 * An incoming message (POST to the number's or Messaging Service's incoming URL). With Advanced
 * Opt-Out, `OptOutType` names the keyword class the message matched: STOP, START or HELP.
 */
export const TwilioInboundMessageSchema = z.looseObject({
  MessageSid: sid,
  AccountSid: z.string(),
  From: z.string().min(1),
  To: z.string().min(1),
  Body: z.string(),
  OptOutType: z.string().optional(),
  MessagingServiceSid: z.string().optional(),
});
export type TwilioInboundMessage = z.infer<typeof TwilioInboundMessageSchema>;
