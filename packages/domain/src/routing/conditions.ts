import { z } from 'zod';
import { linesFor, type CanonicalOrder, type Destination } from '../order';
import { moneyToNumber } from '../money';

/**
 * What a routing rule may look at, for one destination of a store order. Text fields compare
 * without regard to case or surrounding spaces; a field the order does not have matches no
 * text test except `missing`.
 */
export const TEXT_FIELDS = [
  /** The shipping method the customer chose (the store's name for it). */
  'shippingMethod',
  /** The destination's ISO 3166-1 alpha-2 country. */
  'country',
  /** The destination's state, province or region, as the store wrote it. */
  'region',
  'postcode',
  /** The storefront or sales channel (BigCommerce channel id). */
  'channel',
  'customerGroup',
  'customerEmail',
  'paymentMethod',
] as const;
/** Amounts in the order's currency, counts and weights, per destination where it has its own. */
export const NUMBER_FIELDS = [
  /** The order's grand total. */
  'orderTotal',
  /** What the destination's goods cost (unit price × quantity). */
  'itemsTotal',
  /** What the customer paid to ship to this destination. */
  'shippingPaid',
  'itemCount',
  /** Known line weights added up; lines without a weight count as 0. */
  'weightGrams',
] as const;

export type TextField = (typeof TEXT_FIELDS)[number];
export type NumberField = (typeof NUMBER_FIELDS)[number];

const TEXT_MAX = 200;
const text = z.string().trim().min(1, 'give a value').max(TEXT_MAX);
const texts = z.array(text).min(1, 'give at least one value').max(500);

const customField = z
  .string()
  .trim()
  .min(1)
  .max(TEXT_MAX)
  .describe('a custom field the store gives the order, e.g. "form.Gift wrap"');

/**
 * The tests of a text field: `in`/`not_in` take a list; `contains`, `starts_with`, `ends_with`,
 * `equals` and `not_equals` one value. No regular expressions: a rule can never stall an export.
 */
function textTests<Shape extends z.ZodRawShape>(subject: Shape) {
  return [
    z
      .object({
        ...subject,
        op: z.enum(['equals', 'not_equals', 'contains', 'starts_with', 'ends_with']),
        value: text,
      })
      .strict(),
    z.object({ ...subject, op: z.enum(['in', 'not_in']), values: texts }).strict(),
    z.object({ ...subject, op: z.enum(['present', 'missing']) }).strict(),
  ] as const;
}

const numberField = { field: z.enum(NUMBER_FIELDS) };
const finite = z.number().finite();

const TEXT_OPS =
  'equals, not_equals, contains, starts_with, ends_with (with value), in, not_in (with values), present, missing';
const OPS_OF: Record<string, string> = {
  ...Object.fromEntries(TEXT_FIELDS.map((field) => [field, TEXT_OPS])),
  ...Object.fromEntries(
    NUMBER_FIELDS.map((field) => [
      field,
      'gt, gte, lt, lte, equals (with value), between (with min and max)',
    ]),
  ),
  customField: `${TEXT_OPS}, with name`,
  sku: 'any_in, all_in, none_in, any_starts_with (with values)',
};

/** What is wrong with a condition that matches no form, in words. */
function conditionHelp(input: unknown): string {
  const field = (input as { field?: unknown } | null)?.field;
  if (typeof field !== 'string' || !Object.hasOwn(OPS_OF, field)) {
    return `field is one of ${Object.keys(OPS_OF).join(', ')}`;
  }
  return `for ${field}, op is one of ${OPS_OF[field]}`;
}

export const ConditionSchema = z.union(
  [
    ...textTests({ field: z.enum(TEXT_FIELDS) }),
    ...textTests({ field: z.literal('customField'), name: customField }),
    z
      .object({ ...numberField, op: z.enum(['gt', 'gte', 'lt', 'lte', 'equals']), value: finite })
      .strict(),
    z
      .object({ ...numberField, op: z.literal('between'), min: finite, max: finite })
      .strict()
      .refine((test) => test.min <= test.max, {
        message: 'between goes up: min ≤ max',
        path: ['max'],
      }),
    /** Over the destination's SKUs: any of them, all of them, or none of them in the list. */
    z
      .object({
        field: z.literal('sku'),
        op: z.enum(['any_in', 'all_in', 'none_in', 'any_starts_with']),
        values: texts,
      })
      .strict(),
  ],
  { error: (issue) => conditionHelp(issue.input) },
);
export type Condition = z.infer<typeof ConditionSchema>;

/** The facts of one destination of an order, as rules see them. */
export interface RoutingFacts {
  text: Record<TextField, string | null>;
  number: Record<NumberField, number>;
  skus: string[];
  customFields: Record<string, string>;
}

const present = (value: string | null | undefined) => {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
};

export function routingFacts(order: CanonicalOrder, destination: Destination): RoutingFacts {
  const lines = linesFor(order, destination.addressExternalId);
  const fields = order.customFields;
  return {
    text: {
      shippingMethod: present(destination.shippingMethod),
      country: present(destination.shipTo.country),
      region: present(destination.shipTo.state),
      postcode: present(destination.shipTo.postalCode),
      channel: present(fields['order.channel_id'] ?? fields['order.channel']),
      customerGroup: present(fields['customer.group']),
      customerEmail: present(order.customer.email),
      paymentMethod: present(order.paymentMethod),
    },
    number: {
      orderTotal: moneyToNumber(order.totals.total),
      itemsTotal: lines.reduce(
        (sum, line) => sum + moneyToNumber(line.unitPrice) * line.quantity,
        0,
      ),
      shippingPaid: moneyToNumber(destination.shippingCost),
      itemCount: lines.reduce((sum, line) => sum + line.quantity, 0),
      weightGrams: lines.reduce((sum, line) => sum + (line.weightGrams ?? 0) * line.quantity, 0),
    },
    skus: lines.map((line) => line.sku.trim()).filter((sku) => sku !== ''),
    customFields: fields,
  };
}

const fold = (value: string) => value.trim().toLocaleLowerCase('en');

type TextTest = Extract<Condition, { field: TextField | 'customField' }>;
type NumberTest = Extract<Condition, { field: NumberField }>;
type SkuTest = Extract<Condition, { field: 'sku' }>;

function textHolds(test: TextTest, actual: string | null): boolean {
  if (test.op === 'present') return actual !== null;
  if (test.op === 'missing') return actual === null;
  if (actual === null) return test.op === 'not_equals' || test.op === 'not_in';
  const a = fold(actual);
  switch (test.op) {
    case 'equals':
      return a === fold(test.value);
    case 'not_equals':
      return a !== fold(test.value);
    case 'contains':
      return a.includes(fold(test.value));
    case 'starts_with':
      return a.startsWith(fold(test.value));
    case 'ends_with':
      return a.endsWith(fold(test.value));
    case 'in':
      return test.values.some((value) => fold(value) === a);
    case 'not_in':
      return !test.values.some((value) => fold(value) === a);
  }
}

function numberHolds(test: NumberTest, actual: number): boolean {
  switch (test.op) {
    case 'gt':
      return actual > test.value;
    case 'gte':
      return actual >= test.value;
    case 'lt':
      return actual < test.value;
    case 'lte':
      return actual <= test.value;
    case 'equals':
      return Math.abs(actual - test.value) < 1e-9;
    case 'between':
      return actual >= test.min && actual <= test.max;
  }
}

function skusHold(test: SkuTest, skus: string[]): boolean {
  const wanted = new Set(test.values.map(fold));
  const folded = skus.map(fold);
  switch (test.op) {
    case 'any_in':
      return folded.some((sku) => wanted.has(sku));
    case 'all_in':
      return folded.length > 0 && folded.every((sku) => wanted.has(sku));
    case 'none_in':
      return !folded.some((sku) => wanted.has(sku));
    case 'any_starts_with':
      return folded.some((sku) => test.values.some((prefix) => sku.startsWith(fold(prefix))));
  }
}

const isNumberTest = (condition: Condition): condition is NumberTest =>
  (NUMBER_FIELDS as readonly string[]).includes(condition.field);

/** Whether one condition holds for these facts, and the value it looked at (for dry runs). */
export function checkCondition(
  condition: Condition,
  facts: RoutingFacts,
): { holds: boolean; actual: string | number | string[] | null } {
  if (condition.field === 'sku') {
    return { holds: skusHold(condition, facts.skus), actual: facts.skus };
  }
  if (condition.field === 'customField') {
    const actual = present(facts.customFields[condition.name]);
    return { holds: textHolds(condition, actual), actual };
  }
  if (isNumberTest(condition)) {
    const actual = facts.number[condition.field];
    return { holds: numberHolds(condition, actual), actual };
  }
  const actual = facts.text[condition.field];
  return { holds: textHolds(condition, actual), actual };
}
