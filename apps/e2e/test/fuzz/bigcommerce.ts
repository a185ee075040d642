import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { signBigCommerceWebhook } from '@shiplink/connectors/bigcommerce';
import {
  caseOf,
  commonCases,
  nowSec,
  once,
  pick,
  type Recipe,
  type RouteShape,
  sweep,
  withOversized,
} from './cases';
import {
  garbledHeader,
  headerChar,
  hostileHeaderValue,
  refusalOfGarbled,
  tamperedSignature,
} from './headers';
import {
  ACCEPTED,
  anyOf,
  AUTHENTIC_HOSTILE_BODY,
  BAD_SIGNATURE,
  BAD_SIGNATURE_HEADERS,
  type FuzzCase,
  type FuzzContext,
  type Header,
  type RouteFuzz,
} from './types';
import { HUGE, render } from './values';

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

export const fuzzBigCommerce = (ctx: FuzzContext): RouteFuzz => ({
  sweep: sweep(bigCommerceShape(ctx).shape),
  hostile: hostileBigCommerce(ctx),
  valid: validBigCommerce(ctx),
});
