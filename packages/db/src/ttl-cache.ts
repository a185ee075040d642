/** A small time-bounded memo: hot look-ups (connections, per job and per webhook) skip the database. */
export class TtlCache<V> {
  private readonly entries = new Map<string, { value: V; until: number }>();

  constructor(
    private readonly ttlMs: number,
    /** How long an absent value (undefined) is remembered. */
    private readonly missTtlMs = Math.min(ttlMs, 3_000),
    private readonly maxEntries = 10_000,
  ) {}

  async get(key: string, load: () => Promise<V>): Promise<V> {
    const now = Date.now();
    const hit = this.entries.get(key);
    if (hit && hit.until > now) return hit.value;
    const value = await load();
    if (this.entries.size >= this.maxEntries) this.entries.clear();
    this.entries.set(key, {
      value,
      until: now + (value === undefined ? this.missTtlMs : this.ttlMs),
    });
    return value;
  }

  clear(): void {
    this.entries.clear();
  }
}
