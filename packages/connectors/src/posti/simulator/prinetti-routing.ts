import { timingSafeEqual } from 'node:crypto';
import { routingKey } from '../signing';
import type { Routing } from './prinetti-schemas';
import type { MerchantAccount } from './records';
import type { PostiSimState } from './state';

/**
 * Prinetti authentication: `Routing.Account` is the merchant's API key and `Routing.Key` the hex
 * MD5 of account, Routing.Id and secret. (Pakettikauppa's newer client library also sends
 * `Routing.Version` 2 with an HMAC-SHA256 key; the documented MD5 scheme is the one simulated.)
 */
export function authenticateRouting(
  state: PostiSimState,
  routing: Routing,
): { account: MerchantAccount } | { error: string } {
  const account = state.account(routing['Routing.Account']);
  if (!account) return { error: 'Authentication failed: unknown Routing.Account' };
  const expected = Buffer.from(
    routingKey(account.apiKey, routing['Routing.Id'], account.secret),
    'utf8',
  );
  const given = Buffer.from(routing['Routing.Key'].toLowerCase(), 'utf8');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return { error: 'Authentication failed: Routing.Key does not match' };
  }
  return { account };
}
