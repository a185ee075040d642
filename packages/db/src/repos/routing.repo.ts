import type { Db } from '../client';
import { TtlCache } from '../ttl-cache';
import { RuleSetVersions, type SavedRuleSet } from './rule-set-versions';

/**
 * A store's routing rules for fulfilment orders, in versions (saving never overwrites; the
 * newest applies). Every export looks them up: another process's save is seen within the cache's
 * TTL, this process's own at once.
 */
export class RoutingRepo {
  private readonly versions: RuleSetVersions;
  private readonly cache: TtlCache<SavedRuleSet | undefined>;

  constructor(db: Db, cacheTtlMs = 5_000) {
    this.versions = new RuleSetVersions(db.routingRuleSet);
    this.cache = new TtlCache(cacheTtlMs);
  }

  current(storeId: string): Promise<SavedRuleSet | undefined> {
    return this.cache.get(storeId, () => this.versions.current(storeId));
  }

  history(storeId: string, limit = 20): Promise<SavedRuleSet[]> {
    return this.versions.history(storeId, limit);
  }

  async save(
    storeId: string,
    build: (version: number) => unknown,
    savedBy: string | null,
  ): Promise<SavedRuleSet> {
    const saved = await this.versions.save(storeId, build, savedBy);
    this.cache.clear();
    return saved;
  }
}
