import { z } from 'zod';
import { sidPattern } from './credentials';

/** E.164: a plus, a country code that does not start with 0, at most 15 digits in all. */
export const E164 = /^\+[1-9]\d{1,14}$/;

/** Twilio refuses bodies over 1,600 characters (21617); at 153 septets a segment that is 11. */
export const MAX_SEGMENTS = 10;

/**
 * Per-connection options. Messages go out from one Twilio number or from a Messaging Service
 * (its sender pool, Advanced Opt-Out, its own status callback); exactly one of the two.
 * `maxSegments` is the length budget: a body that would take more is not sent. When to send
 * (quiet hours) is the store's policy and lives with the store, not here.
 */
export const TwilioSettingsSchema = z
  .object({
    from: z.string().trim().regex(E164, 'an E.164 number (+358401234567)').optional(),
    messagingServiceSid: z
      .string()
      .trim()
      .regex(sidPattern('MG'), 'a Messaging Service SID (MG + 32 hex digits)')
      .optional(),
    maxSegments: z.number().int().min(1).max(MAX_SEGMENTS).default(3),
    /**
     * The connection's webhook URL, named as each message's `StatusCallback`; recorded when the
     * connection's webhooks are registered. Without it delivery is learnt by the messages poll.
     */
    statusCallbackUrl: z.url({ protocol: /^https?$/ }).optional(),
  })
  .strict()
  .refine((s) => (s.from === undefined) !== (s.messagingServiceSid === undefined), {
    message: 'give exactly one of from and messagingServiceSid',
    path: ['from'],
  });
export type TwilioSettings = z.infer<typeof TwilioSettingsSchema>;

/** The sender parameters of a create: `From` or `MessagingServiceSid`. */
export function senderOf(
  settings: TwilioSettings,
): { from: string } | { messagingServiceSid: string } {
  return settings.messagingServiceSid
    ? { messagingServiceSid: settings.messagingServiceSid }
    : { from: settings.from ?? '' };
}
