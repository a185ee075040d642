import { randomBytes } from 'node:crypto';
import type { TwilioMessageStatus } from '../schemas';

/** A Twilio SID: its two-letter type and 32 hex digits. */
export const newSid = (prefix: string): string => `${prefix}${randomBytes(16).toString('hex')}`;

/** One account: its credentials, its one number in its one Messaging Service, its opt-outs. */
export interface SimAccount {
  accountSid: string;
  authToken: string;
  /** API keys (`SK…` → secret), which authenticate REST calls but sign nothing. */
  apiKeys: Map<string, string>;
  phoneNumber: string;
  messagingServiceSid: string;
  /** The number's / Messaging Service's "a message comes in" webhook, set in the Console. */
  incomingUrl: string | null;
  /** Recipients who texted STOP to the account's sender (Twilio keeps this list itself). */
  optedOut: Set<string>;
  /** Recipients Twilio knows as landlines (21614). */
  landlines: Set<string>;
}

export type SimDirection = 'outbound-api' | 'outbound-reply' | 'inbound';

export interface SimMessage {
  sid: string;
  accountSid: string;
  direction: SimDirection;
  to: string;
  /** Null until a Messaging Service has picked the sender. */
  from: string | null;
  messagingServiceSid: string | null;
  body: string;
  status: TwilioMessageStatus;
  /** 0 while a Messaging Service has not picked the sender. */
  numSegments: number;
  errorCode: number | null;
  errorMessage: string | null;
  statusCallback: string | null;
  dateCreated: Date;
  dateUpdated: Date;
  dateSent: Date | null;
}

/** Every account and message of the simulator, in creation order. */
export class TwilioSimState {
  readonly accounts = new Map<string, SimAccount>();
  readonly messages = new Map<string, SimMessage>();
  private numbers = 0;

  constructor(readonly now: () => number) {}

  openAccount(): SimAccount {
    this.numbers += 1;
    const account: SimAccount = {
      accountSid: newSid('AC'),
      authToken: randomBytes(16).toString('hex'),
      apiKeys: new Map([[newSid('SK'), randomBytes(16).toString('base64url')]]),
      // A Finnish mobile number of the account's own (+358 45 73…), unique in the simulator.
      phoneNumber: `+35845730${String(this.numbers).padStart(4, '0')}`,
      messagingServiceSid: newSid('MG'),
      incomingUrl: null,
      optedOut: new Set(),
      landlines: new Set(),
    };
    this.accounts.set(account.accountSid, account);
    return account;
  }

  account(accountSid: string): SimAccount | undefined {
    return this.accounts.get(accountSid);
  }

  /** Whether Basic `user:password` may act for the account: its own SID and token, or its key. */
  authenticates(account: SimAccount, user: string, password: string): boolean {
    if (user === account.accountSid) return password === account.authToken;
    return account.apiKeys.get(user) === password;
  }

  add(message: SimMessage): SimMessage {
    this.messages.set(message.sid, message);
    return message;
  }

  /** The account's messages newest first, as Twilio lists them. */
  messagesOf(accountSid: string): SimMessage[] {
    return [...this.messages.values()].filter((m) => m.accountSid === accountSid).reverse();
  }

  reset(): void {
    this.accounts.clear();
    this.messages.clear();
  }
}
