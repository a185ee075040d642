import type { z } from 'zod';
import { newLabel, ShipError, ShipRequestSchema } from './shipping';
import type { ShipStationState, SimOrder, SimShipment } from './state';

/** A return label a person buys for goods that went out: the ship request without a batch. */
export const ReturnRequestSchema = ShipRequestSchema.omit({ batch: true });
export type ReturnRequest = z.infer<typeof ReturnRequestSchema>;

/** Units of each item on live return labels of the order. */
function returnedUnits(state: ShipStationState, order: SimOrder): Map<number, number> {
  const returned = new Map<number, number>();
  for (const shipment of state.shipments.values()) {
    if (shipment.orderId !== order.orderId || !shipment.isReturnLabel || shipment.voided) continue;
    for (const line of shipment.items) {
      returned.set(line.orderItemId, (returned.get(line.orderItemId) ?? 0) + line.quantity);
    }
  }
  return returned;
}

/**
 * Buys a return label for shipped units (default: every shipped unit not yet on a return label).
 * The order, its status and its shipped counts stay as they are, and no webhook goes out:
 * ShipStation's ship webhooks are for outbound labels only.
 */
export function createReturnLabel(
  state: ShipStationState,
  order: SimOrder,
  request: ReturnRequest,
): SimShipment {
  const orderId = order.orderId;
  const returned = returnedUnits(state, order);
  const left = (item: SimOrder['items'][number]) =>
    item.shipped - (returned.get(item.orderItemId) ?? 0);
  const goods = order.items.filter((item) => item.input.adjustment !== true);
  const wanted = request.items
    ? request.items.map((line) => {
        const item = goods.find((candidate) =>
          line.orderItemId !== undefined
            ? candidate.orderItemId === line.orderItemId
            : candidate.input.lineItemKey === line.lineItemKey,
        );
        if (!item) {
          const ref = line.lineItemKey ?? line.orderItemId;
          throw new ShipError(400, `order ${orderId} has no item ${ref}`);
        }
        return { item, quantity: line.quantity };
      })
    : goods.map((item) => ({ item, quantity: left(item) }));

  const lines = new Map<number, number>();
  for (const { item, quantity } of wanted) {
    const total = (lines.get(item.orderItemId) ?? 0) + quantity;
    if (total > left(item)) {
      const ref = item.input.lineItemKey ?? item.orderItemId;
      throw new ShipError(400, `item ${ref} has ${left(item)} shipped unit(s) left to return`);
    }
    lines.set(item.orderItemId, total);
  }
  const items = [...lines]
    .filter(([, quantity]) => quantity > 0)
    .map(([orderItemId, quantity]) => ({ orderItemId, quantity }));
  if (!items.length) throw new ShipError(409, `order ${orderId} has no shipped units to return`);

  const shipment = newLabel(state, order, request, items, {
    batchId: state.next('batch'),
    batchNumber: null,
    isReturnLabel: true,
  });
  state.shipments.set(shipment.shipmentId, shipment);
  return shipment;
}
