import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { signAfterShipWebhook } from '@shiplink/connectors/aftership';
import {
  caseOf,
  commonCases,
  fresh,
  nowSec,
  once,
  pick,
  type Recipe,
  type RouteShape,
  sweep,
} from './cases';
import { garbledHeader, hostileHeaderValue, refusalOfGarbled, tamperedSignature } from './headers';
import {
  ACCEPTED,
  anyOf,
  BAD_SIGNATURE,
  BAD_SIGNATURE_HEADERS,
  type FuzzCase,
  type FuzzContext,
  type RouteFuzz,
} from './types';
import { type JsonObject, render } from './values';

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

export const fuzzAfterShip = (ctx: FuzzContext): RouteFuzz => ({
  sweep: sweep(afterShipShape(ctx).shape),
  hostile: hostileAfterShip(ctx),
  valid: validAfterShip(ctx),
});
