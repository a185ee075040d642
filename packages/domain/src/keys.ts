import { createHash } from 'node:crypto';

/**
 * Deterministic identifiers. BullMQ job ids may not contain ':' (it separates Redis key parts),
 * so every part is reduced to a safe alphabet and joined with '.'.
 */
export function jobKey(...parts: (string | number)[]): string {
  return parts.map((part) => String(part).replace(/[^A-Za-z0-9_-]/g, '_')).join('.');
}

/** A short stable digest for values that are long or carry secrets (URLs, credentials). */
export function digest(value: string, length = 24): string {
  return createHash('sha256').update(value).digest('hex').slice(0, length);
}

/**
 * The inbox's unique key for an inbound event: provider, the account it came for, its own id.
 * The parts come from the sender, so the key is a fixed-length digest of them: it fits any index
 * and costs the same however long the input was.
 */
export function inboxDedupKey(provider: string, account: string, eventRef: string): string {
  return `${provider}:${digest(`${account.length}:${account}|${eventRef}`, 64)}`;
}

/** The fulfilment system's upsert key for one destination of a store order. */
export function fulfilmentOrderKey(
  storeRef: string,
  orderExternalId: string,
  addressExternalId: string,
  destinationCount: number,
): string {
  const base = `bc-${storeRef}-${orderExternalId}`;
  return destinationCount > 1 ? `${base}-${addressExternalId}` : base;
}

/**
 * Which tracking number and carrier a shipment carried when its tracking registration was asked
 * for: duplicates of one change share it, a changed number or carrier (or a void) does not.
 * `cause` (e.g. the webhook that reported the change) keeps a change back to an earlier number
 * from colliding with the job that handled that number the first time.
 */
export function trackingRevision(
  shipment: { trackingNumber: string | null; carrierSlug: string | null; voided?: boolean },
  cause = '',
): string {
  const parts = [shipment.carrierSlug ?? '', shipment.trackingNumber?.trim() ?? ''];
  if (shipment.voided) parts.push('void');
  return digest([...parts, cause].join('|'), 16);
}

/**
 * The advisory lock of every read-modify-write of a store order's status and staff notes: the
 * store takes whole values, so two writers that read the same notes would lose one's line.
 */
export const storeOrderWriteLock = (orderId: string): string => `store-order-write:${orderId}`;
