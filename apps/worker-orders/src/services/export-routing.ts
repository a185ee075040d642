import type { Repos } from '@shiplink/db';
import {
  decideRouting,
  validateRoutingRuleSet,
  type CanonicalOrder,
  type Destination,
  type RoutingDecision,
  type RoutingRuleSet,
} from '@shiplink/domain';
import { PermanentError } from '@shiplink/errors';

/**
 * The store's routing rules as the export applies them: none saved, no routing (the order goes
 * out as it is). Saved rules were validated when saved; one that no longer validates is a
 * configuration problem a person must fix, not a reason to export without the rules.
 */
export class ExportRouting {
  constructor(private readonly repos: Repos) {}

  async rulesFor(storeId: string): Promise<RoutingRuleSet | undefined> {
    const saved = await this.repos.routing.current(storeId);
    if (!saved) return undefined;
    const checked = validateRoutingRuleSet(saved.rules);
    if (!checked.ok) {
      throw new PermanentError(`routing rules version ${saved.version} do not validate`, {
        reason: 'routing.bad_rules',
      });
    }
    return checked.ruleSet;
  }

  decide(
    rules: RoutingRuleSet | undefined,
    order: CanonicalOrder,
    destination: Destination,
  ): RoutingDecision | undefined {
    return rules ? decideRouting(rules, order, destination) : undefined;
  }
}
