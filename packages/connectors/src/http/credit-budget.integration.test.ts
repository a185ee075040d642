import { Redis } from 'ioredis';
import { TEST_REDIS_URL, testQueuePrefix } from '@shiplink/testing';
import { CreditBudget, type CreditBudgetSpec } from './credit-budget';

const SPEC: CreditBudgetSpec = {
  capacity: 4_004,
  refillPerSecond: 60,
  requestCap: 5,
  requestWindowMs: 60_000,
};

describe('CreditBudget on Redis', () => {
  let redis: Redis;
  let clock: number;
  let budget: CreditBudget;
  let prefix: string;
  let bucket = 0;
  const next = () => `account-${++bucket}`;

  beforeAll(() => {
    redis = new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: 1 });
  });
  afterAll(() => redis.quit());
  beforeEach(() => {
    clock = 1_000_000;
    prefix = testQueuePrefix();
    budget = new CreditBudget(redis, prefix, () => clock);
  });

  it('charges a full bucket, then says how long the refill takes', async () => {
    const account = next();
    expect(await budget.take(account, 4_000, SPEC, 'a')).toBe(0);
    // 4 credits left; 1,001 more come at 60/s in 16.6 s.
    expect(await budget.take(account, 1_005, SPEC, 'b')).toBe(Math.ceil((1_005 - 4) / 0.06));
    clock += 17_000;
    expect(await budget.take(account, 1_005, SPEC, 'b')).toBe(0);
  });

  it('never holds more than its capacity, however long it rested', async () => {
    const account = next();
    clock += 3_600_000;
    expect(await budget.take(account, 4_004, SPEC, 'a')).toBe(0);
    expect(await budget.take(account, 1, SPEC, 'b')).toBeGreaterThan(0);
  });

  it('gives back what an operation did not cost, and takes what it cost more', async () => {
    const account = next();
    expect(await budget.take(account, 4_000, SPEC, 'a')).toBe(0);
    await budget.settle(account, 4_000, 100, SPEC);
    expect(await budget.take(account, 3_900, SPEC, 'b')).toBe(0);
    await budget.settle(account, 1, 61, SPEC);
    // 4 − 60 is below zero: a second's refill is owed before anything else goes.
    expect(await budget.take(account, 1, SPEC, 'c')).toBeGreaterThan(900);
  });

  it('adopts the provider’s count after a shortage and pauses every caller until it said', async () => {
    const account = next();
    const paused = await budget.shortage(account, 263, 18_000, SPEC);
    expect(paused).toBe(18_000);
    const otherProcess = new CreditBudget(redis, prefix, () => clock);
    expect(await otherProcess.take(account, 1, SPEC, 'x')).toBe(18_000);
    clock += 18_000;
    expect(await otherProcess.take(account, 263 + 18 * 60, SPEC, 'x')).toBe(0);
  });

  it('caps requests per rolling window, whatever the credits', async () => {
    const account = next();
    for (let i = 0; i < 5; i++) {
      expect(await budget.take(account, 1, SPEC, `r${i}`)).toBe(0);
      clock += 1_000;
    }
    // The oldest of the five went out at 1,000,000 and leaves the window at 1,060,000.
    expect(await budget.take(account, 1, SPEC, 'r5')).toBe(1_060_000 - clock);
    clock = 1_060_001;
    expect(await budget.take(account, 1, SPEC, 'r5')).toBe(0);
  });

  it('remembers what an operation cost', async () => {
    const account = next();
    expect(await budget.knownCost(account, 'OrderCreate')).toBeUndefined();
    await budget.rememberCost(account, 'OrderCreate', 12);
    expect(await budget.knownCost(account, 'OrderCreate')).toBe(12);
  });
});
