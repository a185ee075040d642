import type { RedisConnection } from '@shiplink/jobs';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';

/** One limit: so many attempts per key in a window, counted in Redis by every replica. */
export interface AttemptLimit {
  name: string;
  points: number;
  windowSec: number;
}

/**
 * Several limits on one kind of attempt (per client, per account, per order), each keyed its own
 * way. An attempt counts against every limit in turn; the first one used up refuses it.
 */
export class AttemptLimits<Name extends string> {
  private readonly limiters: Map<Name, RateLimiterRedis>;

  constructor(
    redis: RedisConnection,
    prefix: string,
    limits: readonly (AttemptLimit & { name: Name })[],
  ) {
    this.limiters = new Map(
      limits.map((limit) => [
        limit.name,
        new RateLimiterRedis({
          storeClient: redis,
          keyPrefix: `${prefix}:${limit.name}`,
          points: limit.points,
          duration: limit.windowSec,
        }),
      ]),
    );
  }

  /** Counts one attempt under each limit's key; the seconds to wait when one is used up. */
  async take(keys: Readonly<Record<Name, string>>): Promise<number | undefined> {
    for (const [name, limiter] of this.limiters) {
      try {
        await limiter.consume(keys[name]);
      } catch (refusal) {
        if (refusal instanceof RateLimiterRes) return Math.ceil(refusal.msBeforeNext / 1000);
        throw refusal;
      }
    }
    return undefined;
  }

  /** Forgets one limit's count for a key (a sign-in that succeeded). */
  async reset(name: Name, key: string): Promise<void> {
    await this.limiters.get(name)?.delete(key);
  }
}
