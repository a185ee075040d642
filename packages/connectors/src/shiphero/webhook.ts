import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import type { ReportedReturn } from '@shiplink/domain';
import { header } from '../http/profile';

/*
 * ShipHero signs each delivery with `x-shiphero-hmac-sha256`: base64(HMAC-SHA256(raw body))
 * keyed with the `shared_signature_secret` that `webhook_create` answered for that webhook. A
 * `X-Shiphero-Message-ID` header names the delivery where ShipHero sends one (the same on each of
 * its up to 5 retries); the body's digest stands in for it otherwise.
 */

/** Base64 of a 32-byte digest is 44 characters; a little room for whitespace. */
const MAX_SIGNATURE = 100;
const MAX_MESSAGE_ID = 200;

export const SIGNATURE_HEADER = 'x-shiphero-hmac-sha256';
export const MESSAGE_ID_HEADER = 'x-shiphero-message-id';

export function signShipHeroWebhook(body: Buffer | string, secret: string): string {
  return createHmac('sha256', Buffer.from(secret, 'utf8')).update(body).digest('base64');
}

/** True when one of `secrets` signed the raw body; compared as base64 text in constant time. */
export function verifyShipHeroSignature(
  headers: Record<string, string | string[] | undefined>,
  rawBody: Buffer,
  secrets: readonly string[],
): boolean {
  const given = header(headers, SIGNATURE_HEADER)?.trim();
  if (!given || given.length > MAX_SIGNATURE) return false;
  const received = Buffer.from(given, 'utf8');
  return secrets.some((secret) => {
    const expected = Buffer.from(signShipHeroWebhook(rawBody, secret), 'utf8');
    return expected.length === received.length && timingSafeEqual(expected, received);
  });
}

/** The delivery's own id, when ShipHero sent a usable one. */
export function shipHeroMessageId(
  headers: Record<string, string | string[] | undefined>,
): string | undefined {
  const id = header(headers, MESSAGE_ID_HEADER)?.trim();
  return id && id.length <= MAX_MESSAGE_ID && /^[\w.:-]+$/.test(id) ? id : undefined;
}

const text = z.string().max(2_000);
/** ShipHero sends some numbers as strings ("37") and ids as legacy integers. */
const numeric = z.union([z.number(), z.string().max(40)]);

export const ShipHeroWebhookEnvelopeSchema = z
  .object({ webhook_type: z.string().min(1).max(100) })
  .loose();

export const ShipmentUpdateSchema = z
  .object({
    webhook_type: z.literal('Shipment Update'),
    test: z.union([z.string(), z.number(), z.boolean()]).optional(),
    fulfillment: z
      .object({
        shipment_id: numeric,
        shipment_uuid: text.nullish(),
        partner_order_id: text.nullish(),
        order_number: text.nullish(),
        order_uuid: text.nullish(),
        order_id: numeric.nullish(),
        tracking_number: text.nullish(),
      })
      .loose(),
  })
  .loose();

export const InventoryUpdateSchema = z
  .object({
    webhook_type: z.literal('Inventory Update'),
    account_id: numeric.optional(),
    inventory: z
      .array(
        z
          .object({
            sku: z.string().min(1).max(255),
            inventory: numeric.nullish(),
            on_hand: numeric.nullish(),
            updated_warehouse: z
              .object({
                warehouse_id: numeric.nullish(),
                warehouse_uuid: text.nullish(),
                inventory: numeric.nullish(),
                on_hand: numeric.nullish(),
              })
              .loose()
              .nullish(),
          })
          .loose(),
      )
      .max(5_000),
  })
  .loose();

export const OrderCanceledSchema = z
  .object({
    webhook_type: z.literal('Order Canceled'),
    order_id: numeric.nullish(),
    order_uuid: text.nullish(),
    partner_order_id: text.nullish(),
    order_number: text.nullish(),
  })
  .loose();

/** ShipHero's return statuses before the goods are back; every other status means received. */
const NOT_RECEIVED = new Set(['pending', 'open', 'requested', 'awaiting', 'label_created']);

export const ReturnUpdateSchema = z
  .object({
    webhook_type: z.literal('Return Update'),
    return: z
      .object({
        id: numeric.nullish(),
        uuid: text.nullish(),
        order_id: numeric.nullish(),
        order_uuid: text.nullish(),
        partner_order_id: text.nullish(),
        status: text.nullish(),
        reason: text.nullish(),
        tracking_number: text.nullish(),
        line_items: z
          .array(
            z
              .object({
                partner_line_item_id: text.nullish(),
                sku: text.nullish(),
                quantity: z.number().int().positive().max(1_000_000),
                condition: text.nullish(),
              })
              .loose(),
          )
          .max(500)
          .default([]),
      })
      .loose(),
  })
  .loose();
export type ReturnUpdate = z.infer<typeof ReturnUpdateSchema>;

/** A Return Update as the hub's reported return; undefined when it names no return. */
export function reportedReturn(update: ReturnUpdate): ReportedReturn | undefined {
  const ret = update.return;
  const sourceRef = ret.uuid || (ret.id === null || ret.id === undefined ? '' : String(ret.id));
  if (!sourceRef) return undefined;
  const cap = (value: string | null | undefined, max: number) =>
    value?.trim().slice(0, max) || null;
  return {
    sourceRef,
    orderKey: cap(ret.partner_order_id, 200),
    fulfilmentOrderId: cap(ret.order_uuid, 200),
    state: NOT_RECEIVED.has((ret.status ?? '').trim().toLowerCase()) ? 'reported' : 'received',
    reason: cap(ret.reason, 500),
    trackingNumber: cap(ret.tracking_number, 200),
    items: ret.line_items.map((item) => ({
      lineRef: cap(item.partner_line_item_id, 200),
      sku: cap(item.sku, 200),
      quantity: item.quantity,
      condition: cap(item.condition, 100),
    })),
  };
}
