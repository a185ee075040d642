import { AttemptLimits } from '@shiplink/app-kit';
import type { RedisConnection } from '@shiplink/jobs';

/**
 * Sign-in attempts: 30 per client address and 10 per account in 15 minutes, counted in Redis by
 * every ingress replica; a successful sign-in clears the account's count.
 */
export class SignInLimits {
  private readonly limits: AttemptLimits<'client' | 'account'>;

  constructor(redis: RedisConnection, prefix: string) {
    this.limits = new AttemptLimits(redis, `${prefix}:sign-in`, [
      { name: 'client', points: 30, windowSec: 15 * 60 },
      { name: 'account', points: 10, windowSec: 15 * 60 },
    ]);
  }

  /** Counts one attempt; the seconds to wait when a limit is used up, else undefined. */
  take(client: string, account: string): Promise<number | undefined> {
    return this.limits.take({ client, account });
  }

  succeeded(account: string): Promise<void> {
    return this.limits.reset('account', account);
  }
}
