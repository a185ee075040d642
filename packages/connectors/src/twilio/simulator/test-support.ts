import express from 'express';
import { listen, type RunningServer } from '../../simulator-kit/simulator';
import type { SimulatorControl } from '../../testing/control';
import type { InboundWebhook } from '../../descriptor';

/** Helpers for the Twilio connector's tests: real HTTP against a listening simulator. */

/** One webhook as the receiver got it: the raw bytes a signature covers, and the headers. */
export interface ReceivedWebhook {
  headers: InboundWebhook['headers'];
  body: Buffer;
  params: Record<string, string>;
}

/**
 * A merchant's endpoint for Twilio's webhooks (status callbacks and incoming messages). It keeps
 * each request's raw bytes, as the ingress does, and answers with `answers` in turn (then 200).
 */
export class WebhookReceiver {
  readonly received: ReceivedWebhook[] = [];
  answers: number[] = [];
  url = '';
  private server: RunningServer | undefined;

  async start(path = '/webhooks/twilio/c0a80101-0000-4000-8000-00000000b001'): Promise<void> {
    const app = express();
    app.post(path, express.raw({ type: () => true }), (req, res) => {
      const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      this.received.push({
        headers: req.headers,
        body,
        params: Object.fromEntries(new URLSearchParams(body.toString('utf8'))),
      });
      res.status(this.answers.shift() ?? 200).end();
    });
    this.server = await listen(app);
    this.url = `${this.server.url}${path}`;
  }

  /** The deliveries whose parameters match `where`, once at least `count` have come. */
  async waitFor(
    where: Record<string, string>,
    count = 1,
    timeoutMs = 5_000,
  ): Promise<ReceivedWebhook[]> {
    const started = Date.now();
    for (;;) {
      const found = this.received.filter((r) =>
        Object.entries(where).every(([name, value]) => r.params[name] === value),
      );
      if (found.length >= count) return found;
      if (Date.now() - started > timeoutMs) {
        throw new Error(`timed out waiting for ${count} webhook(s) with ${JSON.stringify(where)}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  async close(): Promise<void> {
    await this.server?.close();
  }
}

/** An account as the control API opens it. */
export interface OpenedTwilioAccount {
  accountSid: string;
  authToken: string;
  apiKeySid: string;
  apiKeySecret: string;
  phoneNumber: string;
  messagingServiceSid: string;
}

export const openAccount = (control: SimulatorControl) =>
  control.post<OpenedTwilioAccount>('/accounts', {});

/** A message as the control API lists it. */
export interface MessageView {
  sid: string;
  direction: string;
  to: string;
  from: string | null;
  body: string;
  segments: number;
  status: string;
  errorCode: number | null;
  statusCallback: string | null;
}

export const messagesOf = (control: SimulatorControl, accountSid: string) =>
  control.get<MessageView[]>(`/accounts/${accountSid}/messages`);

/** A raw REST call with Basic credentials, for the simulator's own tests. */
export async function restCall(
  baseUrl: string,
  path: string,
  auth: { user: string; password: string } | undefined,
  form?: Record<string, string>,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${baseUrl}${path}`, {
    method: form ? 'POST' : 'GET',
    headers: {
      ...(auth
        ? {
            authorization: `Basic ${Buffer.from(`${auth.user}:${auth.password}`).toString('base64')}`,
          }
        : {}),
      ...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
    },
    ...(form ? { body: new URLSearchParams(form).toString() } : {}),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}
