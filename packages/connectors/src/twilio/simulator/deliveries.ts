import { randomUUID } from 'node:crypto';
import { WebhookSender } from '../../simulator-kit/webhook-sender';
import { TWILIO_SIGNATURE_HEADER, twilioSignature } from '../signing';

/**
 * Twilio's own retry of a webhook is one more attempt when the connection fails (connection
 * overrides `#rc=1&rp=ct`); with overrides a URL can ask for up to five on any failure
 * (`rp=all`). The simulator retries any non-2xx three times, quickly, so that a receiver that
 * fails once still gets the delivery and a test sees the redelivery.
 */
export const TWILIO_SIM_RETRY_DELAYS_MS = [100, 200, 400];
/** Twilio waits up to 15 s for an answer (read timeout). */
export const TWILIO_SIM_WEBHOOK_TIMEOUT_MS = 15_000;

/** Posts form parameters the way Twilio does: URL-encoded, signed with the auth token. */
export class TwilioDeliveries {
  readonly sender: WebhookSender;

  constructor(options: { retryDelaysMs: number[]; timeoutMs: number }) {
    this.sender = new WebhookSender(options);
  }

  post(input: {
    url: string;
    authToken: string;
    event: string;
    params: Record<string, string>;
  }): void {
    this.sender.send({
      id: randomUUID(),
      url: input.url,
      event: input.event,
      body: new URLSearchParams(input.params).toString(),
      headers: {
        'content-type': 'application/x-www-form-urlencoded; charset=utf-8',
        [TWILIO_SIGNATURE_HEADER]: twilioSignature(input.authToken, input.url, input.params),
        'user-agent': 'TwilioProxy/1.1',
      },
    });
  }
}
