import fc from 'fast-check';
import { caseOf, commonCases, fresh, pick, type RouteShape, sweep } from './cases';
import {
  ACCEPTED,
  anyOf,
  AUTHENTIC_INVALID_BODY,
  BAD_SIGNATURE,
  type FuzzCase,
  type FuzzContext,
  type RouteFuzz,
  TOO_LONG_URL,
  UNKNOWN_CONNECTION,
} from './types';
import { HUGE } from './values';

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

export const fuzzShipStation = (ctx: FuzzContext): RouteFuzz => ({
  sweep: sweep(shipStationShape(ctx)),
  hostile: hostileShipStation(ctx),
  valid: validShipStation(ctx),
});
