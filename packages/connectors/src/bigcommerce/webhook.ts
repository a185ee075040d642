import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { PermanentError } from '@shiplink/errors';
import { header } from '../http/profile';
import { catalogHookDataSchema, isCatalogScope, productIdOfCatalogHook } from './hook-schemas';

/*
 * BigCommerce signs deliveries the Standard Webhooks way: `webhook-id`, `webhook-timestamp`
 * (unix seconds) and `webhook-signature` (`v1,<base64>`, space-separated when there are
 * several, e.g. during a secret rotation), an HMAC-SHA256 over `{id}.{timestamp}.{raw body}`
 * keyed with the app's client secret bytes.
 */

const MAX_WEBHOOK_ID = 256;
/** Room for a few `v1,<base64>` entries during a secret rotation. */
const MAX_SIGNATURES_HEADER = 1_024;

export type BigCommerceWebhookVerification =
  | { ok: true; webhookId: string; timestamp: number }
  | { ok: false; reason: 'missing_headers' | 'bad_signature' | 'stale_timestamp' };

export interface VerifyBigCommerceWebhookInput {
  /** Request headers, any case (Node's IncomingHttpHeaders fits). */
  headers: Record<string, string | string[] | undefined>;
  /** The exact bytes received: a re-serialised body would not match. */
  rawBody: Buffer;
  /** The app's client secret. */
  secret: string;
  nowMs?: number;
  /** Accepted clock difference either way; replays outside it are refused. */
  toleranceSec?: number;
}

function sign(id: string, timestamp: string, body: Buffer | string, secret: string): string {
  return createHmac('sha256', Buffer.from(secret, 'utf8'))
    .update(`${id}.${timestamp}.`)
    .update(body)
    .digest('base64');
}

export function verifyBigCommerceWebhook(
  input: VerifyBigCommerceWebhookInput,
): BigCommerceWebhookVerification {
  const id = header(input.headers, 'webhook-id');
  const timestamp = header(input.headers, 'webhook-timestamp');
  const signatures = header(input.headers, 'webhook-signature');
  if (!id || !timestamp || !signatures || !/^\d{1,12}$/.test(timestamp.trim())) {
    return { ok: false, reason: 'missing_headers' };
  }
  // A Standard Webhooks id is short; a longer one is refused before it is hashed or stored.
  if (id.length > MAX_WEBHOOK_ID || signatures.length > MAX_SIGNATURES_HEADER) {
    return { ok: false, reason: 'bad_signature' };
  }
  const seconds = Number(timestamp.trim());
  const nowSec = Math.floor((input.nowMs ?? Date.now()) / 1_000);
  if (Math.abs(nowSec - seconds) > (input.toleranceSec ?? 300)) {
    return { ok: false, reason: 'stale_timestamp' };
  }
  // Compared as canonical base64 text, never decoded: Node's decoder skips characters it does
  // not know and stops at padding, so a decoded comparison accepts altered signatures.
  const expected = Buffer.from(sign(id, timestamp.trim(), input.rawBody, input.secret), 'utf8');
  const matches = signatures
    .split(' ')
    .filter((entry) => entry.startsWith('v1,'))
    .some((entry) => {
      const given = Buffer.from(entry.slice(3), 'utf8');
      return given.length === expected.length && timingSafeEqual(given, expected);
    });
  return matches
    ? { ok: true, webhookId: id, timestamp: seconds }
    : { ok: false, reason: 'bad_signature' };
}

/** The headers BigCommerce sends with a delivery; used by the simulator and tests. */
export function signBigCommerceWebhook(input: {
  id: string;
  timestamp: number;
  body: Buffer | string;
  secret: string;
}): { 'webhook-id': string; 'webhook-timestamp': string; 'webhook-signature': string } {
  const timestamp = String(Math.floor(input.timestamp));
  return {
    'webhook-id': input.id,
    'webhook-timestamp': timestamp,
    'webhook-signature': `v1,${sign(input.id, timestamp, input.body, input.secret)}`,
  };
}

export const BigCommerceOrderHookDataSchema = z
  .object({
    type: z.literal('order'),
    id: z.number().int().positive(),
    status: z
      .object({ previous_status_id: z.number().int(), new_status_id: z.number().int() })
      .loose()
      .optional(),
  })
  .loose();

/** Shipment events name the order in camelCase, unlike everything else. */
export const BigCommerceShipmentHookDataSchema = z
  .object({
    type: z.literal('shipment'),
    id: z.number().int().positive(),
    orderId: z.number().int().positive(),
  })
  .loose();

export const BIGCOMMERCE_ORDER_SCOPES = [
  'store/order/created',
  'store/order/updated',
  'store/order/statusUpdated',
  'store/order/archived',
] as const;
export const BIGCOMMERCE_SHIPMENT_SCOPES = [
  'store/shipment/created',
  'store/shipment/updated',
  'store/shipment/deleted',
] as const;

/** The merchant uninstalled the app from the store (delivered to the app's own hooks). */
export const BIGCOMMERCE_APP_UNINSTALLED_SCOPE = 'store/app/uninstalled';

const isOrderScope = (scope: string) =>
  (BIGCOMMERCE_ORDER_SCOPES as readonly string[]).includes(scope);
const isShipmentScope = (scope: string) =>
  (BIGCOMMERCE_SHIPMENT_SCOPES as readonly string[]).includes(scope);

/**
 * The callback envelope. `data` is checked per scope for the scopes we act on; the rest pass
 * through untouched. `hash` is the same for duplicate deliveries of one event.
 */
export const BigCommerceWebhookSchema = z
  .object({
    // Bounded: the scope becomes the inbox topic, the rest is compared or logged.
    scope: z.string().min(1).max(100),
    store_id: z.union([z.string().max(64), z.number()]).transform(String),
    data: z.record(z.string().max(100), z.unknown()),
    hash: z.string().min(1).max(200),
    created_at: z.number().int(),
    producer: z.string().min(1).max(100),
  })
  .loose()
  .superRefine((envelope, ctx) => {
    const schema = isOrderScope(envelope.scope)
      ? BigCommerceOrderHookDataSchema
      : isShipmentScope(envelope.scope)
        ? BigCommerceShipmentHookDataSchema
        : isCatalogScope(envelope.scope)
          ? catalogHookDataSchema(envelope.scope)
          : undefined;
    const result = schema?.safeParse(envelope.data);
    for (const issue of result?.error?.issues ?? []) {
      ctx.addIssue({
        code: 'custom',
        path: ['data', ...issue.path.map(String)],
        message: issue.message,
      });
    }
  });
export type BigCommerceWebhook = z.infer<typeof BigCommerceWebhookSchema>;

export type BigCommerceWebhookEvent =
  | {
      kind: 'order';
      scope: string;
      orderId: number;
      /** Only on `store/order/statusUpdated`. */
      statusChange?: { previousStatusId: number; newStatusId: number };
    }
  | { kind: 'shipment'; scope: string; orderId: number; shipmentId: number }
  /** A product or one of its variants (SKU events name their product) was created or changed. */
  | { kind: 'product'; scope: string; productId: number }
  /** The app was uninstalled: the store is gone for the hub. Its `data` carries nothing needed. */
  | { kind: 'uninstalled'; scope: string }
  | { kind: 'ignored'; scope: string };

/** The store hash from `producer` (`stores/{store_hash}`). */
export function bigCommerceStoreHashOf(
  envelope: Pick<BigCommerceWebhook, 'producer'>,
): string | undefined {
  const match = /^stores\/([A-Za-z0-9]+)$/.exec(envelope.producer);
  return match?.[1];
}

/** What a parsed delivery asks of us. Payloads are light: the order is always re-fetched. */
export function interpretBigCommerceWebhook(envelope: BigCommerceWebhook): BigCommerceWebhookEvent {
  const { scope } = envelope;
  const invalid = () =>
    new PermanentError(`bigcommerce ${scope} webhook has unexpected data`, {
      provider: 'bigcommerce',
      reason: 'bigcommerce.webhook_invalid',
    });
  if (isOrderScope(scope)) {
    const data = BigCommerceOrderHookDataSchema.safeParse(envelope.data);
    if (!data.success) throw invalid();
    const status = data.data.status;
    return {
      kind: 'order',
      scope,
      orderId: data.data.id,
      ...(status
        ? {
            statusChange: {
              previousStatusId: status.previous_status_id,
              newStatusId: status.new_status_id,
            },
          }
        : {}),
    };
  }
  if (isShipmentScope(scope)) {
    const data = BigCommerceShipmentHookDataSchema.safeParse(envelope.data);
    if (!data.success) throw invalid();
    return { kind: 'shipment', scope, orderId: data.data.orderId, shipmentId: data.data.id };
  }
  if (isCatalogScope(scope)) {
    const productId = productIdOfCatalogHook(scope, envelope.data);
    if (productId === undefined) throw invalid();
    return { kind: 'product', scope, productId };
  }
  if (scope === BIGCOMMERCE_APP_UNINSTALLED_SCOPE) return { kind: 'uninstalled', scope };
  return { kind: 'ignored', scope };
}
