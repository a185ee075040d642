import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';

export interface GraphQLAnswer {
  status: number;
  body: {
    data?: Record<string, unknown> | null;
    errors?: Record<string, unknown>[];
  };
  headers: Headers;
}

/** One POST to the simulator's `/graphql`, answered whatever the status. */
export async function postGraphQL(
  baseUrl: string,
  token: string | undefined,
  query: string,
  variables?: Record<string, unknown>,
): Promise<GraphQLAnswer> {
  const response = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({ query, variables }),
  });
  return {
    status: response.status,
    body: (await response.json()) as GraphQLAnswer['body'],
    headers: response.headers,
  };
}

export interface ReceivedHook {
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** A webhook endpoint that records the raw bytes and answers a scripted status per request. */
export class HookReceiver {
  received: ReceivedHook[] = [];
  /** Statuses to answer, one per request; 200 once exhausted. */
  answers: number[] = [];
  url = '';
  private server: Server | undefined;

  async start(): Promise<void> {
    const app = express();
    app.post('/hooks/shiphero', express.raw({ type: '*/*' }), (req, res) => {
      this.received.push({ headers: req.headers, body: req.body as Buffer });
      res.status(this.answers.shift() ?? 200).json({ code: '200', Status: 'Success' });
    });
    const server = app.listen(0, '127.0.0.1');
    this.server = server;
    await new Promise((resolve) => server.once('listening', resolve));
    this.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/shiphero`;
  }

  clear(): void {
    this.received = [];
    this.answers = [];
  }

  /** The parsed bodies of the deliveries of one webhook type. */
  ofType(type: string): { hook: ReceivedHook; payload: Record<string, unknown> }[] {
    return this.received
      .map((hook) => ({ hook, payload: JSON.parse(hook.body.toString('utf8')) }))
      .filter(({ payload }) => payload.webhook_type === type);
  }

  async close(): Promise<void> {
    const server = this.server;
    if (!server) return;
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
}
