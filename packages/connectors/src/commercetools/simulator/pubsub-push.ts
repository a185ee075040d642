import axios from 'axios';
import type { OidcSigner, TokenFlaw } from './oidc';

/** The status codes a push endpoint acknowledges a message with; any other is a nack. */
export const PUSH_SUCCESS_CODES: ReadonlySet<number> = new Set([102, 200, 201, 202, 204]);

/** How pushes are retried and timed out. */
export interface PushSettings {
  /** First retry delay; Pub/Sub's own minimum backoff is 10 s, tests use milliseconds. */
  minBackoffMs: number;
  /** Longest retry delay; Pub/Sub's is 600 s. */
  maxBackoffMs: number;
  /** Attempts before a message is dead-lettered (Pub/Sub would keep trying until it expires). */
  maxAttempts: number;
  /** How long an endpoint has to answer (Pub/Sub's acknowledgement deadline, 10 s by default). */
  timeoutMs: number;
}

/** Test-friendly defaults: retries after 100 ms, 200 ms, 400 ms, 800 ms (max 2 s), 5 attempts. */
export const DEFAULT_PUSH_SETTINGS: PushSettings = {
  minBackoffMs: 100,
  maxBackoffMs: 2_000,
  maxAttempts: 5,
  timeoutMs: 10_000,
};

/** One POST to a push endpoint and how it ended. */
export interface PushAttempt {
  at: string;
  status?: number;
  error?: string;
  durationMs: number;
  /** What was wrong with the attempt's token, if the token faults were on. */
  tokenFlaw?: TokenFlaw;
}

/** Where a push delivery is: held by a fault, in flight, waiting to retry, done, or given up. */
export type PushState = 'held' | 'in-flight' | 'retrying' | 'delivered' | 'dead-lettered';

/** One message on its way to one push subscription (a duplicate is a second delivery). */
export interface PushDelivery {
  id: string;
  messageId: string;
  subscription: string;
  topic: string;
  pushEndpoint: string;
  audience: string;
  serviceAccountEmail: string;
  /** The exact JSON POSTed. */
  body: string;
  duplicate: boolean;
  state: PushState;
  attempts: PushAttempt[];
}

/**
 * Pub/Sub's push side: POST the push JSON with `Authorization: Bearer <ID token>`, treat 102,
 * 200, 201, 202 and 204 as an acknowledgement and anything else (or no answer in time) as a
 * nack, retry with exponential backoff, and dead-letter after `maxAttempts`. Never blocks the
 * caller.
 */
export class PushDeliverer {
  private readonly timers = new Set<NodeJS.Timeout>();
  private inFlight = 0;
  /** The token flaw and how many more attempts get it (Infinity = until cleared). */
  private flaw: { flaw: TokenFlaw; left: number } | undefined;

  constructor(
    private readonly signer: OidcSigner,
    public settings: PushSettings,
    private readonly now: () => number,
  ) {}

  setTokenFlaw(flaw: TokenFlaw | undefined, count = Number.POSITIVE_INFINITY): void {
    this.flaw = flaw && Object.keys(flaw).length > 0 ? { flaw, left: count } : undefined;
  }

  get tokenFlaw(): (TokenFlaw & { count?: number }) | undefined {
    if (!this.flaw) return undefined;
    return {
      ...this.flaw.flaw,
      ...(Number.isFinite(this.flaw.left) ? { count: this.flaw.left } : {}),
    };
  }

  private takeFlaw(): TokenFlaw | undefined {
    if (!this.flaw) return undefined;
    const { flaw } = this.flaw;
    this.flaw.left -= 1;
    if (this.flaw.left <= 0) this.flaw = undefined;
    return flaw;
  }

  /** Sends one attempt now; retries are scheduled by itself. Resolves when the attempt ends. */
  async attempt(delivery: PushDelivery): Promise<void> {
    delivery.state = 'in-flight';
    this.inFlight += 1;
    const started = this.now();
    const flaw = this.takeFlaw();
    const attempt: PushAttempt = {
      at: new Date(started).toISOString(),
      durationMs: 0,
      ...(flaw ? { tokenFlaw: flaw } : {}),
    };
    delivery.attempts.push(attempt);
    let acknowledged = false;
    try {
      const token = await this.signer.idToken(
        delivery.audience,
        delivery.serviceAccountEmail,
        flaw,
      );
      const response = await axios.post(delivery.pushEndpoint, delivery.body, {
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${token}`,
          'user-agent': 'APIs-Google; (+https://developers.google.com/webmasters/APIs-Google.html)',
        },
        timeout: this.settings.timeoutMs,
        validateStatus: () => true,
        transformRequest: [(data: unknown) => data],
        maxRedirects: 0,
      });
      attempt.status = response.status;
      acknowledged = PUSH_SUCCESS_CODES.has(response.status);
    } catch (error) {
      attempt.error = error instanceof Error ? error.message : String(error);
    } finally {
      attempt.durationMs = this.now() - started;
      this.inFlight -= 1;
    }
    if (acknowledged) {
      delivery.state = 'delivered';
      return;
    }
    if (delivery.attempts.length >= this.settings.maxAttempts) {
      delivery.state = 'dead-lettered';
      return;
    }
    delivery.state = 'retrying';
    const backoff = Math.min(
      this.settings.maxBackoffMs,
      this.settings.minBackoffMs * 2 ** (delivery.attempts.length - 1),
    );
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      void this.attempt(delivery);
    }, backoff);
    this.timers.add(timer);
  }

  /** Nothing in flight and no retry waiting. */
  idle(): boolean {
    return this.inFlight === 0 && this.timers.size === 0;
  }

  close(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    this.flaw = undefined;
  }
}
