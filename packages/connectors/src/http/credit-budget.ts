import type { Cluster, Redis } from 'ioredis';

/**
 * A credit bucket per provider account, shared by every process through Redis: the bucket
 * refills continuously, each operation is charged its cost before it is sent and settled with
 * what the provider says it cost, and a rolling cap counts requests. ShipHero meters its API
 * this way (4,004 credits refilling at 60/s, 7,000 requests per rolling 5 minutes).
 */
export interface CreditBudgetSpec {
  capacity: number;
  refillPerSecond: number;
  /** Requests allowed per rolling `requestWindowMs`. */
  requestCap: number;
  requestWindowMs: number;
}

// KEYS[1] = bucket hash, KEYS[2] = request log (sorted set of send times).
// ARGV: now, cost, capacity, refill per ms, request cap, request window, request id.
// Returns 0 when the operation may go now (and charges it), else the milliseconds to wait.
const TAKE = `
local now = tonumber(ARGV[1])
local cost = tonumber(ARGV[2])
local capacity = tonumber(ARGV[3])
local refill = tonumber(ARGV[4])
local cap = tonumber(ARGV[5])
local window = tonumber(ARGV[6])
local credits = tonumber(redis.call('HGET', KEYS[1], 'credits') or ARGV[3])
local at = tonumber(redis.call('HGET', KEYS[1], 'at') or ARGV[1])
local pausedUntil = tonumber(redis.call('HGET', KEYS[1], 'pausedUntil') or '0')
if pausedUntil > now then return pausedUntil - now end
credits = math.min(capacity, credits + math.max(0, now - at) * refill)
if credits < cost then
  redis.call('HSET', KEYS[1], 'credits', credits, 'at', now)
  return math.max(1, math.ceil((cost - credits) / refill))
end
redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', now - window)
if redis.call('ZCARD', KEYS[2]) >= cap then
  local oldest = redis.call('ZRANGE', KEYS[2], 0, 0, 'WITHSCORES')
  return math.max(1, tonumber(oldest[2]) + window - now)
end
redis.call('ZADD', KEYS[2], now, ARGV[7])
redis.call('PEXPIRE', KEYS[2], window)
redis.call('HSET', KEYS[1], 'credits', credits - cost, 'at', now)
redis.call('PEXPIRE', KEYS[1], math.ceil(capacity / refill) + 60000)
return 0
`;

// ARGV: now, credits to give back (negative: charge more), capacity, refill per ms.
const SETTLE = `
local now = tonumber(ARGV[1])
local capacity = tonumber(ARGV[3])
local refill = tonumber(ARGV[4])
local credits = tonumber(redis.call('HGET', KEYS[1], 'credits') or ARGV[3])
local at = tonumber(redis.call('HGET', KEYS[1], 'at') or ARGV[1])
credits = math.min(capacity, credits + math.max(0, now - at) * refill + tonumber(ARGV[2]))
redis.call('HSET', KEYS[1], 'credits', credits, 'at', now)
redis.call('PEXPIRE', KEYS[1], math.ceil(capacity / refill) + 60000)
return tostring(credits)
`;

// The provider's own word after a shortage: `remaining` credits now, enough for the operation in
// `waitMs`. Every process pauses until then, so one shortage is not discovered once per worker.
// ARGV: now, remaining, waitMs, capacity, refill per ms.
const SHORTAGE = `
local now = tonumber(ARGV[1])
local resumeAt = now + tonumber(ARGV[3])
local pausedUntil = tonumber(redis.call('HGET', KEYS[1], 'pausedUntil') or '0')
redis.call('HSET', KEYS[1], 'credits', ARGV[2], 'at', now, 'pausedUntil', math.max(resumeAt, pausedUntil))
redis.call('PEXPIRE', KEYS[1], math.ceil(tonumber(ARGV[4]) / tonumber(ARGV[5])) + 60000)
return math.max(resumeAt, pausedUntil) - now
`;

// Operation costs last seen, so the next call of the same operation is charged what it will cost.
const COSTS_TTL_MS = 24 * 60 * 60 * 1000;

export class CreditBudget {
  constructor(
    private readonly redis: Redis | Cluster,
    private readonly prefix: string,
    private readonly now: () => number,
  ) {}

  private keys(bucket: string): [string, string] {
    // One hash tag keeps both keys of a bucket on one Redis Cluster slot. An empty tag would not
    // count as one: each whole key would be hashed, and the script would touch two slots.
    if (bucket === '' || bucket.startsWith('}'))
      throw new Error(`unusable credit bucket "${bucket}"`);
    return [`${this.prefix}:credits:{${bucket}}`, `${this.prefix}:credits:{${bucket}}:requests`];
  }

  /** 0 when `cost` was charged and the operation may go now; otherwise how long to wait. */
  async take(bucket: string, cost: number, spec: CreditBudgetSpec, requestId: string) {
    const [credits, requests] = this.keys(bucket);
    const wait = await this.redis.eval(
      TAKE,
      2,
      credits,
      requests,
      this.now(),
      Math.min(cost, spec.capacity),
      spec.capacity,
      spec.refillPerSecond / 1000,
      spec.requestCap,
      spec.requestWindowMs,
      requestId,
    );
    return Number(wait);
  }

  /** Corrects a charge once the provider said what the operation really cost. */
  async settle(bucket: string, charged: number, actual: number, spec: CreditBudgetSpec) {
    if (charged === actual) return;
    const [credits] = this.keys(bucket);
    await this.redis.eval(
      SETTLE,
      1,
      credits,
      this.now(),
      charged - actual,
      spec.capacity,
      spec.refillPerSecond / 1000,
    );
  }

  /** Adopts the provider's count after it refused an operation; answers the pause applied. */
  async shortage(bucket: string, remaining: number, waitMs: number, spec: CreditBudgetSpec) {
    const [credits] = this.keys(bucket);
    const applied = await this.redis.eval(
      SHORTAGE,
      1,
      credits,
      this.now(),
      Math.max(0, remaining),
      Math.max(0, Math.ceil(waitMs)),
      spec.capacity,
      spec.refillPerSecond / 1000,
    );
    return Number(applied);
  }

  /** The cost last seen for an operation, if any. */
  async knownCost(bucket: string, operation: string): Promise<number | undefined> {
    const value = await this.redis.hget(`${this.prefix}:credit-costs:{${bucket}}`, operation);
    return value === null ? undefined : Number(value);
  }

  async rememberCost(bucket: string, operation: string, cost: number): Promise<void> {
    const key = `${this.prefix}:credit-costs:{${bucket}}`;
    await this.redis.multi().hset(key, operation, cost).pexpire(key, COSTS_TTL_MS).exec();
  }
}
