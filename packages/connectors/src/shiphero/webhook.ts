import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
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
