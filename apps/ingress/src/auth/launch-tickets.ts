import type { RedisConnection } from '@shiplink/jobs';
import { newSecret, sha256 } from './secrets';

const TTL_SEC = 120;

/**
 * One-time tickets from a platform's app callbacks to a console session. The platform shows the
 * app inside its control panel, where browsers refuse third-party cookies; the callback hands
 * the browser a ticket instead, and the console, opened as a first-party page, trades it for a
 * session. A ticket lives two minutes, works once, and only its hash is kept.
 */
export class LaunchTickets {
  constructor(
    private readonly redis: RedisConnection,
    private readonly prefix: string,
  ) {}

  async issue(userId: string): Promise<string> {
    const ticket = newSecret();
    await this.redis.set(this.key(ticket), userId, 'EX', TTL_SEC);
    return ticket;
  }

  /** The user the ticket was issued for, once; undefined for a used, expired or unknown ticket. */
  async redeem(ticket: string): Promise<string | undefined> {
    if (!/^[\w-]{20,100}$/.test(ticket)) return undefined;
    return (await this.redis.getdel(this.key(ticket))) ?? undefined;
  }

  private key(ticket: string): string {
    return `${this.prefix}:launch:${sha256(ticket)}`;
  }
}
