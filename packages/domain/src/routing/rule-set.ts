import { z } from 'zod';
import { validationIssues, type ValidationIssue } from '../rates/issues';
import { ConditionSchema } from './conditions';

const ID = /^[a-z0-9][a-z0-9_-]*$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const label = z.string().trim().min(1).max(100);

/**
 * What a matching rule does to the fulfilment order. Tags add up over every matching rule; each
 * of the others is set by the first matching rule that sets it (rules are in priority order).
 * The fulfilment system's own ids (a ShipStation warehouse or store) are written as text.
 */
export const RoutingActionsSchema = z
  .object({
    /** Tag names, as the fulfilment system shows them (`Priority`). */
    tags: z.array(label).min(1).max(20).optional(),
    /** The warehouse that ships it (ShipStation warehouseId). */
    warehouse: z
      .string()
      .trim()
      .regex(/^\d{1,12}$/, 'a warehouse is its numeric id')
      .optional(),
    /** The fulfilment system's store the order is filed under (ShipStation storeId). */
    fulfilmentStore: z
      .string()
      .trim()
      .regex(/^\d{1,12}$/, 'a store is its numeric id')
      .optional(),
    /** The service the warehouse is asked to ship with, in place of the customer's method name. */
    requestedService: label.optional(),
    /** Held until a day: `days` after the order was placed, or a calendar date. */
    hold: z
      .union([
        z.object({ days: z.number().int().min(1).max(365) }).strict(),
        z.object({ until: z.string().regex(DATE, 'a date is written 2026-12-24') }).strict(),
      ])
      .optional(),
  })
  .strict()
  .refine((actions) => Object.values(actions).some((value) => value !== undefined), {
    message:
      'a rule does something: give tags, warehouse, fulfilmentStore, requestedService or hold',
  });
export type RoutingActions = z.infer<typeof RoutingActionsSchema>;

export const RoutingRuleSchema = z
  .object({
    id: z.string().regex(ID, 'a rule id is lower-case letters, digits, "_" or "-"').max(64),
    name: label,
    enabled: z.boolean().default(true),
    /** Every `all` condition holds, and at least one `any` condition when there are some. */
    when: z
      .object({
        all: z.array(ConditionSchema).max(50).default([]),
        any: z.array(ConditionSchema).max(50).default([]),
      })
      .strict()
      .prefault({}),
    then: RoutingActionsSchema,
    /** No later rule is looked at once this one matched. */
    stop: z.boolean().default(false),
  })
  .strict();
export type RoutingRule = z.infer<typeof RoutingRuleSchema>;

/** A store's routing rules, in priority order; the first rule is looked at first. */
export const RoutingRuleSetSchema = z
  .object({
    version: z.number().int().positive(),
    storeId: z.string().trim().min(1),
    rules: z.array(RoutingRuleSchema).max(200),
  })
  .strict()
  .superRefine((set, ctx) => {
    const seen = new Set<string>();
    set.rules.forEach((rule, i) => {
      if (seen.has(rule.id)) {
        ctx.addIssue({
          code: 'custom',
          path: ['rules', i, 'id'],
          message: `rule id ${rule.id} is used twice`,
        });
      }
      seen.add(rule.id);
    });
  });
export type RoutingRuleSet = z.infer<typeof RoutingRuleSetSchema>;
export type RoutingRuleSetInput = z.input<typeof RoutingRuleSetSchema>;

/** Validation for saving: the parsed rule set, or every problem with where it is. */
export function validateRoutingRuleSet(
  input: unknown,
): { ok: true; ruleSet: RoutingRuleSet } | { ok: false; issues: ValidationIssue[] } {
  const parsed = RoutingRuleSetSchema.safeParse(input);
  return parsed.success
    ? { ok: true, ruleSet: parsed.data }
    : { ok: false, issues: validationIssues(parsed.error) };
}
