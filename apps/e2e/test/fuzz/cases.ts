import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { hostileHeaderValue, notAUuid } from './headers';
import {
  ACCEPTED,
  anyOf,
  BAD_CONTENT_ENCODING,
  BAD_SIGNATURE,
  type FuzzCase,
  type Header,
  MALFORMED_CONNECTION_ID,
  ODD_CONTENT_TYPE,
  OVERSIZED_HEADER,
  type RouteName,
  TOO_LONG_URL,
  UNKNOWN_CONNECTION,
} from './types';
import {
  describeMutation,
  type EnvelopeRules,
  expectedAfter,
  fieldPaths,
  hostileBody,
  hostileValue,
  HUGE,
  hugeString,
  type JsonObject,
  type Labeled,
  type Mutation,
  mutation,
  render,
  SWEEP_VALUES,
} from './values';

// ————— Cases —————

export const nowSec = () => Math.floor(Date.now() / 1_000);
const JSON_TYPE: Header = ['content-type', 'application/json'];

export const once = <T>(build: () => T): (() => T) => {
  let built: T | undefined;
  return () => (built ??= build());
};

/** One route's facts: how a delivery looks, where it goes and how it proves itself. */
export interface RouteShape {
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

export interface Recipe {
  /** Defaults to a valid body. */
  body?: () => Buffer;
  /** Defaults to the route's valid signature over the body sent. */
  auth?: (body: Buffer) => Header[];
  headers?: Header[];
  path?: string;
}

export function caseOf(
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
export const fresh = (build: () => FuzzCase) => fc.constant(null).map(build);
export const pick = (entries: Weighted[]) =>
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
export function sweep(shape: RouteShape): FuzzCase[] {
  return fieldPaths(shape.envelope())
    .flatMap((path): Mutation[] => [
      ...SWEEP_VALUES.map((value) => ({ op: 'replace' as const, path, value })),
      { op: 'delete', path },
    ])
    .map((m) => mutatedCase(shape, m));
}

/** What every route is fuzzed with: bodies, content types, connection ids, correlation ids. */
export function commonCases(shape: RouteShape): Weighted[] {
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
export const withOversized = (expected: number[], value: string) =>
  value.length >= HUGE ? OVERSIZED_HEADER : expected;
