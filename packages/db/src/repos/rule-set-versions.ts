import { isUniqueViolation } from '../unique';

/** A saved version of a store's rules (the domain parses and validates `rules`). */
export interface SavedRuleSet {
  storeId: string;
  version: number;
  rules: unknown;
  savedBy: string | null;
  savedAt: Date;
}

/** The table a kind of versioned rules lives in (`rate_rule_sets`, `routing_rule_sets`). */
export interface RuleSetTable {
  findFirst(args: {
    where: { storeId: string };
    orderBy: { version: 'desc' };
  }): Promise<SavedRuleSet | null>;
  findMany(args: {
    where: { storeId: string };
    orderBy: { version: 'desc' };
    take: number;
  }): Promise<SavedRuleSet[]>;
  create(args: {
    data: { storeId: string; version: number; rules: object; savedBy: string | null };
  }): Promise<SavedRuleSet>;
}

/** A store's rules in versions: saving never overwrites, and the newest applies. */
export class RuleSetVersions {
  constructor(private readonly table: RuleSetTable) {}

  async current(storeId: string): Promise<SavedRuleSet | undefined> {
    const row = await this.table.findFirst({ where: { storeId }, orderBy: { version: 'desc' } });
    return row ?? undefined;
  }

  history(storeId: string, limit = 20): Promise<SavedRuleSet[]> {
    return this.table.findMany({ where: { storeId }, orderBy: { version: 'desc' }, take: limit });
  }

  /**
   * Saves `rules` as the next version; `build` gets the version number (the rule set carries
   * it). Two saves at once cannot take the same version: the loser retries on the next number.
   */
  async save(
    storeId: string,
    build: (version: number) => unknown,
    savedBy: string | null,
  ): Promise<SavedRuleSet> {
    for (let attempt = 0; ; attempt++) {
      const latest = await this.current(storeId);
      const version = (latest?.version ?? 0) + 1;
      try {
        return await this.table.create({
          data: { storeId, version, rules: build(version) as object, savedBy },
        });
      } catch (error) {
        if (!isUniqueViolation(error) || attempt >= 3) throw error;
      }
    }
  }
}
