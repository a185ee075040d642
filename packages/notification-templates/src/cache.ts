/**
 * A small least-recently-used map. Compiling a template costs far more than running it, and the
 * same few sources (the defaults, each store's own) render thousands of times; the cap keeps a
 * flood of distinct sources (previews of drafts) from growing the worker without bound.
 */
export class LruCache<V> {
  readonly #entries = new Map<string, V>();
  readonly #capacity: number;
  #hits = 0;
  #misses = 0;

  constructor(capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError('capacity must be ≥ 1');
    this.#capacity = capacity;
  }

  /** The cached value for `key`, made by `make` (and kept) when there is none. */
  getOrCreate(key: string, make: () => V): V {
    const cached = this.#entries.get(key);
    if (cached !== undefined) {
      this.#hits++;
      // Re-inserting moves the key to the end: Map iterates in insertion order, oldest first.
      this.#entries.delete(key);
      this.#entries.set(key, cached);
      return cached;
    }
    this.#misses++;
    const value = make();
    this.#entries.set(key, value);
    if (this.#entries.size > this.#capacity) {
      const oldest = this.#entries.keys().next();
      if (!oldest.done) this.#entries.delete(oldest.value);
    }
    return value;
  }

  get stats(): { size: number; hits: number; misses: number } {
    return { size: this.#entries.size, hits: this.#hits, misses: this.#misses };
  }

  clear(): void {
    this.#entries.clear();
    this.#hits = 0;
    this.#misses = 0;
  }
}
