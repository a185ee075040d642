import { randomUUID } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { signAfterShipWebhook } from '@shiplink/connectors/aftership';
import { signBigCommerceWebhook } from '@shiplink/connectors/bigcommerce';

/*
 * Generators for the webhook fuzz suite. A case knows which answers a correct ingress may give
 * it, and builds its request only when it is sent, so that signatures carry a fresh timestamp
 * however long the burst before it took.
 */

export type RouteName = 'bigcommerce' | 'shipstation' | 'aftership';
type Header = [name: string, value: string];

export interface FuzzRequest {
  path: string;
  /** A list rather than a record, so that a header can be sent twice. */
  headers: Header[];
  body: Buffer;
}

/** A delivery that must come through: answered 202, in the inbox, and (orders) exported. */
export interface ValidDelivery {
  /** The payload field that tells this delivery's inbox row apart from every other one. */
  identityField: 'hash' | 'resource_url' | 'event_id';
  identity: string;
  /** Order deliveries: the store order that must reach ShipStation. */
  orderId?: number;
  /** Job-bearing deliveries may be sent twice; the repeat must be answered 200. */
  repeatable: boolean;
}

export interface FuzzCase {
  route: RouteName;
  inputClass: string;
  /** The answers a correct ingress may give. */
  expected: readonly number[];
  valid?: ValidDelivery;
  /** The same request every call (built on the first). */
  request(): FuzzRequest;
}

export interface FuzzContext {
  storeHash: string;
  /** Orders that exist in the store simulator, for deliveries that must import one. */
  orderIds: readonly number[];
  /** The signed-timestamp tolerance, in seconds. */
  toleranceSec: number;
  bigcommerce: { connectionId: string; secret: string };
  shipstation: { connectionId: string; token: string; apiBaseUrl: string };
  aftership: { connectionId: string; secret: string };
}

// What a correct ingress may answer, by kind of input.
const ACCEPTED = [202];
const AUTHENTIC_HOSTILE_BODY = [200, 202, 400, 413, 422];
const AUTHENTIC_INVALID_BODY = [400, 413, 422];
const BAD_SIGNATURE = [401];
const BAD_SIGNATURE_HEADERS = [400, 401];
const OVERSIZED_HEADER = [431];
const UNKNOWN_CONNECTION = [404];
const MALFORMED_CONNECTION_ID = [400, 404];
const TOO_LONG_URL = [414, 431];
const OVERSIZED_BODY = [413];
const ODD_CONTENT_TYPE = [202, 415];
const BAD_CONTENT_ENCODING = [400, 415];

const anyOf = (...sets: number[][]) => [...new Set(sets.flat())].sort((a, b) => a - b);

/** Far past Node's 16 KiB header limit when in a header; under the 256 KiB body limit in a body. */
const HUGE = 200_000;
/** Long, yet under the header limit, so that it reaches the route. */
const LONG_HEADER = 8_000;
/** Runs of one character: the input that makes a backtracking regex quadratic. */
const HUGE_RUN_UNITS = ['a', '1', '.', '-', 'a.'];
const NESTING_DEPTHS = [1_000, 5_000, 20_000, 100_000];
const KEY_COUNTS = [1_000, 15_000];
/** Past the ingress's 256 KiB body limit. */
const OVERSIZED_BYTES = 300 * 1024;

/** A JSON text and the input class it stands for. */
interface Labeled {
  label: string;
  text: string;
}

const hugeRun = fc
  .tuple(fc.constantFrom(...HUGE_RUN_UNITS), fc.constantFrom(HUGE, 50_000))
  .map(([unit, length]) => ({
    label: `huge string (${length} × ${JSON.stringify(unit)})`,
    value: unit.repeat(Math.ceil(length / unit.length)).slice(0, length),
  }));
const hugeString = hugeRun.map(({ label, value }) => ({ label, text: JSON.stringify(value) }));

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
const SWEEP_VALUES: Labeled[] = [
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
const hostileValue: fc.Arbitrary<Labeled> = fc.oneof(
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

type JsonObject = { [key: string]: string | number | boolean | null | unknown[] | JsonObject };

type Mutation =
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
function render(value: JsonObject, mutation?: Mutation, at: string[] = []): string {
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

const fieldPaths = (value: JsonObject, at: string[] = []): string[][] =>
  Object.entries(value).flatMap(([key, inner]) =>
    isObject(inner) ? [[...at, key], ...fieldPaths(inner, [...at, key])] : [[...at, key]],
  );
const objectPaths = (value: JsonObject, at: string[] = []): string[][] => [
  at,
  ...Object.entries(value).flatMap(([key, inner]) =>
    isObject(inner) ? objectPaths(inner, [...at, key]) : [],
  ),
];

function mutation(sample: JsonObject, value: fc.Arbitrary<Labeled>): fc.Arbitrary<Mutation> {
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

function describeMutation(m: Mutation): string {
  const where = m.path.length ? m.path.join('.') : '(root)';
  if (m.op === 'delete') return `${where} missing`;
  if (m.op === 'add') return `extra field in ${where}: ${m.value.label}`;
  return `${where} ${m.op === 'duplicate' ? 'given twice, then' : '='} ${m.value.label}`;
}

/** Which fields an envelope must have, and which must match the connection exactly. */
interface EnvelopeRules {
  required: string[];
  pinned: string[];
}

function expectedAfter(m: Mutation, rules: EnvelopeRules): number[] {
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

const hostileBody: fc.Arbitrary<BodyRecipe> = fc.oneof(
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

// ————— Headers and URLs —————

/** Any character a header value can carry (fetch refuses CR, LF and NUL). */
const headerChar = fc
  .integer({ min: 0x20, max: 0xff })
  .filter((code) => code !== 0x7f)
  .map((code) => String.fromCharCode(code));

const hostileHeaderValue: fc.Arbitrary<{ label: string; value: string }> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc
      .string({ unit: headerChar, minLength: 1, maxLength: 60 })
      .map((value) => ({ label: 'random bytes', value })),
  },
  fc
    .constantFrom('v1,', 'v1', 'v2,abc', ',', 'v1,=', 'v1,====', `v1,${'A'.repeat(44)}`, 'v1,\t')
    .map((value) => ({ label: 'signature-like junk', value })),
  fc.constant({ label: `${LONG_HEADER}-character value`, value: `v1,${'A'.repeat(LONG_HEADER)}` }),
);
const HUGE_HEADER = { label: `${HUGE}-character value`, value: `v1,${'A'.repeat(HUGE)}` };
const garbledHeader = fc.oneof(
  { weight: 9, arbitrary: hostileHeaderValue },
  fc.constant(HUGE_HEADER),
);
const refusalOfGarbled = (garbled: { value: string }) =>
  garbled === HUGE_HEADER ? OVERSIZED_HEADER : BAD_SIGNATURE_HEADERS;

/** A base64 signature changed so that it no longer is the signature (a lenient decoder may differ). */
const tamperedSignature: fc.Arbitrary<{ label: string; apply(signature: string): string }> =
  fc.oneof(
    fc
      .tuple(fc.constantFrom('!', '.', '#', '*', '~', '\t', ',', '=', 'é'), fc.nat())
      .map(([char, at]) => ({
        label: `${JSON.stringify(char)} inserted`,
        apply: (s: string) => {
          const i = 1 + (at % (s.length - 1));
          return s.slice(0, i) + char + s.slice(i);
        },
      })),
    fc.constantFrom('A', '=', '==', 'AAAA', '.').map((tail) => ({
      label: `${JSON.stringify(tail)} appended`,
      apply: (s: string) => s + tail,
    })),
    fc.nat().map((at) => ({
      label: 'one character changed',
      apply: (s: string) => {
        const i = at % s.length;
        return s.slice(0, i) + (s[i] === 'A' ? 'B' : 'A') + s.slice(i + 1);
      },
    })),
    fc.constantFrom(
      { label: 'padding removed', apply: (s: string) => s.replace(/=+$/, '') },
      {
        label: 'spelled as base64url',
        apply: (s: string) => s.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, ''),
      },
      { label: 'spelled as hex', apply: (s: string) => Buffer.from(s, 'base64').toString('hex') },
      { label: 'truncated', apply: (s: string) => s.slice(0, -2) },
    ),
  );

const notAUuid: fc.Arbitrary<{ label: string; id: string }> = fc.oneof(
  fc
    .constantFrom('-'.repeat(36), 'a'.repeat(36), 'g'.repeat(36))
    .map((id) => ({ label: '36 characters, not a UUID', id })),
  fc
    .stringMatching(/^[g-z]{8}-[g-z]{4}-[g-z]{4}-[g-z]{4}-[g-z]{12}$/)
    .map((id) => ({ label: 'UUID-shaped garbage', id })),
  fc.uuid().map((u) => ({ label: 'UUID with a character more', id: `${u}a` })),
  fc.uuid().map((u) => ({ label: 'UUID with a character less', id: u.slice(0, 35) })),
  fc.uuid().map((u) => ({ label: 'UUID without dashes', id: u.replace(/-/g, '') })),
  fc.uuid().map((u) => ({ label: 'UUID in braces', id: encodeURIComponent(`{${u}}`) })),
  fc
    .constantFrom('0', 'null', '%00', '%zz', '%E0%A4%A', "'%20OR%201=1--")
    .map((id) => ({ label: `odd id ${id}`, id })),
  fc.constant({ label: '5000-character id', id: 'a'.repeat(5_000) }),
  fc
    .string({ unit: 'binary', minLength: 1, maxLength: 40 })
    .map((raw) => ({ label: 'random unicode id', id: encodeURIComponent(raw) })),
);

// ————— Cases —————

const nowSec = () => Math.floor(Date.now() / 1_000);
const JSON_TYPE: Header = ['content-type', 'application/json'];

const once = <T>(build: () => T): (() => T) => {
  let built: T | undefined;
  return () => (built ??= build());
};

/** One route's facts: how a delivery looks, where it goes and how it proves itself. */
interface RouteShape {
  route: RouteName;
  /** How a delivery proves itself, for input class names. */
  proof: string;
  rules: EnvelopeRules;
  /** A valid envelope, fresh ids each call. */
  envelope(): JsonObject;
  path(connectionId?: string): string;
  /** The headers that authenticate `body` (none for ShipStation: its secret is in the path). */
  sign(body: Buffer): Header[];
  ownConnectionId: string;
  otherConnectionIds: string[];
}

interface Recipe {
  /** Defaults to a valid body. */
  body?: () => Buffer;
  /** Defaults to the route's valid signature over the body sent. */
  auth?: (body: Buffer) => Header[];
  headers?: Header[];
  path?: string;
}

function caseOf(
  shape: RouteShape,
  inputClass: string,
  expected: number[],
  recipe: Recipe = {},
): FuzzCase {
  return {
    route: shape.route,
    inputClass,
    expected,
    request: once(() => {
      const body = recipe.body?.() ?? Buffer.from(render(shape.envelope()));
      return {
        path: recipe.path ?? shape.path(),
        headers: [...(recipe.headers ?? [JSON_TYPE]), ...(recipe.auth ?? shape.sign)(body)],
        body,
      };
    }),
  };
}

type Weighted = [weight: number, arbitrary: fc.Arbitrary<FuzzCase>];
/** A new case per draw: a case reused would send the same delivery twice. */
const fresh = (build: () => FuzzCase) => fc.constant(null).map(build);
const pick = (entries: Weighted[]) =>
  fc.oneof(...entries.map(([weight, arbitrary]) => ({ weight, arbitrary })));

const CONTENT_TYPES = [
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/json; charset=utf-16',
  'application/xml',
  '*/*',
  ';;;',
];

function mutatedCase(shape: RouteShape, m: Mutation): FuzzCase {
  return caseOf(
    shape,
    `${shape.proof} body, ${describeMutation(m)}`,
    expectedAfter(m, shape.rules),
    {
      body: () => Buffer.from(render(shape.envelope(), m)),
    },
  );
}

/** Every field of the envelope set to every sweep value, and left out, once each. */
function sweep(shape: RouteShape): FuzzCase[] {
  return fieldPaths(shape.envelope())
    .flatMap((path): Mutation[] => [
      ...SWEEP_VALUES.map((value) => ({ op: 'replace' as const, path, value })),
      { op: 'delete', path },
    ])
    .map((m) => mutatedCase(shape, m));
}

/** What every route is fuzzed with: bodies, content types, connection ids, correlation ids. */
function commonCases(shape: RouteShape): Weighted[] {
  const sample = shape.envelope();
  const mutated = (value: fc.Arbitrary<Labeled>) =>
    mutation(sample, value).map((m) => mutatedCase(shape, m));
  const own = shape.ownConnectionId;
  return [
    [25, mutated(hostileValue)],
    [4, mutated(hugeString)],
    [
      12,
      hostileBody.map((recipe) =>
        caseOf(shape, `${shape.proof} ${recipe.label}`, recipe.expected, {
          body: () => recipe.bytes(render(shape.envelope())),
        }),
      ),
    ],
    [
      4,
      fc.oneof(
        fc.constantFrom(...CONTENT_TYPES).map((type) =>
          caseOf(shape, `content-type ${type}`, ODD_CONTENT_TYPE, {
            headers: [['content-type', type]],
          }),
        ),
        fresh(() => caseOf(shape, 'no content-type', ODD_CONTENT_TYPE, { headers: [] })),
        fc.constantFrom('gzip', 'deflate', 'br', 'compress', 'x-unknown').map((encoding) =>
          caseOf(shape, `content-encoding ${encoding} on a plain body`, BAD_CONTENT_ENCODING, {
            headers: [JSON_TYPE, ['content-encoding', encoding]],
          }),
        ),
      ),
    ],
    [
      1,
      fresh(() => {
        const plain = once(() => Buffer.from(render(shape.envelope())));
        return caseOf(shape, 'gzip-encoded body', anyOf(ODD_CONTENT_TYPE, BAD_SIGNATURE), {
          body: () => gzipSync(plain()),
          // Signed as meant, before compression.
          auth: () => shape.sign(plain()),
          headers: [JSON_TYPE, ['content-encoding', 'gzip']],
        });
      }),
    ],
    [
      10,
      fc
        .oneof(
          {
            weight: 4,
            arbitrary: notAUuid.map(({ label, id }) => ({
              label: `connection id: ${label}`,
              id,
              expected: MALFORMED_CONNECTION_ID,
            })),
          },
          {
            weight: 2,
            arbitrary: fc.uuid().map((id) => ({
              label: 'unknown connection id',
              id,
              expected: UNKNOWN_CONNECTION,
            })),
          },
          fc.constantFrom(...shape.otherConnectionIds).map((id) => ({
            label: "another provider's connection id",
            id,
            expected: UNKNOWN_CONNECTION,
          })),
          fc.constant({
            label: `${HUGE}-character connection id`,
            id: 'a'.repeat(HUGE),
            expected: TOO_LONG_URL,
          }),
          // The database reads these spellings as the same UUID; refusing them is fine too.
          fc
            .constantFrom(
              { label: 'in capitals', id: own.toUpperCase() },
              { label: 'without dashes', id: own.replace(/-/g, '') },
              { label: 'in braces', id: encodeURIComponent(`{${own}}`) },
            )
            .map(({ label, id }) => ({
              label: `own connection id ${label}`,
              id,
              expected: anyOf(ACCEPTED, UNKNOWN_CONNECTION),
            })),
        )
        .map(({ label, id, expected }) => caseOf(shape, label, expected, { path: shape.path(id) })),
    ],
    [
      3,
      fc
        .oneof(hostileHeaderValue, fc.constant({ label: '100 characters', value: 'c'.repeat(100) }))
        .map((value) =>
          caseOf(shape, `x-correlation-id: ${value.label}`, anyOf(ACCEPTED, [400]), {
            headers: [JSON_TYPE, ['x-correlation-id', value.value]],
          }),
        ),
    ],
  ];
}

/** A header past Node's limit is refused (431) before any route sees it. */
const withOversized = (expected: number[], value: string) =>
  value.length >= HUGE ? OVERSIZED_HEADER : expected;

// ————— BigCommerce: Standard Webhooks signatures —————

type BigCommerceSigning = { id?: string; timestamp?: number; secret?: string };

function bigCommerceShape(ctx: FuzzContext) {
  const { connectionId, secret } = ctx.bigcommerce;
  const signWith = (body: Buffer, o: BigCommerceSigning = {}): Header[] =>
    Object.entries(
      signBigCommerceWebhook({
        id: o.id ?? `msg_${randomUUID()}`,
        timestamp: o.timestamp ?? nowSec(),
        body,
        secret: o.secret ?? secret,
      }),
    );
  const shape: RouteShape = {
    route: 'bigcommerce',
    proof: 'signed',
    rules: {
      required: [
        'scope',
        'store_id',
        'data',
        'data.type',
        'data.id',
        'hash',
        'created_at',
        'producer',
      ],
      pinned: ['producer'],
    },
    envelope: () => ({
      scope: 'store/order/created',
      store_id: '1001',
      data: { type: 'order', id: ctx.orderIds[0]! },
      hash: randomUUID(),
      created_at: nowSec(),
      producer: `stores/${ctx.storeHash}`,
    }),
    path: (id = connectionId) => `/webhooks/bigcommerce/${id}`,
    sign: (body) => signWith(body),
    ownConnectionId: connectionId,
    otherConnectionIds: [ctx.shipstation.connectionId, ctx.aftership.connectionId],
  };
  return { shape, signWith };
}

const BIGCOMMERCE_SCOPES = [
  'store/order/created',
  'store/order/updated',
  'store/order/statusUpdated',
  'store/order/archived',
  'store/shipment/deleted',
  'store/cart/created',
] as const;

/** A valid, signed BigCommerce delivery; order scopes name an order that exists. */
function validBigCommerce(ctx: FuzzContext): fc.Arbitrary<FuzzCase> {
  const { shape, signWith } = bigCommerceShape(ctx);
  return fc
    .record({
      scope: fc.constantFrom(...BIGCOMMERCE_SCOPES),
      orderId: fc.constantFrom(...ctx.orderIds),
      rotation: fc.boolean(),
    })
    .map(({ scope, orderId, rotation }) => {
      const hash = randomUUID();
      const isOrder = scope.startsWith('store/order/');
      const data = isOrder
        ? {
            type: 'order',
            id: orderId,
            ...(scope === 'store/order/statusUpdated'
              ? { status: { previous_status_id: 0, new_status_id: 11 } }
              : {}),
          }
        : scope === 'store/shipment/deleted'
          ? { type: 'shipment', id: 1, orderId }
          : { type: 'cart', id: 'c-1' };
      const body = once(() =>
        Buffer.from(
          JSON.stringify({
            scope,
            store_id: '1001',
            data,
            hash,
            created_at: nowSec(),
            producer: `stores/${ctx.storeHash}`,
          }),
        ),
      );
      return {
        ...caseOf(
          shape,
          rotation ? 'valid delivery with two signatures (secret rotation)' : 'valid delivery',
          ACCEPTED,
          {
            body,
            auth: (bytes) =>
              signWith(bytes).map(([name, value]): Header => [
                name,
                // During a secret rotation the old signature and the new one come together.
                name === 'webhook-signature' && rotation
                  ? `v1,${Buffer.alloc(32, 7).toString('base64')} ${value}`
                  : value,
              ]),
          },
        ),
        valid: {
          identityField: 'hash',
          identity: hash,
          repeatable: isOrder,
          ...(isOrder ? { orderId } : {}),
        },
      } satisfies FuzzCase;
    });
}

const BIGCOMMERCE_SIGNATURE_HEADERS = ['webhook-id', 'webhook-timestamp', 'webhook-signature'];

function hostileBigCommerce(ctx: FuzzContext): fc.Arbitrary<FuzzCase> {
  const { shape, signWith } = bigCommerceShape(ctx);
  const replaced = (headers: Header[], name: string, value: string) =>
    headers.map(([n, v]): Header => [n, n === name ? value : v]);
  const header = fc.constantFrom(...BIGCOMMERCE_SIGNATURE_HEADERS);
  const of = (inputClass: string, expected: number[], recipe: Recipe = {}) =>
    caseOf(shape, inputClass, expected, recipe);
  return pick([
    ...commonCases(shape),
    [
      4,
      fc.subarray(BIGCOMMERCE_SIGNATURE_HEADERS, { minLength: 1 }).map((dropped) =>
        of(`missing ${dropped.join(' + ')}`, BAD_SIGNATURE_HEADERS, {
          auth: (body) => signWith(body).filter(([name]) => !dropped.includes(name)),
        }),
      ),
    ],
    [
      4,
      fc.tuple(header, garbledHeader).map(([name, garbled]) =>
        of(`${name}: ${garbled.label}`, refusalOfGarbled(garbled), {
          auth: (body) => replaced(signWith(body), name, garbled.value),
        }),
      ),
    ],
    [
      6,
      tamperedSignature.map((tamper) =>
        of(`signature ${tamper.label}`, BAD_SIGNATURE, {
          auth: (body) =>
            signWith(body).map(([name, value]): Header => [
              name,
              name === 'webhook-signature' ? `v1,${tamper.apply(value.slice(3))}` : value,
            ]),
        }),
      ),
    ],
    [
      3,
      fc.tuple(header, hostileHeaderValue).map(([name, extra]) =>
        of(
          `${name} sent twice (second: ${extra.label})`,
          // A second signature may be read as another candidate; ids and timestamps may not.
          name === 'webhook-signature'
            ? anyOf(ACCEPTED, BAD_SIGNATURE_HEADERS)
            : BAD_SIGNATURE_HEADERS,
          { auth: (body) => [...signWith(body), [name, extra.value]] },
        ),
      ),
    ],
    [
      3,
      fc
        .oneof(
          fc.integer({ min: ctx.toleranceSec + 5, max: 10_000_000 }),
          fc.integer({ min: -10_000_000, max: -(ctx.toleranceSec + 5) }),
        )
        .map((offset) =>
          of(`timestamp ${offset > 0 ? 'in the future' : 'stale'}`, BAD_SIGNATURE, {
            auth: (body) => signWith(body, { timestamp: nowSec() + offset }),
          }),
        ),
    ],
    [
      2,
      fc
        .constantFrom('1e9', '0x10', '-5', '12.5', '99999999999999999999999', 'NaN', '+1700000000')
        .map((timestamp) =>
          of(`webhook-timestamp ${JSON.stringify(timestamp)}`, BAD_SIGNATURE_HEADERS, {
            auth: (body) => replaced(signWith(body), 'webhook-timestamp', timestamp),
          }),
        ),
    ],
    [
      2,
      fc.string({ minLength: 1, maxLength: 40 }).map((prefix) =>
        of('signed with another secret', BAD_SIGNATURE, {
          auth: (body) => signWith(body, { secret: `${prefix}${ctx.bigcommerce.secret}` }),
        }),
      ),
    ],
    [
      2,
      fc.constantFrom(' ', '\n', '0', 'x').map((extra) => {
        const signed = once(() => Buffer.from(render(shape.envelope())));
        return of(`${JSON.stringify(extra)} appended after signing`, BAD_SIGNATURE, {
          body: () => Buffer.concat([signed(), Buffer.from(extra)]),
          auth: () => signWith(signed()),
        });
      }),
    ],
    [
      4,
      fc
        .oneof(
          fc
            .string({ unit: headerChar, minLength: 1, maxLength: 300 })
            .map((id) => ({ label: 'random bytes', id: id.trim() || 'x' })),
          fc
            .constantFrom(3_000, 12_000)
            .map((n) => ({ label: `${n} characters`, id: 'a'.repeat(n) })),
          fc.constant({ label: `${HUGE} characters`, id: 'a'.repeat(HUGE) }),
        )
        .map(({ label, id }) =>
          // Refusing an id no sender would use is fine, as a bad header (400) or signature (401).
          of(
            `validly signed webhook-id of ${label}`,
            withOversized(anyOf(AUTHENTIC_HOSTILE_BODY, BAD_SIGNATURE_HEADERS), id),
            {
              auth: (body) => signWith(body, { id }),
            },
          ),
        ),
    ],
  ]);
}

// ————— ShipStation V1: a pointer body; the token in the URL authenticates —————

let batchSerial = Math.floor(Math.random() * 1e9);
const shipmentsUrl = (apiBaseUrl: string) =>
  `${apiBaseUrl}/shipments?batchId=${++batchSerial}&includeShipmentItems=False`;

function shipStationShape(ctx: FuzzContext): RouteShape {
  const { connectionId, token, apiBaseUrl } = ctx.shipstation;
  return {
    route: 'shipstation',
    proof: 'right-token',
    rules: { required: ['resource_url', 'resource_type'], pinned: ['resource_url'] },
    envelope: () => ({ resource_url: shipmentsUrl(apiBaseUrl), resource_type: 'SHIP_NOTIFY' }),
    path: (id = connectionId) => `/webhooks/shipstation/${id}/${token}`,
    sign: () => [],
    ownConnectionId: connectionId,
    otherConnectionIds: [ctx.bigcommerce.connectionId, ctx.aftership.connectionId],
  };
}

/** Event types whose deliveries become jobs; the others are only recorded. */
const SHIPSTATION_JOB_TYPES = ['SHIP_NOTIFY', 'ITEM_SHIP_NOTIFY'];

function validShipStation(ctx: FuzzContext): fc.Arbitrary<FuzzCase> {
  const shape = shipStationShape(ctx);
  return fc
    .constantFrom(...SHIPSTATION_JOB_TYPES, 'ORDER_NOTIFY', 'FULFILLMENT_SHIPPED')
    .map((type) => {
      const url = shipmentsUrl(ctx.shipstation.apiBaseUrl);
      return {
        ...caseOf(shape, 'valid delivery', ACCEPTED, {
          body: () => Buffer.from(JSON.stringify({ resource_url: url, resource_type: type })),
        }),
        valid: {
          identityField: 'resource_url',
          identity: url,
          repeatable: SHIPSTATION_JOB_TYPES.includes(type),
        },
      } satisfies FuzzCase;
    });
}

function foreignResourceUrls(apiBaseUrl: string): string[] {
  const api = new URL(apiBaseUrl);
  const otherPort = (Number(api.port) % 60_000) + 1;
  return [
    'file:///etc/passwd',
    'https://attacker.example/shipments?batchId=1',
    `https://${api.host}/shipments?batchId=1`,
    `http://${api.hostname}:${otherPort}/shipments?batchId=1`,
    `http://user:pass@${api.host}/shipments?batchId=1`,
    `http://user@${api.host}/shipments?batchId=1`,
    `http://${api.host}@attacker.example/shipments?batchId=1`,
    `http://attacker.example#@${api.host}/shipments`,
    `http://localhost:${api.port}/shipments?batchId=1`,
    `http://[::1]:${api.port}/shipments?batchId=1`,
    `gopher://${api.host}/shipments`,
    `ftp://${api.host}/shipments`,
    'data:text/plain,hello',
    'javascript:alert(1)',
    '//attacker.example/shipments',
    '/shipments?batchId=1',
    `http://${api.host}.attacker.example/shipments`,
    `http://attacker.example/${'a'.repeat(3_000)}`,
    `${apiBaseUrl}/${'a'.repeat(3_000)}`,
    `http://${api.host}\u0000@attacker.example/`,
  ];
}

function hostileShipStation(ctx: FuzzContext): fc.Arbitrary<FuzzCase> {
  const shape = shipStationShape(ctx);
  const { connectionId, token } = ctx.shipstation;
  const withToken = (t: string) => `/webhooks/shipstation/${connectionId}/${t}`;
  const short = (url: string) => (url.length > 80 ? `${url.slice(0, 40)}…(${url.length})` : url);
  return pick([
    ...commonCases(shape),
    [
      12,
      fc.constantFrom(...foreignResourceUrls(ctx.shipstation.apiBaseUrl)).map((url) =>
        caseOf(shape, `foreign resource_url ${short(url)}`, AUTHENTIC_INVALID_BODY, {
          body: () =>
            Buffer.from(JSON.stringify({ resource_url: url, resource_type: 'SHIP_NOTIFY' })),
        }),
      ),
    ],
    [
      12,
      fc
        .oneof(
          fc.stringMatching(/^[A-Za-z0-9_-]{1,60}$/).map((t) => ({ label: 'random token', t })),
          fc.constantFrom(
            { label: 'token with a character more', t: `${token}x` },
            { label: 'token with a character less', t: token.slice(0, -1) },
            { label: 'token reversed', t: [...token].reverse().join('') },
            { label: 'token with %00 appended', t: `${token}%00` },
            { label: 'token with bad percent-encoding', t: `${token}%zz` },
            { label: 'token, then another segment', t: `${token}/x` },
            { label: '5000-character token', t: 'a'.repeat(5_000) },
          ),
        )
        .filter(({ t }) => t !== token)
        .map(({ label, t }) =>
          caseOf(shape, `wrong URL token: ${label}`, anyOf(BAD_SIGNATURE, [400, 404]), {
            path: withToken(t),
          }),
        ),
    ],
    [
      1,
      fc.oneof(
        fresh(() =>
          caseOf(shape, `${HUGE}-character URL token`, TOO_LONG_URL, {
            path: withToken('a'.repeat(HUGE)),
          }),
        ),
        fresh(() => caseOf(shape, 'no URL token', UNKNOWN_CONNECTION, { path: withToken('') })),
      ),
    ],
  ]);
}

// ————— AfterShip: base64(HMAC-SHA256(raw body)), no timestamp —————

const AFTERSHIP_SIGNATURE = 'aftership-hmac-sha256';

function afterShipEvent(eventId: string): JsonObject {
  return {
    event: 'tracking_update',
    event_id: eventId,
    is_tracking_first_tag: false,
    msg: {
      id: randomUUID().replace(/-/g, ''),
      tracking_number: `1ZFUZZ${eventId.replace(/-/g, '').slice(0, 12)}`,
      slug: 'ups',
      tag: 'InTransit',
      subtag: 'InTransit_001',
      order_number: '1001',
      checkpoints: [],
    },
    ts: nowSec(),
  };
}

function afterShipShape(ctx: FuzzContext) {
  const { connectionId, secret } = ctx.aftership;
  const signature = (body: Buffer) => signAfterShipWebhook(body, secret);
  const shape: RouteShape = {
    route: 'aftership',
    proof: 'signed',
    rules: {
      required: [
        'event',
        'event_id',
        'msg',
        'msg.id',
        'msg.tracking_number',
        'msg.slug',
        'msg.tag',
        'ts',
      ],
      pinned: [],
    },
    envelope: () => afterShipEvent(randomUUID()),
    path: (id = connectionId) => `/webhooks/aftership/${id}`,
    sign: (body) => [[AFTERSHIP_SIGNATURE, signature(body)]],
    ownConnectionId: connectionId,
    otherConnectionIds: [ctx.bigcommerce.connectionId, ctx.shipstation.connectionId],
  };
  return { shape, signature };
}

function validAfterShip(ctx: FuzzContext): fc.Arbitrary<FuzzCase> {
  const { shape } = afterShipShape(ctx);
  return fresh(() => {
    const eventId = randomUUID();
    return {
      ...caseOf(shape, 'valid delivery', ACCEPTED, {
        body: () => Buffer.from(JSON.stringify(afterShipEvent(eventId))),
      }),
      valid: { identityField: 'event_id', identity: eventId, repeatable: true },
    } satisfies FuzzCase;
  });
}

function hostileAfterShip(ctx: FuzzContext): fc.Arbitrary<FuzzCase> {
  const { shape, signature } = afterShipShape(ctx);
  const of = (inputClass: string, expected: number[], recipe: Recipe = {}) =>
    caseOf(shape, inputClass, expected, recipe);
  return pick([
    ...commonCases(shape),
    [2, fresh(() => of('missing signature', BAD_SIGNATURE, { auth: () => [] }))],
    [
      5,
      garbledHeader.map((garbled) =>
        of(`signature: ${garbled.label}`, refusalOfGarbled(garbled), {
          auth: () => [[AFTERSHIP_SIGNATURE, garbled.value]],
        }),
      ),
    ],
    [
      8,
      tamperedSignature.map((tamper) =>
        of(`signature ${tamper.label}`, BAD_SIGNATURE, {
          auth: (body) => [[AFTERSHIP_SIGNATURE, tamper.apply(signature(body))]],
        }),
      ),
    ],
    [
      4,
      fc
        .oneof(hostileHeaderValue, fc.constant({ label: 'the same signature', value: '' }))
        .map((extra) =>
          of(
            `signature sent twice (second: ${extra.label})`,
            anyOf(ACCEPTED, BAD_SIGNATURE_HEADERS),
            {
              auth: (body) => [
                [AFTERSHIP_SIGNATURE, signature(body)],
                [AFTERSHIP_SIGNATURE, extra.value || signature(body)],
              ],
            },
          ),
        ),
    ],
    [
      3,
      fc.string({ minLength: 1, maxLength: 40 }).map((prefix) =>
        of('signed with another secret', BAD_SIGNATURE, {
          auth: (body) => [
            [AFTERSHIP_SIGNATURE, signAfterShipWebhook(body, `${prefix}${ctx.aftership.secret}`)],
          ],
        }),
      ),
    ],
    [
      3,
      fc.constantFrom(' ', '\n', '0', 'x').map((extra) => {
        const signed = once(() => Buffer.from(render(shape.envelope())));
        return of(`${JSON.stringify(extra)} appended after signing`, BAD_SIGNATURE, {
          body: () => Buffer.concat([signed(), Buffer.from(extra)]),
          auth: () => [[AFTERSHIP_SIGNATURE, signature(signed())]],
        });
      }),
    ],
  ]);
}

/** A route's fuzz: a sweep of every field, generated hostile requests, and valid deliveries. */
export interface RouteFuzz {
  sweep: FuzzCase[];
  hostile: fc.Arbitrary<FuzzCase>;
  valid: fc.Arbitrary<FuzzCase>;
}

export const fuzzBigCommerce = (ctx: FuzzContext): RouteFuzz => ({
  sweep: sweep(bigCommerceShape(ctx).shape),
  hostile: hostileBigCommerce(ctx),
  valid: validBigCommerce(ctx),
});

export const fuzzShipStation = (ctx: FuzzContext): RouteFuzz => ({
  sweep: sweep(shipStationShape(ctx)),
  hostile: hostileShipStation(ctx),
  valid: validShipStation(ctx),
});

export const fuzzAfterShip = (ctx: FuzzContext): RouteFuzz => ({
  sweep: sweep(afterShipShape(ctx).shape),
  hostile: hostileAfterShip(ctx),
  valid: validAfterShip(ctx),
});
