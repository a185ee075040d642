import { TWILIO_API_VERSION } from '../profile';
import type { TwilioMessageStatus } from '../schemas';
import { smsSegments } from '../segments';
import type { TwilioDeliveries } from './deliveries';
import type { SimMessage, TwilioSimState } from './state';

/** Where a control request may move an outbound message. */
export const MOVABLE_STATUSES = ['queued', 'sent', 'delivered', 'undelivered', 'failed'] as const;
export type MovableStatus = (typeof MOVABLE_STATUSES)[number];

const FINAL: ReadonlySet<TwilioMessageStatus> = new Set([
  'delivered',
  'undelivered',
  'failed',
  'canceled',
  'read',
]);

/** The error a failure carries unless told: unreachable handset (30003), unknown error (30008). */
const DEFAULT_ERRORS = {
  undelivered: { code: 30003, message: 'Unreachable destination handset' },
  failed: { code: 30008, message: 'Unknown error' },
} as const;

/** `auto`: queued → sent → delivered on its own, `stepMs` apart; `manual`: only on request. */
export interface LifecycleSettings {
  mode: 'auto' | 'manual';
  stepMs: number;
}

/** `RawDlrDoneDate`: the carrier's delivery receipt time, `YYMMDDhhmm` UTC. */
const dlrDate = (date: Date) => date.toISOString().replace(/[-T:]/g, '').slice(2, 12);

/**
 * The statuses an outbound message passes through and the status callback Twilio posts for each
 * change (none for the status it was created with). A Messaging Service message picks its
 * sender (and so its segments) when it is queued.
 */
export class MessageLifecycle {
  private readonly timers = new Set<NodeJS.Timeout>();

  constructor(
    private readonly state: TwilioSimState,
    private readonly deliveries: TwilioDeliveries,
    public settings: LifecycleSettings,
  ) {}

  /** A new outbound message: in auto mode it is sent and delivered on its own. */
  started(message: SimMessage): void {
    if (this.settings.mode !== 'auto') return;
    this.later(() => this.move(message, 'sent'), this.settings.stepMs);
    this.later(() => this.move(message, 'delivered'), this.settings.stepMs * 2);
  }

  /** Moves the message to `target` through the statuses between; a reason when it cannot. */
  move(message: SimMessage, target: MovableStatus, errorCode?: number): string | undefined {
    if (message.direction === 'inbound') return 'an incoming message has no delivery';
    if (FINAL.has(message.status)) return `the message is ${message.status} already`;
    if (target === 'failed' && message.status === 'sent') return 'a sent message cannot fail';
    const path = this.pathTo(message.status, target);
    for (const status of path)
      this.step(message, status, status === target ? errorCode : undefined);
    return undefined;
  }

  private pathTo(from: TwilioMessageStatus, target: MovableStatus): TwilioMessageStatus[] {
    const path: TwilioMessageStatus[] = [];
    if (from === 'accepted' || from === 'scheduled') path.push('queued');
    if (target === 'queued') return path;
    if (target === 'failed') return [...path, 'failed'];
    if (from !== 'sent') path.push('sent');
    return target === 'sent' ? path : [...path, target];
  }

  private step(message: SimMessage, status: TwilioMessageStatus, errorCode?: number): void {
    const now = new Date(this.state.now());
    const account = this.state.account(message.accountSid);
    if (status === 'queued' && message.from === null && account) {
      message.from = account.phoneNumber;
      message.numSegments = smsSegments(message.body).segments;
    }
    if (status === 'sent') message.dateSent = now;
    if (status === 'undelivered' || status === 'failed') {
      const fallback = DEFAULT_ERRORS[status];
      message.errorCode = errorCode ?? fallback.code;
      message.errorMessage = errorCode === undefined ? fallback.message : null;
    }
    message.status = status;
    message.dateUpdated = now;
    if (message.statusCallback && account) {
      this.deliveries.post({
        url: message.statusCallback,
        authToken: account.authToken,
        event: `message.${status}`,
        params: this.callbackParams(message, now),
      });
    }
  }

  private callbackParams(message: SimMessage, now: Date): Record<string, string> {
    const params: Record<string, string> = {
      AccountSid: message.accountSid,
      ApiVersion: TWILIO_API_VERSION,
      MessageSid: message.sid,
      MessageStatus: message.status,
      SmsSid: message.sid,
      SmsStatus: message.status,
      To: message.to,
    };
    if (message.from) params.From = message.from;
    if (message.messagingServiceSid) params.MessagingServiceSid = message.messagingServiceSid;
    if (message.errorCode !== null) params.ErrorCode = String(message.errorCode);
    if (message.status === 'delivered' || message.status === 'undelivered') {
      params.RawDlrDoneDate = dlrDate(now);
    }
    return params;
  }

  private later(run: () => void, ms: number): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      run();
    }, ms);
    this.timers.add(timer);
  }

  /** True when no automatic step is waiting. */
  idle(): boolean {
    return this.timers.size === 0;
  }

  close(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }
}
