import type { ComparisonOperator, Literal, Predicate } from './predicate-parser';

/**
 * Evaluates a parsed predicate against a resource as the API renders it. A field on an array
 * matches when one element does (as `lineItems(variant(sku = "X"))` does); ISO dates compare as
 * instants, so `"2024-01-01T00:00:00Z"` equals `"2024-01-01T00:00:00.000Z"`.
 */

const ISO_DATE = /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/;

function ordered(a: unknown, b: Literal): number | undefined {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'string' && typeof b === 'string') {
    if (ISO_DATE.test(a) && ISO_DATE.test(b)) {
      const left = Date.parse(a);
      const right = Date.parse(b);
      if (!Number.isNaN(left) && !Number.isNaN(right)) return left - right;
    }
    return a < b ? -1 : a > b ? 1 : 0;
  }
  if (typeof a === 'boolean' && typeof b === 'boolean') return a === b ? 0 : undefined;
  return undefined;
}

function compare(value: unknown, op: ComparisonOperator, literal: Literal): boolean {
  if (Array.isArray(value)) return value.some((element) => compare(element, op, literal));
  const order = ordered(value, literal);
  if (order === undefined) return op === '!=' && value !== undefined && value !== null;
  switch (op) {
    case '=':
      return order === 0;
    case '!=':
      return order !== 0;
    case '>':
      return order > 0;
    case '>=':
      return order >= 0;
    case '<':
      return order < 0;
    case '<=':
      return order <= 0;
  }
}

const fieldOf = (subject: unknown, field: string): unknown =>
  subject !== null && typeof subject === 'object' && !Array.isArray(subject)
    ? (subject as Record<string, unknown>)[field]
    : undefined;

/** Whether `subject` satisfies `predicate`. */
export function matches(subject: unknown, predicate: Predicate): boolean {
  switch (predicate.kind) {
    case 'and':
      return matches(subject, predicate.left) && matches(subject, predicate.right);
    case 'or':
      return matches(subject, predicate.left) || matches(subject, predicate.right);
    case 'not':
      return !matches(subject, predicate.inner);
    case 'nested': {
      const value = fieldOf(subject, predicate.field);
      if (Array.isArray(value)) return value.some((element) => matches(element, predicate.inner));
      return value !== undefined && value !== null && matches(value, predicate.inner);
    }
    case 'compare':
      return compare(fieldOf(subject, predicate.field), predicate.op, predicate.value);
    case 'in': {
      const value = fieldOf(subject, predicate.field);
      const found = predicate.values.some((literal) => compare(value, '=', literal));
      return predicate.negated ? value !== undefined && !found : found;
    }
    case 'defined': {
      const value = fieldOf(subject, predicate.field);
      const defined = value !== undefined && value !== null;
      return predicate.negated ? !defined : defined;
    }
    case 'empty': {
      const value = fieldOf(subject, predicate.field);
      const empty = !Array.isArray(value) || value.length === 0;
      return predicate.negated ? !empty : empty;
    }
    case 'contains': {
      const value = fieldOf(subject, predicate.field);
      if (!Array.isArray(value)) return false;
      const has = (literal: Literal) => value.some((element) => compare(element, '=', literal));
      return predicate.mode === 'all' ? predicate.values.every(has) : predicate.values.some(has);
    }
  }
}
