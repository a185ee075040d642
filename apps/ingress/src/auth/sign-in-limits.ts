import type { RedisConnection } from '@shiplink/jobs';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';

/**
 * Sign-in attempts are limited per client address and per account, in Redis so every ingress
 * replica counts together; a successful sign-in clears the account's count.
 */
export class SignInLimits {
  private readonly perClient: RateLimiterRedis;
  private readonly perAccount: RateLimiterRedis;

  constructor(redis: RedisConnection, prefix: string) {
    const common = { storeClient: redis, duration: 15 * 60 };
    this.perClient = new RateLimiterRedis({
      ...common,
      keyPrefix: `${prefix}:sign-in:client`,
      points: 30,
    });
    this.perAccount = new RateLimiterRedis({
      ...common,
      keyPrefix: `${prefix}:sign-in:account`,
      points: 10,
    });
  }

  /** Counts one attempt; the seconds to wait when a limit is used up, else undefined. */
  async take(client: string, account: string): Promise<number | undefined> {
    for (const [limiter, key] of [
      [this.perClient, client],
      [this.perAccount, account],
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

  async succeeded(account: string): Promise<void> {
    await this.perAccount.delete(account);
  }
}
