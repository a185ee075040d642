import type { MessageDeliveryStatus } from '@shiplink/domain';
import { PermanentError } from '@shiplink/errors';
import { TWILIO_PROVIDER } from './profile';
import { deliveryStatusOf } from './send-outcome';
import { TwilioWebhookPayloadSchema } from './webhook';

/**
 * The work a Twilio delivery asks for, proposed for the hub's `WebhookIntent` (which has no
 * messaging intents yet): a sent message's delivery changed, or a customer opted out (STOP) or
 * back in (START) by texting the sender. `providerRef` is the Message SID the send answered.
 */
export type TwilioProposedIntent =
  | { kind: 'message.status'; providerRef: string; status: MessageDeliveryStatus }
  | { kind: 'message.opt-out'; recipient: string; optedOut: boolean };

/**
 * The intent of a stored Twilio payload (a verdict's `payload`); undefined when it asks for no
 * work (HELP, which Twilio answers itself, and other incoming messages). Throws a PermanentError
 * for a payload that is not one `twilioWebhook` stored.
 */
export function twilioIntentOf(payload: unknown): TwilioProposedIntent | undefined {
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
    };
  }
  if (event.keyword === 'STOP' || event.keyword === 'START') {
    return { kind: 'message.opt-out', recipient: event.from, optedOut: event.keyword === 'STOP' };
  }
  return undefined;
}
