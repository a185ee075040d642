export interface CreditSettings {
  /** The bucket size, which is also the most one operation may cost. */
  capacity: number;
  refillPerSecond: number;
}

/** ShipHero's published bucket: 4,004 credits, refilling at 60 per second. */
export const SHIPHERO_CREDITS: CreditSettings = { capacity: 4_004, refillPerSecond: 60 };

export type CreditCharge =
  { ok: true; remaining: number } | { ok: false; remaining: number; waitSeconds: number };

/**
 * One credit bucket per account, refilling continuously on the simulator's clock. A bucket is
 * full until its account first spends.
 */
export class CreditBuckets {
  private buckets = new Map<string, { credits: number; at: number }>();
  /** Per account: credits charged and code-30 refusals, since the account first spent. */
  private tally = new Map<string, { spent: number; throttled: number }>();

  constructor(
    private current: CreditSettings,
    private readonly now: () => number,
  ) {}

  get settings(): CreditSettings {
    return { ...this.current };
  }

  /** Whole credits left now. */
  remaining(account: string): number {
    return Math.floor(this.refill(account));
  }

  /** What the account has been charged, and how often it was refused for want of credits. */
  usage(account: string): { spent: number; throttled: number } {
    return { ...(this.tally.get(account) ?? { spent: 0, throttled: 0 }) };
  }

  charge(account: string, cost: number): CreditCharge {
    const credits = this.refill(account);
    const tally = this.tally.get(account) ?? { spent: 0, throttled: 0 };
    this.tally.set(account, tally);
    if (credits < cost) {
      tally.throttled += 1;
      const waitSeconds = Math.ceil((cost - credits) / this.current.refillPerSecond);
      return { ok: false, remaining: Math.floor(credits), waitSeconds };
    }
    tally.spent += cost;
    this.buckets.set(account, { credits: credits - cost, at: this.now() });
    return { ok: true, remaining: Math.floor(credits - cost) };
  }

  /** Leaves exactly `credits` in the bucket (tests drain it to provoke throttling). */
  setRemaining(account: string, credits: number): void {
    this.buckets.set(account, {
      credits: Math.min(credits, this.current.capacity),
      at: this.now(),
    });
  }

  /** New settings apply from now on; what was refilled so far under the old rate is kept. */
  configure(settings: Partial<CreditSettings>): void {
    for (const account of [...this.buckets.keys()]) {
      this.buckets.set(account, { credits: this.refill(account), at: this.now() });
    }
    this.current = { ...this.current, ...settings };
    for (const bucket of this.buckets.values()) {
      bucket.credits = Math.min(bucket.credits, this.current.capacity);
    }
  }

  reset(settings: CreditSettings): void {
    this.buckets.clear();
    this.tally.clear();
    this.current = { ...settings };
  }

  private refill(account: string): number {
    const bucket = this.buckets.get(account);
    if (!bucket) return this.current.capacity;
    const elapsedSeconds = Math.max(0, this.now() - bucket.at) / 1_000;
    return Math.min(
      this.current.capacity,
      bucket.credits + elapsedSeconds * this.current.refillPerSecond,
    );
  }
}
