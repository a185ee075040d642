import { z } from 'zod';
import type { Ports } from '@shiplink/connectors';
import type { Repos, SavedRuleSet } from '@shiplink/db';
import {
  explainRouting,
  validateRoutingRuleSet,
  type RoutingExplanation,
  type RoutingRuleSet,
  type ValidationIssue,
} from '@shiplink/domain';
import { displayName } from '../http/params';
import { HttpProblem } from '../http/problems';

const rulesList = z.array(z.record(z.string(), z.unknown())).max(200);

export const SaveRoutingRulesSchema = z
  .object({
    /** The rules in priority order; `storeId` and `version` are the hub's. */
    rules: rulesList,
    by: displayName.optional(),
  })
  .strict();

export const RoutingDryRunSchema = z
  .object({
    /** The store's own order id (BigCommerce order id): the order is read from the store now. */
    orderRef: z.string().trim().min(1).max(64),
    /** Rules to try instead of the saved ones, before saving them. */
    rules: rulesList.optional(),
  })
  .strict();

export interface RoutingDryRun {
  version: number;
  draft: boolean;
  order: { orderRef: string; orderNumber: string; status: string };
  destinations: ({ addressRef: string; country: string | null } & RoutingExplanation)[];
}

function invalidRules(issues: ValidationIssue[]): HttpProblem {
  return new HttpProblem(
    422,
    'invalid_routing_rules',
    'the routing rules do not validate',
    issues.slice(0, 20).map((issue) => `${issue.path}: ${issue.message}`),
  );
}

/**
 * A store's routing rules for the admin API and the command line: the current set and its
 * versions, saving a new version (validated first), and a dry run against a real order.
 */
export class RoutingRulesService {
  constructor(
    private readonly repos: Repos,
    private readonly ports: Pick<Ports, 'store' | 'providersFor'>,
  ) {}

  async current(storeId: string): Promise<SavedRuleSet> {
    await this.storeOr404(storeId);
    const current = await this.repos.routing.current(storeId);
    if (!current) throw new HttpProblem(404, 'no_routing_rules', 'the store has no routing rules');
    return current;
  }

  async history(storeId: string): Promise<SavedRuleSet[]> {
    await this.storeOr404(storeId);
    return this.repos.routing.history(storeId);
  }

  async save(
    storeId: string,
    input: z.infer<typeof SaveRoutingRulesSchema>,
  ): Promise<{ storeId: string; version: number; savedAt: Date }> {
    await this.storeOr404(storeId);
    const next = ((await this.repos.routing.current(storeId))?.version ?? 0) + 1;
    this.checked(storeId, next, input.rules);
    const saved = await this.repos.routing.save(
      storeId,
      (version) => this.checked(storeId, version, input.rules),
      input.by ?? null,
    );
    return { storeId, version: saved.version, savedAt: saved.savedAt };
  }

  async dryRun(
    storeId: string,
    input: z.infer<typeof RoutingDryRunSchema>,
  ): Promise<RoutingDryRun> {
    await this.storeOr404(storeId);
    const saved = await this.repos.routing.current(storeId);
    const ruleSet = input.rules
      ? this.checked(storeId, (saved?.version ?? 0) + 1, input.rules)
      : this.savedRuleSet(saved);
    const connection = await this.repos.tenancy.requireStoreConnectionAmong(
      storeId,
      this.ports.providersFor('store'),
    );
    const order = await this.ports.store(connection).readOrder(input.orderRef);
    if (!order) throw new HttpProblem(404, 'unknown_order', 'the store has no such order');
    return {
      version: ruleSet.version,
      draft: Boolean(input.rules),
      order: { orderRef: order.externalId, orderNumber: order.orderNumber, status: order.status },
      destinations: order.destinations.map((destination) => ({
        addressRef: destination.addressExternalId,
        country: destination.shipTo.country,
        ...explainRouting(ruleSet, order, destination),
      })),
    };
  }

  private savedRuleSet(saved: SavedRuleSet | undefined): RoutingRuleSet {
    if (!saved) throw new HttpProblem(404, 'no_routing_rules', 'the store has no routing rules');
    const checked = validateRoutingRuleSet(saved.rules);
    if (!checked.ok) throw invalidRules(checked.issues);
    return checked.ruleSet;
  }

  private checked(storeId: string, version: number, rules: unknown[]): RoutingRuleSet {
    const checked = validateRoutingRuleSet({ storeId, version, rules });
    if (!checked.ok) throw invalidRules(checked.issues);
    return checked.ruleSet;
  }

  private async storeOr404(storeId: string): Promise<void> {
    const store = await this.repos.tenancy.getStore(storeId);
    if (!store) throw new HttpProblem(404, 'unknown_store', 'no such store');
  }
}
