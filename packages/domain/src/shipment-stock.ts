import { z } from 'zod';

/**
 * When a shipment lowers the store's stock of what it carried:
 * - `other_channels` (the default): only shipments of orders from other sales channels in the
 *   same fulfilment account. The store took its own orders' units off at checkout already, so
 *   lowering them again would count every sale twice.
 * - `every`: every shipment, for stores that do not take stock off at checkout (stock tracked
 *   "on shipment"), at the price of double counting if the store does.
 * - `never`: stock is kept some other way (a warehouse system that owns it, or by hand).
 */
export const SHIPMENT_STOCK_POLICIES = ['other_channels', 'every', 'never'] as const;
export const ShipmentStockPolicySchema = z.enum(SHIPMENT_STOCK_POLICIES);
export type ShipmentStockPolicy = z.infer<typeof ShipmentStockPolicySchema>;

/** Whose order a shipment belongs to: one the hub exported from the store, or another channel's. */
export type ShipmentOrigin = 'store_order' | 'other_channel';

export function shipmentLowersStock(policy: ShipmentStockPolicy, origin: ShipmentOrigin): boolean {
  if (policy === 'never') return false;
  return policy === 'every' || origin === 'other_channel';
}

/** One shipped item as the stock ledger keeps it: once per shipment item, whatever is replayed. */
export interface PlannedDecrement {
  /** Stable per item of the shipment: the order line where there is one, else its place. */
  itemKey: string;
  sku: string;
  quantity: number;
}

/**
 * The decrements a shipment's items make. Items without a SKU or a positive quantity move no
 * stock; two items of one SKU stay two entries, each kept once.
 */
export function plannedDecrements(
  items: readonly { lineRef: string | null; sku: string | null; quantity: number }[],
): PlannedDecrement[] {
  return items.flatMap((item, index) => {
    const sku = item.sku?.trim();
    if (!sku || !Number.isSafeInteger(item.quantity) || item.quantity <= 0) return [];
    const itemKey = item.lineRef ? `line:${item.lineRef}` : `item:${index}:${sku}`;
    return [{ itemKey, sku, quantity: item.quantity }];
  });
}
