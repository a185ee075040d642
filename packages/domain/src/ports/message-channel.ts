/**
 * A channel that delivers a message to a customer (an SMS provider). One send is one message;
 * the hub keeps its own record of it before sending, so a send is never repeated blindly.
 */
export interface MessageChannel {
  /** What it delivers. */
  readonly channel: 'sms';
  /** The longest body it sends as one message, in characters (segments beyond cost more). */
  readonly maxBodyLength: number;
  /** Whether `body` is within the connection's length budget, counted as the provider counts. */
  fits(body: string): boolean;
  /**
   * Hands the message to the provider. Resolves with the provider's id and status, or with
   * `unknown` when it cannot be told whether the provider took it (no answer): the hub then
   * does not send it again. Throws, classified, when the provider certainly did not take it.
   */
  send(message: OutboundMessage): Promise<MessageOutcome>;
  /**
   * A sent message's delivery as the provider knows it now (for messages whose status report
   * never came); undefined when the provider has no such message.
   */
  delivery(providerRef: string): Promise<MessageDelivery | undefined>;
}

export interface MessageDelivery {
  status: MessageDeliveryStatus;
  /** The provider's reason for a message it could not deliver. */
  errorCode: number | null;
}

export interface OutboundMessage {
  /** E.164 (`+358401234567`). */
  to: string;
  body: string;
  /**
   * Where the provider reports delivery; the connection's own callback URL (recorded when its
   * webhooks were registered) when null.
   */
  statusCallbackUrl: string | null;
}

export const MESSAGE_DELIVERY_STATUSES = [
  'queued',
  'sent',
  'delivered',
  'undelivered',
  'failed',
] as const;
export type MessageDeliveryStatus = (typeof MESSAGE_DELIVERY_STATUSES)[number];

export type MessageOutcome =
  | {
      outcome: 'accepted';
      providerRef: string;
      status: MessageDeliveryStatus;
      segments: number | null;
    }
  /** The provider refused this message for good (an invalid or opted-out number). */
  | { outcome: 'refused'; reason: string; message: string; optedOut: boolean }
  | { outcome: 'unknown'; message: string };
