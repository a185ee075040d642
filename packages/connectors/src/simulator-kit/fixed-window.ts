/** A provider-side fixed-window quota per account, as the real APIs enforce. */
export class FixedWindowQuota {
  private windows = new Map<string, { startedAt: number; used: number }>();

  constructor(
    public limit: number,
    public windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Counts one request; tells whether it is allowed and the state to put in headers. */
  take(account: string): { allowed: boolean; remaining: number; resetMs: number; limit: number } {
    const now = this.now();
    let window = this.windows.get(account);
    if (!window || now - window.startedAt >= this.windowMs) {
      window = { startedAt: now, used: 0 };
      this.windows.set(account, window);
    }
    const resetMs = window.startedAt + this.windowMs - now;
    if (window.used >= this.limit)
      return { allowed: false, remaining: 0, resetMs, limit: this.limit };
    window.used += 1;
    return { allowed: true, remaining: this.limit - window.used, resetMs, limit: this.limit };
  }

  reset(): void {
    this.windows.clear();
  }
}
