import { z } from 'zod';
import type { CanonicalOrder } from '@shiplink/domain';

export const CUSTOM_FIELD_TARGETS = [
  'customField1',
  'customField2',
  'customField3',
  'internalNotes',
  'customerNotes',
  'tag',
] as const;
export type CustomFieldTarget = (typeof CUSTOM_FIELD_TARGETS)[number];

/**
 * One merchant rule: copy `order.customFields[source]` into a ShipStation custom field or note, or
 * add a tag when the value is non-empty. Our own configuration, so strict.
 */
export const CustomFieldRuleSchema = z
  .object({
    source: z.string().min(1),
    target: z.enum(CUSTOM_FIELD_TARGETS),
    /** ShipStation tag id, required for target `tag`. */
    tagId: z.number().int().positive().optional(),
    /** Written before the value (`Gift wrap: yes`), for notes and custom fields. */
    label: z.string().min(1).optional(),
  })
  .strict()
  .superRefine((rule, ctx) => {
    if (rule.target === 'tag' && rule.tagId === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['tagId'],
        message: 'tagId is required for target tag',
      });
    }
    if (rule.target !== 'tag' && rule.tagId !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['tagId'],
        message: 'tagId only applies to target tag',
      });
    }
  });
export type CustomFieldRule = z.infer<typeof CustomFieldRuleSchema>;

/** The per-connection list of rules, applied in order. */
export const CustomFieldMappingSchema = z.array(CustomFieldRuleSchema);
export type CustomFieldMapping = z.infer<typeof CustomFieldMappingSchema>;

export interface AppliedCustomFields {
  customField1: string | null;
  customField2: string | null;
  customField3: string | null;
  /** Extra lines for the notes, after the store's own note. */
  internalNotes: string[];
  customerNotes: string[];
  tagIds: number[];
}

/** Several rules may feed one custom field; their values are joined rather than overwritten. */
const FIELD_SEPARATOR = ' | ';

export function applyCustomFields(
  order: CanonicalOrder,
  mapping: CustomFieldMapping,
): AppliedCustomFields {
  const fields: Record<'customField1' | 'customField2' | 'customField3', string[]> = {
    customField1: [],
    customField2: [],
    customField3: [],
  };
  const applied: AppliedCustomFields = {
    customField1: null,
    customField2: null,
    customField3: null,
    internalNotes: [],
    customerNotes: [],
    tagIds: [],
  };
  for (const rule of mapping) {
    const value = order.customFields[rule.source]?.trim();
    if (!value) continue;
    if (rule.target === 'tag') {
      if (rule.tagId !== undefined && !applied.tagIds.includes(rule.tagId)) {
        applied.tagIds.push(rule.tagId);
      }
      continue;
    }
    const line = rule.label ? `${rule.label}: ${value}` : value;
    if (rule.target === 'internalNotes' || rule.target === 'customerNotes') {
      applied[rule.target].push(line);
    } else {
      fields[rule.target].push(line);
    }
  }
  for (const key of ['customField1', 'customField2', 'customField3'] as const) {
    applied[key] = fields[key].length ? fields[key].join(FIELD_SEPARATOR) : null;
  }
  return applied;
}
