import type { LineItemRecord, OrderRecord } from './records';
import { stockKey, type AccountData } from './state';

/** Statuses after which an order holds no stock; any other (custom ones too) is still open. */
const CLOSED_STATUSES = new Set(['fulfilled', 'canceled', 'cancelled']);

export const isOpenOrder = (order: OrderRecord): boolean =>
  !CLOSED_STATUSES.has(order.fulfillment_status.toLowerCase());

export interface Allocation {
  onHand: number;
  allocated: number;
  /** Units open orders want beyond what is on hand. */
  backorder: number;
  /** On hand minus allocated: what ShipHero pushes to the sales channels. */
  available: number;
  byLineItem: Map<string, number>;
}

/**
 * Stock allocation as ShipHero does it by default: open orders take a warehouse's on-hand units
 * first come, first served; what is left is available, what is missing is backordered.
 */
export function allocate(data: AccountData, warehouseId: string, sku: string): Allocation {
  const onHand = data.stock.get(stockKey(warehouseId, sku))?.on_hand ?? 0;
  let left = onHand;
  let demand = 0;
  const byLineItem = new Map<string, number>();
  for (const order of data.orders.values()) {
    if (!isOpenOrder(order)) continue;
    for (const item of order.line_items) {
      const wanted = item.quantity_pending_fulfillment;
      if (item.sku !== sku || item.warehouse_id !== warehouseId || wanted <= 0) continue;
      const taken = Math.min(left, wanted);
      byLineItem.set(item.id, taken);
      left -= taken;
      demand += wanted;
    }
  }
  const allocated = onHand - left;
  return { onHand, allocated, backorder: demand - allocated, available: left, byLineItem };
}

/** Allocations computed once per request: views ask for the same SKU many times. */
export class AllocationCache {
  private computed = new Map<string, Allocation>();

  constructor(private readonly data: AccountData) {}

  of(warehouseId: string, sku: string): Allocation {
    const key = stockKey(warehouseId, sku);
    let allocation = this.computed.get(key);
    if (!allocation) {
      allocation = allocate(this.data, warehouseId, sku);
      this.computed.set(key, allocation);
    }
    return allocation;
  }

  lineItem(item: LineItemRecord): number {
    return this.of(item.warehouse_id, item.sku).byLineItem.get(item.id) ?? 0;
  }

  /** Mutations change what is allocated; the next view computes afresh. */
  clear(): void {
    this.computed.clear();
  }
}
