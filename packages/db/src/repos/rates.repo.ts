import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Db } from '../client';
import { TtlCache } from '../ttl-cache';
import { RuleSetVersions, type SavedRuleSet } from './rule-set-versions';

/** A saved version of a store's rate rules (the domain parses and validates `rules`). */
export type SavedRateRules = SavedRuleSet;

const sha256 = (value: string) => createHash('sha256').update(value, 'utf8').digest();

/**
 * Checkout rates per store: the rule set in versions (saving never overwrites; the newest
 * applies) and the key the store's shipping-carrier connection sends, kept as a hash only.
 */
export class RatesRepo {
  /** Every checkout request checks its key: the stored hash is read at most this often. */
  private readonly keyHashes = new TtlCache<string | null>(30_000);

  /** The rule set in versions; the newest applies. */
  readonly rules: RuleSetVersions;

  constructor(private readonly db: Db) {
    this.rules = new RuleSetVersions(db.rateRuleSet);
  }

  current(storeId: string): Promise<SavedRateRules | undefined> {
    return this.rules.current(storeId);
  }

  history(storeId: string, limit = 20): Promise<SavedRateRules[]> {
    return this.rules.history(storeId, limit);
  }

  save(
    storeId: string,
    build: (version: number) => unknown,
    savedBy: string | null,
  ): Promise<SavedRateRules> {
    return this.rules.save(storeId, build, savedBy);
  }

  /** A new checkout key for the store, returned once; only its hash is kept. */
  async issueCheckoutKey(storeId: string): Promise<string> {
    const key = `slck_${randomBytes(24).toString('base64url')}`;
    await this.db.store.update({
      where: { id: storeId },
      data: { checkoutKeyHash: sha256(key).toString('hex') },
    });
    this.keyHashes.clear();
    return key;
  }

  /**
   * Whether `key` is the store's checkout key (constant time; false for a store without one). A
   * key issued by another process is seen here within the cache's 30 s.
   */
  async checkoutKeyMatches(storeId: string, key: string): Promise<boolean> {
    const hash = await this.keyHashes.get(storeId, async () => {
      const store = await this.db.store.findUnique({
        where: { id: storeId },
        select: { checkoutKeyHash: true },
      });
      return store?.checkoutKeyHash ?? null;
    });
    if (!hash) return false;
    return timingSafeEqual(Buffer.from(hash, 'hex'), sha256(key));
  }
}
