import {
  editableRateRules,
  editableRoutingRules,
  parseJsonText,
  prettyJson,
  withSection,
} from './json-text';

describe('JSON text', () => {
  it('parses JSON', () => {
    expect(parseJsonText('{"a": [1]}')).toEqual({ ok: true, value: { a: [1] } });
  });

  it('says an empty field is empty', () => {
    expect(parseJsonText('  \n')).toEqual({
      ok: false,
      message: 'The field is empty: write JSON.',
    });
  });

  it('says which line is not JSON', () => {
    const parsed = parseJsonText('{\n  "a": 1,\n  "b": \n}');
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message).toMatch(/^Not valid JSON( \(line \d\))?: /);
  });

  it('writes JSON people read', () => {
    expect(prettyJson({ a: 1 })).toBe('{\n  "a": 1\n}');
  });
});

describe('editable rules', () => {
  it('takes the rules out of a saved routing rule set', () => {
    expect(editableRoutingRules({ storeId: 's', version: 3, rules: [{ name: 'r' }] })).toEqual([
      { name: 'r' },
    ]);
    expect(editableRoutingRules([{ name: 'r' }])).toEqual([{ name: 'r' }]);
    expect(editableRoutingRules(null)).toEqual([]);
  });

  it('leaves out what the hub sets on rate rules', () => {
    expect(editableRateRules({ storeId: 's', version: 2, defaultCurrency: 'EUR' })).toEqual({
      defaultCurrency: 'EUR',
    });
    expect(editableRateRules('nonsense')).toEqual({});
  });

  it('replaces one settings section and keeps the others', () => {
    expect(
      withSection({ returns: { refund: 'never' }, tracking: {} }, 'tracking', { a: 1 }),
    ).toEqual({ returns: { refund: 'never' }, tracking: { a: 1 } });
  });
});
