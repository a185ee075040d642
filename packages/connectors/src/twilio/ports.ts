import type { MessageChannel, MessageDelivery, MessageOutcome } from '@shiplink/domain';
import { PermanentError, ShiplinkError } from '@shiplink/errors';
import type { TwilioClient } from './client';
import { SEND_ENDPOINT, TWILIO_PROVIDER, twilioReason } from './profile';
import { gsm7Budget, smsSegments } from './segments';
import {
  deliveryStatusOf,
  outcomeOfFailedSend,
  outcomeOfRefusal,
  segmentsOf,
} from './send-outcome';
import { senderOf, type TwilioSettings } from './settings';

/**
 * Twilio Programmable Messaging as the hub's SMS channel. `maxBodyLength` is the GSM-7 budget
 * of `maxSegments` parts; a body that would take more parts (extension characters, UCS-2) is
 * refused before anything is sent, so the length budget holds whatever the text.
 */
export function twilioMessages(client: TwilioClient, settings: TwilioSettings): MessageChannel {
  return {
    channel: 'sms',
    maxBodyLength: gsm7Budget(settings.maxSegments),
    fits(body) {
      const { segments } = smsSegments(body);
      return segments > 0 && segments <= settings.maxSegments;
    },
    async send(message): Promise<MessageOutcome> {
      const { segments, encoding } = smsSegments(message.body);
      if (segments === 0 || segments > settings.maxSegments) {
        throw new PermanentError(
          `the message takes ${segments} ${encoding} segments; the connection allows 1 to ${settings.maxSegments}`,
          { provider: TWILIO_PROVIDER, endpoint: SEND_ENDPOINT, reason: 'twilio.body_length' },
        );
      }
      let result: Awaited<ReturnType<TwilioClient['sendMessage']>>;
      try {
        result = await client.sendMessage({
          to: message.to,
          body: message.body,
          statusCallback: message.statusCallbackUrl ?? settings.statusCallbackUrl ?? null,
          ...senderOf(settings),
        });
      } catch (error) {
        return outcomeOfFailedSend(error);
      }
      if (!result.created) return outcomeOfRefusal(result.refusal);
      return {
        outcome: 'accepted',
        providerRef: result.message.sid,
        status: deliveryStatusOf(result.message.status),
        segments: segmentsOf(result.message),
      };
    },
    delivery: (providerRef) => readDeliveryStatus(client, providerRef),
  };
}

/**
 * A sent message's delivery as Twilio knows it now, for the poll of messages whose status
 * callback never came; undefined when Twilio has no such message (deleted, or another account).
 */
export async function readDeliveryStatus(
  client: TwilioClient,
  providerRef: string,
): Promise<MessageDelivery | undefined> {
  try {
    const message = await client.readMessage(providerRef);
    return { status: deliveryStatusOf(message.status), errorCode: message.error_code };
  } catch (error) {
    if (error instanceof ShiplinkError && error.reason === twilioReason(20404)) return undefined;
    throw error;
  }
}
