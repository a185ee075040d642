import type { Cluster, Redis } from 'ioredis';
import { CreditBudget } from './credit-budget';

/**
 * A token budget per provider account, kept in Redis so every worker process shares it.
 * The provider's own headers are the truth (`observe`); between responses we count down locally
 * (`acquire`). A 429 without headers opens a cooldown that grows with each consecutive one.
 */
export interface RateLimitState {
  /** Requests left in the current window, as the provider last said (minus what we spent since). */
  remaining: number;
  /** Milliseconds until the provider refills the window. */
  resetMs: number;
  /** Window size, for the budget we assume before the first response. */
  limit?: number;
}

export interface BudgetDefaults {
  /** Requests per window assumed until the provider's headers say otherwise. */
  limit: number;
  windowMs: number;
  /** Requests kept back for other apps sharing the account (BigCommerce quotas are per store). */
  reserve?: number;
}

// KEYS[1] = bucket hash. ARGV: now, default limit, default window, reserve.
// Returns 0 when a request may go now, else the milliseconds to wait.
const ACQUIRE = `
local now = tonumber(ARGV[1])
local remaining = tonumber(redis.call('HGET', KEYS[1], 'remaining'))
local resetAt = tonumber(redis.call('HGET', KEYS[1], 'resetAt'))
local cooldownUntil = tonumber(redis.call('HGET', KEYS[1], 'cooldownUntil') or '0')
if cooldownUntil > now then return cooldownUntil - now end
if remaining == nil or resetAt == nil or resetAt <= now then
  remaining = tonumber(ARGV[2])
  resetAt = now + tonumber(ARGV[3])
  redis.call('HSET', KEYS[1], 'observed', 0)
end
if remaining - tonumber(ARGV[4]) <= 0 then return math.max(1, resetAt - now) end
redis.call('HSET', KEYS[1], 'remaining', remaining - 1, 'resetAt', resetAt)
redis.call('PEXPIREAT', KEYS[1], resetAt + 60000)
return 0
`;

// ARGV: now, remaining, resetMs. Keeps the lower of our count and the provider's when both are
// the provider's word on the same window (responses arrive out of order under concurrency); a
// count that was only our assumed default gives way to the provider's.
const OBSERVE = `
local now = tonumber(ARGV[1])
local remaining = tonumber(ARGV[2])
local resetAt = now + tonumber(ARGV[3])
local knownReset = tonumber(redis.call('HGET', KEYS[1], 'resetAt') or '0')
local known = tonumber(redis.call('HGET', KEYS[1], 'remaining') or '-1')
local observed = redis.call('HGET', KEYS[1], 'observed') == '1'
if observed and knownReset > now and math.abs(knownReset - resetAt) < 1500 and known >= 0 and known < remaining then
  remaining = known
end
redis.call('HSET', KEYS[1], 'remaining', remaining, 'resetAt', resetAt, 'strikes', 0, 'observed', 1)
redis.call('PEXPIREAT', KEYS[1], resetAt + 60000)
return remaining
`;

// ARGV: now, waitMs (0 = unknown: back off exponentially from the base). Returns the cooldown.
const COOLDOWN = `
local now = tonumber(ARGV[1])
local wait = tonumber(ARGV[2])
local strikes = redis.call('HINCRBY', KEYS[1], 'strikes', 1)
if wait <= 0 then wait = math.min(tonumber(ARGV[3]) * (2 ^ (strikes - 1)), tonumber(ARGV[4])) end
redis.call('HSET', KEYS[1], 'cooldownUntil', now + wait, 'remaining', 0, 'resetAt', now + wait)
redis.call('PEXPIREAT', KEYS[1], now + wait + 60000)
return wait
`;

export interface RateLimiterOptions {
  /** One server or a cluster: each script touches the keys of one bucket, on one slot. */
  redis: Redis | Cluster;
  /** Key namespace, so parallel test runs and deployments do not share budgets. */
  prefix: string;
  /** Base and ceiling of the backoff after a 429 that carried no headers. */
  fallbackBaseMs?: number;
  fallbackMaxMs?: number;
  now?: () => number;
}

export class RateLimiter {
  private readonly redis: Redis | Cluster;
  private readonly prefix: string;
  private readonly fallbackBaseMs: number;
  private readonly fallbackMaxMs: number;
  private readonly now: () => number;
  /** Credit buckets, for providers that meter operations by cost rather than by count. */
  readonly credits: CreditBudget;

  constructor(options: RateLimiterOptions) {
    this.redis = options.redis;
    this.prefix = options.prefix;
    this.fallbackBaseMs = options.fallbackBaseMs ?? 2_000;
    this.fallbackMaxMs = options.fallbackMaxMs ?? 60_000;
    this.now = options.now ?? Date.now;
    this.credits = new CreditBudget(this.redis, this.prefix, this.now);
  }

  private key(bucket: string): string {
    // One hash tag per bucket keeps each budget on one Redis Cluster slot.
    return `${this.prefix}:ratelimit:{${bucket}}`;
  }

  /** 0 when the caller may send now, otherwise how long to wait first. */
  async acquire(bucket: string, defaults: BudgetDefaults): Promise<number> {
    const wait = await this.redis.eval(
      ACQUIRE,
      1,
      this.key(bucket),
      this.now(),
      defaults.limit,
      defaults.windowMs,
      defaults.reserve ?? 0,
    );
    return Number(wait);
  }

  async observe(bucket: string, state: RateLimitState): Promise<void> {
    await this.redis.eval(
      OBSERVE,
      1,
      this.key(bucket),
      this.now(),
      Math.max(0, Math.floor(state.remaining)),
      Math.max(0, Math.ceil(state.resetMs)),
    );
  }

  /** After a 429: everyone using this account waits `waitMs`, or a growing fallback when unknown. */
  async cooldown(bucket: string, waitMs: number | undefined): Promise<number> {
    const applied = await this.redis.eval(
      COOLDOWN,
      1,
      this.key(bucket),
      this.now(),
      waitMs ?? 0,
      this.fallbackBaseMs,
      this.fallbackMaxMs,
    );
    return Number(applied);
  }
}
