import { createHmac } from 'node:crypto';
import { PermanentError } from '@shiplink/errors';
import {
  BigCommerceWebhookSchema,
  bigCommerceStoreHashOf,
  interpretBigCommerceWebhook,
  signBigCommerceWebhook,
  verifyBigCommerceWebhook,
} from './webhook';

const secret = 'app-client-secret';
const now = 1_741_200_000;
const body = Buffer.from(
  JSON.stringify({
    scope: 'store/order/statusUpdated',
    store_id: '1025646',
    data: { type: 'order', id: 4017, status: { previous_status_id: 11, new_status_id: 2 } },
    hash: 'dd70c0976e06b67aaf671e73f49dcb79230ebf9d',
    created_at: now,
    producer: 'stores/abc123',
  }),
);
const signed = signBigCommerceWebhook({ id: 'msg_2b1', timestamp: now, body, secret });
const verify = (headers: Record<string, string>, raw = body, nowSec = now) =>
  verifyBigCommerceWebhook({ headers, rawBody: raw, secret, nowMs: nowSec * 1_000 });

describe('verifyBigCommerceWebhook', () => {
  it('accepts a Standard Webhooks signature over id.timestamp.body keyed with the raw secret', () => {
    const expected = createHmac('sha256', secret)
      .update(`msg_2b1.${now}.${body.toString()}`)
      .digest('base64');
    expect(signed['webhook-signature']).toBe(`v1,${expected}`);
    expect(verify(signed)).toEqual({ ok: true, webhookId: 'msg_2b1', timestamp: now });
  });

  it('accepts any matching signature in a space-separated list', () => {
    const headers = {
      ...signed,
      'webhook-signature': `v1,AAAA v2,zzz ${signed['webhook-signature']}`,
    };
    expect(verify(headers).ok).toBe(true);
  });

  it('reads headers in any case', () => {
    const headers = {
      'Webhook-Id': signed['webhook-id'],
      'WEBHOOK-TIMESTAMP': signed['webhook-timestamp'],
      'Webhook-Signature': signed['webhook-signature'],
    };
    expect(verify(headers).ok).toBe(true);
  });

  it.each([
    ['a changed body', { ...signed }, Buffer.concat([body, Buffer.from(' ')])],
    ['another id', { ...signed, 'webhook-id': 'msg_other' }, body],
    [
      'a signature of another secret',
      signBigCommerceWebhook({ id: 'msg_2b1', timestamp: now, body, secret: 'x' }),
      body,
    ],
    [
      'a truncated signature',
      { ...signed, 'webhook-signature': signed['webhook-signature'].slice(0, 20) },
      body,
    ],
    [
      'an unversioned signature',
      { ...signed, 'webhook-signature': signed['webhook-signature'].slice(3) },
      body,
    ],
  ])('refuses %s as bad_signature', (_case, headers, raw) => {
    expect(verify(headers, raw)).toEqual({ ok: false, reason: 'bad_signature' });
  });

  it.each([
    ['six minutes old', now + 360],
    ['six minutes in the future', now - 360],
  ])('refuses a timestamp %s as stale', (_case, clock) => {
    expect(verify(signed, body, clock)).toEqual({ ok: false, reason: 'stale_timestamp' });
  });

  it('accepts a timestamp inside the tolerance either way', () => {
    expect(verify(signed, body, now + 299).ok).toBe(true);
    expect(verify(signed, body, now - 299).ok).toBe(true);
    expect(
      verifyBigCommerceWebhook({
        headers: signed,
        rawBody: body,
        secret,
        nowMs: (now + 30) * 1_000,
        toleranceSec: 10,
      }),
    ).toEqual({ ok: false, reason: 'stale_timestamp' });
  });

  it.each(['webhook-id', 'webhook-timestamp', 'webhook-signature'] as const)(
    'refuses a delivery without %s',
    (name) => {
      const { [name]: _dropped, ...headers } = signed;
      expect(verify(headers)).toEqual({ ok: false, reason: 'missing_headers' });
    },
  );

  it('refuses a timestamp that is not a number', () => {
    expect(verify({ ...signed, 'webhook-timestamp': 'yesterday' })).toEqual({
      ok: false,
      reason: 'missing_headers',
    });
  });
});

describe('interpretBigCommerceWebhook', () => {
  const envelope = (scope: string, data: Record<string, unknown>) =>
    BigCommerceWebhookSchema.parse({
      scope,
      store_id: '1025646',
      data,
      hash: 'h',
      created_at: now,
      producer: 'stores/abc123',
    });

  it.each([
    [
      'store/order/created',
      { type: 'order', id: 7 },
      { kind: 'order', scope: 'store/order/created', orderId: 7 },
    ],
    [
      'store/order/updated',
      { type: 'order', id: 7 },
      { kind: 'order', scope: 'store/order/updated', orderId: 7 },
    ],
    [
      'store/order/archived',
      { type: 'order', id: 7 },
      { kind: 'order', scope: 'store/order/archived', orderId: 7 },
    ],
    [
      'store/order/statusUpdated',
      { type: 'order', id: 7, status: { previous_status_id: 11, new_status_id: 2 } },
      {
        kind: 'order',
        scope: 'store/order/statusUpdated',
        orderId: 7,
        statusChange: { previousStatusId: 11, newStatusId: 2 },
      },
    ],
    [
      'store/shipment/created',
      { type: 'shipment', id: 3, orderId: 7 },
      { kind: 'shipment', scope: 'store/shipment/created', orderId: 7, shipmentId: 3 },
    ],
    [
      'store/shipment/updated',
      { type: 'shipment', id: 3, orderId: 7 },
      { kind: 'shipment', scope: 'store/shipment/updated', orderId: 7, shipmentId: 3 },
    ],
    [
      'store/shipment/deleted',
      { type: 'shipment', id: 3, orderId: 7 },
      { kind: 'shipment', scope: 'store/shipment/deleted', orderId: 7, shipmentId: 3 },
    ],
    [
      'store/product/updated',
      { type: 'product', id: 9 },
      { kind: 'product', scope: 'store/product/updated', productId: 9 },
    ],
    [
      'store/sku/created',
      { type: 'sku', id: 501, sku: { product_id: 9, variant_id: 75 } },
      { kind: 'product', scope: 'store/sku/created', productId: 9 },
    ],
    [
      'store/product/inventory/updated',
      { type: 'product', id: 9, inventory: { product_id: 9, method: 'absolute', value: 3 } },
      { kind: 'ignored', scope: 'store/product/inventory/updated' },
    ],
    [
      'store/app/uninstalled',
      { type: 'store', id: 1025646 },
      { kind: 'uninstalled', scope: 'store/app/uninstalled' },
    ],
    [
      'store/order/message/created',
      { type: 'order', id: 7, message: { order_message_id: 1 } },
      { kind: 'ignored', scope: 'store/order/message/created' },
    ],
  ])('%s', (scope, data, expected) => {
    expect(interpretBigCommerceWebhook(envelope(scope, data))).toEqual(expected);
  });

  it('refuses shipment data without the camelCase orderId', () => {
    const parsed = BigCommerceWebhookSchema.safeParse({
      scope: 'store/shipment/created',
      store_id: '1',
      data: { type: 'shipment', id: 3, order_id: 7 },
      hash: 'h',
      created_at: now,
      producer: 'stores/abc123',
    });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path).toEqual(['data', 'orderId']);
  });

  it('refuses SKU data without its product', () => {
    const parsed = BigCommerceWebhookSchema.safeParse({
      scope: 'store/sku/updated',
      store_id: '1',
      data: { type: 'sku', id: 501, sku: { variant_id: 75 } },
      hash: 'h',
      created_at: now,
      producer: 'stores/abc123',
    });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path).toEqual(['data', 'sku', 'product_id']);
  });

  it('throws a permanent error for an envelope that skipped the schema', () => {
    const unchecked = {
      scope: 'store/order/created',
      store_id: '1',
      data: { id: 'x' },
      hash: 'h',
      created_at: now,
      producer: 'p',
    };
    expect(() => interpretBigCommerceWebhook(unchecked)).toThrow(PermanentError);
  });

  it('reads the store hash from the producer', () => {
    expect(bigCommerceStoreHashOf({ producer: 'stores/abc123' })).toBe('abc123');
    expect(bigCommerceStoreHashOf({ producer: 'elsewhere' })).toBeUndefined();
  });

  it('accepts a numeric store_id and keeps it a string', () => {
    expect(envelope('store/order/created', { type: 'order', id: 1 }).store_id).toBe('1025646');
    const numeric = BigCommerceWebhookSchema.parse({
      scope: 'store/app/uninstalled',
      store_id: 42,
      data: {},
      hash: 'h',
      created_at: now,
      producer: 'stores/a',
    });
    expect(numeric.store_id).toBe('42');
  });
});
