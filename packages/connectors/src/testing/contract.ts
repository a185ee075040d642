import express from 'express';
import { Redis } from 'ioredis';
import { PermanentError, RateLimitedError } from '@shiplink/errors';
import type {
  InboundWebhook,
  WebhookConnection,
  WebhookHandler,
  WebhookIntent,
  WebhookVerdict,
} from '../descriptor';
import { RateLimiter } from '../http/rate-limiter';
import { listen, type RunningServer } from '../simulator-kit/simulator';
import type { SimulatorControl } from './control';

type Headers = InboundWebhook['headers'];

/**
 * A connector's webhook handler (its descriptor's `webhook`) fed with what its simulator really
 * sends. The battery runs a receiver laid out like the ingress route
 * (`/webhooks/{provider}/{connectionId}` plus `/{secret}` for providers that sign nothing) and
 * answers the first attempt with a 503, so the simulator's own retry is the redelivery.
 */
export interface WebhookDeliveryContract {
  handler: WebhookHandler;
  /** The connection the simulator's deliveries are meant for; read once the simulator runs. */
  connection(): WebhookConnection;
  /** Points the simulator at `destination` and has it send one event there, as the provider would. */
  send(control: SimulatorControl, destination: string): Promise<void>;
  /** What the event asks the hub to do. */
  intent: WebhookIntent['kind'];
  /**
   * The authentication headers the provider would send with `body` for `connection`, reusing
   * what it needs (ids, timestamps) from the genuine delivery's headers. Required unless the
   * handler authenticates by a secret in the path.
   */
  sign?(body: Buffer, genuine: Headers, connection: WebhookConnection): Record<string, string>;
}

/**
 * What every connector provides to the shared contract battery. `C` is the connector's client.
 * The battery runs against the connector's own simulator on the real Redis.
 */
export interface ContractSubject<C> {
  provider: string;
  /** Starts a fresh simulator. */
  start(): Promise<{ control: SimulatorControl; close(): Promise<void> }>;
  /** A client for the running simulator, sharing `limiter`; `maxInlineWaitMs` bounds waits. */
  client(options: { limiter: RateLimiter; maxInlineWaitMs?: number; accountKey: string }): C;
  /** Puts `count` listable resources into the simulator (more than one page of them). */
  seed(control: SimulatorControl, count: number): Promise<void>;
  /** Lists every seeded resource through the client (the client must follow pagination). */
  listAll(client: C): Promise<unknown[]>;
  /** Path prefix of the list endpoint, to count the pages requested. */
  listPath: string;
  /** The list endpoint's method (GraphQL APIs list with POST); GET unless given. */
  listMethod?: 'GET' | 'POST';
  /** One idempotent read that succeeds on a seeded simulator. */
  readOne(client: C): Promise<unknown>;
  /** A read of something that does not exist: must fail permanently, never retry forever. */
  readMissing(client: C): Promise<unknown>;
  /**
   * A request the provider refuses as malformed (for GraphQL, a document outside its schema),
   * answered as the hub classifies it: must fail permanently.
   */
  sendMalformed?(control: SimulatorControl): Promise<unknown>;
  /**
   * For providers that meter by credits: leaves the client's account short of credits, so that
   * the next read is refused until the bucket refills.
   */
  exhaustCredits?(control: SimulatorControl): Promise<void>;
  /** A correctly signed webhook and the verifier for it. */
  webhook: {
    signed(): { headers: Record<string, string>; body: Buffer };
    /** Returns true when the request is authentic. */
    verify(headers: Record<string, string>, body: Buffer): boolean;
    /**
     * A forged variant of the signed request. Defaults to a changed body; providers that
     * authenticate by a URL token instead of a body signature change the token.
     */
    tamper?(signed: { headers: Record<string, string>; body: Buffer }): {
      headers: Record<string, string>;
      body: Buffer;
    };
  };
  /** Vendor fixture → our model: asserts inside, throws on mismatch. */
  fixtureMapping(): void;
  /** Every provider whose descriptor has a `webhook` gives its handler here. */
  webhookDelivery?: WebhookDeliveryContract;
}

interface Received {
  headers: Headers;
  body: Buffer;
  pathSecret: string | undefined;
}

async function waitFor<T>(what: string, probe: () => T | undefined, timeoutMs: number): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/**
 * One byte changed, the length and JSON validity kept, so only authentication can catch it:
 * the last digit moves on by one (the last digit of a run is never a leading zero).
 */
function alterOneByte(body: Buffer): Buffer {
  const altered = Buffer.from(body);
  for (let i = altered.length - 1; i >= 0; i--) {
    const byte = altered[i]!;
    if (byte >= 0x30 && byte <= 0x39) {
      altered[i] = 0x30 + ((byte - 0x30 + 1) % 10);
      return altered;
    }
  }
  altered[altered.length - 1] = altered[altered.length - 1]! ^ 0x01;
  return altered;
}

/** The accepted verdict, or a failure that says why the delivery was refused. */
function accepted(verdict: WebhookVerdict): Extract<WebhookVerdict, { ok: true }> {
  if (!verdict.ok) throw new Error(`refused ${verdict.status} ${verdict.code}: ${verdict.message}`);
  return verdict;
}

/** The battery's webhook part: see {@link WebhookDeliveryContract}. */
function describeWebhookDelivery(
  provider: string,
  contract: WebhookDeliveryContract,
  simulator: () => { control: SimulatorControl },
): void {
  describe('webhook delivery through the descriptor', () => {
    const { handler } = contract;
    let receiver: RunningServer;
    const received: Received[] = [];
    let connection: WebhookConnection;
    let genuine: Received;
    let redelivery: Received;

    /** As the ingress does: the handler's own authentication first, where it has one. */
    const handle = async (
      request: { headers: Headers; body: Buffer; pathSecret: string | undefined },
      to: WebhookConnection = connection,
    ): Promise<WebhookVerdict> => {
      const inbound = {
        headers: request.headers,
        rawBody: request.body,
        pathSecret: request.pathSecret,
        toleranceSec: 300,
      };
      const refusal = handler.authenticate ? await handler.authenticate(inbound, to) : undefined;
      return refusal ?? handler.handle(inbound, to);
    };
    /** Authenticated as the provider would for `body`; the path secret needs nothing more. */
    const authentic = (body: Buffer) => {
      if (handler.secretInPath) return { ...genuine, body };
      if (!contract.sign)
        throw new Error(`${provider}: a signed scheme needs sign() in the contract`);
      return {
        ...genuine,
        headers: { ...genuine.headers, ...contract.sign(body, genuine.headers, connection) },
        body,
      };
    };

    beforeAll(async () => {
      connection = contract.connection();
      const prefix = `/webhooks/${provider}/${encodeURIComponent(connection.id)}`;
      const app = express();
      // The raw bytes, as the ingress keeps them for the signature.
      app.use(express.raw({ type: () => true, limit: '5mb' }), (req, res) => {
        const rest = req.path === prefix ? undefined : req.path.slice(prefix.length + 1);
        if (req.method !== 'POST' || (rest !== undefined && !req.path.startsWith(`${prefix}/`))) {
          return void res.status(404).end();
        }
        received.push({
          headers: req.headers,
          body: Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0),
          pathSecret: rest === undefined ? undefined : decodeURIComponent(rest),
        });
        // The first attempt fails so that the simulator delivers the same event again.
        res.status(received.length === 1 ? 503 : 200).end();
      });
      receiver = await listen(app);
      const secretPart = handler.secretInPath
        ? `/${encodeURIComponent(connection.webhookSecret)}`
        : '';
      const { control } = simulator();
      await control.clearFaults();
      await contract.send(control, `${receiver.url}${prefix}${secretPart}`);
      genuine = await waitFor('a delivery', () => received[0], 8_000);
      redelivery = await waitFor(
        'a redelivery',
        () => received.slice(1).find((entry) => entry.body.equals(genuine.body)),
        8_000,
      );
    }, 20_000);

    afterAll(async () => {
      await receiver?.close();
    });

    it('accepts a genuine delivery with its topic, event reference and intent', async () => {
      const verdict = accepted(await handle(genuine));
      expect(verdict.topic).toEqual(expect.stringMatching(/\S/));
      expect(verdict.eventRef).toEqual(expect.stringMatching(/\S/));
      expect(verdict.intent?.kind).toBe(contract.intent);
    });

    it('gives a redelivery of the same event the same event reference', async () => {
      expect(accepted(await handle(redelivery)).eventRef).toBe(
        accepted(await handle(genuine)).eventRef,
      );
    });

    if (handler.secretInPath) {
      it('refuses a wrong or missing path secret with 401', async () => {
        const secret = genuine.pathSecret ?? '';
        const last = secret.at(-1) === 'x' ? 'y' : 'x';
        const wrong = { ...genuine, pathSecret: `${secret.slice(0, -1)}${last}` };
        expect(await handle(wrong)).toMatchObject({ ok: false, status: 401 });
        expect(await handle({ ...genuine, pathSecret: undefined })).toMatchObject({
          ok: false,
          status: 401,
        });
      });
    } else if (handler.authenticate) {
      // A bearer token (Pub/Sub push) proves the sender, not the bytes (TLS protects those).
      it('refuses a delivery without its token with 401', async () => {
        const headers = { ...genuine.headers };
        delete headers.authorization;
        expect(await handle({ ...genuine, headers })).toMatchObject({ ok: false, status: 401 });
      });
    } else {
      it('refuses a body altered by one byte with 401', async () => {
        const body = alterOneByte(genuine.body);
        expect(body.length).toBe(genuine.body.length);
        expect(body.equals(genuine.body)).toBe(false);
        expect(await handle({ ...genuine, body })).toMatchObject({ ok: false, status: 401 });
      });
    }

    it('refuses an empty body with 400', async () => {
      expect(await handle(authentic(Buffer.alloc(0)))).toMatchObject({ ok: false, status: 400 });
    });

    it('refuses a body that is not JSON with 400', async () => {
      const body = Buffer.from('resource_url=not-json');
      expect(await handle(authentic(body))).toMatchObject({ ok: false, status: 400 });
    });

    it('refuses the genuine delivery for another connection of the provider with 401', async () => {
      // Another connection has another secret, and another URL (the audience of a push token).
      const other = {
        ...connection,
        webhookSecret: `${connection.webhookSecret}-other`,
        ...(connection.webhookUrl ? { webhookUrl: `${connection.webhookUrl}-other` } : {}),
      };
      expect(await handle(genuine, other)).toMatchObject({ ok: false, status: 401 });
    });
  });
}

/** The battery every connector passes. Call inside a test file: `runConnectorContract(subject)`. */
export function runConnectorContract<C>(subject: ContractSubject<C>): void {
  describe(`${subject.provider} connector contract`, () => {
    let redis: Redis;
    let limiter: RateLimiter;
    let sim: { control: SimulatorControl; close(): Promise<void> };
    let account = 0;
    const fresh = (maxInlineWaitMs = 5_000) =>
      subject.client({
        limiter,
        maxInlineWaitMs,
        accountKey: `contract-${process.pid}-${Date.now()}-${account++}`,
      });

    beforeAll(async () => {
      redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', {
        maxRetriesPerRequest: 3,
      });
      limiter = new RateLimiter({ redis, prefix: `contract-${process.pid}`, fallbackBaseMs: 200 });
      sim = await subject.start();
      await subject.seed(sim.control, 7);
    });

    afterAll(async () => {
      await sim.close();
      redis.disconnect();
    });

    beforeEach(async () => {
      await sim.control.clearFaults();
      await sim.control.clearRequests();
    });

    it('follows pagination to the last page', async () => {
      const all = await subject.listAll(fresh());
      expect(all.length).toBeGreaterThanOrEqual(7);
      const pages = await sim.control.requests({
        method: subject.listMethod ?? 'GET',
        path: subject.listPath,
      });
      expect(pages.length).toBeGreaterThan(1);
    });

    it('waits out a 429 with rate-limit headers, then succeeds', async () => {
      await sim.control.addFault({ kind: 'rate_limit', count: 1, resetMs: 300 });
      await expect(subject.readOne(fresh())).resolves.toBeDefined();
      const seen = await sim.control.requests();
      expect(seen.map((r) => r.status)).toEqual(expect.arrayContaining([429]));
    });

    it('backs off after a 429 without headers, then succeeds', async () => {
      await sim.control.addFault({ kind: 'rate_limit_bare', count: 1 });
      await expect(subject.readOne(fresh())).resolves.toBeDefined();
    });

    it('hands a long rate-limit wait to the job runtime instead of blocking', async () => {
      await sim.control.addFault({ kind: 'rate_limit', count: 1, resetMs: 30_000 });
      await expect(subject.readOne(fresh(100))).rejects.toBeInstanceOf(RateLimitedError);
    });

    it('retries a transient 5xx and succeeds', async () => {
      await sim.control.addFault({ kind: 'server_error', count: 1, status: 503 });
      await expect(subject.readOne(fresh())).resolves.toBeDefined();
      const statuses = (await sim.control.requests()).map((r) => r.status);
      expect(statuses).toEqual(expect.arrayContaining([503]));
    });

    it('fails a missing resource permanently', async () => {
      await expect(subject.readMissing(fresh())).rejects.toBeInstanceOf(PermanentError);
    });

    if (subject.sendMalformed) {
      const sendMalformed = subject.sendMalformed;
      it('fails a request the provider refuses as malformed permanently', async () => {
        await expect(sendMalformed(sim.control)).rejects.toBeInstanceOf(PermanentError);
      });
    }

    if (subject.exhaustCredits) {
      const exhaustCredits = subject.exhaustCredits;
      it('hands a credit shortage to the job runtime with the wait it names, then succeeds', async () => {
        const client = fresh(100);
        // The first read learns what the read costs; the bucket is emptied behind it.
        await subject.readOne(client);
        await exhaustCredits(sim.control);
        const refused = await subject.readOne(client).catch((error: unknown) => error);
        expect(refused).toBeInstanceOf(RateLimitedError);
        const { waitMs } = refused as RateLimitedError;
        expect(waitMs).toBeGreaterThan(0);
        await new Promise((resolve) => setTimeout(resolve, waitMs + 50));
        await expect(subject.readOne(client)).resolves.toBeDefined();
      });
    }

    it('accepts its own signed webhook and rejects a tampered one', () => {
      const signed = subject.webhook.signed();
      expect(subject.webhook.verify(signed.headers, signed.body)).toBe(true);
      const forged = subject.webhook.tamper
        ? subject.webhook.tamper(signed)
        : { headers: signed.headers, body: Buffer.concat([signed.body, Buffer.from(' ')]) };
      expect(subject.webhook.verify(forged.headers, forged.body)).toBe(false);
    });

    it('maps its vendor fixture', () => {
      expect(() => subject.fixtureMapping()).not.toThrow();
    });

    if (subject.webhookDelivery) {
      describeWebhookDelivery(subject.provider, subject.webhookDelivery, () => sim);
    }
  });
}
