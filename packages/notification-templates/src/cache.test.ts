import { LruCache } from './cache';

describe('LruCache', () => {
  it('makes a value once and then reuses it', () => {
    const cache = new LruCache<number>(2);
    const make = jest.fn(() => 1);
    expect(cache.getOrCreate('a', make)).toBe(1);
    expect(cache.getOrCreate('a', make)).toBe(1);
    expect(make).toHaveBeenCalledTimes(1);
    expect(cache.stats).toEqual({ size: 1, hits: 1, misses: 1 });
  });

  it('evicts the least recently used entry beyond its capacity', () => {
    const cache = new LruCache<string>(2);
    cache.getOrCreate('a', () => 'a');
    cache.getOrCreate('b', () => 'b');
    cache.getOrCreate('a', () => 'a2');
    cache.getOrCreate('c', () => 'c');
    expect(cache.stats.size).toBe(2);
    expect(cache.getOrCreate('a', () => 'a3')).toBe('a');
    expect(cache.getOrCreate('b', () => 'b2')).toBe('b2');
  });

  it('keeps nothing when making the value throws', () => {
    const cache = new LruCache<string>(2);
    expect(() =>
      cache.getOrCreate('a', () => {
        throw new Error('no');
      }),
    ).toThrow('no');
    expect(cache.stats.size).toBe(0);
  });

  it('needs room for at least one entry', () => {
    expect(() => new LruCache(0)).toThrow(RangeError);
  });
});
