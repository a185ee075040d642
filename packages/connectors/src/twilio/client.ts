import { PermanentError } from '@shiplink/errors';
import { HttpClient } from '../http/client';
import { plumbing, type ConnectorOptions } from '../http/connector-options';
import { basicCredentials, type TwilioCredentials } from './credentials';
import {
  LIST_ENDPOINT,
  READ_ENDPOINT,
  SEND_ENDPOINT,
  TWILIO_API_VERSION,
  TWILIO_BASE_URL,
  TWILIO_PROVIDER,
  twilioProfile,
} from './profile';
import {
  TwilioErrorBodySchema,
  TwilioMessagePageSchema,
  TwilioMessageSchema,
  type TwilioErrorBody,
  type TwilioMessage,
} from './schemas';

export interface TwilioClientOptions extends Omit<ConnectorOptions<TwilioCredentials>, 'baseUrl'> {
  /** `https://api.twilio.com` unless given (a simulator's URL). */
  baseUrl?: string;
}

export interface SendMessageInput {
  /** E.164. */
  to: string;
  body: string;
  /** Exactly one of the two (the connection's settings say which). */
  from?: string;
  messagingServiceSid?: string;
  statusCallback?: string | null;
}

/** A create Twilio answered: the Message it made, or its refusal (HTTP 400 and an error code). */
export type SendMessageResult =
  | { created: true; message: TwilioMessage }
  | { created: false; refusal: TwilioErrorBody | undefined };

export interface TwilioClient {
  readonly accountSid: string;
  /**
   * Creates one outbound message, sent exactly once: not even a lost connection is retried
   * in-process, because the create may have arrived and Twilio has no idempotency key for it.
   * A 400 is answered as a refusal; everything else that is not a 201 throws, classified.
   */
  sendMessage(input: SendMessageInput): Promise<SendMessageResult>;
  /** One message; a missing one is a PermanentError (`twilio.20404`). */
  readMessage(sid: string): Promise<TwilioMessage>;
  /** Every message of the account (newest first), following `next_page_uri` to the last page. */
  listMessages(query?: { to?: string; pageSize?: number }): Promise<TwilioMessage[]>;
}

const FORM = { 'Content-Type': 'application/x-www-form-urlencoded' };
/** A next-page link that never ends is a bug somewhere; stop rather than spend the budget. */
const MAX_PAGES = 1_000;

/** Accepts the host, or the host with the version path, and answers the host. */
export function twilioApiBase(baseUrl: string = TWILIO_BASE_URL): string {
  return baseUrl.replace(/\/+$/, '').replace(new RegExp(`/${TWILIO_API_VERSION}$`), '');
}

export function createTwilioClient(options: TwilioClientOptions): TwilioClient {
  const { accountSid } = options.credentials;
  const { user, password } = basicCredentials(options.credentials);
  const http = new HttpClient({
    profile: twilioProfile,
    baseUrl: twilioApiBase(options.baseUrl),
    headers: { Authorization: `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}` },
    // Twilio's concurrency limit is per account: the account SID is the budget key.
    accountKey: options.accountKey ?? accountSid,
    ...plumbing(options),
  });
  const messagesPath = `/${TWILIO_API_VERSION}/Accounts/${accountSid}/Messages`;

  return {
    accountSid,

    async sendMessage(input) {
      const form = new URLSearchParams({ To: input.to, Body: input.body });
      if (input.messagingServiceSid) form.set('MessagingServiceSid', input.messagingServiceSid);
      if (input.from) form.set('From', input.from);
      if (input.statusCallback) form.set('StatusCallback', input.statusCallback);
      const result = await http.request({
        method: 'POST',
        path: `${messagesPath}.json`,
        endpoint: SEND_ENDPOINT,
        body: form.toString(),
        headers: FORM,
        schema: TwilioMessageSchema,
        allowStatus: [400],
        retries: 0,
      });
      if (result.status === 400) {
        const refusal = TwilioErrorBodySchema.safeParse(result.problem);
        return { created: false, refusal: refusal.success ? refusal.data : undefined };
      }
      if (!result.data) {
        throw new PermanentError(
          `twilio ${SEND_ENDPOINT} answered ${result.status} without a message`,
          {
            provider: TWILIO_PROVIDER,
            endpoint: SEND_ENDPOINT,
            status: result.status,
            reason: 'twilio.unexpected_response',
          },
        );
      }
      return { created: true, message: result.data };
    },

    async readMessage(sid) {
      const result = await http.request({
        method: 'GET',
        path: `${messagesPath}/${encodeURIComponent(sid)}.json`,
        endpoint: READ_ENDPOINT,
        schema: TwilioMessageSchema,
      });
      if (!result.data) {
        throw new PermanentError(`twilio ${READ_ENDPOINT} answered without a message`, {
          provider: TWILIO_PROVIDER,
          endpoint: READ_ENDPOINT,
          reason: 'twilio.unexpected_response',
        });
      }
      return result.data;
    },

    async listMessages(query = {}) {
      const all: TwilioMessage[] = [];
      let path = `${messagesPath}.json`;
      let params: Record<string, string | number | undefined> | undefined = {
        To: query.to,
        PageSize: query.pageSize,
      };
      for (let page = 0; page < MAX_PAGES; page++) {
        const result = await http.request({
          method: 'GET',
          path,
          endpoint: LIST_ENDPOINT,
          ...(params ? { query: params } : {}),
          schema: TwilioMessagePageSchema,
        });
        all.push(...(result.data?.messages ?? []));
        const next = result.data?.next_page_uri;
        if (!next) return all;
        // The next page's URI carries its own query (PageToken, PageSize, filters).
        path = next;
        params = undefined;
      }
      throw new PermanentError(`twilio ${LIST_ENDPOINT} did not stop paginating`, {
        provider: TWILIO_PROVIDER,
        endpoint: LIST_ENDPOINT,
        reason: 'twilio.endless_pagination',
      });
    },
  };
}
