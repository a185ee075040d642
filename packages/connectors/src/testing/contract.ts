import { Redis } from 'ioredis';
import { PermanentError, RateLimitedError } from '@shiplink/errors';
import { RateLimiter } from '../http/rate-limiter';
import type { SimulatorControl } from './control';

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
  /** One idempotent read that succeeds on a seeded simulator. */
  readOne(client: C): Promise<unknown>;
  /** A read of something that does not exist: must fail permanently, never retry forever. */
  readMissing(client: C): Promise<unknown>;
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
      const pages = await sim.control.requests({ method: 'GET', path: subject.listPath });
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
  });
}
