import fc from 'fast-check';
import { AUTHENTIC_HOSTILE_BODY, AUTHENTIC_INVALID_BODY, OVERSIZED_BODY } from './types';

/** Far past Node's 16 KiB header limit when in a header; under the 256 KiB body limit in a body. */
export const HUGE = 200_000;
/** Long, yet under the header limit, so that it reaches the route. */
export const LONG_HEADER = 8_000;
/** Runs of one character: the input that makes a backtracking regex quadratic. */
const HUGE_RUN_UNITS = ['a', '1', '.', '-', 'a.'];
const NESTING_DEPTHS = [1_000, 5_000, 20_000, 100_000];
const KEY_COUNTS = [1_000, 15_000];
/** Past the ingress's 256 KiB body limit. */
const OVERSIZED_BYTES = 300 * 1024;

/** A JSON text and the input class it stands for. */
export interface Labeled {
  label: string;
  text: string;
}

const hugeRun = fc
  .tuple(fc.constantFrom(...HUGE_RUN_UNITS), fc.constantFrom(HUGE, 50_000))
  .map(([unit, length]) => ({
    label: `huge string (${length} × ${JSON.stringify(unit)})`,
    value: unit.repeat(Math.ceil(length / unit.length)).slice(0, length),
  }));
export const hugeString = hugeRun.map(({ label, value }) => ({
  label,
  text: JSON.stringify(value),
}));

/** Text safe to print: everything outside printable ASCII as a \u escape. */
const printable = (text: string) =>
  text.replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

// The literal is part of the label, so that a failure names the very value.
const literals = (label: string, texts: string[]): Labeled[] =>
  texts.map((text) => ({ label: `${label} ${printable(text)}`, text }));
// JSON.stringify writes \u0000 and \ud800 as escapes: the body itself stays valid UTF-8.
const stringLiterals = (label: string, values: string[]) =>
  literals(
    label,
    values.map((value) => JSON.stringify(value)),
  );

const HOSTILE_STRINGS = [
  ...stringLiterals('string with \\u0000', ['\u0000', 'a\u0000b', 'store/order/created\u0000']),
  ...stringLiterals('string with a lone surrogate', ['\ud800', 'a\udfffb', '\udc00\ud800']),
  ...stringLiterals('odd string', [
    '',
    ' ',
    '\ufeff',
    '\u202e',
    '%00',
    '../../etc/passwd',
    "' OR 1=1 --",
    '${jndi:ldap://x}',
    '<script>alert(1)</script>',
    'a@b.co',
    '__proto__',
  ]),
];
const OUT_OF_RANGE_NUMBERS = literals('out-of-range number', [
  '1e400',
  '-1e400',
  '1e-400',
  '9007199254740993',
  '123456789012345678901234567890',
  '2147483648',
  '-1',
  '-0',
  '1.5',
]);
const WRONG_TYPES = literals('wrong type', ['null', 'true', '[]', '{}', '""', '"1"', '[1,2]', '0']);
const UNSTORABLE = literals('\\u0000 or a lone surrogate in a key or string', [
  '{"a\\u0000b":1}',
  '{"\\u0000":"\\u0000"}',
  '{"\\ud800":1}',
  '{"k":"\\udc00"}',
  '["\\u0000"]',
  '"\\ud800\\u0000"',
]);
const DEEP_ARRAYS = NESTING_DEPTHS.map((depth) => ({
  label: `array nested ${depth} deep`,
  text: '['.repeat(depth) + ']'.repeat(depth),
}));
const DEEP_OBJECTS = NESTING_DEPTHS.filter((depth) => depth <= 20_000).map((depth) => ({
  label: `object nested ${depth} deep`,
  text: '{"a":'.repeat(depth) + '0' + '}'.repeat(depth),
}));
const MANY_KEYS = KEY_COUNTS.map((count) => ({
  label: `object with ${count} keys`,
  text: `{${Array.from({ length: count }, (_, i) => `"k${i}":${i}`).join(',')}}`,
}));
const BULKY_JSON = [...DEEP_ARRAYS, ...DEEP_OBJECTS, ...MANY_KEYS];
const bulkyJson = fc.constantFrom(...BULKY_JSON);

/** What the sweep puts in every field of every envelope, one value per request. */
export const SWEEP_VALUES: Labeled[] = [
  ...HOSTILE_STRINGS,
  ...OUT_OF_RANGE_NUMBERS,
  ...WRONG_TYPES,
  ...UNSTORABLE,
  ...BULKY_JSON,
  ...HUGE_RUN_UNITS.slice(0, 2).map((unit) => ({
    label: `huge string (${HUGE} × ${JSON.stringify(unit)})`,
    text: JSON.stringify(unit.repeat(HUGE)),
  })),
];

/** A JSON value that a careless parser, validator, logger or INSERT would trip over. */
export const hostileValue: fc.Arbitrary<Labeled> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc
      .string({ unit: 'binary', maxLength: 40 })
      .map((value) => ({ label: 'random unicode string', text: JSON.stringify(value) })),
  },
  { weight: 2, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
  { weight: 1, arbitrary: hugeString },
  { weight: 2, arbitrary: fc.constantFrom(...OUT_OF_RANGE_NUMBERS) },
  { weight: 2, arbitrary: fc.constantFrom(...WRONG_TYPES) },
  { weight: 2, arbitrary: fc.constantFrom(...UNSTORABLE) },
  {
    weight: 1,
    arbitrary: fc
      .jsonValue({ maxDepth: 3 })
      .map((value) => ({ label: 'random JSON', text: JSON.stringify(value) ?? 'null' })),
  },
  { weight: 2, arbitrary: bulkyJson },
);

const hostileKey: fc.Arbitrary<{ label: string; key: string }> = fc.oneof(
  fc
    .constantFrom('', '\u0000', 'a\u0000b', '\ud800', '__proto__', 'constructor', 'prototype')
    .map((key) => ({ label: `key ${printable(JSON.stringify(key))}`, key })),
  fc.string({ unit: 'binary', maxLength: 20 }).map((key) => ({ label: 'random key', key })),
  hugeRun.map(({ label, value }) => ({ label: `${label} as a key`, key: value })),
);

// ————— Envelopes with one field changed —————

export type JsonObject = {
  [key: string]: string | number | boolean | null | unknown[] | JsonObject;
};

export type Mutation =
  | { op: 'replace' | 'duplicate'; path: string[]; value: Labeled }
  | { op: 'delete'; path: string[] }
  | { op: 'add'; path: string[]; key: string; value: Labeled };

const samePath = (a: string[], b: string[]) =>
  a.length === b.length && a.every((part, i) => part === b[i]);
const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * JSON text of `value` with the mutation applied, built as text: a deep or unstorable value is
 * written as is, and a key given twice really appears twice.
 */
export function render(value: JsonObject, mutation?: Mutation, at: string[] = []): string {
  const parts: string[] = [];
  for (const [key, inner] of Object.entries(value)) {
    const here = [...at, key];
    const targeted = mutation !== undefined && samePath(here, mutation.path);
    if (targeted && mutation.op === 'delete') continue;
    const text =
      targeted && mutation.op === 'replace'
        ? mutation.value.text
        : isObject(inner)
          ? render(inner, mutation, here)
          : JSON.stringify(inner);
    parts.push(`${JSON.stringify(key)}:${text}`);
    if (targeted && mutation.op === 'duplicate') {
      parts.push(`${JSON.stringify(key)}:${mutation.value.text}`);
    }
  }
  if (mutation?.op === 'add' && samePath(at, mutation.path)) {
    parts.push(`${JSON.stringify(mutation.key)}:${mutation.value.text}`);
  }
  return `{${parts.join(',')}}`;
}

export const fieldPaths = (value: JsonObject, at: string[] = []): string[][] =>
  Object.entries(value).flatMap(([key, inner]) =>
    isObject(inner) ? [[...at, key], ...fieldPaths(inner, [...at, key])] : [[...at, key]],
  );
const objectPaths = (value: JsonObject, at: string[] = []): string[][] => [
  at,
  ...Object.entries(value).flatMap(([key, inner]) =>
    isObject(inner) ? objectPaths(inner, [...at, key]) : [],
  ),
];

export function mutation(sample: JsonObject, value: fc.Arbitrary<Labeled>): fc.Arbitrary<Mutation> {
  const fields = fc.constantFrom(...fieldPaths(sample));
  return fc.oneof(
    {
      weight: 4,
      arbitrary: fc.record({ op: fc.constant('replace' as const), path: fields, value }),
    },
    {
      weight: 1,
      arbitrary: fc.record({ op: fc.constant('duplicate' as const), path: fields, value }),
    },
    { weight: 1, arbitrary: fc.record({ op: fc.constant('delete' as const), path: fields }) },
    {
      weight: 2,
      arbitrary: fc
        .record({ path: fc.constantFrom(...objectPaths(sample)), key: hostileKey, value })
        .map(({ path, key, value: added }) => ({
          op: 'add' as const,
          path,
          key: key.key,
          value: { label: `${key.label} = ${added.label}`, text: added.text },
        })),
    },
  );
}

export function describeMutation(m: Mutation): string {
  const where = m.path.length ? m.path.join('.') : '(root)';
  if (m.op === 'delete') return `${where} missing`;
  if (m.op === 'add') return `extra field in ${where}: ${m.value.label}`;
  return `${where} ${m.op === 'duplicate' ? 'given twice, then' : '='} ${m.value.label}`;
}

/** Which fields an envelope must have, and which must match the connection exactly. */
export interface EnvelopeRules {
  required: string[];
  pinned: string[];
}

export function expectedAfter(m: Mutation, rules: EnvelopeRules): number[] {
  const field = m.path.join('.');
  const refused =
    (m.op === 'delete' && rules.required.includes(field)) ||
    ((m.op === 'replace' || m.op === 'duplicate') && rules.pinned.includes(field));
  return refused ? AUTHENTIC_INVALID_BODY : AUTHENTIC_HOSTILE_BODY;
}

// ————— Whole bodies —————

interface BodyRecipe {
  label: string;
  expected: number[];
  /** Given the text of a valid body, the bytes to send instead. */
  bytes(validText: string): Buffer;
}

const INVALID_UTF8 = [
  Buffer.from([0xff]),
  Buffer.from([0xc3, 0x28]),
  Buffer.from([0xed, 0xa0, 0x80]),
];

const refusedBodies = (label: string, texts: string[]) =>
  fc.constantFrom(...texts).map((text): BodyRecipe => ({
    label,
    expected: AUTHENTIC_INVALID_BODY,
    bytes: () => Buffer.from(text, 'utf8'),
  }));

export const hostileBody: fc.Arbitrary<BodyRecipe> = fc.oneof(
  {
    weight: 3,
    arbitrary: refusedBodies('malformed JSON', [
      '{',
      '{"scope": ',
      '{"a":1,}',
      "{'a':1}",
      'NaN',
      '{"a":NaN}',
      '[1,2',
      '\ufeff{}',
      'undefined',
      '{"a":"\\x00"}',
      '{"a":"\\u12"}',
      '"unterminated',
      '{"a" 1}',
      '\u0000',
    ]),
  },
  fc.nat().map((cut): BodyRecipe => ({
    label: 'truncated JSON',
    expected: AUTHENTIC_INVALID_BODY,
    bytes: (text) => Buffer.from(text.slice(0, cut % text.length), 'utf8'),
  })),
  fc.string({ unit: 'binary', maxLength: 200 }).map((text): BodyRecipe => ({
    label: 'random text',
    expected: AUTHENTIC_INVALID_BODY,
    bytes: () => Buffer.from(text, 'utf8'),
  })),
  refusedBodies('empty body', ['', ' ', '\n', '\t\r\n ']),
  refusedBodies('JSON that is not an object', ['[]', 'null', '1', '"x"', 'true', '[{}]']),
  bulkyJson.map((value): BodyRecipe => ({
    label: `whole body: ${value.label}`,
    expected: AUTHENTIC_INVALID_BODY,
    bytes: () => Buffer.from(value.text, 'utf8'),
  })),
  fc.constantFrom(...INVALID_UTF8).map((bytes): BodyRecipe => ({
    label: 'invalid UTF-8',
    expected: AUTHENTIC_INVALID_BODY,
    bytes: () => Buffer.concat([Buffer.from('{"a":"'), bytes, Buffer.from('"')]),
  })),
  fc.constantFrom(...INVALID_UTF8).map((bytes): BodyRecipe => ({
    label: 'valid body with invalid UTF-8 in its first string',
    expected: AUTHENTIC_HOSTILE_BODY,
    bytes: (text) => {
      const end = text.indexOf('",');
      return Buffer.concat([Buffer.from(text.slice(0, end)), bytes, Buffer.from(text.slice(end))]);
    },
  })),
  fc.constant<BodyRecipe>({
    label: 'body over the size limit',
    expected: OVERSIZED_BODY,
    bytes: () => Buffer.from(JSON.stringify({ padding: 'x'.repeat(OVERSIZED_BYTES) })),
  }),
);
