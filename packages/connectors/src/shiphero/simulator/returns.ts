import { invalidInput } from './errors';
import type { OrderRecord, ReturnRecord } from './records';
import type { AccountData, ShipHeroSimState } from './state';

export interface ReturnRequest {
  lineItems: { partnerLineItemId?: string; sku?: string; quantity: number; condition?: string }[];
  status?: string;
  reason?: string;
}

/** A return of shipped units, as the warehouse records it (restocking is not simulated). */
export function createReturn(
  state: ShipHeroSimState,
  data: AccountData,
  order: OrderRecord,
  request: ReturnRequest,
): ReturnRecord {
  const items = request.lineItems.map((line) => {
    const item = order.line_items.find((candidate) =>
      line.partnerLineItemId !== undefined
        ? candidate.partner_line_item_id === line.partnerLineItemId
        : candidate.sku === line.sku,
    );
    if (!item)
      throw invalidInput(`The order has no line item ${line.partnerLineItemId ?? line.sku}`);
    if (line.quantity <= 0 || line.quantity > item.quantity_shipped) {
      throw invalidInput(`${item.partner_line_item_id}: ${item.quantity_shipped} shipped`);
    }
    return {
      ...state.issue(data, 'ReturnItem'),
      line_item: item,
      quantity: line.quantity,
      condition: line.condition ?? 'Good',
    };
  });
  if (items.length === 0) throw invalidInput('A return needs at least one line item');
  const record: ReturnRecord = {
    ...state.issue(data, 'Return'),
    order_id: order.id,
    status: request.status ?? 'pending',
    reason: request.reason ?? 'Customer return',
    line_items: items,
    created_at: state.now(),
  };
  data.returns.set(record.id, record);
  return record;
}
