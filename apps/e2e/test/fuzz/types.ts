import type fc from 'fast-check';

export type RouteName = 'bigcommerce' | 'shipstation' | 'aftership';
export type Header = [name: string, value: string];

interface FuzzRequest {
  path: string;
  /** A list rather than a record, so that a header can be sent twice. */
  headers: Header[];
  body: Buffer;
}

/** A delivery that must come through: answered 202, in the inbox, and (orders) exported. */
interface ValidDelivery {
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
export const ACCEPTED = [202];
export const AUTHENTIC_HOSTILE_BODY = [200, 202, 400, 413, 422];
export const AUTHENTIC_INVALID_BODY = [400, 413, 422];
export const BAD_SIGNATURE = [401];
export const BAD_SIGNATURE_HEADERS = [400, 401];
export const OVERSIZED_HEADER = [431];
export const UNKNOWN_CONNECTION = [404];
export const MALFORMED_CONNECTION_ID = [400, 404];
export const TOO_LONG_URL = [414, 431];
export const OVERSIZED_BODY = [413];
export const ODD_CONTENT_TYPE = [202, 415];
export const BAD_CONTENT_ENCODING = [400, 415];

export const anyOf = (...sets: number[][]) => [...new Set(sets.flat())].sort((a, b) => a - b);

/** A route's fuzz: a sweep of every field, generated hostile requests, and valid deliveries. */
export interface RouteFuzz {
  sweep: FuzzCase[];
  hostile: fc.Arbitrary<FuzzCase>;
  valid: fc.Arbitrary<FuzzCase>;
}
