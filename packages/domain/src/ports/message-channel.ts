/**
 * A channel that delivers a message to a customer (an SMS provider). One send is one message;
 * the hub keeps its own record of it before sending, so a send is never repeated blindly.
 */
export interface MessageChannel {
  /** What it delivers. */
  readonly channel: 'sms';
  /** The longest body it sends as one message, in characters (segments beyond cost more). */
  readonly maxBodyLength: number;
  /**
   * Hands the message to the provider. Resolves with the provider's id and status, or with
   * `unknown` when it cannot be told whether the provider took it (no answer): the hub then
   * does not send it again. Throws, classified, when the provider certainly did not take it.
   */
  send(message: OutboundMessage): Promise<MessageOutcome>;
}

export interface OutboundMessage {
  /** E.164 (`+358401234567`). */
  to: string;
  body: string;
  /** Where the provider reports delivery (the connection's webhook URL), where it does. */
  statusCallbackUrl: string | null;
}

export type MessageDeliveryStatus = 'queued' | 'sent' | 'delivered' | 'undelivered' | 'failed';

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
