import type { RedisConnection } from '@shiplink/jobs';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';

/**
 * Lookups are limited per client (guessing many orders) and per order (many people guessing one
 * order's e-mail), in Redis so every page process counts together. Every lookup counts, found or
 * not, so the limits say nothing about which orders exist.
 */
export class LookupLimits {
  private readonly perClient: RateLimiterRedis;
  private readonly perOrder: RateLimiterRedis;

  constructor(
    redis: RedisConnection,
    options: { prefix: string; perClient: number; perOrder: number; windowSec: number },
  ) {
    const common = { storeClient: redis, duration: options.windowSec };
    this.perClient = new RateLimiterRedis({
      ...common,
      keyPrefix: `${options.prefix}:lookup:client`,
      points: options.perClient,
    });
    this.perOrder = new RateLimiterRedis({
      ...common,
      keyPrefix: `${options.prefix}:lookup:order`,
      points: options.perOrder,
    });
  }

  /** Counts one lookup; the seconds to wait when a limit is used up, else undefined. */
  async take(client: string, orderKey: string): Promise<number | undefined> {
    for (const [limiter, key] of [
      [this.perClient, client],
      [this.perOrder, orderKey],
    ] as const) {
      try {
        await limiter.consume(key);
      } catch (refusal) {
        if (refusal instanceof RateLimiterRes) return Math.ceil(refusal.msBeforeNext / 1000);
        throw refusal;
      }
    }
    return undefined;
  }
}
