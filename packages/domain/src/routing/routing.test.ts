import type { CanonicalOrder } from '../order';
import {
  decideRouting,
  explainRouting,
  validateRoutingRuleSet,
  type RoutingRuleSet,
  type RoutingRuleSetInput,
} from './index';

const order: CanonicalOrder = {
  externalId: '230',
  orderNumber: '230',
  storeStatusId: 11,
  storeStatus: 'Awaiting Fulfillment',
  status: 'awaiting_fulfilment',
  createdAt: '2026-11-30T22:30:00+00:00',
  modifiedAt: '2026-11-30T22:31:00+00:00',
  currency: 'USD',
  customer: { externalId: '4', email: 'Ada@Example.com', name: 'Ada Byron' },
  billTo: {
    name: 'Ada Byron',
    company: null,
    street1: '1 Main St',
    street2: null,
    city: 'Boston',
    state: 'MA',
    postalCode: '02110',
    country: 'US',
    phone: null,
    email: 'ada@example.com',
  },
  destinations: [
    {
      addressExternalId: '11',
      shipTo: {
        name: 'Ada Byron',
        company: null,
        street1: '1 Main St',
        street2: null,
        city: 'Boston',
        state: 'MA',
        postalCode: '02110',
        country: 'US',
        phone: null,
        email: null,
      },
      shippingMethod: 'UPS Next Day Air',
      shippingCost: '24.0000',
    },
  ],
  lines: [
    {
      externalId: '1',
      addressExternalId: '11',
      productExternalId: '77',
      sku: 'KB-16',
      name: 'Kettlebell 16 kg',
      quantity: 2,
      quantityShipped: 0,
      unitPrice: '60.0000',
      weightGrams: 16000,
      options: [],
      giftMessage: null,
    },
  ],
  totals: { subtotal: '120.0000', shipping: '24.0000', tax: '0', discount: '0', total: '144.0000' },
  paymentMethod: 'Credit Card',
  notes: { customer: null, staff: null },
  customFields: { 'order.channel_id': '2', 'form.Gift wrap': 'yes' },
};
const destination = order.destinations[0]!;
type Rule = RoutingRuleSetInput['rules'][number];

function ruleSet(rules: RoutingRuleSetInput['rules']): RoutingRuleSet {
  const checked = validateRoutingRuleSet({ version: 3, storeId: 's1', rules });
  if (!checked.ok) throw new Error(JSON.stringify(checked.issues));
  return checked.ruleSet;
}

const priority = {
  id: 'expedited',
  name: 'Expedited to the east',
  when: {
    any: [
      { field: 'shippingMethod', op: 'contains', value: 'next day' },
      { field: 'shippingMethod', op: 'contains', value: 'express' },
    ],
  },
  then: { tags: ['Priority'], warehouse: '2002', requestedService: 'ups_next_day_air' },
} satisfies Rule;
const standard = {
  id: 'standard',
  name: 'Everything else',
  then: { tags: ['Standard'], warehouse: '2001' },
} satisfies Rule;

describe('routing rules', () => {
  it('tags an expedited order Priority and sends it to the east warehouse', () => {
    const decision = decideRouting(
      ruleSet([{ ...priority, stop: true }, standard]),
      order,
      destination,
    );
    expect(decision).toEqual({
      version: 3,
      tags: ['Priority'],
      warehouse: '2002',
      requestedService: 'ups_next_day_air',
      applied: [{ id: 'expedited', name: 'Expedited to the east' }],
    });
  });

  it('adds up tags over matching rules, and the first rule to set a value wins', () => {
    const decision = decideRouting(ruleSet([priority, standard]), order, destination);
    expect(decision.tags).toEqual(['Priority', 'Standard']);
    expect(decision.warehouse).toBe('2002');
    expect(decision.applied.map((rule) => rule.id)).toEqual(['expedited', 'standard']);
  });

  it('looks at region, channel, SKUs, totals, weights and custom fields', () => {
    const rules = ruleSet([
      {
        id: 'heavy-east',
        name: 'Heavy goods from storefront 2 in New England',
        when: {
          all: [
            { field: 'country', op: 'equals', value: 'us' },
            { field: 'region', op: 'in', values: ['MA', 'NH', 'VT'] },
            { field: 'channel', op: 'equals', value: '2' },
            { field: 'sku', op: 'any_starts_with', values: ['KB-'] },
            { field: 'orderTotal', op: 'gte', value: 100 },
            { field: 'weightGrams', op: 'between', min: 20000, max: 50000 },
            { field: 'customField', name: 'form.Gift wrap', op: 'equals', value: 'YES' },
            { field: 'customerGroup', op: 'missing' },
          ],
        },
        then: { fulfilmentStore: '301', hold: { days: 2 } },
      },
    ]);
    const decision = decideRouting(rules, order, destination);
    expect(decision.fulfilmentStore).toBe('301');
    // Two days from when the order was placed, whenever it is exported again.
    expect(decision.holdUntil).toBe('2026-12-02');
  });

  it('explains why a rule did not match, and skips rules after a stop', () => {
    const rules = ruleSet([
      { ...standard, id: 'first', stop: true },
      {
        id: 'canada',
        name: 'Canada',
        when: { all: [{ field: 'country', op: 'equals', value: 'CA' }] },
        then: { tags: ['Canada'] },
      },
    ]);
    const explained = explainRouting(rules, order, destination);
    expect(explained.rules[1]).toMatchObject({ matched: false, skipped: true });
    const unstopped = explainRouting(ruleSet([rules.rules[1]!]), order, destination);
    expect(unstopped.rules[0]!.conditions.all[0]).toMatchObject({ holds: false, actual: 'US' });
    expect(unstopped.decision.applied).toEqual([]);
  });

  it('ignores a disabled rule', () => {
    const decision = decideRouting(ruleSet([{ ...priority, enabled: false }]), order, destination);
    expect(decision.applied).toEqual([]);
  });

  it('refuses rules that cannot be applied, saying where', () => {
    const checked = validateRoutingRuleSet({
      version: 1,
      storeId: 's1',
      rules: [
        { id: 'a', name: 'A', then: {} },
        {
          id: 'a',
          name: 'B',
          when: { all: [{ field: 'weightGrams', op: 'contains', value: 'x' }] },
          then: { tags: ['x'] },
        },
        { id: 'Bad Id', name: 'C', then: { warehouse: 'east', hold: { days: 0 } } },
      ],
    });
    expect(checked.ok).toBe(false);
    const paths = checked.ok ? [] : checked.issues.map((issue) => issue.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'rules[0].then',
        'rules[1].when.all[0]',
        'rules[2].id',
        'rules[2].then.warehouse',
        'rules[2].then.hold.days',
      ]),
    );
    expect(checked.ok ? [] : checked.issues).toContainEqual({
      path: 'rules[1].when.all[0]',
      message: expect.stringContaining('for weightGrams, op is one of gt, gte'),
    });
    const twice = validateRoutingRuleSet({
      version: 1,
      storeId: 's1',
      rules: [standard, standard],
    });
    expect(twice).toEqual({
      ok: false,
      issues: [{ path: 'rules[1].id', message: 'rule id standard is used twice' }],
    });
  });
});
