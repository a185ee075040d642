import type { Response } from 'express';
import type { z } from 'zod';
import { renderOrder } from './render';
import type { ShipStationState, SimOrder } from './state';

/** An order as the API renders it, plus what only the simulator knows. */
export function controlView(state: ShipStationState, order: SimOrder) {
  return {
    ...renderOrder(state, order),
    simulator: {
      apiKey: order.account,
      deleted: order.deleted,
      items: order.items.map((item) => ({
        orderItemId: item.orderItemId,
        lineItemKey: item.input.lineItemKey ?? null,
        sku: item.input.sku ?? null,
        quantity: item.input.quantity,
        quantityShipped: item.shipped,
      })),
    },
  };
}

export function bad(res: Response, issues: z.core.$ZodIssue[]): void {
  res.status(400).json({ error: 'invalid request', issues });
}

/** The live order with that id (any account), or a 404 answered. */
export function controlOrder(
  state: ShipStationState,
  orderId: unknown,
  res: Response,
): SimOrder | undefined {
  const order = state.orders.get(Number(orderId));
  if (!order || order.deleted) {
    res.status(404).json({ error: 'order not found' });
    return undefined;
  }
  return order;
}

/**
 * The account a set-up route is for: `apiKey` when given, else the only account there is (a
 * simulator with several accounts must be told which).
 */
export function controlAccount(
  state: ShipStationState,
  apiKey: string | undefined,
  res: Response,
): string | undefined {
  if (apiKey !== undefined) {
    if (state.accounts.has(apiKey)) return apiKey;
    res.status(404).json({ error: 'no account with that apiKey' });
    return undefined;
  }
  const [only, ...others] = state.accounts.keys();
  if (only !== undefined && others.length === 0) return only;
  res
    .status(400)
    .json({ error: 'apiKey is required unless the simulator has exactly one account' });
  return undefined;
}
