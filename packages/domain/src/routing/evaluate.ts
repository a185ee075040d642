import type { CanonicalOrder, Destination } from '../order';
import { checkCondition, routingFacts, type Condition } from './conditions';
import type { RoutingActions, RoutingRule, RoutingRuleSet } from './rule-set';

/**
 * What the rules decided for one fulfilment order. Absent values leave the export as it would
 * be without rules. `applied` names every rule that matched, for the export record.
 */
export interface RoutingDecision {
  version: number;
  tags: string[];
  warehouse?: string;
  fulfilmentStore?: string;
  requestedService?: string;
  /** A calendar date (`2026-12-24`) the order is held until. */
  holdUntil?: string;
  applied: { id: string; name: string }[];
}

/** One condition as a dry run shows it. */
export interface ConditionOutcome {
  condition: Condition;
  holds: boolean;
  actual: string | number | string[] | null;
}

export interface RuleOutcome {
  id: string;
  name: string;
  enabled: boolean;
  matched: boolean;
  /** Not looked at: an earlier matching rule said stop. */
  skipped: boolean;
  conditions: { all: ConditionOutcome[]; any: ConditionOutcome[] };
}

export interface RoutingExplanation {
  decision: RoutingDecision;
  rules: RuleOutcome[];
}

const DAY_MS = 86_400_000;

function holdDate(hold: NonNullable<RoutingActions['hold']>, placedAt: string): string {
  if ('until' in hold) return hold.until;
  // From the order's own time, so that every re-export of the order holds it to the same day.
  return new Date(Date.parse(placedAt) + hold.days * DAY_MS).toISOString().slice(0, 10);
}

function apply(decision: RoutingDecision, rule: RoutingRule, order: CanonicalOrder): void {
  const { then } = rule;
  for (const tag of then.tags ?? []) {
    if (!decision.tags.some((known) => known.toLowerCase() === tag.toLowerCase())) {
      decision.tags.push(tag);
    }
  }
  decision.warehouse ??= then.warehouse;
  decision.fulfilmentStore ??= then.fulfilmentStore;
  decision.requestedService ??= then.requestedService;
  if (then.hold && decision.holdUntil === undefined) {
    decision.holdUntil = holdDate(then.hold, order.createdAt);
  }
  decision.applied.push({ id: rule.id, name: rule.name });
}

/** Every rule against one destination, in order, with why each matched or not. */
export function explainRouting(
  ruleSet: RoutingRuleSet,
  order: CanonicalOrder,
  destination: Destination,
): RoutingExplanation {
  const facts = routingFacts(order, destination);
  const decision: RoutingDecision = { version: ruleSet.version, tags: [], applied: [] };
  let stopped = false;
  const rules = ruleSet.rules.map((rule): RuleOutcome => {
    const outcome = (condition: Condition): ConditionOutcome => ({
      condition,
      ...checkCondition(condition, facts),
    });
    const all = rule.when.all.map(outcome);
    const any = rule.when.any.map(outcome);
    const holds = all.every((c) => c.holds) && (any.length === 0 || any.some((c) => c.holds));
    const skipped = stopped;
    const matched = rule.enabled && !skipped && holds;
    if (matched) {
      apply(decision, rule, order);
      stopped = rule.stop;
    }
    return {
      id: rule.id,
      name: rule.name,
      enabled: rule.enabled,
      matched,
      skipped,
      conditions: { all, any },
    };
  });
  return { decision, rules };
}

/** The rules' decision for one destination; an order no rule matches gets an empty decision. */
export function decideRouting(
  ruleSet: RoutingRuleSet,
  order: CanonicalOrder,
  destination: Destination,
): RoutingDecision {
  return explainRouting(ruleSet, order, destination).decision;
}

/** Whether the decision changes anything at all. */
export const routesAnything = (decision: RoutingDecision): boolean => decision.applied.length > 0;
