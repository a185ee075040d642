import { MAX_JSON_DEPTH, unstorableJson, unstorableText } from './storable';

const nested = (depth: number): unknown => {
  let value: unknown = 'leaf';
  for (let i = 0; i < depth; i++) value = i % 2 ? [value] : { a: value };
  return value;
};

describe('unstorableJson', () => {
  it.each([
    ['a NUL in a value', { a: 'x\u0000y' }, /NUL/],
    ['a NUL in a key', { ['k\u0000']: 1 }, /key contains a NUL/],
    ['a lone high surrogate', ['\ud800'], /surrogate/],
    ['a lone low surrogate', { a: 'x\udc00' }, /surrogate/],
    ['nesting past the limit', nested(MAX_JSON_DEPTH + 1), /nested deeper/],
    ['ten thousand levels', nested(10_000), /nested deeper/],
  ])('refuses %s', (_case, value, reason) => {
    expect(unstorableJson(value)).toMatch(reason);
  });

  it.each([
    ['plain JSON', { a: [1, 'two', null, true, { b: 'ü 📦' }] }],
    ['nesting at the limit', nested(MAX_JSON_DEPTH - 1)],
    ['scalars', 42],
  ])('accepts %s', (_case, value) => {
    expect(unstorableJson(value)).toBeUndefined();
  });

  it('walks wide values without recursion', () => {
    const wide = Object.fromEntries(Array.from({ length: 50_000 }, (_, i) => [`k${i}`, [i]]));
    expect(unstorableJson(wide)).toBeUndefined();
    expect(unstorableText('fine')).toBeUndefined();
  });
});
