export interface RequestCapSettings {
  limit: number;
  windowMs: number;
}

/** ShipHero's hard cap besides credits: 7,000 requests per rolling 5 minutes per account. */
export const SHIPHERO_REQUEST_CAP: RequestCapSettings = { limit: 7_000, windowMs: 5 * 60_000 };

/** A rolling (sliding-log) window per account: a request frees its slot `windowMs` after it came. */
export class RollingRequestCap {
  private logs = new Map<string, number[]>();

  constructor(
    private current: RequestCapSettings,
    private readonly now: () => number,
  ) {}

  get settings(): RequestCapSettings {
    return { ...this.current };
  }

  /** Counts one request; when refused, how long until the oldest one leaves the window. */
  take(account: string): { allowed: true } | { allowed: false; retryAfterMs: number } {
    const now = this.now();
    const log = (this.logs.get(account) ?? []).filter((at) => now - at < this.current.windowMs);
    this.logs.set(account, log);
    if (log.length >= this.current.limit) {
      const oldest = log[log.length - this.current.limit] ?? now;
      return { allowed: false, retryAfterMs: Math.max(0, oldest + this.current.windowMs - now) };
    }
    log.push(now);
    return { allowed: true };
  }

  configure(settings: Partial<RequestCapSettings>): void {
    this.current = { ...this.current, ...settings };
  }

  reset(settings: RequestCapSettings): void {
    this.logs.clear();
    this.current = { ...settings };
  }
}
