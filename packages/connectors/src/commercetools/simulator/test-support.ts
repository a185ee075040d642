import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { SimulatorControl } from '../../testing/control';

/** Helpers for the simulator's own tests: real HTTP against a listening simulator. */

export type Json = Record<string, unknown>;

/** A simulator's answer: status, parsed body, headers. */
export interface Answer<T = Json> {
  status: number;
  body: T;
  headers: Headers;
}

/** One request to the simulator, answered whatever the status. */
export async function call<T = Json>(
  baseUrl: string,
  method: string,
  path: string,
  options: {
    token?: string;
    body?: unknown;
    rawBody?: string;
    headers?: Record<string, string>;
  } = {},
): Promise<Answer<T>> {
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: {
      ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      ...options.headers,
    },
    body:
      options.rawBody ?? (options.body !== undefined ? JSON.stringify(options.body) : undefined),
  });
  const text = await response.text();
  return {
    status: response.status,
    body: (text ? JSON.parse(text) : {}) as T,
    headers: response.headers,
  };
}

/** The HTTP Basic header of an API client. */
export const basic = (clientId: string, secret: string): string =>
  `Basic ${Buffer.from(`${clientId}:${secret}`).toString('base64')}`;

/** A client credentials token; the whole answer. */
export function requestToken(baseUrl: string, clientId: string, secret: string, scope?: string) {
  const query = new URLSearchParams({
    grant_type: 'client_credentials',
    ...(scope ? { scope } : {}),
  });
  return call(baseUrl, 'POST', `/oauth/token?${query.toString()}`, {
    headers: { authorization: basic(clientId, secret) },
  });
}

/** What `POST /__control/projects` answers. */
export interface OpenedProject {
  projectKey: string;
  clientId: string;
  clientSecret: string;
  scopes: string[];
}

/** A project with one API client and its token. */
export async function openProject(
  baseUrl: string,
  body: Json = {},
): Promise<OpenedProject & { token: string; control: SimulatorControl }> {
  const control = new SimulatorControl(baseUrl);
  const opened = await control.post<OpenedProject>('/projects', body);
  const token = await requestToken(baseUrl, opened.clientId, opened.clientSecret);
  return { ...opened, token: String(token.body.access_token), control };
}

/** A shipping address for drafts. */
export const ADDRESS = {
  firstName: 'Aino',
  lastName: 'Virtanen',
  streetName: 'Mannerheimintie',
  streetNumber: '12',
  postalCode: '00100',
  city: 'Helsinki',
  country: 'FI',
  email: 'aino@example.com',
  phone: '+358401234567',
};

/** The control API's compact order draft, two lines. */
export const orderDraft = (overrides: Json = {}): Json => ({
  customerEmail: 'aino@example.com',
  lines: [
    { sku: 'MUG-1', name: 'Mug', quantity: 2, centAmount: 1_250 },
    { sku: 'TEE-1', name: 'T-shirt', quantity: 1, centAmount: 2_000 },
  ],
  shippingAddress: ADDRESS,
  currency: 'EUR',
  ...overrides,
});

/** One push as the receiver got it. */
export interface ReceivedPush {
  headers: Record<string, string | string[] | undefined>;
  body: {
    message: {
      data: string;
      attributes?: Record<string, string>;
      messageId: string;
      message_id: string;
      publishTime: string;
      publish_time: string;
    };
    subscription: string;
  };
  /** The published payload, decoded from base64 and parsed. */
  payload: Json;
}

/** A push endpoint (the hub's side) that records every push and answers scripted statuses. */
export class PushReceiver {
  received: ReceivedPush[] = [];
  /** Statuses to answer, one per request; 204 once exhausted. */
  answers: number[] = [];
  url = '';
  private server: Server | undefined;

  async start(): Promise<void> {
    const app = express();
    app.post('/hooks/commercetools', express.json(), (req, res) => {
      const body = req.body as ReceivedPush['body'];
      const payload = JSON.parse(Buffer.from(body.message.data, 'base64').toString('utf8')) as Json;
      this.received.push({ headers: req.headers, body, payload });
      res.status(this.answers.shift() ?? 204).end();
    });
    const server = app.listen(0, '127.0.0.1');
    this.server = server;
    await new Promise((resolve) => server.once('listening', resolve));
    this.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/commercetools`;
  }

  clear(): void {
    this.received = [];
    this.answers = [];
  }

  /** The payloads received so far (Platform payloads, or CloudEvents' `data`). */
  payloads(): Json[] {
    return this.received.map(({ payload }) =>
      'specversion' in payload ? (payload.data as Json) : payload,
    );
  }

  async close(): Promise<void> {
    const server = this.server;
    if (!server) return;
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
}
